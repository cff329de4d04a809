// Civil dates and the working-day calendar of the People's Republic of China.
//
// A Date is a proleptic Gregorian calendar day. A WorkCalendar knows, for each year it has data
// for, which days are working days: Monday–Friday, minus the official days off, plus the weekend
// make-up days (调休上班) of that year's State Council notice. The data are files, one per year
// (data/calendar/YYYY.txt, format in data/calendar/README.md), so next year's notice is a data
// change. A date in a year without data is an error, never a guess — unless the caller added a
// provisional year (AddProvisionalYear), whose deadlines are marked provisional.
//
// Date is a plain value type. A WorkCalendar is immutable after loading and thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "gongkai/status.h"

namespace gongkai {

class Date {
 public:
  Date() = default;  // 1970-01-01
  // REQUIRES: a valid calendar date.
  static Date FromYmd(int year, int month, int day);
  static Date FromDays(int32_t days_since_epoch) {
    Date d;
    d.days_ = days_since_epoch;
    return d;
  }
  // Parses "YYYY-MM-DD" strictly (range-checked).
  static StatusOr<Date> Parse(std::string_view text);

  int year() const;
  int month() const;
  int day() const;
  // 1 = Monday … 7 = Sunday.
  int weekday() const;
  bool IsWeekend() const { return weekday() >= 6; }
  int32_t days() const { return days_; }
  std::string ToString() const;  // "YYYY-MM-DD"

  Date operator+(int n) const { return FromDays(days_ + n); }
  Date operator-(int n) const { return FromDays(days_ - n); }
  int operator-(Date other) const { return days_ - other.days_; }
  auto operator<=>(const Date&) const = default;

 private:
  int32_t days_ = 0;
};

// What a year's notice changes: weekdays off and weekend days worked.
struct YearCalendar {
  int year = 0;
  std::vector<Date> weekdays_off;
  std::vector<Date> weekend_workdays;
};

class WorkCalendar {
 public:
  // Loads every YYYY.txt in `dir`. Fails if the folder holds no year or a file is malformed.
  static StatusOr<WorkCalendar> LoadDir(const std::string& dir);
  // Loads the default data folder: $GONGKAI_DATA_DIR/calendar if set, else data/calendar next to
  // or one level above the running executable, else the source tree's data/calendar.
  static StatusOr<WorkCalendar> LoadDefault();
  // The folder LoadDefault() would read, or an error naming the places searched.
  static StatusOr<std::string> DefaultDir();

  // Adds one year's data in the file format; `name` is used in messages.
  Status AddYear(int year, std::string_view text, const std::string& name);

  // Adds a provisional year (政府未发布放假通知之前的临时日历): weekends, plus the statutory
  // holidays fixed by date — 元旦 1 Jan, 劳动节 1–2 May, 国庆 1–3 Oct (《全国年节及纪念日放假办法》
  // as revised in 2024; domain.md B.4) — and no make-up days. Deadlines counted on it are
  // provisional: the lunar holidays (春节, 清明, 端午, 中秋) and the 调休 are not known yet. A
  // year with data (file) stays as it is.
  Status AddProvisionalYear(int year);
  // Adds a provisional year for every year after the last year with data, through `last_year`
  // (so that registering a request never fails for lack of next year's notice).
  Status AddProvisionalYearsThrough(int last_year);
  // True iff `year` is known only provisionally.
  bool IsProvisional(int year) const { return provisional_.count(year) != 0; }
  // The last year with data (a file), or 0.
  int LastDataYear() const;

  bool KnowsYear(int year) const { return years_.count(year) != 0; }
  std::vector<int> years() const { return {years_.begin(), years_.end()}; }

  // Returns whether `d` is a working day. Error if d's year is unknown.
  StatusOr<bool> IsWorkingDay(Date d) const;
  // Returns the n-th working day after `from` (from itself not counted). REQUIRES: n >= 0;
  // n == 0 returns `from`. Error if any day looked at lies in an unknown year.
  StatusOr<Date> AddWorkingDays(Date from, int n) const;
  // Returns the number of working days in (from, to]; 0 if to <= from.
  StatusOr<int> WorkingDaysBetween(Date from, Date to) const;
  // The year's exceptions to the Monday–Friday rule.
  StatusOr<YearCalendar> Year(int year) const;

 private:
  void Rebuild();

  std::set<int> years_;
  std::set<int> provisional_;  // subset of years_
  std::set<int32_t> off_;      // days off (any weekday), as listed
  std::set<int32_t> work_;     // weekend days worked, as listed
  // Dense lookup built from the above: kind_[d - first_day_] is 0 for a day of an unknown year,
  // 1 for a working day, 2 for a day off.
  int32_t first_day_ = 0;
  std::vector<int8_t> kind_;
};

}  // namespace gongkai
