// SupervisionCache (supervision_cache.h).
#include "supervision_cache.h"

#include <algorithm>

namespace gongkai {

SupervisionCache& SupervisionCache::Process() {
  static SupervisionCache* cache = new SupervisionCache();  // never destroyed: used at exit
  return *cache;
}

SupervisionCache::Entry* SupervisionCache::At(const DataVersion& v, int64_t root, bool create) {
  Key key{v.database, root};
  auto it = entries_.find(key);
  if (it != entries_.end() && it->second.version == v) {
    it->second.used = ++clock_;
    return &it->second;
  }
  if (!create) return nullptr;
  if (it == entries_.end() && entries_.size() >= kMaxEntries) {
    auto oldest = std::min_element(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) {
      return a.second.used < b.second.used;
    });
    entries_.erase(oldest);
  }
  Entry& e = entries_[key];
  e = Entry{};
  e.version = v;
  e.used = ++clock_;
  return &e;
}

std::shared_ptr<const SupervisionScope> SupervisionCache::FindScope(const DataVersion& v,
                                                                    int64_t root) {
  std::lock_guard<std::mutex> lock(mu_);
  Entry* e = At(v, root, false);
  return e ? e->scope : nullptr;
}

void SupervisionCache::StoreScope(const DataVersion& v, int64_t root,
                                  std::shared_ptr<const SupervisionScope> s) {
  std::lock_guard<std::mutex> lock(mu_);
  At(v, root, true)->scope = std::move(s);
}

std::shared_ptr<const SupervisionTree> SupervisionCache::FindTree(const DataVersion& v,
                                                                  int64_t root, int year) {
  std::lock_guard<std::mutex> lock(mu_);
  Entry* e = At(v, root, false);
  if (e == nullptr) return nullptr;
  auto t = e->trees.find(year);
  return t == e->trees.end() ? nullptr : t->second;
}

void SupervisionCache::StoreTree(const DataVersion& v, int64_t root, int year,
                                 std::shared_ptr<const SupervisionTree> t) {
  std::lock_guard<std::mutex> lock(mu_);
  Entry* e = At(v, root, true);
  if (e->trees.size() >= kMaxYears && !e->trees.count(year)) e->trees.erase(e->trees.begin());
  e->trees[year] = std::move(t);
}

size_t SupervisionCache::size() {
  std::lock_guard<std::mutex> lock(mu_);
  return entries_.size();
}

}  // namespace gongkai
