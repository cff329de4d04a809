{{%AUTOESCAPE context="HTML"}}<h1>申请 <span id="case-id">{{ID}}</span></h1>
<p><a href="/staff/cases">返回待办申请</a></p>
{{#REFUSED}}<div class="errors" role="alert" id="refusal"><h2>未能办理</h2><p>{{MESSAGE}}</p></div>{{/REFUSED}}
{{#DONE}}<p class="done" role="status" id="done">已{{LABEL}}。</p>{{/DONE}}
<dl class="case">
<dt>受理机关</dt><dd>{{AGENCY}}</dd>
<dt>申请人</dt><dd>{{APPLICANT}}（{{APPLICANT_KIND}}）</dd>
<dt>渠道</dt><dd>{{CHANNEL}}</dd>
<dt>收到申请之日</dt><dd>{{RECEIVED}}</dd>
<dt>申请内容</dt><dd id="content">{{CONTENT}}</dd>
<dt>获取方式</dt><dd>{{FORM}}</dd>
<dt>办理状态</dt><dd id="state">{{STATE}}</dd>
{{#HAS_DUE}}<dt>答复期限</dt><dd id="due">{{DUE}}</dd>{{/HAS_DUE}}
{{#HAS_NEXT}}<dt>下一期限</dt><dd><span class="due-badge due-{{DUE_CLASS}}">{{STATUS_LABEL}}</span> {{NEXT}}</dd>{{/HAS_NEXT}}
{{#NOTICE_BY}}<dt>补正通知</dt><dd>如需补正，最迟于 <span id="notice-by">{{DATE}}</span> 一次性告知（条例第三十条：收到申请之日起7个工作日内）</dd>{{/NOTICE_BY}}
{{#EXTENDED}}<dt>延期</dt><dd>{{DAYS}} 个工作日，批准人 {{APPROVER}}</dd>{{/EXTENDED}}
{{#BREACH}}<dt>违规记录</dt><dd class="breach">{{TEXT}}</dd>{{/BREACH}}
</dl>
<section>
<h2>申请人个人信息</h2>
{{#PERSONAL}}<dl class="personal" id="personal">
<dt>证件号码</dt><dd>{{ID_NUMBER}}</dd>
<dt>联系电话</dt><dd>{{PHONE}}</dd>
<dt>通信地址</dt><dd>{{ADDRESS}}</dd>
</dl><p>本次查看已记入审计日志。</p>{{/PERSONAL}}
{{#PERSONAL_HIDDEN}}<form method="post" action="/staff/cases/{{ID}}/personal-data">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">查看申请人个人信息（每次查看记入审计日志）</button>
</form>{{/PERSONAL_HIDDEN}}
</section>
<section>
<h2>办理经过</h2>
<ol class="timeline" id="timeline">
{{#EVENT}}<li>{{TEXT}}<span class="kind">（{{ACTOR}}）</span>{{#LATE}} <span class="breach">{{BREACH}}</span>{{/LATE}}</li>
{{/EVENT}}</ol>
{{#PROPOSAL}}<p id="proposal-{{PROPOSAL_ID}}">延期申请：{{DAYS}} 个工作日，理由“{{REASON}}”，{{PROPOSED_BY}} 于 {{PROPOSED_ON}} 提出；{{STATE}}{{#DECIDED}}（{{DECIDED_BY}}，{{DECIDED_ON}}）{{/DECIDED}}。</p>
{{/PROPOSAL}}
</section>
{{#REPLY}}<section class="reply">
<h2>答复</h2>
<p>办理结果：<span id="outcome">{{OUTCOME}}</span></p>
<p>依据：{{BASIS}}</p>
<div class="letter"><pre>{{TEXT}}</pre></div>
</section>{{/REPLY}}
{{#HAS_ACTIONS}}<section class="actions" id="actions">
<h2>办理</h2>
<p>只列出当前状态可以办理的步骤；日期为事情发生之日，不得晚于今天。</p>
{{#A_CORRECTION}}<form method="post" action="/staff/cases/{{ID}}/actions/correction" id="form-correction">
<h3>发出补正通知（条例第三十条）</h3>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<p><label for="c-date">通知日期</label><input id="c-date" name="date" type="date" value="{{TODAY}}" required></p>
<p><label for="c-deadline">补正期限</label><input id="c-deadline" name="deadline" type="date" value="{{DEFAULT_DEADLINE}}" required></p>
<p><label for="c-items">需要补正的事项</label><textarea id="c-items" name="items" rows="3" required maxlength="2000"></textarea></p>
<p><label for="c-reason">理由</label><input id="c-reason" name="reason" maxlength="500"></p>
<p><button type="submit">发出补正通知</button></p>
</form>{{/A_CORRECTION}}
{{#A_SUPPLEMENT}}<form method="post" action="/staff/cases/{{ID}}/actions/supplement" id="form-supplement">
<h3>登记收到补正</h3>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<p><label for="s-date">收到补正日期</label><input id="s-date" name="date" type="date" value="{{TODAY}}" required></p>
<p><label for="s-reason">说明</label><input id="s-reason" name="reason" maxlength="500"></p>
<p><button type="submit">登记收到补正</button></p>
</form>{{/A_SUPPLEMENT}}
{{#A_CONSULT}}<form method="post" action="/staff/cases/{{ID}}/actions/consult" id="form-consult">
<h3>征求意见（条例第三十二条、第三十四条）</h3>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<p><label for="k-date">日期</label><input id="k-date" name="date" type="date" value="{{TODAY}}" required></p>
<p><label for="k-party">征求对象</label><select id="k-party" name="party"><option value="third_party">第三方</option><option value="other_agency">其他机关</option></select></p>
<p><label for="k-reason">理由</label><input id="k-reason" name="reason" maxlength="500"></p>
<p><button type="submit">开始征求意见</button></p>
</form>{{/A_CONSULT}}
{{#A_CONSULT_END}}<form method="post" action="/staff/cases/{{ID}}/actions/consult-end" id="form-consult-end">
<h3>登记征求意见结束</h3>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<p><label for="ke-date">日期</label><input id="ke-date" name="date" type="date" value="{{TODAY}}" required></p>
<p><label for="ke-reason">意见</label><input id="ke-reason" name="reason" maxlength="500"></p>
<p><button type="submit">登记征求意见结束</button></p>
</form>{{/A_CONSULT_END}}
{{#A_EXTEND}}<form method="post" action="/staff/cases/{{ID}}/actions/extend" id="form-extend">
<h3>申请延期（条例第三十三条第二款，须经批准）</h3>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<p><label for="e-date">日期</label><input id="e-date" name="date" type="date" value="{{TODAY}}" required></p>
<p><label for="e-days">延长工作日数（1–20）</label><input id="e-days" name="days" type="number" min="1" max="20" value="20" required></p>
<p><label for="e-reason">延期理由</label><input id="e-reason" name="reason" required maxlength="500"></p>
<p><button type="submit">提交延期申请</button></p>
</form>{{/A_EXTEND}}
{{#A_APPROVE}}<form method="post" action="/staff/cases/{{ID}}/actions/approve-extension" id="form-approve">
<h3>批准延期</h3>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<p><label for="ea-date">批准日期</label><input id="ea-date" name="date" type="date" value="{{TODAY}}" required></p>
<p><button type="submit">批准延期</button></p>
</form>{{/A_APPROVE}}
{{#A_REJECT}}<form method="post" action="/staff/cases/{{ID}}/actions/reject-extension" id="form-reject">
<h3>驳回延期申请</h3>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<p><label for="er-date">日期</label><input id="er-date" name="date" type="date" value="{{TODAY}}" required></p>
<p><button type="submit">驳回延期申请</button></p>
</form>{{/A_REJECT}}
{{#A_FEE}}<form method="post" action="/staff/cases/{{ID}}/actions/fee" id="form-fee">
<h3>发出收费通知（国办函〔2020〕109号）</h3>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<p><label for="f-date">通知日期</label><input id="f-date" name="date" type="date" value="{{TODAY}}" required></p>
<p><label for="f-method">计费方式</label><select id="f-method" name="method"><option value="per_request">按件</option><option value="per_page">按量</option></select></p>
<p><label for="f-pages">页数（按量）</label><input id="f-pages" name="pages" type="number" min="0" value="0"></p>
<p><label for="f-reason">说明</label><input id="f-reason" name="reason" maxlength="500"></p>
<p><button type="submit">发出收费通知</button></p>
</form>{{/A_FEE}}
{{#A_FEE_PAID}}<form method="post" action="/staff/cases/{{ID}}/actions/fee-paid" id="form-fee-paid">
<h3>登记缴费</h3>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<p><label for="fp-date">缴费日期</label><input id="fp-date" name="date" type="date" value="{{TODAY}}" required></p>
<p><button type="submit">登记缴费</button></p>
</form>{{/A_FEE_PAID}}
{{#A_REPLY}}<form method="post" action="/staff/cases/{{ID}}/actions/reply" id="form-reply">
<h3>答复（条例第三十六条）</h3>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<p><label for="r-date">答复日期</label><input id="r-date" name="date" type="date" value="{{TODAY}}" required></p>
<p><label for="r-outcome">办理结果（只选一项）</label><select id="r-outcome" name="outcome">{{#OUTCOME}}<option value="{{VALUE}}">{{LABEL}}</option>{{/OUTCOME}}</select></p>
<p><label for="r-basis">法律依据</label><input id="r-basis" name="basis" required maxlength="500"></p>
<p><label for="r-letter">答复书正文</label><textarea id="r-letter" name="letter" rows="6" required maxlength="20000"></textarea></p>
<p><button type="submit">作出答复</button></p>
</form>{{/A_REPLY}}
{{#A_WITHDRAW}}<form method="post" action="/staff/cases/{{ID}}/actions/withdraw" id="form-withdraw">
<h3>登记撤回申请</h3>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<p><label for="w-date">撤回日期</label><input id="w-date" name="date" type="date" value="{{TODAY}}" required></p>
<p><label for="w-reason">说明</label><input id="w-reason" name="reason" maxlength="500"></p>
<p><button type="submit">登记撤回</button></p>
</form>{{/A_WITHDRAW}}
</section>{{/HAS_ACTIONS}}
<section>
<h2>告知书</h2>
{{#NO_LETTERS}}<p>尚无需要出具的告知书。</p>{{/NO_LETTERS}}
<ul class="letters">
{{#LETTER}}<li><a href="/staff/cases/{{ID}}/letters/{{KIND}}">{{LABEL}}</a>：下载 <a href="/staff/cases/{{ID}}/letters/{{KIND}}/docx" id="letter-{{KIND}}-docx">DOCX</a> <a href="/staff/cases/{{ID}}/letters/{{KIND}}/pdf">PDF</a></li>
{{/LETTER}}</ul>
</section>
<section>
<h2>附件</h2>
{{#NO_ATTACHMENTS}}<p>没有附件。</p>{{/NO_ATTACHMENTS}}
<ul class="attachments">
{{#ATTACHMENT}}<li><a href="/staff/cases/{{ID}}/attachments/{{ATTACHMENT_ID}}" download>{{NAME}}</a> <span class="kind">{{SIZE}} 字节，SHA-256 {{SHA256}}</span></li>
{{/ATTACHMENT}}</ul>
</section>
