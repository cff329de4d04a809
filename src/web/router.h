// Internal to the web server: maps a method and path to a handler. Patterns are literal
// segments and captures ("/agencies/:id/reports/:year"); a capture matches one non-empty
// segment. Routes are tried in the order added. Built once, then read by every thread.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "http.h"

namespace gongkai::web {

using Handler = std::function<HttpResponse(HttpRequest&)>;

class Router {
 public:
  // `cacheable`: a GET page that shows nothing specific to the request but its CSRF token
  // (PageCache).
  void Add(std::string method, const std::string& pattern, Handler handler, bool cacheable = false);
  // The handler for the request (captures stored in req->params), or nullptr. Sets
  // *path_known when some route has the path with another method (for 405).
  const Handler* Match(HttpRequest* req, bool* path_known, bool* cacheable = nullptr) const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;  // ":" marks a capture
    Handler handler;
    bool cacheable;
  };
  std::vector<Route> routes_;
};

// Splits "/a/b/" into {"a", "b", ""}; "/" gives {""}.
std::vector<std::string> SplitPath(const std::string& path);

}  // namespace gongkai::web
