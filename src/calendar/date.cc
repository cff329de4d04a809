// Civil-date arithmetic (days from civil and back, after H. Hinnant's public-domain algorithms).
#include <cstdio>

#include "gongkai/calendar.h"

namespace gongkai {
namespace {

struct Ymd {
  int y, m, d;
};

int32_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Ymd CivilFromDays(int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp < 10 ? mp + 3 : mp - 9;
  return {yoe + era * 400 + (m <= 2), m, d};
}

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[m - 1];
}

}  // namespace

Date Date::FromYmd(int year, int month, int day) {
  return FromDays(DaysFromCivil(year, month, day));
}

StatusOr<Date> Date::Parse(std::string_view t) {
  auto bad = [&] {
    return InvalidArgumentError("日期“" + std::string(t) +
                                "”不是 YYYY-MM-DD 格式的有效日期 (not a valid YYYY-MM-DD date)");
  };
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return bad();
  int v[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8}, lens[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i) {
    for (int k = 0; k < lens[i]; ++k) {
      char c = t[static_cast<size_t>(starts[i] + k)];
      if (c < '0' || c > '9') return bad();
      v[i] = v[i] * 10 + (c - '0');
    }
  }
  if (v[0] < 1900 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > DaysInMonth(v[0], v[1])) {
    return bad();
  }
  return FromYmd(v[0], v[1], v[2]);
}

int Date::year() const { return CivilFromDays(days_).y; }
int Date::month() const { return CivilFromDays(days_).m; }
int Date::day() const { return CivilFromDays(days_).d; }

int Date::weekday() const {
  // 1970-01-01 was a Thursday (4).
  int w = (days_ % 7 + 7 + 3) % 7;  // 0 = Monday
  return w + 1;
}

std::string Date::ToString() const {
  Ymd c = CivilFromDays(days_);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.y, c.m, c.d);
  return buf;
}

}  // namespace gongkai
