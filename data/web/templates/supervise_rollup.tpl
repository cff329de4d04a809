{{%AUTOESCAPE context="HTML"}}<h1>{{AGENCY_NAME}} {{YEAR}} 年度汇总</h1>
<p class="years"><a href="/supervise/rollup?year={{PREV_YEAR}}">{{PREV_YEAR}} 年度</a> · <a href="/supervise/rollup?year={{NEXT_YEAR}}">{{NEXT_YEAR}} 年度</a></p>
<p>汇总了 {{FROM_LEDGER}} 个系统内机关（台账生成）和 {{FROM_UPLOADS}} 个上传报告的机关；{{MISSING_COUNT}} 个机关未提交，未计入。
某一单元格只要有一份报告未填写，汇总即留空（共 {{ABSENT_CELLS}} 个），不以部分之和代替。</p>
{{#HAS_WITH_ERRORS}}<p class="errors">以下机关的报告有错误，按原样计入：{{#WITH_ERRORS}}{{NAME}} {{/WITH_ERRORS}}</p>{{/HAS_WITH_ERRORS}}
<h2>表三 收到和处理政府信息公开申请情况</h2>
<div class="table-wrap"><table class="catalogue grid t3">
<thead><tr><th scope="col">项目</th>{{#T3_HEAD}}<th scope="col">{{LABEL}}</th>{{/T3_HEAD}}</tr></thead>
<tbody>
{{#T3_ROW}}<tr><th scope="row">{{LABEL}}</th>{{#CELL}}<td>{{VALUE}}</td>{{/CELL}}</tr>
{{/T3_ROW}}
</tbody>
</table></div>
<h2>表四 行政复议、行政诉讼情况</h2>
<div class="table-wrap"><table class="catalogue grid t4">
<thead><tr><th scope="col">项目</th>{{#T4_HEAD}}<th scope="col">{{LABEL}}</th>{{/T4_HEAD}}</tr></thead>
<tbody>
{{#T4_ROW}}<tr><th scope="row">{{LABEL}}</th>{{#CELL}}<td>{{VALUE}}</td>{{/CELL}}</tr>
{{/T4_ROW}}
</tbody>
</table></div>
<h2 id="missing">未提交报告的机关（{{MISSING_COUNT}}）</h2>
<ul class="missing">{{#MISSING}}<li>{{NAME}}</li>{{/MISSING}}</ul>
