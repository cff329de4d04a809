// gongkai calendar: a year's exceptions to the Monday–Friday rule.
#include "gongkai/calendar.h"

#include <cstdio>
#include <iostream>

#include "command.h"

namespace gongkai::cli {
namespace {

const char* WeekdayName(int w) {
  static const char* kNames[] = {"", "周一", "周二", "周三", "周四", "周五", "周六", "周日"};
  return kNames[w];
}

}  // namespace

int RunCalendar(const Args& args) {
  std::string year_arg;
  for (const std::string& a : args) {
    if (a == "--help" || a == "-h") {
      std::fputs(
          "用法 (usage): gongkai calendar YEAR\n\n"
          "列出该年放假的工作日（off）和调休上班的周末（work）。\n"
          "Lists the year's weekdays off (off) and weekend working days (work).\n",
          stdout);
      return 0;
    } else if (year_arg.empty() && !a.empty() && a[0] != '-') {
      year_arg = a;
    } else {
      return UsageError("calendar", "未知参数 " + a + " (unknown argument)");
    }
  }
  if (year_arg.size() != 4 || year_arg.find_first_not_of("0123456789") != std::string::npos) {
    return UsageError("calendar", "需要四位年份 (expects a four-digit YEAR)");
  }
  StatusOr<WorkCalendar> cal = WorkCalendar::LoadDefault();
  if (!cal.ok()) {
    std::cerr << "gongkai calendar: " << cal.status().message() << "\n";
    return 1;
  }
  StatusOr<YearCalendar> y = cal->Year(std::stoi(year_arg));
  if (!y.ok()) {
    std::cerr << "gongkai calendar: " << y.status().message() << "\n";
    return 1;
  }
  for (Date d : y->weekdays_off) {
    std::cout << "off\t" << d.ToString() << "\t" << WeekdayName(d.weekday()) << "\n";
  }
  for (Date d : y->weekend_workdays) {
    std::cout << "work\t" << d.ToString() << "\t" << WeekdayName(d.weekday()) << "\n";
  }
  std::cout << "# 放假工作日 " << y->weekdays_off.size() << " 天，调休上班 "
            << y->weekend_workdays.size() << " 天，净 "
            << y->weekdays_off.size() - y->weekend_workdays.size() << " 天 (weekdays off, "
            << "weekend workdays, net)\n";
  return 0;
}

}  // namespace gongkai::cli

GONGKAI_COMMAND("calendar", "列出某年节假日与调休 (list a year's holidays and make-up days)",
                gongkai::cli::RunCalendar)
