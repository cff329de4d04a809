{{%AUTOESCAPE context="HTML"}}<h1>工作人员登录</h1>
{{#ERROR}}<p class="errors" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<form method="post" action="/staff/login">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="next" value="{{NEXT}}">
<p><label for="login">登录名</label>
<input id="login" name="login" value="{{LOGIN}}" required maxlength="64" autocomplete="username" autocapitalize="none" spellcheck="false"></p>
<p><label for="password">密码</label>
<input id="password" name="password" type="password" required maxlength="256" autocomplete="current-password"></p>
<p><button type="submit">登录</button></p>
</form>
<p>连续 5 次输入错误，账号将锁定 15 分钟。忘记密码请联系本机关管理员。</p>
