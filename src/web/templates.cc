#include "templates.h"

#include <filesystem>

namespace gongkai::web {

StatusOr<std::unique_ptr<Templates>> Templates::LoadDir(const std::string& dir) {
  auto t = std::make_unique<Templates>();
  t->cache_ = std::make_unique<ctemplate::TemplateCache>();
  t->cache_->SetTemplateRootDirectory(dir);
  std::error_code ec;
  int loaded = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".tpl") continue;
    std::string name = entry.path().filename().string();
    if (!t->cache_->LoadTemplate(name, ctemplate::STRIP_BLANK_LINES)) {
      return InvalidArgumentError("模板无法解析 (template does not parse): " +
                                  entry.path().string());
    }
    ++loaded;
  }
  if (ec || loaded == 0) {
    return NotFoundError("没有找到页面模板 (no templates in) " + dir);
  }
  t->cache_->Freeze();
  return t;
}

StatusOr<std::string> Templates::Render(const std::string& name,
                                        const ctemplate::TemplateDictionary& dict) const {
  std::string out;
  if (!cache_->ExpandNoLoad(name, ctemplate::STRIP_BLANK_LINES, &dict, nullptr, &out)) {
    return Status(StatusCode::kInternal, "模板展开失败 (template expansion failed): " + name);
  }
  return out;
}

}  // namespace gongkai::web
