// gongkai deadline: the Nth working day after a date.
#include <cstdio>
#include <iostream>

#include "command.h"
#include "gongkai/calendar.h"

namespace gongkai::cli {

int RunDeadline(const Args& args) {
  std::string from, days;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      std::fputs(
          "用法 (usage): gongkai deadline --from YYYY-MM-DD --working-days N\n\n"
          "打印该日期之后第 N 个工作日（当日不计入），按法定节假日与调休计算。\n"
          "Prints the Nth working day after the date (the date itself not counted).\n"
          "日历数据 (calendar data): $GONGKAI_DATA_DIR/calendar 或 data/calendar/YYYY.txt\n",
          stdout);
      return 0;
    } else if (a == "--from" && i + 1 < args.size()) {
      from = args[++i];
    } else if (a == "--working-days" && i + 1 < args.size()) {
      days = args[++i];
    } else {
      return UsageError("deadline", "未知参数 " + a + " (unknown argument)");
    }
  }
  if (from.empty() || days.empty()) {
    return UsageError("deadline", "需要 --from 和 --working-days (both options are required)");
  }
  StatusOr<Date> date = Date::Parse(from);
  if (!date.ok()) return UsageError("deadline", date.status().message());
  int n = -1;
  try {
    size_t used = 0;
    n = std::stoi(days, &used);
    if (used != days.size()) n = -1;
  } catch (...) {
  }
  if (n < 0 || n > 10000) {
    return UsageError("deadline", "--working-days 应为 0 到 10000 的整数 (expects 0..10000)");
  }
  StatusOr<WorkCalendar> cal = WorkCalendar::LoadDefault();
  if (!cal.ok()) {
    std::cerr << "gongkai deadline: " << cal.status().message() << "\n";
    return 1;
  }
  StatusOr<Date> due = cal->AddWorkingDays(*date, n);
  if (!due.ok()) {
    std::cerr << "gongkai deadline: " << due.status().message() << "\n";
    return 1;
  }
  std::cout << due->ToString() << "\n";
  return 0;
}

}  // namespace gongkai::cli

GONGKAI_COMMAND("deadline", "计算第 N 个工作日 (compute a deadline in working days)",
                gongkai::cli::RunDeadline)
