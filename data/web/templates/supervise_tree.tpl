{{%AUTOESCAPE context="HTML"}}<h1>{{AGENCY_NAME}}所属机关 {{YEAR}} 年度报告</h1>
<p class="years"><a href="/supervise?year={{PREV_YEAR}}">{{PREV_YEAR}} 年度</a> · <a href="/supervise?year={{NEXT_YEAR}}">{{NEXT_YEAR}} 年度</a></p>
<p>共 {{TOTAL}} 个机关：{{#COUNT}}<span class="status-{{STATUS}}">{{LABEL}} <strong>{{N}}</strong></span> {{/COUNT}}</p>
<p>导出：<a href="/supervise?year={{YEAR}}&amp;format=csv">CSV</a> · <a href="/supervise?year={{YEAR}}&amp;format=xlsx">XLSX（Excel）</a>
· 排序：<a href="/supervise?year={{YEAR}}">按层级</a> · <a href="/supervise?year={{YEAR}}&amp;sort=status">按状态</a> · <a href="/supervise?year={{YEAR}}&amp;sort=name">按名称</a> · <a href="/supervise?year={{YEAR}}&amp;sort=filed">按提交日期</a></p>
<div class="table-wrap"><table class="catalogue supervise-tree">
<caption>{{YEAR}} 年度报告提交与检查情况</caption>
<thead><tr><th scope="col">机关</th><th scope="col">状态</th><th scope="col">提交日期</th><th scope="col">来源</th><th scope="col">下属：未提交 / 有错误 / 有警告 / 通过</th></tr></thead>
<tbody>
{{#ROW}}<tr class="status-{{STATUS}}" data-agency="{{AGENCY_ID}}"><th scope="row">{{INDENT}}{{NAME}}</th><td>{{#HAS_REPORT}}<a href="/supervise/reports/{{SUBMISSION_ID}}">{{/HAS_REPORT}}{{STATUS_LABEL}}{{#HAS_ERRORS}}（{{ERRORS}}）{{/HAS_ERRORS}}{{#HAS_REPORT}}</a>{{/HAS_REPORT}}</td><td>{{FILED}}</td><td>{{SOURCE}}</td><td>{{#HAS_SUBTREE}}{{SUB_0}} / {{SUB_1}} / {{SUB_2}} / {{SUB_3}}{{/HAS_SUBTREE}}</td></tr>
{{/ROW}}
</tbody>
</table></div>
{{#PAGES}}<nav class="pages" aria-label="分页"><p>第 {{PAGE}} 页，共 {{PAGE_COUNT}} 页
{{#PREV_PAGE}}<a href="/supervise?year={{YEAR}}&amp;sort={{SORT}}&amp;page={{N}}" rel="prev">上一页</a>{{/PREV_PAGE}}
{{#NEXT_PAGE}}<a href="/supervise?year={{YEAR}}&amp;sort={{SORT}}&amp;page={{N}}" rel="next">下一页</a>{{/NEXT_PAGE}}</p></nav>{{/PAGES}}
