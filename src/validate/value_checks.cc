// Values: counts are non-negative integers; the fee is a non-negative amount in 万元.
#include <cmath>
#include <utility>

#include "checks.h"
#include "gongkai/rules.h"

namespace gongkai::validate_internal {
namespace {

// `name` builds the cell's Chinese and English names; it runs only when there is a finding.
template <typename Name>
void CheckCount(const AnnualReport& r, const Cell& c, Name name, Findings* out) {
  if (!c.present()) return;
  double v = *c.value;
  if (v >= 0 && std::floor(v) == v) return;
  auto [where, where_en] = name();
  if (v < 0) {
    out->push_back(MakeFinding("VALUE-NEGATIVE", where + "为负数 " + Num(v),
                               where_en + " is negative: " + Num(v), FirstSource(r, {&c})));
  } else if (std::floor(v) != v) {
    out->push_back(MakeFinding("VALUE-NOT-INTEGER", where + "应为整数，实为 " + Num(v),
                               where_en + " is not an integer: " + Num(v), FirstSource(r, {&c})));
  }
}

}  // namespace

void CheckValues(const AnnualReport& r, Findings* out) {
  for (int k = 0; k < kDocKindCount; ++k) {
    for (int c = 0; c < kDocColumns; ++c) {
      CheckCount(
          r, r.table2.docs[static_cast<size_t>(k)][static_cast<size_t>(c)],
          [&] {
            return std::pair{
                "表二“" + std::string(DocKindLabel(k)) + "”" + std::string(DocColumnLabel(c)),
                "table2." + std::string(DocKindId(k)) + "[" + std::to_string(c) + "]"};
          },
          out);
    }
  }
  for (int k = 0; k < kDecisionKindCount; ++k) {
    CheckCount(
        r, r.table2.decisions[static_cast<size_t>(k)],
        [&] {
          return std::pair{"表二“" + std::string(DecisionKindLabel(k)) + "”本年处理决定数量",
                           "table2." + std::string(DecisionKindId(k))};
        },
        out);
  }
  const Cell& fee = r.table2.fees_10k_yuan;
  if (fee.present() && *fee.value < 0) {
    out->push_back(MakeFinding("T2-FEE-NEGATIVE", "表二行政事业性收费金额为负数 " + Num(*fee.value),
                               "table2.fees_10k_yuan is negative", FirstSource(r, {&fee})));
  }
  for (int row = 0; row < kT3Rows; ++row) {
    for (int c = 0; c < kT3Columns; ++c) {
      CheckCount(
          r, r.table3.cells[static_cast<size_t>(row)][static_cast<size_t>(c)],
          [&] {
            return std::pair{
                "表三“" + std::string(T3RowLabel(row)) + "”“" + std::string(T3ColumnLabel(c)) + "”",
                "table3." + std::string(T3RowId(row)) + "[" + std::to_string(c) + "]"};
          },
          out);
    }
  }
  for (int g = 0; g < kT4Groups; ++g) {
    for (int c = 0; c < kT4Columns; ++c) {
      CheckCount(
          r, r.table4.cells[static_cast<size_t>(g)][static_cast<size_t>(c)],
          [&] {
            return std::pair{
                "表四“" + std::string(T4GroupLabel(g)) + "”“" + std::string(T4ColumnLabel(c)) + "”",
                "table4." + std::string(T4GroupId(g)) + "[" + std::to_string(c) + "]"};
          },
          out);
    }
  }
}

}  // namespace gongkai::validate_internal
