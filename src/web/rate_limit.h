// Internal to the web server: a token bucket per client and action, in memory.
//
// Each client (IP address) may do `burst` actions at once and regains one every
// `seconds_per_token`. Buckets idle long enough to be full again are dropped, so memory stays
// bounded by the clients of the last few minutes. Thread-safe.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>

namespace gongkai::web {

class RateLimiter {
 public:
  RateLimiter(double burst, double seconds_per_token) : burst_(burst), period_(seconds_per_token) {}
  // True (and one token taken) if `client` may act now.
  bool Allow(const std::string& client,
             std::chrono::steady_clock::time_point now = std::chrono::steady_clock::now());

 private:
  struct Bucket {
    double tokens;
    std::chrono::steady_clock::time_point last;
  };
  void DropFullBuckets(std::chrono::steady_clock::time_point now);

  double burst_, period_;
  std::mutex mu_;
  std::map<std::string, Bucket> buckets_;
  std::chrono::steady_clock::time_point last_sweep_{};
};

}  // namespace gongkai::web
