{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="zh-CN"{{#LARGE}} class="large"{{/LARGE}}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{{TITLE}} - 政府信息公开工作平台</title>
<link rel="stylesheet" href="{{CSS_URL}}">
<script src="{{JS_URL}}" defer></script>
</head>
<body class="staff">
<a class="skip" href="#main">跳到正文</a>
<header class="site">
<p class="brand"><a href="/staff">政府信息公开工作平台</a></p>
{{#ACTOR}}<nav aria-label="工作台">
<ul>
<li><a href="/staff">首页</a></li>
{{#IS_AGENCY_STAFF}}<li><a href="/staff/cases">待办申请</a></li>
{{#IS_ADMIN}}<li><a href="/staff/users">用户管理</a></li>{{/IS_ADMIN}}
<li><a href="/staff/documents">政府信息目录</a></li>
<li><a href="/staff/rules">规章和规范性文件</a></li>
<li><a href="/staff/actions">许可、处罚、强制和收费</a></li>
<li><a href="/staff/review-cases">复议和诉讼</a></li>
<li><a href="/staff/report">年度报告</a></li>{{/IS_AGENCY_STAFF}}
{{#IS_SUPERVISOR}}<li><a href="/supervise">报告督查</a></li><li><a href="/supervise/upload">上传报告</a></li><li><a href="/supervise/rollup">汇总</a></li><li><a href="/supervise/charts">趋势图表</a></li><li><a href="/supervise/reminders">督办提醒</a></li>{{/IS_SUPERVISOR}}
</ul>
</nav>
<p class="who">{{LOGIN}}（{{ROLE}}）</p>
<form class="logout" method="post" action="/staff/logout">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">退出登录</button>
</form>{{/ACTOR}}
</header>
<main id="main">
{{>BODY}}
</main>
<footer class="site"><p>本平台仅供政府信息公开工作人员使用，所有操作均记入审计日志。</p></footer>
</body>
</html>
