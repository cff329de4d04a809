#include "rate_limit.h"

#include <algorithm>

namespace gongkai::web {

bool RateLimiter::Allow(const std::string& client, std::chrono::steady_clock::time_point now) {
  std::lock_guard<std::mutex> lock(mu_);
  DropFullBuckets(now);
  auto [it, inserted] = buckets_.try_emplace(client, Bucket{burst_, now});
  Bucket& b = it->second;
  double elapsed = std::chrono::duration<double>(now - b.last).count();
  b.tokens = std::min(burst_, b.tokens + std::max(0.0, elapsed) / period_);
  b.last = now;
  if (b.tokens < 1) return false;
  b.tokens -= 1;
  return true;
}

void RateLimiter::DropFullBuckets(std::chrono::steady_clock::time_point now) {
  const auto refill = std::chrono::duration<double>(burst_ * period_);
  if (now - last_sweep_ < refill) return;
  last_sweep_ = now;
  std::erase_if(buckets_, [&](const auto& kv) { return now - kv.second.last > refill; });
}

}  // namespace gongkai::web
