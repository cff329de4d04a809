{{%AUTOESCAPE context="HTML"}}<h1>用户管理</h1>
<p>{{AGENCY_NAME}}的工作人员账号。</p>
{{#HAS_ERRORS}}<p class="errors" role="alert">{{MESSAGE}}</p>{{/HAS_ERRORS}}
{{#ADDED}}<p class="notice" role="status">已添加用户 {{ADDED_LOGIN}}。</p>{{/ADDED}}
<table>
<thead><tr><th scope="col">登录名</th><th scope="col">角色</th><th scope="col">状态</th><th scope="col">创建时间</th></tr></thead>
<tbody>
{{#USER}}<tr><td><a href="/staff/users/{{ID}}">{{LOGIN}}</a></td><td>{{ROLE}}</td><td>{{#DISABLED}}已停用{{/DISABLED}}{{#ENABLED}}正常{{/ENABLED}}</td><td>{{CREATED}}</td></tr>
{{/USER}}
</tbody>
</table>
<h2>添加用户</h2>
<form method="post" action="/staff/users">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="login">登录名（2–32 个字母、数字或 . _ -）</label>
<input id="login" name="login" value="{{NEW_LOGIN}}" required maxlength="32" autocomplete="off" spellcheck="false"></p>
<p><label for="role">角色</label>
<select id="role" name="role">
{{#ROLE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ROLE_OPTION}}</select></p>
<p><label for="password">初始密码（至少 10 个字符，包含字母、数字、符号中的两类）</label>
<input id="password" name="password" type="password" required maxlength="256" autocomplete="new-password"></p>
<p><button type="submit">添加</button></p>
</form>
