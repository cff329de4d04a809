{{%AUTOESCAPE context="HTML"}}<h1>办理进度</h1>
<dl class="status">
<dt>受理机关</dt><dd>{{AGENCY_NAME}}</dd>
<dt>申请内容</dt><dd>{{CONTENT}}</dd>
<dt>收到申请之日</dt><dd>{{RECEIVED}}</dd>
<dt>当前状态</dt><dd id="state">{{STATE}}</dd>
{{#HAS_DUE}}<dt>答复期限</dt><dd id="due">{{DUE}}</dd>{{/HAS_DUE}}
</dl>
<h2>办理过程</h2>
<ol class="timeline">
{{#EVENT}}<li><time datetime="{{DATE}}">{{DATE}}</time> {{TEXT}}</li>
{{/EVENT}}</ol>
{{#REPLIED}}<section class="reply">
<h2>答复</h2>
<p>办理结果：{{OUTCOME}}</p>
<p>依据：{{BASIS}}</p>
<div class="letter"><pre>{{LETTER}}</pre></div>
</section>{{/REPLIED}}
