// Table 3: the 勾稽关系, row totals and the result total (domain.md A.3).
#include "checks.h"
#include "gongkai/rules.h"

namespace gongkai::validate_internal {
namespace {

const Cell& At(const AnnualReport& r, int row, int col) {
  return r.table3.cells[static_cast<size_t>(row)][static_cast<size_t>(col)];
}

void CheckBalance(const AnnualReport& r, Findings* out) {
  for (int c = 0; c < kT3Columns; ++c) {
    const Cell& n = At(r, kNew, c);
    const Cell& co = At(r, kCarriedOver, c);
    const Cell& rt = At(r, kResultTotal, c);
    const Cell& cf = At(r, kCarriedForward, c);
    if (!n.present() || !co.present() || !rt.present() || !cf.present()) continue;
    double lhs = *n.value + *co.value, rhs = *rt.value + *cf.value;
    if (lhs == rhs) continue;
    out->push_back(MakeFinding(
        "T3-BALANCE",
        "表三“" + std::string(T3ColumnLabel(c)) + "”列：本年新收 " + Num(*n.value) +
            " + 上年结转 " + Num(*co.value) + " = " + Num(lhs) + "，不等于办理结果总计 " +
            Num(*rt.value) + " + 结转下年度 " + Num(*cf.value) + " = " + Num(rhs),
        "table 3 column " + std::string(T3ColumnId(c)) + ": new + carried_over = " + Num(lhs) +
            " but result_total + carried_forward = " + Num(rhs),
        FirstSource(r, {&rt, &n})));
  }
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
  for (int c = 0; c < kT3Columns; ++c) {
    const Cell& rt = At(r, kResultTotal, c);
    if (!rt.present()) continue;
    double sum = 0;
    bool complete = true;
    for (int row = kFirstOutcomeRow; row <= kLastOutcomeRow; ++row) {
      const Cell& x = At(r, row, c);
      if (!x.present()) {
        complete = false;
        break;
      }
      sum += *x.value;
    }
    if (!complete || sum == *rt.value) continue;
    out->push_back(MakeFinding("T3-RESULT-TOTAL",
                               "表三“" + std::string(T3ColumnLabel(c)) + "”列：（七）总计为 " +
                                   Num(*rt.value) + "，但各项办理结果之和为 " + Num(sum),
                               "table 3 column " + std::string(T3ColumnId(c)) + ": result_total " +
                                   Num(*rt.value) + " but the outcome rows add up to " + Num(sum),
                               FirstSource(r, {&rt})));
  }
}

}  // namespace

void CheckTable3(const AnnualReport& r, Findings* out) {
  CheckBalance(r, out);
  CheckRowTotals(r, out);
  CheckResultTotal(r, out);
}

}  // namespace gongkai::validate_internal
