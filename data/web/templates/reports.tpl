{{%AUTOESCAPE context="HTML"}}<h1>{{AGENCY_NAME}}政府信息公开工作年度报告</h1>
{{>NAV}}
{{#NONE}}<p>尚无已完成年度的报告。</p>{{/NONE}}
<ul class="reports">
{{#REPORT}}<li><a href="/agencies/{{AGENCY_ID}}/reports/{{YEAR}}">{{YEAR}}年度报告</a>
（下载：<a href="/agencies/{{AGENCY_ID}}/reports/{{YEAR}}.docx">Word</a>、<a href="/agencies/{{AGENCY_ID}}/reports/{{YEAR}}.pdf">PDF</a>、<a href="/agencies/{{AGENCY_ID}}/reports/{{YEAR}}.xlsx">Excel</a>）</li>
{{/REPORT}}</ul>
