{{%AUTOESCAPE context="HTML"}}{{>NAV}}
<article class="document">
<h1>{{TITLE}}</h1>
<dl class="meta">
<dt>索引号</dt><dd>{{INDEX}}</dd>
<dt>发布机构</dt><dd>{{PUBLISHER}}</dd>
<dt>生成日期</dt><dd>{{CREATED}}</dd>
<dt>公开日期</dt><dd>{{PUBLISHED}}</dd>
<dt>分类</dt><dd>{{CATEGORY}}</dd>
</dl>
{{#PARAGRAPH}}<p>{{TEXT}}</p>
{{/PARAGRAPH}}
</article>
