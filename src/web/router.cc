#include "router.h"

namespace gongkai::web {

std::vector<std::string> SplitPath(const std::string& path) {
  std::vector<std::string> out;
  size_t i = path.empty() || path[0] != '/' ? 0 : 1;
  while (true) {
    size_t slash = path.find('/', i);
    out.push_back(path.substr(i, slash == std::string::npos ? std::string::npos : slash - i));
    if (slash == std::string::npos) break;
    i = slash + 1;
  }
  return out;
}

void Router::Add(std::string method, const std::string& pattern, Handler handler, bool cacheable) {
  routes_.push_back({std::move(method), SplitPath(pattern), std::move(handler), cacheable});
}

const Handler* Router::Match(HttpRequest* req, bool* path_known, bool* cacheable) const {
  *path_known = false;
  std::vector<std::string> parts = SplitPath(req->path);
  for (const Route& r : routes_) {
    if (r.segments.size() != parts.size()) continue;
    std::vector<std::string> captures;
    bool ok = true;
    for (size_t i = 0; ok && i < parts.size(); ++i) {
      const std::string& s = r.segments[i];
      if (!s.empty() && s[0] == ':') {
        ok = !parts[i].empty();
        captures.push_back(parts[i]);
      } else {
        ok = s == parts[i];
      }
    }
    if (!ok) continue;
    if (r.method != req->method && !(r.method == "GET" && req->method == "HEAD")) {
      *path_known = true;
      continue;
    }
    req->params = std::move(captures);
    if (cacheable) *cacheable = r.cacheable;
    return &r.handler;
  }
  return nullptr;
}

}  // namespace gongkai::web
