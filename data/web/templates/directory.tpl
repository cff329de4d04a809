{{%AUTOESCAPE context="HTML"}}<h1>政府信息公开专栏</h1>
<p>共 {{COUNT}} 个机关。选择机关进入其政府信息公开专栏：公开指南、公开制度、法定主动公开内容、年度报告和依申请公开。</p>
<form class="search" method="get" action="/search" role="search">
<label for="q">检索全部机关的公开内容</label>
<input id="q" name="q" type="search" minlength="2" required>
<button type="submit">检索</button>
</form>
<nav aria-label="机关目录" class="tree">
<ul>
{{>TREE}}</ul>
</nav>
