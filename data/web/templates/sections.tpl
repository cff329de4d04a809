{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1>
{{>NAV}}
{{#SECTION}}<section>
<h2>{{HEADING}}</h2>
{{#PARAGRAPH}}<p>{{TEXT}}</p>
{{/PARAGRAPH}}</section>
{{/SECTION}}
