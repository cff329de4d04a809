{{%AUTOESCAPE context="HTML"}}<h1>{{TITLE}}</h1>
{{#ERROR}}<p class="errors" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<p><a href="/staff/documents">返回目录</a></p>
<dl class="fields">
<dt>索引号</dt><dd>{{INDEX}}</dd>
<dt>分类</dt><dd>{{CATEGORY}}</dd>
<dt>发布机构</dt><dd>{{PUBLISHER}}</dd>
<dt>生成日期</dt><dd>{{CREATED}}</dd>
<dt>公开日期</dt><dd>{{PUBLISHED}}</dd>
<dt>公开方式</dt><dd>{{MODE}}</dd>
<dt>状态</dt><dd>{{STATE}}</dd>
<dt>拟稿人</dt><dd>{{DRAFTER}}</dd>
<dt>审核人</dt><dd>{{REVIEWER}}</dd>
<dt>签发人</dt><dd>{{APPROVER}}</dd>
<dt>审查日期</dt><dd>{{REVIEW_DATE}}</dd>
<dt>保密审查</dt><dd>{{SECRECY}}</dd>
</dl>
<div class="document-body">{{BODY}}</div>
{{#PUBLISH}}<form method="post" action="/staff/documents/{{ID}}/publish">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset>
<legend>三审、保密审查后公开（管理员）</legend>
<p><label for="f-drafter">拟稿人 *</label> <input id="f-drafter" name="drafter" value="{{DRAFTER}}" required maxlength="100"></p>
<p><label for="f-reviewer">审核人 *</label> <input id="f-reviewer" name="reviewer" value="{{REVIEWER}}" required maxlength="100"></p>
<p><label for="f-approver">签发人 *</label> <input id="f-approver" name="approver" value="{{APPROVER}}" required maxlength="100"></p>
<p><label for="f-review-date">审查日期 *</label> <input id="f-review-date" name="review_date" type="date" value="{{REVIEW_DATE}}" required></p>
<p><label><input type="checkbox" name="secrecy_checked" value="1" required> 已完成保密审查</label></p>
<p><label for="f-published">公开日期 *</label> <input id="f-published" name="published" type="date" value="{{TODAY}}" required></p>
<p><button type="submit">公开</button></p>
</fieldset>
</form>{{/PUBLISH}}
