{{%AUTOESCAPE context="HTML"}}{{#NODE}}<li><a href="/agencies/{{ID}}">{{NAME}}</a> <span class="kind">{{KIND}}</span>{{#HAS_CHILDREN}}
<ul>
{{>CHILDREN}}</ul>{{/HAS_CHILDREN}}</li>
{{/NODE}}
