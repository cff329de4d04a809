{{%AUTOESCAPE context="HTML"}}<h1>{{TITLE}}</h1>
{{#ERROR}}<p class="errors" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<p><a href="/staff/rules">返回列表</a></p>
<dl class="fields">
<dt>类别</dt><dd>{{KIND}}</dd>
<dt>文号</dt><dd>{{NUMBER}}</dd>
<dt>制发日期</dt><dd>{{MADE}}</dd>
<dt>废止日期</dt><dd>{{ABOLISHED}}</dd>
</dl>
<h2>修改记录</h2>
<ul>{{#AMENDMENT}}<li>{{DATE}} {{NUMBER}} {{NOTE}}</li>{{/AMENDMENT}}</ul>
{{#OPEN}}<form method="post" action="/staff/rules/{{ID}}/amend">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset><legend>登记修改</legend>
<p><label for="f-date">修改日期 *</label> <input id="f-date" name="date" type="date" required></p>
<p><label for="f-number">修改文号</label> <input id="f-number" name="number" maxlength="200"></p>
<p><label for="f-note">修改内容 *</label> <input id="f-note" name="note" required maxlength="1000"></p>
<p><button type="submit">登记修改</button></p>
</fieldset></form>
<form method="post" action="/staff/rules/{{ID}}/repeal">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset><legend>登记废止</legend>
<p><label for="f-repeal">废止日期 *</label> <input id="f-repeal" name="date" type="date" required></p>
<p><button type="submit">登记废止</button></p>
</fieldset></form>{{/OPEN}}
