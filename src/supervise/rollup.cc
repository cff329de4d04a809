// Roll-ups and trends of the region (Supervision::Rollup, Supervision::Trends).
#include <utility>

#include "gongkai/report_json.h"
#include "gongkai/supervision.h"
#include "supervision_internal.h"

namespace gongkai {
namespace {

// Sums cells over the contributing reports: a cell is present only when every report gives it.
class CellSum {
 public:
  void Add(const Cell& c) {
    ++seen_;
    if (c.value) {
      ++present_;
      sum_ += *c.value;
    }
  }
  // The sum, or an absent cell (counted in `absent`) when a report lacks it.
  Cell Result(int* absent) const {
    Cell out;
    if (seen_ > 0 && present_ == seen_) {
      out.value = sum_;
    } else if (present_ > 0) {
      ++*absent;
    }
    return out;
  }

 private:
  int seen_ = 0, present_ = 0;
  double sum_ = 0;
};

// Every numeric cell of a report, in one fixed order (table 2, 3, 4), for summing.
template <typename R, typename F>
void ForEachCell(R& r, F f) {
  for (auto& row : r.table2.docs) {
    for (auto& c : row) f(c);
  }
  for (auto& c : r.table2.decisions) f(c);
  f(r.table2.fees_10k_yuan);
  for (auto& row : r.table3.cells) {
    for (auto& c : row) f(c);
  }
  for (auto& row : r.table4.cells) {
    for (auto& c : row) f(c);
  }
}

std::optional<int64_t> Whole(const Cell& c) {
  if (!c.value) return std::nullopt;
  return static_cast<int64_t>(*c.value);
}

// The sum of table-3 total-column cells of rows [first, last], absent if any is absent.
std::optional<int64_t> SumRows(const Table3& t, int first, int last) {
  int64_t sum = 0;
  for (int row = first; row <= last; ++row) {
    std::optional<int64_t> v = Whole(t.cells[static_cast<size_t>(row)][kTotal]);
    if (!v) return std::nullopt;
    sum += *v;
  }
  return sum;
}

}  // namespace

StatusOr<RegionRollup> Supervision::Rollup(int year) {
  GONGKAI_ASSIGN_OR_RETURN(const auto* ledger, impl_->LedgerReports(year));
  GONGKAI_ASSIGN_OR_RETURN(auto tables, impl_->submissions->LatestTables(year));
  RegionRollup out;
  out.year = year;
  std::vector<CellSum> sums;
  auto add = [&](const AnnualReport& r) {
    size_t i = 0;
    ForEachCell(r, [&](const Cell& c) {
      if (sums.size() <= i) sums.emplace_back();
      sums[i++].Add(c);
    });
  };
  for (const Agency& a : impl_->scope->agencies) {
    if (auto l = ledger->find(a.id); l != ledger->end()) {
      add(l->second.report);
      out.from_ledger.push_back(a);
      out.late_replies_in_ledger += l->second.late_replies;
      if (l->second.errors > 0) out.with_errors.push_back(a);
      continue;
    }
    auto t = tables.find(a.id);
    if (t == tables.end()) {
      out.missing.push_back(a);
      continue;
    }
    GONGKAI_ASSIGN_OR_RETURN(AnnualReport r, ReportFromJson(t->second, a.name));
    add(r);
    out.from_uploads.push_back(a);
  }
  GONGKAI_ASSIGN_OR_RETURN(auto latest, impl_->submissions->Latest(year));
  for (const Agency& a : out.from_uploads) {
    auto s = latest.find(a.id);
    if (s != latest.end() && s->second.errors > 0) out.with_errors.push_back(a);
  }
  out.report.agency = impl_->scope->agencies[0].name + "（汇总）";
  out.report.year = year;
  if (!sums.empty()) {
    size_t i = 0;
    ForEachCell(out.report, [&](Cell& c) { c = sums[i++].Result(&out.absent_cells); });
  }
  return out;
}

StatusOr<std::vector<YearTrend>> Supervision::Trends(int first_year, int last_year) {
  if (last_year < first_year || last_year - first_year > 30) {
    return InvalidArgumentError("年度范围无效 (invalid range of years)");
  }
  std::vector<YearTrend> out;
  for (int y = first_year; y <= last_year; ++y) {
    GONGKAI_ASSIGN_OR_RETURN(RegionRollup r, Rollup(y));
    YearTrend t;
    t.year = y;
    t.agencies = static_cast<int>(impl_->scope->agencies.size());
    t.reporting = static_cast<int>(r.from_ledger.size() + r.from_uploads.size());
    const Table3& t3 = r.report.table3;
    t.received = Whole(t3.cells[kNew][kTotal]);
    t.granted = SumRows(t3, kGranted, kPartial);
    t.denied = SumRows(t3, kDeniedStateSecret, kDeniedQuery);
    t.unable = SumRows(t3, kUnableNoInfo, kUnableUnclear);
    t.ignored = SumRows(t3, kIgnoredComplaint, kIgnoredConfirm);
    t.other = SumRows(t3, kOtherNoCorrection, kOtherOther);
    const Table4& t4 = r.report.table4;
    t.reviews = Whole(t4.cells[kReview][kT4Columns - 1]);
    std::optional<int64_t> direct = Whole(t4.cells[kSuitDirect][kT4Columns - 1]);
    std::optional<int64_t> after = Whole(t4.cells[kSuitAfterReview][kT4Columns - 1]);
    if (direct && after) t.suits = *direct + *after;
    t.late_replies_in_ledger = r.late_replies_in_ledger;
    out.push_back(t);
  }
  return out;
}

}  // namespace gongkai
