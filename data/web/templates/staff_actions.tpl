{{%AUTOESCAPE context="HTML"}}<h1>行政许可、处罚、强制和收费</h1>
{{#ERROR}}<p class="errors" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<p>表二（五）（六）（八）由此生成，每年登记一次（再次登记即替换），须注明数据来源。</p>
<div class="table-wrap">
<table class="catalogue">
<thead><tr><th scope="col">年度</th><th scope="col">行政许可</th><th scope="col">行政处罚</th><th scope="col">行政强制</th><th scope="col">行政事业性收费（万元）</th><th scope="col">数据来源</th></tr></thead>
<tbody>
{{#YEAR}}<tr><td>{{YEAR}}</td><td>{{LICENSING}}</td><td>{{PENALTY}}</td><td>{{COERCION}}</td><td>{{FEES}}</td><td>{{SOURCE}}</td></tr>
{{/YEAR}}</tbody>
</table>
</div>
<form method="post" action="/staff/actions">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset><legend>登记年度数量</legend>
<p><label for="f-year">年度 *</label> <input id="f-year" name="year" type="number" min="2008" max="2100" value="{{DEFAULT_YEAR}}" required></p>
<p><label for="f-licensing">行政许可（件） *</label> <input id="f-licensing" name="licensing" type="number" min="0" required></p>
<p><label for="f-penalty">行政处罚（件） *</label> <input id="f-penalty" name="penalty" type="number" min="0" required></p>
<p><label for="f-coercion">行政强制（件） *</label> <input id="f-coercion" name="coercion" type="number" min="0" required></p>
<p><label for="f-fees">行政事业性收费（万元） *</label> <input id="f-fees" name="fees_10k_yuan" type="number" min="0" step="0.0001" required></p>
<p><label for="f-source">数据来源 *</label> <input id="f-source" name="source" required maxlength="500"></p>
<p><button type="submit">登记</button></p>
</fieldset></form>
