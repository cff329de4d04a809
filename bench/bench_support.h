// What the benchmark programs share: a stopwatch in seconds and fatal checks (a benchmark that
// cannot set up its workload stops with the reason, prefixed by the program's name).
#pragma once

#include <errno.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include <vector>

#include "gongkai/status.h"
#include "gongkai/store.h"

namespace bench {

using Clock = std::chrono::steady_clock;

inline double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// The calling thread's CPU time as a chrono clock: what one core spent, which other processes
// sharing the machine do not inflate (wall time does).
struct ThreadCpuClock {
  using duration = std::chrono::nanoseconds;
  using rep = duration::rep;
  using period = duration::period;
  using time_point = std::chrono::time_point<ThreadCpuClock>;
  static constexpr bool is_steady = true;
  static time_point now() noexcept {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return time_point(duration(static_cast<rep>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec));
  }
};

// The least of `passes` results of `run` (durations, or seconds): on a shared machine a run is
// only ever slowed, so the fastest is the figure to report.
template <typename Run>
auto FastestOf(int passes, Run run) {
  auto best = run();
  for (int i = 1; i < passes; ++i) best = std::min(best, run());
  return best;
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

// The files in `dir` whose extension is one of `extensions` (".txt"), sorted by name. Stops the
// bench, naming the directory, when it cannot be read or holds none of them (the benches read
// their workload from the shared seeds and corpus).
inline std::vector<std::filesystem::path> FilesIn(const std::filesystem::path& dir,
                                                  std::initializer_list<std::string_view> extensions) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string ext = it->path().extension().string();
    if (std::find(extensions.begin(), extensions.end(), ext) != extensions.end()) {
      files.push_back(it->path());
    }
  }
  if (ec) Die(dir.string() + ": " + ec.message());
  if (files.empty()) Die(dir.string() + ": no report files to read");
  std::sort(files.begin(), files.end());
  return files;
}

// A region as the benches model it: 4,589 agencies (the region, 12 cities, 103 counties under
// them, 4,473 departments spread over the governments) and 1,000 applicants of every kind.
struct Region {
  static constexpr int kAgencies = 4589, kCities = 12, kCounties = 103;
  std::vector<int64_t> agencies;    // the region first, then cities, counties, departments
  std::vector<int64_t> applicants;  // applicant i is of kind i % 6
};

inline Region AddRegion(gongkai::CaseStore& store) {
  Region r;
  std::vector<int64_t>& a = r.agencies;
  a.push_back(
      Check(store.AddAgency({0, "自治区人民政府", 0, gongkai::AgencyKind::kRegion}, "b"), "agency"));
  for (int i = 0; i < Region::kCities; ++i) {
    a.push_back(Check(
        store.AddAgency({0, "市" + std::to_string(i), a[0], gongkai::AgencyKind::kCity}, "b"),
        "agency"));
  }
  for (int i = 0; i < Region::kCounties; ++i) {
    a.push_back(Check(store.AddAgency({0, "旗县" + std::to_string(i), a[1 + i % Region::kCities],
                                       gongkai::AgencyKind::kCounty},
                                      "b"),
                      "agency"));
  }
  while (static_cast<int>(a.size()) < Region::kAgencies) {
    int64_t parent = a[a.size() % (1 + Region::kCities + Region::kCounties)];
    a.push_back(Check(store.AddAgency({0, "部门" + std::to_string(a.size()), parent,
                                       gongkai::AgencyKind::kDepartment},
                                      "b"),
                      "agency"));
  }
  for (int i = 0; i < 1000; ++i) {
    r.applicants.push_back(Check(
        store.AddApplicant({0, static_cast<gongkai::ApplicantKind>(i % 6), "申请人"}, {}, "b"),
        "applicant"));
  }
  return r;
}

}  // namespace bench
