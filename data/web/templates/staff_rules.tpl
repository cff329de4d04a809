{{%AUTOESCAPE context="HTML"}}<h1>规章和行政规范性文件</h1>
{{#ERROR}}<p class="errors" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<p>表二（一）（二）由此生成：本年制发、本年废止、现行有效（{{TODAY}}）。</p>
<div class="table-wrap">
<table class="catalogue">
<thead><tr><th scope="col">类别</th><th scope="col">标题</th><th scope="col">文号</th><th scope="col">制发日期</th><th scope="col">修改</th><th scope="col">废止日期</th><th scope="col">现行有效</th></tr></thead>
<tbody>
{{#DOC}}<tr><td>{{KIND}}</td><td><a href="/staff/rules/{{ID}}">{{TITLE}}</a></td><td>{{NUMBER}}</td><td>{{MADE}}</td><td>{{AMENDMENTS}}</td><td>{{ABOLISHED}}</td><td>{{IN_FORCE}}</td></tr>
{{/DOC}}</tbody>
</table>
</div>
<form method="post" action="/staff/rules">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset>
<legend>登记制发</legend>
<p><label for="f-kind">类别 *</label> <select id="f-kind" name="kind"><option value="normative_docs">行政规范性文件</option><option value="rules">规章</option></select></p>
<p><label for="f-title">标题 *</label> <input id="f-title" name="title" required maxlength="500"></p>
<p><label for="f-number">文号</label> <input id="f-number" name="number" maxlength="200"></p>
<p><label for="f-made">制发日期 *</label> <input id="f-made" name="made" type="date" required></p>
<p><button type="submit">登记</button></p>
</fieldset>
</form>
