{{%AUTOESCAPE context="HTML"}}<h1>检索</h1>
<form class="search" method="get" action="/search" role="search">
<label for="q">检索词（至少两个字，多个词用空格分开）</label>
<input id="q" name="q" type="search" value="{{QUERY}}" minlength="2" required>
<button type="submit">检索</button>
</form>
{{#QUERY_ERROR}}<p class="errors" role="alert">{{MESSAGE}}</p>{{/QUERY_ERROR}}
{{#SEARCHED}}<p role="status">共找到 {{TOTAL}} 条结果。</p>
<ol class="hits">
{{#HIT}}<li><a href="{{URL}}">{{TITLE}}</a> <span class="kind">{{KIND}}</span>
<p class="snippet">{{BEFORE}}<mark>{{MATCH}}</mark>{{AFTER}}</p></li>
{{/HIT}}</ol>
<nav aria-label="分页" class="pages">{{#PREV}}<a href="{{PREV_URL}}" rel="prev">上一页</a>{{/PREV}} 第 {{PAGE}} 页 {{#NEXT}}<a href="{{NEXT_URL}}" rel="next">下一页</a>{{/NEXT}}</nav>
{{/SEARCHED}}
