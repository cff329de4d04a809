{{%AUTOESCAPE context="HTML"}}<h1>{{AGENCY_NAME}} {{YEAR}} 年度报告</h1>
<p class="status-{{STATUS}}"><strong>{{STATUS_LABEL}}</strong>：错误 {{ERRORS}} 条，警告 {{WARNINGS}} 条。</p>
<dl class="meta">
<dt>文件</dt><dd>{{FILE}}（{{FORMAT}}）</dd>
<dt>SHA-256</dt><dd><code>{{SHA256}}</code></dd>
<dt>提交日期</dt><dd>{{FILED}}</dd>
<dt>上传人</dt><dd>{{UPLOADED_BY}}</dd>
<dt>版本</dt><dd>{{#ASSIGN}}指定所属机关后编入该机关的版本{{/ASSIGN}}{{#VERSIONED}}第 {{VERSION}} 版（共 {{VERSIONS}} 版）{{/VERSIONED}}</dd>
</dl>
{{#ASSIGN}}<section class="assign-all" aria-labelledby="assign">
<h2 id="assign">指定所属机关</h2>
<p>这份报告尚未指定所属机关（报告中的机关“{{REPORT_AGENCY}}”）。</p>
<form method="post" action="/supervise/assign" class="assign">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="submission" value="{{ID}}">
<input type="hidden" name="back" value="report">
<p><label for="agency">所属机关</label>
<select id="agency" name="agency" required>
{{OPTIONS:none}}</select>
<label for="year">年度</label>
<input id="year" name="year" inputmode="numeric" size="5" value="{{YEAR}}">
<button type="submit">指定</button></p>
</form>
</section>
{{/ASSIGN}}<h2>检查发现的问题</h2>
<ol class="findings">
{{#FINDING}}<li id="{{ID}}" class="finding-{{SEVERITY}}"><strong>{{SEVERITY_LABEL}}</strong> {{RULE}}：{{MESSAGE}} {{WHERE}}{{#PIN}} <a class="pin" href="{{HREF}}">→ {{LABEL}}</a>{{/PIN}}</li>
{{/FINDING}}
</ol>
<div class="side-by-side">
<section class="this-year" aria-labelledby="this-year">
<h2 id="this-year">表三 收到和处理政府信息公开申请情况</h2>
<div class="table-wrap"><table class="catalogue grid t3">
<thead><tr><th scope="col">项目</th>{{#T3_HEAD}}<th scope="col">{{LABEL}}</th>{{/T3_HEAD}}</tr></thead>
<tbody>
{{#T3_ROW}}<tr><th scope="row">{{LABEL}}</th>{{#CELL}}<td id="{{ID}}"{{#PINNED}} class="pinned"{{/PINNED}}>{{VALUE}}</td>{{/CELL}}</tr>
{{/T3_ROW}}
</tbody>
</table></div>
<h2>表四 行政复议、行政诉讼情况</h2>
<div class="table-wrap"><table class="catalogue grid t4">
<thead><tr><th scope="col">项目</th>{{#T4_HEAD}}<th scope="col">{{LABEL}}</th>{{/T4_HEAD}}</tr></thead>
<tbody>
{{#T4_ROW}}<tr><th scope="row">{{LABEL}}</th>{{#CELL}}<td id="{{ID}}"{{#PINNED}} class="pinned"{{/PINNED}}>{{VALUE}}</td>{{/CELL}}</tr>
{{/T4_ROW}}
</tbody>
</table></div>
</section>
<section class="last-year" aria-labelledby="last-year">
<h2 id="last-year">与上年度报告对照</h2>
{{#HAS_PREVIOUS}}<p>上年度报告来源：{{PREV_SOURCE}}{{#PREV_LINK}}（<a href="/supervise/reports/{{PREV_ID}}">查看上年度报告</a>）{{/PREV_LINK}}</p>
<table class="catalogue compare">
<thead><tr><th scope="col">表三（总计列）</th><th scope="col">上年度</th><th scope="col">本年度</th></tr></thead>
<tbody>
{{#COMPARE}}<tr><th scope="row">{{LABEL}}</th><td>{{PREV}}</td><td>{{THIS}}</td></tr>
{{/COMPARE}}
</tbody>
</table>
<h3>结转核对</h3>
{{#CARRY_OK}}<p class="notice">上年度“结转下年度继续办理”与本年度“上年结转”一致。</p>{{/CARRY_OK}}
<ul>{{#CARRY}}<li class="finding-warning">{{MESSAGE}}</li>{{/CARRY}}</ul>{{/HAS_PREVIOUS}}
{{#NO_PREVIOUS}}<p>没有上年度的报告，无法核对结转。</p>{{/NO_PREVIOUS}}
</section>
</div>
<h2>报告正文</h2>
{{#SECTION}}<section id="s-{{N}}"{{#PINNED}} class="pinned"{{/PINNED}}><h3>{{TITLE}}</h3><p class="section-text">{{TEXT}}</p></section>
{{/SECTION}}
