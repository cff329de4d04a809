#include "gongkai/validator.h"

#include <cmath>
#include <cstdio>

#include "checks.h"
#include "gongkai/rules.h"

namespace gongkai {

namespace validate_internal {

std::string Num(double v) {
  char buf[64];
  if (std::floor(v) == v && std::fabs(v) < 1e15) {
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v));
  } else {
    std::snprintf(buf, sizeof buf, "%g", v);
  }
  return buf;
}

SourceLocation FirstSource(const AnnualReport& r, std::initializer_list<const Cell*> cells) {
  for (const Cell* c : cells) {
    if (c && c->present() && !c->source.empty()) return c->source;
  }
  return r.title_source;
}

}  // namespace validate_internal

Findings Validate(const AnnualReport& report) {
  using namespace validate_internal;
  Findings out;
  CheckStructure(report, &out);
  CheckValues(report, &out);
  CheckTable2(report, &out);
  CheckTable3(report, &out);
  CheckTable4(report, &out);
  CheckNarrative(report, &out);
  return out;
}

Findings ValidateCarryOver(const AnnualReport& previous, const AnnualReport& current) {
  using validate_internal::Num;
  Findings out;
  for (int c = 0; c < kT3Columns; ++c) {
    const Cell& fwd = previous.table3.cells[kCarriedForward][static_cast<size_t>(c)];
    const Cell& over = current.table3.cells[kCarriedOver][static_cast<size_t>(c)];
    if (!fwd.present() || !over.present() || *fwd.value == *over.value) continue;
    std::string col(T3ColumnLabel(c));
    std::string prev_year = previous.year ? std::to_string(*previous.year) : "上";
    std::string cur_year = current.year ? std::to_string(*current.year) : "本";
    out.push_back(MakeFinding(
        "XYEAR-CARRY-OVER",
        "“" + col + "”列：" + prev_year + "年结转下年度 " + Num(*fwd.value) + " 件，" + cur_year +
            "年上年结转 " + Num(*over.value) + " 件（机构合并时可能合理）",
        "column " + std::string(T3ColumnId(c)) + ": carried_forward " + Num(*fwd.value) +
            " last year, carried_over " + Num(*over.value) + " this year",
        over.source));
  }
  return out;
}

}  // namespace gongkai
