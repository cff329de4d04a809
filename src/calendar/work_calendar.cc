// WorkCalendar: loading the yearly data files and counting working days.
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "gongkai/calendar.h"
#include "gongkai/file.h"

#ifndef GONGKAI_DEFAULT_DATA_DIR
#define GONGKAI_DEFAULT_DATA_DIR ""
#endif

namespace gongkai {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::string YearMessage(int year) {
  return "日历没有" + std::to_string(year) + "年的节假日数据 (no holiday data for " +
         std::to_string(year) + "; add data/calendar/" + std::to_string(year) + ".txt)";
}

}  // namespace

Status WorkCalendar::AddYear(int year, std::string_view text, const std::string& name) {
  std::set<int32_t> off, work;
  int expected_holidays = -1;
  int line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = Trim(line);
    if (line.empty()) continue;
    auto fail = [&](const std::string& why) {
      return InvalidArgumentError(name + ":" + std::to_string(line_no) + ": " + why);
    };
    size_t sp = line.find_first_of(" \t");
    if (sp == std::string_view::npos) return fail("缺少日期 (missing date)");
    std::string_view verb = line.substr(0, sp);
    std::string_view arg = Trim(line.substr(sp));
    if (verb == "holidays") {
      expected_holidays = std::atoi(std::string(arg).c_str());
      continue;
    }
    if (verb != "off" && verb != "work") {
      return fail("未知指令“" + std::string(verb) + "”，应为 off、work 或 holidays (unknown verb)");
    }
    std::string_view a = arg, b = arg;
    if (size_t dots = arg.find(".."); dots != std::string_view::npos) {
      a = Trim(arg.substr(0, dots));
      b = Trim(arg.substr(dots + 2));
    }
    StatusOr<Date> from = Date::Parse(a);
    StatusOr<Date> to = Date::Parse(b);
    if (!from.ok()) return fail(from.status().message());
    if (!to.ok()) return fail(to.status().message());
    if (*to < *from) return fail("区间结束早于开始 (range ends before it starts)");
    if (verb == "work" && !(*from == *to && from->IsWeekend())) {
      return fail("work 只能是单个周末日期 (work takes one weekend date)");
    }
    for (Date d = *from; d <= *to; d = d + 1) {
      if (d.year() != year && !d.IsWeekend()) {
        return fail("工作日 " + d.ToString() + " 不属于" + std::to_string(year) +
                    "年 (a weekday outside the file's year)");
      }
      (verb == "off" ? off : work).insert(d.days());
    }
  }
  if (expected_holidays >= 0) {
    int n = 0;
    for (int32_t d : off) {
      if (!Date::FromDays(d).IsWeekend() && Date::FromDays(d).year() == year) ++n;
    }
    for (int32_t d : work) {
      if (Date::FromDays(d).year() == year) --n;
    }
    if (n != expected_holidays) {
      return InvalidArgumentError(name + ": 工作日放假减调休上班净 " + std::to_string(n) +
                                  " 天，应为 " + std::to_string(expected_holidays) +
                                  " 天 (weekday holidays do not net to the stated number)");
    }
  }
  if (years_.count(year)) {
    return InvalidArgumentError(name + ": " + std::to_string(year) +
                                "年的数据重复 (duplicate year)");
  }
  years_.insert(year);
  off_.insert(off.begin(), off.end());
  work_.insert(work.begin(), work.end());
  Rebuild();
  return Status::Ok();
}

void WorkCalendar::Rebuild() {
  first_day_ = Date::FromYmd(*years_.begin(), 1, 1).days();
  int32_t end = Date::FromYmd(*years_.rbegin() + 1, 1, 1).days();
  kind_.assign(static_cast<size_t>(end - first_day_), 0);
  for (int y : years_) {
    for (int32_t d = Date::FromYmd(y, 1, 1).days(); d < Date::FromYmd(y + 1, 1, 1).days(); ++d) {
      Date date = Date::FromDays(d);
      bool working = date.IsWeekend() ? work_.count(d) != 0 : off_.count(d) == 0;
      kind_[static_cast<size_t>(d - first_day_)] = working ? 1 : 2;
    }
  }
}

