// Table 3: the 勾稽关系, row totals and the result total (domain.md A.3).
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "checks.h"
#include "gongkai/rules.h"

namespace gongkai::validate_internal {
namespace {

const Cell& At(const AnnualReport& r, int row, int col) {
  return r.table3.cells[static_cast<size_t>(row)][static_cast<size_t>(col)];
}

// The sum of the outcome rows of column `c`, when all are present.
std::optional<double> OutcomeSum(const AnnualReport& r, int c) {
  double sum = 0;
  for (int row = kFirstOutcomeRow; row <= kLastOutcomeRow; ++row) {
    const Cell& x = At(r, row, c);
    if (!x.present()) return std::nullopt;
    sum += *x.value;
  }
  return sum;
}

// "自然人、商业企业" / "natural, commercial": the columns of `cols`.
std::string ColumnLabels(const std::vector<int>& cols, bool english) {
  std::string out;
  for (size_t i = 0; i < cols.size(); ++i) {
    if (i) out += english ? ", " : "、";
    out += english ? std::string(T3ColumnId(cols[i])) : std::string(T3ColumnLabel(cols[i]));
  }
  return out;
}

// Findings of one rule in several columns of table 3 share one cause and are one message: each
// column's detail joined, "（0≠1、0≠2）".
struct ColumnFailure {
  int column;
  std::string detail;     // e.g. "3≠0"
  SourceLocation where;
};

// The failing columns of one row and their details joined with 、, for one grouped message.
std::pair<std::vector<int>, std::string> Summarize(const std::vector<ColumnFailure>& failures) {
  std::vector<int> cols;
  std::string details;
  for (const ColumnFailure& f : failures) {
    cols.push_back(f.column);
    details += (details.empty() ? "" : "、") + f.detail;
  }
  return {cols, details};
}

void CheckBalance(const AnnualReport& r, Findings* out) {
  std::vector<ColumnFailure> failures;
  bool explained = true;  // every failure disappears when (七）总计 is the sum of its rows
  for (int c = 0; c < kT3Columns; ++c) {
    const Cell& n = At(r, kNew, c);
    const Cell& co = At(r, kCarriedOver, c);
    const Cell& rt = At(r, kResultTotal, c);
    const Cell& cf = At(r, kCarriedForward, c);
    if (!n.present() || !co.present() || !rt.present() || !cf.present()) continue;
    double lhs = *n.value + *co.value, rhs = *rt.value + *cf.value;
    if (lhs == rhs) continue;
    std::optional<double> sum = OutcomeSum(r, c);
    if (!sum || *sum == *rt.value || *sum + *cf.value != lhs) explained = false;
    failures.push_back({c, Num(lhs) + "≠" + Num(rhs), FirstSource(r, {&rt, &n})});
  }
  if (failures.empty()) return;
  if (failures.size() == 1) {
    const int c = failures[0].column;
    const Cell& n = At(r, kNew, c);
    const Cell& co = At(r, kCarriedOver, c);
    const Cell& rt = At(r, kResultTotal, c);
    const Cell& cf = At(r, kCarriedForward, c);
    double lhs = *n.value + *co.value, rhs = *rt.value + *cf.value;
    out->push_back(MakeFinding(
        "T3-BALANCE",
        "表三“" + std::string(T3ColumnLabel(c)) + "”列：本年新收 " + Num(*n.value) +
            " + 上年结转 " + Num(*co.value) + " = " + Num(lhs) + "，不等于办理结果总计 " +
            Num(*rt.value) + " + 结转下年度 " + Num(*cf.value) + " = " + Num(rhs),
        "table 3 column " + std::string(T3ColumnId(c)) + ": new + carried_over = " + Num(lhs) +
            " but result_total + carried_forward = " + Num(rhs),
        failures[0].where));
    return;
  }
  const auto [cols, details] = Summarize(failures);
  const std::string n = std::to_string(cols.size());
  std::string cause = explained ? "；原因在“（七）总计”行：它不等于各项办理结果之和（见 T3-RESULT-TOTAL）" : "";
  std::string cause_en = explained ? "; the cause is the result_total row, which is not the sum of the outcome rows" : "";
  out->push_back(MakeFinding(
      "T3-BALANCE",
      "表三勾稽关系在" + ColumnLabels(cols, false) + " " + n +
          " 列不成立：本年新收 + 上年结转 ≠ 办理结果总计 + 结转下年度（" + details + "）" + cause,
      "table 3 balance fails in " + n + " columns (" + ColumnLabels(cols, true) +
          "): new + carried_over != result_total + carried_forward" + cause_en,
      failures[0].where));
}

void CheckRowTotals(const AnnualReport& r, Findings* out) {
  for (int row = 0; row < kT3Rows; ++row) {
    const Cell& total = At(r, row, kTotal);
    if (!total.present()) continue;
    double sum = 0;
    bool complete = true;
    for (int c = 0; c < kTotal; ++c) {
      const Cell& x = At(r, row, c);
      if (!x.present()) {
        complete = false;
        break;
      }
      sum += *x.value;
    }
    if (!complete || sum == *total.value) continue;
    out->push_back(MakeFinding("T3-ROW-TOTAL",
                               "表三“" + std::string(T3RowLabel(row)) + "”行：总计为 " +
                                   Num(*total.value) + "，但自然人与法人或其他组织各列之和为 " +
                                   Num(sum),
                               "table 3 row " + std::string(T3RowId(row)) + ": total " +
                                   Num(*total.value) + " but the columns add up to " + Num(sum),
                               FirstSource(r, {&total})));
  }
}

void CheckResultTotal(const AnnualReport& r, Findings* out) {
  std::vector<ColumnFailure> failures;
  for (int c = 0; c < kT3Columns; ++c) {
    const Cell& rt = At(r, kResultTotal, c);
    if (!rt.present()) continue;
    std::optional<double> sum = OutcomeSum(r, c);
    if (!sum || *sum == *rt.value) continue;
    failures.push_back({c, Num(*rt.value) + "≠" + Num(*sum), FirstSource(r, {&rt})});
  }
  if (failures.empty()) return;
  if (failures.size() == 1) {
    const int c = failures[0].column;
    const Cell& rt = At(r, kResultTotal, c);
    const double sum = *OutcomeSum(r, c);
    out->push_back(MakeFinding("T3-RESULT-TOTAL",
                               "表三“" + std::string(T3ColumnLabel(c)) + "”列：（七）总计为 " +
                                   Num(*rt.value) + "，但各项办理结果之和为 " + Num(sum),
                               "table 3 column " + std::string(T3ColumnId(c)) + ": result_total " +
                                   Num(*rt.value) + " but the outcome rows add up to " + Num(sum),
                               failures[0].where));
    return;
  }
  const auto [cols, details] = Summarize(failures);
  const std::string n = std::to_string(cols.size());
  out->push_back(MakeFinding(
      "T3-RESULT-TOTAL",
      "表三“（七）总计”行：" + ColumnLabels(cols, false) + " " + n + " 列的总计不等于各项办理结果之和（" +
          details + "）",
      "table 3 result_total row: " + n + " columns (" + ColumnLabels(cols, true) +
          ") differ from the sum of the outcome rows",
      failures[0].where));
}

}  // namespace

void CheckTable3(const AnnualReport& r, Findings* out) {
  CheckBalance(r, out);
  CheckRowTotals(r, out);
  CheckResultTotal(r, out);
}

}  // namespace gongkai::validate_internal
