{{%AUTOESCAPE context="HTML"}}<h1>{{AGENCY_NAME}}政府信息公开专栏</h1>
{{>NAV}}
<ul class="cards">
<li><a href="/agencies/{{AGENCY_ID}}/guide">政府信息公开指南</a>：公开的范围、方式、申请办法和监督救济。</li>
<li><a href="/agencies/{{AGENCY_ID}}/rules">政府信息公开制度</a>：本机关公开工作所依据的法规和制度。</li>
<li><a href="/agencies/{{AGENCY_ID}}/documents">法定主动公开内容</a>：政府信息公开目录，按索引号、名称、发布机构、生成日期和分类编排。</li>
<li><a href="/agencies/{{AGENCY_ID}}/reports">政府信息公开年报</a>：{{#YEAR}}<a href="/agencies/{{AGENCY_ID}}/reports/{{YEAR}}">{{YEAR}}年</a> {{/YEAR}}</li>
<li><a href="/agencies/{{AGENCY_ID}}/apply">依申请公开</a>：在线申请，凭查询码查询办理进度。</li>
</ul>
