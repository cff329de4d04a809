// WorkCalendar's provisional years (calendar.h): next year before the State Council's notice.
#include "gongkai/calendar.h"

namespace gongkai {

Status WorkCalendar::AddProvisionalYear(int year) {
  if (KnowsYear(year)) return Status::Ok();
  const std::string y = std::to_string(year);
  const std::string text = "off " + y + "-01-01\noff " + y + "-05-01.." + y + "-05-02\noff " + y +
                           "-10-01.." + y + "-10-03\n";
  GONGKAI_RETURN_IF_ERROR(AddYear(year, text, "临时日历 (provisional calendar) " + y));
  provisional_.insert(year);
  return Status::Ok();
}

Status WorkCalendar::AddProvisionalYearsThrough(int last_year) {
  if (LastDataYear() == 0) {
    return FailedPreconditionError("日历没有任何年份的数据 (the calendar has no year with data)");
  }
  for (int year = LastDataYear() + 1; year <= last_year; ++year) {
    GONGKAI_RETURN_IF_ERROR(AddProvisionalYear(year));
  }
  return Status::Ok();
}

int WorkCalendar::LastDataYear() const {
  for (auto it = years_.rbegin(); it != years_.rend(); ++it) {
    if (!IsProvisional(*it)) return *it;
  }
  return 0;
}

}  // namespace gongkai
