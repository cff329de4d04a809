{{%AUTOESCAPE context="HTML"}}<h1>{{YEAR}} 年政府信息公开工作年度报告（{{STATE}}）</h1>
{{#ERROR}}<p class="errors" role="alert">{{MESSAGE}}</p>{{/ERROR}}
{{#NOTICE}}<p role="status">{{MESSAGE}}</p>{{/NOTICE}}
<p>本页的报告由本机关的台账、目录和登记簿生成，并用全部检查规则核对；带【待本机关填写】的部分由本机关撰写。{{#PUBLISHED}}已发布版本 {{VERSION}}（{{AT}}），见<a href="{{PUBLIC_URL}}">公开专栏</a>。{{/PUBLISHED}}</p>
<nav aria-label="年度">{{#OTHER_YEAR}}<a href="/staff/report/{{YEAR}}">{{YEAR}} 年</a> {{/OTHER_YEAR}}</nav>
<section aria-labelledby="findings-h">
<h2 id="findings-h">检查结果</h2>
{{#NO_FINDINGS}}<p>未发现问题。</p>{{/NO_FINDINGS}}
<ol class="findings">{{#FINDING}}<li id="finding-{{N}}" class="finding-{{SEVERITY}}">[{{N}}] {{SEVERITY_LABEL}} {{RULE}}：{{MESSAGE}}{{#AT_CELL}}（{{CELL}}）{{/AT_CELL}}</li>{{/FINDING}}</ol>
</section>
<form method="post" action="/staff/report/{{YEAR}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#SECTION}}<section>
<h2>{{HEADING}}</h2>
<div class="generated-text">{{#PARAGRAPH}}<p>{{TEXT}}</p>{{/PARAGRAPH}}</div>
{{#EDITABLE}}<p><label for="f-section-{{INDEX}}">本机关撰写的文字（替换【待本机关填写】）{{#MISSING}} *尚待填写{{/MISSING}}</label><br>
<textarea id="f-section-{{INDEX}}" name="section{{INDEX}}" rows="8" maxlength="65536">{{OFFICE}}</textarea></p>{{/EDITABLE}}
{{#TABLE}}<div class="table-wrap"><table class="catalogue">
<caption>{{CAPTION}}</caption>
<thead><tr><th scope="col"></th>{{#COL}}<th scope="col">{{LABEL}}</th>{{/COL}}</tr></thead>
<tbody>{{#ROW}}<tr><th scope="row">{{LABEL}}</th>{{#CELL}}<td id="cell-{{ID}}"{{#FLAGGED}} class="flagged"{{/FLAGGED}}>{{VALUE}}{{#MARK}} <a href="#finding-{{N}}">[{{N}}]</a>{{/MARK}}</td>{{/CELL}}</tr>
{{/ROW}}</tbody>
</table></div>{{/TABLE}}
</section>
{{/SECTION}}
{{#CAN_EDIT}}<p><button type="submit">保存本机关撰写的文字</button></p>{{/CAN_EDIT}}
</form>
{{#CAN_PUBLISH}}<form method="post" action="/staff/report/{{YEAR}}/publish">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><button type="submit">发布到公开专栏（管理员）</button> 发布后公开专栏以网页、Word、PDF、Excel 提供此版本；此后的更正另行发布为新版本。</p>
</form>{{/CAN_PUBLISH}}
