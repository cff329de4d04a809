{{%AUTOESCAPE context="HTML"}}<h1>案件 {{NUMBER}}</h1>
{{#ERROR}}<p class="errors" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<p><a href="/staff/review-cases">返回列表</a></p>
<dl class="fields">
<dt>类别</dt><dd>{{GROUP}}</dd>
<dt>立案日期</dt><dd>{{FILED}}</dd>
<dt>结果</dt><dd>{{RESULT}}</dd>
<dt>审结日期</dt><dd>{{DECIDED}}</dd>
<dt>案情</dt><dd>{{NOTE}}</dd>
</dl>
{{#PENDING}}<form method="post" action="/staff/review-cases/{{ID}}/decide">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset><legend>登记审结</legend>
<p><label for="f-result">结果 *</label> <select id="f-result" name="result"><option value="upheld">结果维持</option><option value="corrected">结果纠正</option><option value="other">其他结果</option></select></p>
<p><label for="f-date">审结日期 *</label> <input id="f-date" name="date" type="date" required></p>
<p><button type="submit">登记审结</button></p>
</fieldset></form>{{/PENDING}}
