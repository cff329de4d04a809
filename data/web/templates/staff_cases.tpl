{{%AUTOESCAPE context="HTML"}}<h1>待办申请</h1>
<p>本机关未办结的申请，按期限先后排列；期限按官方工作日历计算。<span class="due-badge due-overdue">已超期</span> 答复期限已过；<span class="due-badge due-soon">即将到期</span> 3个工作日内到期；<span class="due-badge due-stopped">停止计时</span> 待补正、征求意见或待缴费期间不计入答复期限；<span class="due-badge due-lapsed">停止计时期限已过</span> 补正、缴费或征求意见的期限已过，待本机关处理。</p>
<form class="filters" method="get" action="/staff/cases">
<p><label for="f-state">办理状态</label>
<select id="f-state" name="state"><option value="">全部</option>{{#STATE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATE}}</select></p>
<p><label for="f-channel">渠道</label>
<select id="f-channel" name="channel"><option value="">全部</option>{{#CHANNEL}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CHANNEL}}</select></p>
<p><label for="f-due">期限状态</label>
<select id="f-due" name="due"><option value="">全部</option>{{#DUE_STATUS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/DUE_STATUS}}</select></p>
<p><label for="f-from">收到日期自</label><input id="f-from" name="from" type="date" value="{{FROM}}"></p>
<p><label for="f-to">至</label><input id="f-to" name="to" type="date" value="{{TO}}"></p>
<p><label for="f-q">申请内容包含</label><input id="f-q" name="q" value="{{Q}}" maxlength="200"></p>
<p><button type="submit">筛选</button></p>
</form>
{{#FILTER_ERROR}}<div class="errors" role="alert"><p>{{MESSAGE}}</p></div>{{/FILTER_ERROR}}
<p>共 <span id="count">{{COUNT}}</span> 件。导出：<a href="/staff/cases.csv{{QUERY}}" download>CSV</a> <a href="/staff/cases.xlsx{{QUERY}}" download>XLSX</a></p>
<div class="table-wrap">
<table class="worklist">
<thead><tr><th scope="col">编号</th><th scope="col">收到日期</th><th scope="col">渠道</th><th scope="col">申请内容</th><th scope="col">办理状态</th><th scope="col">期限</th><th scope="col">期限状态</th></tr></thead>
<tbody>
{{#ITEM}}<tr class="due-{{DUE_CLASS}}" id="case-{{ID}}"><td><a href="/staff/cases/{{ID}}">{{ID}}</a></td><td>{{RECEIVED}}</td><td>{{CHANNEL}}</td><td><a href="/staff/cases/{{ID}}">{{CONTENT}}</a></td><td>{{STATE}}</td><td>{{DUE}}</td><td><span class="due-badge due-{{DUE_CLASS}}">{{STATUS_LABEL}}</span></td></tr>
{{/ITEM}}</tbody>
</table>
</div>
