// Internal to the web server: the page templates (ctemplate files in data/web/templates/, each
// opening with {{%AUTOESCAPE context="HTML"}} so every value is escaped for where it lands: text,
// attribute or URL). Pages are built from a dictionary, never by concatenating data into HTML.
// Loaded and frozen once; Render is thread-safe.
#pragma once

#include <ctemplate/template.h>

#include <memory>
#include <string>

#include "gongkai/status.h"

namespace gongkai::web {

class Templates {
 public:
  // Loads every *.tpl file of `dir`; fails naming the file that does not parse.
  static StatusOr<std::unique_ptr<Templates>> LoadDir(const std::string& dir);
  // Expands `name` ("agency.tpl") with `dict`.
  StatusOr<std::string> Render(const std::string& name,
                               const ctemplate::TemplateDictionary& dict) const;

 private:
  std::unique_ptr<ctemplate::TemplateCache> cache_;
};

}  // namespace gongkai::web
