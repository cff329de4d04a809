{{%AUTOESCAPE context="HTML"}}<nav aria-label="{{AGENCY_NAME}}政府信息公开专栏" class="column">
<ul>
{{#ITEM}}<li><a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a></li>
{{/ITEM}}</ul>
</nav>
