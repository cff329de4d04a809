{{%AUTOESCAPE context="HTML"}}{{>NAV}}
<p class="downloads">下载：{{#DOWNLOAD}}<a href="{{HREF}}" download>{{LABEL}}</a> {{/DOWNLOAD}}</p>
<article class="report">
{{REPORT_HTML:none}}
</article>
