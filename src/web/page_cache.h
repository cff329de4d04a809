// Internal to the web server: public GET pages kept for a short time, so a busy 专栏 page is
// expanded once per `ttl` rather than per request. Pages differ between clients only by their
// CSRF token (and the display mode, part of the key), so an entry is stored cut at the token and
// served with the client's own token spliced back in. Only routes that show no request-specific
// data are cached (Router marks them). Thread-safe.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "http.h"

namespace gongkai::web {

class PageCache {
 public:
  PageCache(std::chrono::milliseconds ttl, size_t max_entries) : ttl_(ttl), max_(max_entries) {}
  // The response stored under `key` with `token` in place of the stored one, if fresh.
  std::optional<HttpResponse> Find(const std::string& key, const std::string& token);
  // Stores `r`, made with CSRF token `token`.
  void Store(const std::string& key, const HttpResponse& r, const std::string& token);

 private:
  struct Entry {
    int status;
    std::string content_type;
    std::vector<std::string> body;  // the pieces between occurrences of the token
    std::vector<std::pair<std::string, std::vector<std::string>>> headers;
    std::chrono::steady_clock::time_point made;
  };
  std::chrono::milliseconds ttl_;
  size_t max_;
  std::mutex mu_;
  std::map<std::string, Entry> entries_;
};

// Splits `s` at every occurrence of `token` (token non-empty); Join reverses it.
std::vector<std::string> SplitAt(const std::string& s, const std::string& token);
std::string JoinWith(const std::vector<std::string>& pieces, const std::string& token);

}  // namespace gongkai::web
