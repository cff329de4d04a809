{{%AUTOESCAPE context="HTML"}}<h1>{{AGENCY_NAME}}</h1>
<p>今天是 {{TODAY}}。</p>
<dl class="counts">
<dt>办理中的申请</dt><dd id="open-count">{{OPEN}}</dd>
<dt>已逾期未答复</dt><dd id="overdue-count"{{#HAS_OVERDUE}} class="overdue"{{/HAS_OVERDUE}}>{{OVERDUE}}</dd>
</dl>
