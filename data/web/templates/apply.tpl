{{%AUTOESCAPE context="HTML"}}<h1>{{AGENCY_NAME}}依申请公开</h1>
{{>NAV}}
<section>
<h2>申请须知</h2>
<p>请填写下表在线提交申请（《政府信息公开条例》第二十九条）。提交成功后页面会显示查询码和收到申请之日；本机关自收到申请之日起20个工作日内答复。带 * 的为必填项。</p>
<p>已经提交过申请？<a href="/status">凭查询码查询办理进度</a>。</p>
</section>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors">
<h2>请修改以下内容</h2>
<ul>{{#ERROR}}<li><a href="#f-{{FIELD}}">{{MESSAGE}}</a></li>{{/ERROR}}</ul>
</div>{{/HAS_ERRORS}}
<form class="apply" method="post" action="/agencies/{{AGENCY_ID}}/apply" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset>
<legend>申请人信息</legend>
<p><label for="f-name">姓名或名称 *</label>
<input id="f-name" name="name" value="{{NAME}}" required maxlength="200" autocomplete="name"></p>
<p><label for="f-kind">申请人类型 *</label>
<select id="f-kind" name="kind">{{#KIND}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND}}</select></p>
<p><label for="f-id_type">证件类型 *</label>
<select id="f-id_type" name="id_type">{{#ID_TYPE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}</option>{{/ID_TYPE}}</select></p>
<p><label for="f-id_number">证件号码 *</label>
<input id="f-id_number" name="id_number" value="{{ID_NUMBER}}" required maxlength="64"></p>
<p><label for="f-phone">联系电话 *</label>
<input id="f-phone" name="phone" type="tel" value="{{PHONE}}" required maxlength="64" autocomplete="tel"></p>
<p><label for="f-email">电子邮箱</label>
<input id="f-email" name="email" type="email" value="{{EMAIL}}" maxlength="200" autocomplete="email"></p>
<p><label for="f-address">通信地址</label>
<input id="f-address" name="address" value="{{ADDRESS}}" maxlength="200" autocomplete="street-address"></p>
</fieldset>
<fieldset>
<legend>申请内容</legend>
<p><label for="f-content">所需政府信息的名称、文号或者便于查询的其他特征性描述 *</label>
<textarea id="f-content" name="content" rows="6" required maxlength="4000">{{CONTENT}}</textarea></p>
<p><label for="f-form">获取信息的方式 *</label>
<select id="f-form" name="form">{{#FORM}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/FORM}}</select></p>
<p><label for="f-attachments">附件（身份证明等，最多 3 个，每个不超过 5 MB；PDF、PNG、JPEG、docx 或纯文本）</label>
<input id="f-attachments" name="attachment" type="file" multiple accept=".pdf,.png,.jpg,.jpeg,.docx,.txt"></p>
</fieldset>
<p><button type="submit">提交申请</button></p>
</form>
