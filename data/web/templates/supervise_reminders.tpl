{{%AUTOESCAPE context="HTML"}}<h1>{{YEAR}} 年度督办提醒</h1>
<p class="years"><a href="/supervise/reminders?year={{PREV_YEAR}}">{{PREV_YEAR}} 年度</a> · <a href="/supervise/reminders?year={{NEXT_YEAR}}">{{NEXT_YEAR}} 年度</a></p>
<p>未提交或报告有错误的机关。<a href="/supervise/reminders?year={{YEAR}}&amp;format=csv">下载邮件合并表（CSV）</a></p>
<div class="table-wrap"><table class="catalogue reminders">
<thead><tr><th scope="col">机关</th><th scope="col">上级机关</th><th scope="col">状态</th><th scope="col">主要问题</th><th scope="col">截止日期</th><th scope="col">督办通知</th></tr></thead>
<tbody>
{{#REMINDER}}<tr class="status-{{STATUS}}"><th scope="row">{{NAME}}</th><td>{{PARENT}}</td><td>{{STATUS_LABEL}}</td><td><ul>{{#PROBLEM}}<li>{{TEXT}}</li>{{/PROBLEM}}</ul></td><td>{{DUE}}</td><td><a href="/supervise/reminders/{{AGENCY_ID}}/notice.docx?year={{YEAR}}">下载（DOCX）</a></td></tr>
{{/REMINDER}}
</tbody>
</table></div>
