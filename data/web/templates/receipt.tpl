{{%AUTOESCAPE context="HTML"}}<h1>申请已收到</h1>
<div class="receipt" role="status">
<p>{{AGENCY_NAME}}已收到您的政府信息公开申请。</p>
<dl>
<dt>查询码</dt><dd><strong class="code" id="query-code">{{QUERY_CODE}}</strong></dd>
<dt>收到申请之日</dt><dd id="received">{{RECEIVED}}</dd>
<dt>答复期限</dt><dd id="due">{{DUE}}</dd>
</dl>
<p>请妥善保存查询码：凭查询码可查询办理进度和答复，本网站不会再次显示。答复期限为收到申请之日起20个工作日（条例第三十三条），补正、征求意见等期间依法不计算在内。</p>
</div>
<form method="post" action="/status">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="code" value="{{QUERY_CODE}}">
<button type="submit">查看办理进度</button>
</form>