StatusOr<WorkCalendar> WorkCalendar::LoadDir(const std::string& dir) {
  namespace fs = std::filesystem;
  WorkCalendar cal;
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::string stem = entry.path().stem().string();
    if (entry.path().extension() == ".txt" && stem.size() == 4 &&
        std::all_of(stem.begin(), stem.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      files.push_back(entry.path());
    }
  }
  if (ec) {
    return IoError("读取日历目录 " + dir + " 失败 (cannot read calendar folder): " + ec.message());
  }
  if (files.empty()) {
    return NotFoundError("日历目录 " + dir + " 中没有 YYYY.txt 文件 (no calendar years found)");
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& p : files) {
    GONGKAI_ASSIGN_OR_RETURN(std::string text, ReadFileToString(p.string()));
    GONGKAI_RETURN_IF_ERROR(cal.AddYear(std::stoi(p.stem().string()), text, p.string()));
  }
  return cal;
}

StatusOr<std::string> WorkCalendar::DefaultDir() {
  namespace fs = std::filesystem;
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("GONGKAI_DATA_DIR"); env && *env) {
    // An explicit setting is the only candidate: a wrong one must not fall back silently.
    fs::path p = fs::path(env) / "calendar";
    if (fs::is_directory(p)) return p.string();
    return NotFoundError("GONGKAI_DATA_DIR 下没有 calendar 目录 (no calendar folder in " +
                         p.string() + ")");
  }
  char buf[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n > 0) {
    fs::path exe_dir = fs::path(std::string(buf, static_cast<size_t>(n))).parent_path();
    for (fs::path base = exe_dir; !base.empty(); base = base.parent_path()) {
      candidates.push_back(base / "data" / "calendar");
      if (base == base.parent_path() || candidates.size() > 3) break;
    }
  }
  if (*GONGKAI_DEFAULT_DATA_DIR)
    candidates.push_back(fs::path(GONGKAI_DEFAULT_DATA_DIR) / "calendar");
  std::string searched;
  for (const fs::path& p : candidates) {
    if (fs::is_directory(p)) return p.string();
    searched += " " + p.string();
  }
  return NotFoundError(
      "找不到日历数据，请设置 GONGKAI_DATA_DIR (calendar data not found; searched" + searched +
      ")");
}

StatusOr<WorkCalendar> WorkCalendar::LoadDefault() {
  GONGKAI_ASSIGN_OR_RETURN(std::string dir, DefaultDir());
  return LoadDir(dir);
}

StatusOr<bool> WorkCalendar::IsWorkingDay(Date d) const {
  int64_t i = static_cast<int64_t>(d.days()) - first_day_;
  if (i < 0 || i >= static_cast<int64_t>(kind_.size()) || kind_[static_cast<size_t>(i)] == 0) {
    return FailedPreconditionError(d.ToString() + ": " + YearMessage(d.year()));
  }
  return kind_[static_cast<size_t>(i)] == 1;
}

StatusOr<Date> WorkCalendar::AddWorkingDays(Date from, int n) const {
  if (n < 0) return InvalidArgumentError("工作日数不能为负数 (working days must be >= 0)");
  Date d = from;
  while (n > 0) {
    d = d + 1;
    GONGKAI_ASSIGN_OR_RETURN(bool working, IsWorkingDay(d));
    if (working) --n;
  }
  return d;
}

StatusOr<int> WorkCalendar::WorkingDaysBetween(Date from, Date to) const {
  int n = 0;
  for (Date d = from + 1; d <= to; d = d + 1) {
    GONGKAI_ASSIGN_OR_RETURN(bool working, IsWorkingDay(d));
    n += working;
  }
  return n;
}

StatusOr<YearCalendar> WorkCalendar::Year(int year) const {
  if (!KnowsYear(year)) return NotFoundError(YearMessage(year));
  YearCalendar out;
  out.year = year;
  for (Date d = Date::FromYmd(year, 1, 1); d.year() == year; d = d + 1) {
    bool working = *IsWorkingDay(d);
    if (!d.IsWeekend() && !working) out.weekdays_off.push_back(d);
    if (d.IsWeekend() && working) out.weekend_workdays.push_back(d);
  }
  return out;
}

}  // namespace gongkai
