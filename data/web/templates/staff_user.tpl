{{%AUTOESCAPE context="HTML"}}<h1>用户 {{LOGIN}}</h1>
<dl>
<dt>角色</dt><dd>{{ROLE}}</dd>
<dt>状态</dt><dd>{{#DISABLED}}已停用{{/DISABLED}}{{#ENABLED}}正常{{/ENABLED}}</dd>
<dt>创建时间</dt><dd>{{CREATED}}</dd>
</dl>
{{#CAN_DISABLE}}<form method="post" action="/staff/users/{{ID}}/disable">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><button type="submit">停用此账号</button>（停用后立即退出其所有登录）</p>
</form>{{/CAN_DISABLE}}
<p><a href="/staff/users">返回用户列表</a></p>
