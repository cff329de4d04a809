#include <gtest/gtest.h>

#include "gongkai/calendar.h"

namespace gongkai {
namespace {

const WorkCalendar& Cal() {
  static const WorkCalendar* cal = [] {
    auto c = WorkCalendar::LoadDir(GONGKAI_SOURCE_DIR "/data/calendar");
    EXPECT_TRUE(c.ok()) << c.status().message();
    return new WorkCalendar(std::move(c).value());
  }();
  return *cal;
}

Date D(const char* s) { return *Date::Parse(s); }

std::string After(const char* from, int n) {
  auto d = Cal().AddWorkingDays(D(from), n);
  return d.ok() ? d->ToString() : "error: " + d.status().message();
}

TEST(DateTest, ParsesFormatsAndKnowsWeekdays) {
  EXPECT_EQ(D("2024-02-29").ToString(), "2024-02-29");
  EXPECT_FALSE(Date::Parse("2023-02-29").ok());
  EXPECT_FALSE(Date::Parse("2023-13-01").ok());
  EXPECT_FALSE(Date::Parse("2023-1-01").ok());
  EXPECT_FALSE(Date::Parse("20230101xx").ok());
  EXPECT_EQ(D("2021-01-01").weekday(), 5);  // Friday
  EXPECT_EQ(D("2026-11-23").weekday(), 1);  // Monday
  EXPECT_EQ(D("1969-12-31").weekday(), 3);  // Wednesday, before the epoch
  EXPECT_EQ(D("2025-03-01") - D("2025-02-28"), 1);
  EXPECT_EQ(D("2000-03-01").year(), 2000);
}

TEST(WorkCalendarTest, EachYearNetsTheStatutoryWeekdayHolidays) {
  for (int y = 2021; y <= 2026; ++y) {
    auto yc = Cal().Year(y);
    ASSERT_TRUE(yc.ok());
    // Weekdays off minus weekend days worked = the statutory days.
    EXPECT_EQ(static_cast<int>(yc->weekdays_off.size() - yc->weekend_workdays.size()),
              y <= 2024 ? 11 : 13)
        << y;
    for (Date d : yc->weekend_workdays) EXPECT_TRUE(d.IsWeekend()) << d.ToString();
  }
}

// Every expected date below was worked out by hand from domain.md B.4.
TEST(WorkCalendarTest, SpringFestival) {
  // 2021: off Thu Feb 11 – Wed Feb 17; make-up Sun Feb 7 and Sat Feb 20.
  EXPECT_EQ(After("2021-02-05", 1), "2021-02-07");  // Fri → the make-up Sunday
  EXPECT_EQ(After("2021-02-10", 1), "2021-02-18");  // block skipped
  EXPECT_EQ(After("2021-02-10", 3), "2021-02-20");  // Thu 18, Fri 19, make-up Sat 20
  // Mon Feb 1 + 20: Feb 2-5 (4), Sun 7 (5), 8-10 (8), 18-19 (10), Sat 20 (11), 22-26 (16),
  // Mar 1-4 (20).
  EXPECT_EQ(After("2021-02-01", 20), "2021-03-04");
  // 2022: off Mon Jan 31 – Sun Feb 6; make-up Sat Jan 29, Sun Jan 30.
  EXPECT_EQ(After("2022-01-28", 2), "2022-01-30");
  EXPECT_EQ(After("2022-01-28", 3), "2022-02-07");
  // 2023: off Sat Jan 21 – Fri Jan 27; make-up Sat 28, Sun 29.
  EXPECT_EQ(After("2023-01-20", 1), "2023-01-28");
  EXPECT_EQ(After("2023-01-20", 3), "2023-01-30");
  // 2024: off Sat Feb 10 – Sat Feb 17; 除夕 Fri Feb 9 is a working day; make-up Sun Feb 18.
  EXPECT_EQ(After("2024-02-08", 1), "2024-02-09");
  EXPECT_EQ(After("2024-02-08", 2), "2024-02-18");
  EXPECT_EQ(After("2024-02-08", 3), "2024-02-19");
  // 2025 (new rule, 8 days from 除夕): off Tue Jan 28 – Tue Feb 4; make-up Sun Jan 26, Sat Feb 8.
  EXPECT_EQ(After("2025-01-24", 1), "2025-01-26");
  EXPECT_EQ(After("2025-01-24", 2), "2025-01-27");
  EXPECT_EQ(After("2025-01-24", 3), "2025-02-05");
  // Mon Jan 20 + 20: 21-24 (4), Sun 26 (5), 27 (6), Feb 5-7 (9), Sat 8 (10), 10-14 (15), 17-21.
  EXPECT_EQ(After("2025-01-20", 20), "2025-02-21");
  // 2026: off Sun Feb 15 – Mon Feb 23; make-up Sat Feb 14, Sat Feb 28.
  EXPECT_EQ(After("2026-02-13", 1), "2026-02-14");
  EXPECT_EQ(After("2026-02-13", 2), "2026-02-24");
  EXPECT_EQ(After("2026-02-23", 5), "2026-02-28");  // Tue 24 … Fri 27, make-up Sat 28
}

TEST(WorkCalendarTest, NationalDayWithMakeUpDays) {
  // 2021: 中秋 off Sun Sep 19 – Tue 21 (make-up Sat 18); 国庆 off Fri Oct 1 – Thu 7
  // (make-up Sun Sep 26, Sat Oct 9).
  EXPECT_EQ(After("2021-09-17", 1), "2021-09-18");
  EXPECT_EQ(After("2021-09-17", 2), "2021-09-22");
  EXPECT_EQ(After("2021-09-30", 1), "2021-10-08");
  EXPECT_EQ(After("2021-09-30", 2), "2021-10-09");
  EXPECT_EQ(After("2021-09-30", 3), "2021-10-11");
  EXPECT_EQ(After("2021-10-03", 1), "2021-10-08");  // from inside the block
  // Fri Sep 24 + 20: Sun 26 (1), 27-30 (5), Oct 8 (6), Sat 9 (7), 11-15 (12), 18-22 (17), 25-27.
  EXPECT_EQ(After("2021-09-24", 20), "2021-10-27");
  // 2022: off Sat Oct 1 – Fri Oct 7; make-up Sat 8, Sun 9.
  EXPECT_EQ(After("2022-09-30", 1), "2022-10-08");
  EXPECT_EQ(After("2022-09-30", 3), "2022-10-10");
  // 2023: off Fri Sep 29 – Fri Oct 6; make-up Sat 7, Sun 8.
  EXPECT_EQ(After("2023-09-28", 1), "2023-10-07");
  EXPECT_EQ(After("2023-09-28", 3), "2023-10-09");
  // 2024: off Tue Oct 1 – Mon Oct 7; make-up Sun Sep 29, Sat Oct 12.
  EXPECT_EQ(After("2024-09-27", 1), "2024-09-29");
  EXPECT_EQ(After("2024-09-27", 2), "2024-09-30");
  EXPECT_EQ(After("2024-09-27", 3), "2024-10-08");
  EXPECT_EQ(After("2024-10-10", 2), "2024-10-12");
  // 2025: 国庆+中秋 merged, off Wed Oct 1 – Wed Oct 8; make-up Sun Sep 28, Sat Oct 11.
  EXPECT_EQ(After("2025-09-26", 1), "2025-09-28");
  EXPECT_EQ(After("2025-09-30", 1), "2025-10-09");
  EXPECT_EQ(After("2025-09-30", 3), "2025-10-11");
  // 2026: 中秋 off Fri Sep 25 – Sun 27 (make-up Sun Sep 20); 国庆 off Thu Oct 1 – Wed Oct 7
  // (make-up Sat Oct 10).
  EXPECT_EQ(After("2026-09-18", 1), "2026-09-20");
  EXPECT_EQ(After("2026-09-24", 1), "2026-09-28");
  EXPECT_EQ(After("2026-09-30", 1), "2026-10-08");
  EXPECT_EQ(After("2026-09-30", 3), "2026-10-10");
}

TEST(WorkCalendarTest, OtherHolidaysAndTheLabourDayChangeOf2025) {
  // 2022 劳动节: off Sat Apr 30 – Wed May 4; make-up Sun Apr 24, Sat May 7.
  EXPECT_EQ(After("2022-04-29", 1), "2022-05-05");
  EXPECT_EQ(After("2022-04-29", 3), "2022-05-07");
  // 2025 劳动节 now 5 days with one statutory day more: off Thu May 1 – Mon May 5.
  EXPECT_EQ(After("2025-04-30", 1), "2025-05-06");
  EXPECT_EQ(After("2025-04-25", 1), "2025-04-27");  // make-up Sun Apr 27
  // 2023 New Year block starts in 2022 (Sat Dec 31 – Mon Jan 2).
  EXPECT_EQ(After("2022-12-30", 1), "2023-01-03");
  // 2026 New Year: off Thu Jan 1 – Sat Jan 3, make-up Sun Jan 4.
  EXPECT_EQ(After("2025-12-31", 1), "2026-01-04");
  // 2023 清明 a single Wednesday.
  EXPECT_EQ(After("2023-04-04", 1), "2023-04-06");
  EXPECT_EQ(After("2023-04-04", 0), "2023-04-04");
}

TEST(WorkCalendarTest, CountsWorkingDaysBetween) {
  EXPECT_EQ(*Cal().WorkingDaysBetween(D("2021-09-30"), D("2021-10-09")), 2);  // Oct 8, Sat 9
  EXPECT_EQ(*Cal().WorkingDaysBetween(D("2021-02-01"), D("2021-03-04")), 20);
  EXPECT_EQ(*Cal().WorkingDaysBetween(D("2021-03-04"), D("2021-02-01")), 0);
}

TEST(WorkCalendarTest, UnknownYearsAreErrorsNotGuesses) {
  EXPECT_EQ(After("2026-12-31", 1).rfind("error: ", 0), 0u);
  EXPECT_EQ(After("2020-12-30", 1).rfind("error: ", 0), 0u);
  EXPECT_FALSE(Cal().IsWorkingDay(D("2027-01-04")).ok());
  EXPECT_FALSE(Cal().Year(2027).ok());
}

TEST(WorkCalendarTest, RejectsMalformedData) {
  WorkCalendar cal;
  EXPECT_FALSE(cal.AddYear(2030, "off 2030-13-01", "x").ok());
  EXPECT_FALSE(cal.AddYear(2030, "work 2030-01-02", "x").ok());  // a Wednesday
  EXPECT_FALSE(cal.AddYear(2030, "holiday 2030-01-01", "x").ok());
  EXPECT_FALSE(cal.AddYear(2030, "holidays 2\noff 2030-01-01", "x").ok());
  EXPECT_FALSE(cal.AddYear(2030, "holidays 1\noff 2030-01-01\nwork 2030-01-05", "x").ok());
  EXPECT_FALSE(cal.AddYear(2030, "off 2031-01-01", "x").ok());
  ASSERT_TRUE(cal.AddYear(2030, "holidays 1\noff 2030-01-01  # 元旦\n", "x").ok());
  EXPECT_FALSE(*cal.IsWorkingDay(D("2030-01-01")));
  EXPECT_TRUE(*cal.IsWorkingDay(D("2030-01-02")));
  EXPECT_FALSE(cal.AddYear(2030, "", "x").ok());  // duplicate
}

}  // namespace
}  // namespace gongkai
