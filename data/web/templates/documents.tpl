{{%AUTOESCAPE context="HTML"}}<h1>{{AGENCY_NAME}}法定主动公开内容</h1>
{{>NAV}}
<p>共 {{TOTAL}} 条。</p>
<div class="table-wrap">
<table class="catalogue">
<caption>政府信息公开目录</caption>
<thead><tr><th scope="col">索引号</th><th scope="col">名称</th><th scope="col">发布机构</th><th scope="col">生成日期</th><th scope="col">分类</th></tr></thead>
<tbody>
{{#DOC}}<tr><td>{{INDEX}}</td><td><a href="/documents/{{ID}}">{{TITLE}}</a></td><td>{{PUBLISHER}}</td><td>{{CREATED}}</td><td>{{CATEGORY}}</td></tr>
{{/DOC}}</tbody>
</table>
</div>
<nav aria-label="分页" class="pages">{{#PREV}}<a href="{{PREV_URL}}" rel="prev">上一页</a>{{/PREV}} 第 {{PAGE}} 页 {{#NEXT}}<a href="{{NEXT_URL}}" rel="next">下一页</a>{{/NEXT}}</nav>
