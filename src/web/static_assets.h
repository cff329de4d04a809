// Internal to the web server: the static files (CSS, the large-text script), served under names
// that carry a hash of their content ("/static/site.3f2a9c1d.css") with a one-year immutable
// cache, so a changed file is a new URL. Loaded once; thread-safe after loading.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "gongkai/status.h"

namespace gongkai::web {

struct StaticAsset {
  std::string url;  // "/static/site.<hash>.css"
  std::string content_type;
  std::string body;
};

class StaticAssets {
 public:
  // Loads every file of `dir` (css, js, svg, ico).
  static StatusOr<StaticAssets> LoadDir(const std::string& dir);
  // The versioned URL of a file ("site.css"), or "" if unknown.
  std::string Url(const std::string& name) const;
  // The asset served at `url`.
  const StaticAsset* Find(const std::string& url) const;

 private:
  std::map<std::string, StaticAsset> by_name_;
  std::map<std::string, std::string> name_by_url_;
};

}  // namespace gongkai::web
