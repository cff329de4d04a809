{{%AUTOESCAPE context="HTML"}}<h1>趋势图表（{{PREV_YEAR}} 年度前）</h1>
<script src="{{ECHARTS_URL}}" defer></script>
<script src="{{CHARTS_JS_URL}}" defer></script>
<p>图表由下方数据表绘制；不支持脚本时请直接阅读数据表。空白表示提交的报告未给出该数字。迟延答复只统计系统内机关（台账记录），上传的报告不载明此项。</p>
<div class="chart" id="chart-requests" data-table="trend-table" data-series="received" role="img" aria-label="收到申请数的年度趋势，数据见下表"></div>
<div class="chart" id="chart-outcomes" data-table="trend-table" data-series="granted,denied,unable,ignored,other" data-stack="true" role="img" aria-label="办理结果构成的年度趋势，数据见下表"></div>
<div class="chart" id="chart-cases" data-table="trend-table" data-series="reviews,suits,late" role="img" aria-label="行政复议、行政诉讼和迟延答复的年度趋势，数据见下表"></div>
<div class="table-wrap"><table class="catalogue" id="trend-table">
<caption>所属机关年度报告汇总趋势</caption>
<thead><tr><th scope="col">年度</th><th scope="col" data-key="reporting">提交报告的机关</th><th scope="col" data-key="received">收到申请</th><th scope="col" data-key="granted">予以公开（含部分）</th><th scope="col" data-key="denied">不予公开</th><th scope="col" data-key="unable">无法提供</th><th scope="col" data-key="ignored">不予处理</th><th scope="col" data-key="other">其他处理</th><th scope="col" data-key="reviews">行政复议</th><th scope="col" data-key="suits">行政诉讼</th><th scope="col" data-key="late">迟延答复（系统内）</th></tr></thead>
<tbody>
{{#TREND}}<tr><th scope="row">{{YEAR}}</th><td>{{REPORTING}} / {{AGENCIES}}</td><td>{{RECEIVED}}</td><td>{{GRANTED}}</td><td>{{DENIED}}</td><td>{{UNABLE}}</td><td>{{IGNORED}}</td><td>{{OTHER}}</td><td>{{REVIEWS}}</td><td>{{SUITS}}</td><td>{{LATE}}</td></tr>
{{/TREND}}
</tbody>
</table></div>
