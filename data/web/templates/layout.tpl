{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="zh-CN"{{#LARGE}} class="large"{{/LARGE}}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}}</title>
<link rel="stylesheet" href="{{CSS_URL}}">
<script src="{{JS_URL}}" defer></script>
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="site">
<p class="brand"><a href="/">政府信息公开</a></p>
<nav aria-label="站点">
<ul>
<li><a href="/">机关目录</a></li>
<li><a href="/search">检索</a></li>
<li><a href="/status">查询办理进度</a></li>
</ul>
</nav>
<form class="display" method="post" action="/display">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="return" value="{{RETURN_PATH}}">
{{#NORMAL}}<button type="submit" name="mode" value="large" aria-pressed="false">大字号与高对比度</button>{{/NORMAL}}
{{#LARGE}}<button type="submit" name="mode" value="normal" aria-pressed="true">标准显示</button>{{/LARGE}}
</form>
</header>
<main id="main">
{{>BODY}}
</main>
<footer class="site"><p>依据《中华人民共和国政府信息公开条例》提供。</p></footer>
</body>
</html>
