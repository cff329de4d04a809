{{%AUTOESCAPE context="HTML"}}<h1>查询办理进度</h1>
{{#NOT_FOUND}}<p class="errors" role="alert">没有找到与该查询码对应的申请，请核对查询码后重试。</p>{{/NOT_FOUND}}
<form method="post" action="/status">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="code">查询码（提交申请后显示的20位字母和数字）</label>
<input id="code" name="code" required maxlength="40" autocomplete="off" spellcheck="false"></p>
<p><button type="submit">查询</button></p>
</form>
