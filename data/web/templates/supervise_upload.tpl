{{%AUTOESCAPE context="HTML"}}<h1>上传年度报告</h1>
<p>可上传文本、HTML、DOCX、PDF、XLSX 格式的报告，或包含多份报告的 ZIP 压缩包。系统逐份检查，并按报告标题中的机关名称匹配所属机关；未能匹配的报告列在下方，请指定所属机关。</p>
<form method="post" action="/supervise/upload" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="reports">报告文件（可多选）</label>
<input id="reports" name="reports" type="file" multiple required></p>
<p><label for="filed">提交日期</label>
<input id="filed" name="filed" type="date" value="{{TODAY}}"></p>
<p><button type="submit">上传并检查</button></p>
</form>
{{#HAS_RESULTS}}<h2>本次上传</h2>
<div class="table-wrap"><table class="catalogue upload-results">
<thead><tr><th scope="col">文件</th><th scope="col">报告中的机关</th><th scope="col">年度</th><th scope="col">检查结果</th><th scope="col">匹配</th></tr></thead>
<tbody>
{{#ITEM}}<tr><th scope="row">{{NAME}}</th>{{#UNREADABLE}}<td colspan="4" class="errors">不是报告或无法读取：{{MESSAGE}}</td>{{/UNREADABLE}}{{#SUBMISSION_ID}}{{/SUBMISSION_ID}}{{#MATCHED}}<td>{{REPORT_AGENCY}}</td><td>{{YEAR}}</td><td><a href="/supervise/reports/{{SUBMISSION_ID}}">{{STATUS_LABEL}}（错误 {{ERRORS}}，警告 {{WARNINGS}}）</a></td><td>已匹配（{{MATCH}}）</td>{{/MATCHED}}{{#NOT_MATCHED}}<td>{{REPORT_AGENCY}}</td><td>{{YEAR}}</td><td><a href="/supervise/reports/{{SUBMISSION_ID}}">{{STATUS_LABEL}}（错误 {{ERRORS}}，警告 {{WARNINGS}}）</a></td><td>待指定</td>{{/NOT_MATCHED}}</tr>
{{/ITEM}}
</tbody>
</table></div>{{/HAS_RESULTS}}
{{#HAS_UNASSIGNED}}<h2 id="unassigned">待指定机关的报告</h2>
{{#UNASSIGNED}}<div class="unassigned">
<p><a href="/supervise/reports/{{ID}}">{{FILE}}</a>：报告中的机关“{{REPORT_AGENCY}}”{{#NO_NEAR_NAMES}}，没有名称相近的机关{{/NO_NEAR_NAMES}}。
<a class="choose-all" href="/supervise/reports/{{ID}}#assign">从全部机关中选择</a></p>
{{#NEAR_NAMES}}<form method="post" action="/supervise/assign" class="assign">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="submission" value="{{ID}}">
<p><label for="agency-{{ID}}">所属机关</label>
<select id="agency-{{ID}}" name="agency" required>
{{OPTIONS:none}}</select>
<label for="year-{{ID}}">年度</label>
<input id="year-{{ID}}" name="year" inputmode="numeric" size="5" value="{{YEAR}}">
<button type="submit">指定</button></p>
</form>
{{/NEAR_NAMES}}</div>
{{/UNASSIGNED}}{{#MORE_UNASSIGNED}}<p>另有 {{N}} 份报告待指定机关：指定以上报告后，其余的依次列出。</p>
{{/MORE_UNASSIGNED}}{{/HAS_UNASSIGNED}}
