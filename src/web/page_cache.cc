#include "page_cache.h"

namespace gongkai::web {

std::vector<std::string> SplitAt(const std::string& s, const std::string& token) {
  std::vector<std::string> out;
  size_t from = 0;
  while (!token.empty()) {
    size_t at = s.find(token, from);
    if (at == std::string::npos) break;
    out.push_back(s.substr(from, at - from));
    from = at + token.size();
  }
  out.push_back(s.substr(from));
  return out;
}

std::string JoinWith(const std::vector<std::string>& pieces, const std::string& token) {
  std::string out;
  size_t size = 0;
  for (const std::string& p : pieces) size += p.size() + token.size();
  out.reserve(size);
  for (size_t i = 0; i < pieces.size(); ++i) {
    if (i) out += token;
    out += pieces[i];
  }
  return out;
}

std::optional<HttpResponse> PageCache::Find(const std::string& key, const std::string& token) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end() || std::chrono::steady_clock::now() - it->second.made > ttl_) {
    return std::nullopt;
  }
  const Entry& e = it->second;
  HttpResponse r;
  r.status = e.status;
  r.content_type = e.content_type;
  r.body = JoinWith(e.body, token);
  for (const auto& [name, pieces] : e.headers)
    r.headers.emplace_back(name, JoinWith(pieces, token));
  return r;
}

void PageCache::Store(const std::string& key, const HttpResponse& r, const std::string& token) {
  Entry e{r.status, r.content_type, SplitAt(r.body, token), {}, std::chrono::steady_clock::now()};
  for (const auto& [name, value] : r.headers) e.headers.emplace_back(name, SplitAt(value, token));
  std::lock_guard<std::mutex> lock(mu_);
  if (entries_.size() >= max_) entries_.clear();
  entries_[key] = std::move(e);
}

}  // namespace gongkai::web
