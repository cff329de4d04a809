// Table 4: each group's total.
#include "checks.h"
#include "gongkai/rules.h"

namespace gongkai::validate_internal {

void CheckTable4(const AnnualReport& r, Findings* out) {
  for (int g = 0; g < kT4Groups; ++g) {
    const auto& cells = r.table4.cells[static_cast<size_t>(g)];
    const Cell& total = cells[kT4Columns - 1];
    if (!total.present()) continue;
    double sum = 0;
    bool complete = true;
    for (int c = 0; c < kT4Columns - 1; ++c) {
      if (!cells[static_cast<size_t>(c)].present()) {
        complete = false;
        break;
      }
      sum += *cells[static_cast<size_t>(c)].value;
    }
    if (!complete || sum == *total.value) continue;
    out->push_back(MakeFinding("T4-TOTAL",
                               "表四“" + std::string(T4GroupLabel(g)) + "”：总计为 " +
                                   Num(*total.value) +
                                   "，但结果维持、结果纠正、其他结果、尚未审结之和为 " + Num(sum),
                               "table 4 group " + std::string(T4GroupId(g)) + ": total " +
                                   Num(*total.value) + " but the parts add up to " + Num(sum),
                               FirstSource(r, {&total})));
  }
}

}  // namespace gongkai::validate_internal
