// Test helpers for the ledger tests: a fresh SQLite store in a temporary folder and the real
// calendar of the source tree.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "gongkai/calendar.h"
#include "gongkai/ledger.h"
#include "gongkai/store.h"

namespace gongkai::ledger_test {

inline const WorkCalendar& TestCalendar() {
  static const WorkCalendar* cal = [] {
    auto c = WorkCalendar::LoadDir(GONGKAI_SOURCE_DIR "/data/calendar");
    if (!c.ok()) std::abort();
    return new WorkCalendar(std::move(c).value());
  }();
  return *cal;
}

inline Date D(const char* s) { return *Date::Parse(s); }

// A temporary folder removed at destruction.
class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("gongkai_ledger_" + std::to_string(getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace gongkai::ledger_test
