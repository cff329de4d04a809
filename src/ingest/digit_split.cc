#include "digit_split.h"

#include <numeric>

namespace gongkai::ingest_internal {
namespace {

constexpr size_t kMaxPartDigits = 9;

struct Splitter {
  const std::vector<std::string>& runs;
  const std::vector<bool>& whole;
  int count;
  const std::function<bool(const Values&)>& accept;
  size_t limit;
  std::vector<Values> found;
  Values current;
  size_t digits_left;  // digits not yet consumed, over all runs

  // Cuts runs[r] from position pos onwards; `parts_left` values remain to be produced.
  void Cut(size_t r, size_t pos, int parts_left) {
    if (found.size() >= limit) return;
    if (r == runs.size()) {
      if (parts_left == 0 && accept(current)) found.push_back(current);
      return;
    }
    const std::string& run = runs[r];
    if (parts_left <= 0) return;
    // Every remaining run needs at least one part, and each part at least one digit.
    int runs_after = static_cast<int>(runs.size() - r - 1);
    if (parts_left < runs_after + 1) return;
    if (static_cast<size_t>(parts_left) > digits_left) return;
    if (digits_left > static_cast<size_t>(parts_left) * kMaxPartDigits) return;
    if (run.find('.') != std::string::npos) {
      if (pos != 0) return;
      current.push_back(0);  // placeholder: decimal runs are never split; value unused
      digits_left -= run.size();
      Cut(r + 1, 0, parts_left - 1);
      digits_left += run.size();
      current.pop_back();
      return;
    }
    size_t remaining = run.size() - pos;
    const bool keep_whole = r < whole.size() && whole[r];
    int64_t v = 0;
    for (size_t len = 1; len <= remaining && len <= kMaxPartDigits; ++len) {
      if (keep_whole && len < remaining) {
        v = v * 10 + (run[pos + len - 1] - '0');
        continue;
      }
      if (len > 1 && run[pos] == '0') break;  // no leading zeros
      v = v * 10 + (run[pos + len - 1] - '0');
      current.push_back(v);
      digits_left -= len;
      if (pos + len == run.size()) {
        Cut(r + 1, 0, parts_left - 1);
      } else {
        Cut(r, pos + len, parts_left - 1);
      }
      digits_left += len;
      current.pop_back();
      if (found.size() >= limit) return;
    }
  }
};

}  // namespace

std::vector<Values> SplitDigitRuns(const std::vector<std::string>& runs, int count,
                                   const std::function<bool(const Values&)>& accept, size_t limit,
                                   const std::vector<bool>& whole) {
  size_t digits = 0;
  for (const auto& r : runs) {
    if (r.empty()) return {};
    digits += r.size();
  }
  Splitter s{runs, whole, count, accept, limit, {}, {}, digits};
  s.Cut(0, 0, count);
  return s.found;
}

bool LastIsSumOfOthers(const Values& values) {
  if (values.empty()) return false;
  int64_t sum = std::accumulate(values.begin(), values.end() - 1, int64_t{0});
  return sum == values.back();
}

}  // namespace gongkai::ingest_internal
