// What the benchmark programs share: a stopwatch in seconds and fatal checks (a benchmark that
// cannot set up its workload stops with the reason, prefixed by the program's name).
#pragma once

#include <errno.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>

#include "gongkai/status.h"

namespace bench {

using Clock = std::chrono::steady_clock;

inline double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

[[noreturn]] inline void Die(const std::string& what) {
  std::fprintf(stderr, "%s: %s\n", program_invocation_short_name, what.c_str());
  std::exit(1);
}

template <typename T>
T Check(gongkai::StatusOr<T> v, const char* what) {
  if (!v.ok()) Die(std::string(what) + ": " + v.status().message());
  return std::move(v).value();
}

inline void Check(const gongkai::Status& s, const char* what) {
  if (!s.ok()) Die(std::string(what) + ": " + s.message());
}

}  // namespace bench
