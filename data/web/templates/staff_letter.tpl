{{%AUTOESCAPE context="HTML"}}<h1>{{LABEL}}（申请 {{ID}}）</h1>
<p><a href="/staff/cases/{{ID}}">返回申请</a>。核对无误后下载：<a href="/staff/cases/{{ID}}/letters/{{KIND}}/docx">DOCX</a> <a href="/staff/cases/{{ID}}/letters/{{KIND}}/pdf">PDF</a></p>
<div class="letter"><pre id="letter">{{TEXT}}</pre></div>
