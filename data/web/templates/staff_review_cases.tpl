{{%AUTOESCAPE context="HTML"}}<h1>行政复议和行政诉讼</h1>
{{#ERROR}}<p class="errors" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<p>表四由此生成：每年统计立案在年底以前、且未在当年以前审结的案件。</p>
<div class="table-wrap">
<table class="catalogue">
<thead><tr><th scope="col">案号</th><th scope="col">类别</th><th scope="col">立案日期</th><th scope="col">审结</th><th scope="col">案情</th></tr></thead>
<tbody>
{{#CASE}}<tr><td><a href="/staff/review-cases/{{ID}}">{{NUMBER}}</a></td><td>{{GROUP}}</td><td>{{FILED}}</td><td>{{RESULT}}</td><td>{{NOTE}}</td></tr>
{{/CASE}}</tbody>
</table>
</div>
<form method="post" action="/staff/review-cases">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset><legend>登记案件</legend>
<p><label for="f-group">类别 *</label> <select id="f-group" name="group">{{#GROUP_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>{{/GROUP_OPTION}}</select></p>
<p><label for="f-number">案号 *</label> <input id="f-number" name="number" required maxlength="200"></p>
<p><label for="f-filed">立案日期 *</label> <input id="f-filed" name="filed" type="date" required></p>
<p><label for="f-note">案情</label> <input id="f-note" name="note" maxlength="1000"></p>
<p><label for="f-review">所经复议案件编号（复议后起诉）</label> <input id="f-review" name="review_id" type="number" min="1"></p>
<p><label for="f-request">所涉申请编号</label> <input id="f-request" name="request_id" type="number" min="1"></p>
<p><button type="submit">登记</button></p>
</fieldset></form>
