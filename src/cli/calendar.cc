// gongkai calendar: a year's exceptions to the Monday–Friday rule.
#include "gongkai/calendar.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <iostream>

#include "ledger_options.h"

namespace gongkai::cli {
namespace {

const char* WeekdayName(int w) {
  static const char* kNames[] = {"", "周一", "周二", "周三", "周四", "周五", "周六", "周日"};
  return kNames[w];
}

}  // namespace

// gongkai calendar reload: due dates of open requests on the calendar as it now stands.
int RunReload(const Args& args) {
  CliOptions o;
  if (!o.Parse(args, 1, {})) return UsageError("calendar", o.error());
  if (Status s = o.OnlyAllowed({"actor", "today"}); !s.ok()) {
    return UsageError("calendar", s.message());
  }
  StatusOr<std::string> actor = o.Required("actor");
  if (!actor.ok()) return UsageError("calendar", actor.status().message());
  Date today = Date::FromYmd(CurrentYear(), 1, 1);
  if (o.Has("today")) {
    StatusOr<Date> d = o.DateOf("today");
    if (!d.ok()) return UsageError("calendar", d.status().message());
    today = *d;
  } else {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    today = Date::FromYmd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
  }
  auto session = OpenLedger(o);
  if (!session.ok()) return Fail("calendar", session.status());
  auto changes = (*session)->ledger->RecomputeDueDates(*actor, today);
  if (!changes.ok()) return Fail("calendar", changes.status());
  const WorkCalendar& cal = (*session)->calendar;
  for (const Ledger::DueDateChange& c : *changes) {
    auto show = [&](const std::optional<Date>& d) {
      if (!d) return std::string("-");
      return d->ToString() + (cal.IsProvisional(d->year()) ? "（临时日历）" : "");
    };
    std::cout << "申请 " << c.request_id << "：期限 " << show(c.before) << " → " << show(c.after)
              << "\n";
  }
  std::cout << "按现行日历重算期限，共变更 " << changes->size()
            << " 件申请，均已记入审计日志 (due dates recomputed and audited)\n";
  return 0;
}

int RunCalendar(const Args& args) {
  if (!args.empty() && args[0] == "reload") return RunReload(args);
  std::string year_arg;
  for (const std::string& a : args) {
    if (a == "--help" || a == "-h") {
      std::fputs(
          "用法 (usage): gongkai calendar YEAR\n"
          "              gongkai calendar reload --actor 经办人 [--today D] [--db PATH]\n\n"
          "列出该年放假的工作日（off）和调休上班的周末（work）。\n"
          "尚无 data/calendar/YYYY.txt "
          "的下一年按临时日历计算（周末及元旦1月1日、劳动节5月1日至2日、\n"
          "国庆节10月1日至3日），据此算出的期限标注“临时日历”。国务院发布放假通知后，添加该年文件，"
          "\n"
          "再运行 gongkai calendar reload：按新日历重算所有未办结申请的期限，并记入审计日志。\n"
          "Lists the year's weekdays off (off) and weekend working days (work). Next year without "
          "a\n"
          "file counts on a provisional calendar; after adding its file, `calendar reload`\n"
          "recomputes every open request's due date (audited).\n",
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
  if (Status s = cal->AddProvisionalYearsThrough(std::max(cal->LastDataYear(), CurrentYear()) + 1);
      !s.ok()) {
    return Fail("calendar", s);
  }
  if (cal->IsProvisional(std::stoi(year_arg))) {
    std::cout << "# 临时日历：尚无" << year_arg
              << "年放假通知，只含周末及元旦、劳动节、国庆节的固定日期 (provisional calendar)\n";
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
