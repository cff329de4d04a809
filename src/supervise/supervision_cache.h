// Internal to the supervisor: what Supervision computes from a whole database state — a
// supervisor's scope and its trees by year — kept per process under the DataVersion it was
// computed at (data_version.h), so that a busy tree page is assembled once per change of the
// database rather than once per request.
//
// Contract for callers: a value may be stored under version V only if every read it was computed
// from was made after ReadDataVersion answered V; it is found only under exactly the version it
// was stored with. Then a value served is never older than the state the caller's own
// ReadDataVersion saw, whichever process or server made the last write. Thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "gongkai/data_version.h"
#include "gongkai/supervision.h"

namespace gongkai {

// A supervisor's scope: its agency and everything below it, depth-first with children in id
// order. Immutable once built; shared between Supervisions of the same version.
struct SupervisionScope {
  std::vector<Agency> agencies;  // agencies[0] = the supervisor's agency
  std::vector<int> depth;        // of each entry
  std::vector<int> parent;       // index of each entry's parent, -1 for [0]
  std::unordered_map<int64_t, size_t> index;  // agency id → position
};

class SupervisionCache {
 public:
  // At most this many (database, supervisor) entries, and trees of this many years in each; the
  // least recently used entry goes first, then the earliest year. A tree of a region of 4,589
  // agencies is ~0.7 MB, so the cache holds at most ~45 MB.
  static constexpr size_t kMaxEntries = 16;
  static constexpr size_t kMaxYears = 4;

  // The one cache of the process.
  static SupervisionCache& Process();

  std::shared_ptr<const SupervisionScope> FindScope(const DataVersion& v, int64_t root);
  void StoreScope(const DataVersion& v, int64_t root, std::shared_ptr<const SupervisionScope> s);
  std::shared_ptr<const SupervisionTree> FindTree(const DataVersion& v, int64_t root, int year);
  void StoreTree(const DataVersion& v, int64_t root, int year,
                 std::shared_ptr<const SupervisionTree> t);

  // Entries held now (for tests).
  size_t size();

 private:
  struct Entry {
    DataVersion version;
    std::shared_ptr<const SupervisionScope> scope;
    std::map<int, std::shared_ptr<const SupervisionTree>> trees;  // by year
    uint64_t used = 0;
  };
  using Key = std::pair<std::string, int64_t>;  // database, supervisor's agency
  // The entry of `key` at version `v`: found, or (if `create`) made afresh, replacing one of an
  // older version. nullptr if absent and not created. Called with mu_ held.
  Entry* At(const DataVersion& v, int64_t root, bool create);

  std::mutex mu_;
  std::map<Key, Entry> entries_;
  uint64_t clock_ = 0;
};

}  // namespace gongkai
