{{%AUTOESCAPE context="HTML"}}<h1>政府信息公开目录</h1>
{{#ERROR}}<p class="errors" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<p>共 {{TOTAL}} 件（含待发布稿）。主动公开的文件先登记为待发布稿，经三审（拟稿、审核、签发，三个不同的人）和保密审查后由管理员公开。</p>
<div class="table-wrap">
<table class="catalogue">
<caption>本机关登记的政府信息</caption>
<thead><tr><th scope="col">索引号</th><th scope="col">名称</th><th scope="col">分类</th><th scope="col">生成日期</th><th scope="col">公开方式</th><th scope="col">状态</th></tr></thead>
<tbody>
{{#DOC}}<tr><td>{{INDEX}}</td><td><a href="/staff/documents/{{ID}}">{{TITLE}}</a></td><td>{{CATEGORY}}</td><td>{{CREATED}}</td><td>{{MODE}}</td><td>{{STATE}}</td></tr>
{{/DOC}}</tbody>
</table>
</div>
<nav aria-label="分页" class="pages">{{#PREV}}<a href="/staff/documents?page={{PREV_PAGE}}" rel="prev">上一页</a>{{/PREV}} 第 {{PAGE}} 页 {{#NEXT}}<a href="/staff/documents?page={{NEXT_PAGE}}" rel="next">下一页</a>{{/NEXT}}</nav>
<form method="post" action="/staff/documents">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset>
<legend>登记政府信息</legend>
<p><label for="f-index">索引号 *</label> <input id="f-index" name="index_number" required maxlength="200"></p>
<p><label for="f-title">名称 *</label> <input id="f-title" name="title" required maxlength="500"></p>
<p><label for="f-category">分类 *</label> <input id="f-category" name="category" required maxlength="200"></p>
<p><label for="f-publisher">发布机构 *</label> <input id="f-publisher" name="publisher" required maxlength="200"></p>
<p><label for="f-created">生成日期 *</label> <input id="f-created" name="created" type="date" required></p>
<p><label for="f-mode">公开方式 *</label> <select id="f-mode" name="mode">{{#MODE_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>{{/MODE_OPTION}}</select></p>
<p><label for="f-body">正文</label> <textarea id="f-body" name="body" rows="6"></textarea></p>
</fieldset>
<fieldset>
<legend>三审和保密审查（可在公开前补全）</legend>
<p><label for="f-drafter">拟稿人</label> <input id="f-drafter" name="drafter" maxlength="100"></p>
<p><label for="f-reviewer">审核人</label> <input id="f-reviewer" name="reviewer" maxlength="100"></p>
<p><label for="f-approver">签发人</label> <input id="f-approver" name="approver" maxlength="100"></p>
<p><label for="f-review-date">审查日期</label> <input id="f-review-date" name="review_date" type="date"></p>
<p><label><input type="checkbox" name="secrecy_checked" value="1"> 已完成保密审查</label></p>
</fieldset>
<p><button type="submit">登记</button></p>
</form>
