{{%AUTOESCAPE context="HTML"}}<h1>出错了</h1>
<p role="alert">{{MESSAGE}}</p>
<p>（错误代码 {{STATUS}}）<a href="/staff">返回工作台首页</a></p>
