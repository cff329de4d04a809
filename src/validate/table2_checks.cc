// Table 2: documents in force against those made and abolished this year.
#include "checks.h"
#include "gongkai/rules.h"

namespace gongkai::validate_internal {

void CheckTable2(const AnnualReport& r, Findings* out) {
  for (int k = 0; k < kDocKindCount; ++k) {
    const auto& d = r.table2.docs[static_cast<size_t>(k)];
    const Cell &made = d[0], &abolished = d[1], &in_force = d[2];
    if (!made.present() || !in_force.present()) continue;
    std::string label(DocKindLabel(k));
    if (*in_force.value == 0 && *made.value > 0) {
      out->push_back(MakeFinding(
          "T2-NONE-IN-FORCE",
          "表二“" + label + "”：本年制发 " + Num(*made.value) + " 件，现行有效件数却为 0",
          "table 2 " + std::string(DocKindId(k)) + ": " + Num(*made.value) +
              " made this year but 0 in force",
          FirstSource(r, {&in_force})));
      continue;
    }
    if (!abolished.present()) continue;
    double net = *made.value - *abolished.value;
    if (*in_force.value < net) {
      out->push_back(MakeFinding("T2-IN-FORCE",
                                 "表二“" + label + "”：现行有效 " + Num(*in_force.value) +
                                     " 件，少于本年制发 " + Num(*made.value) + " 件减本年废止 " +
                                     Num(*abolished.value) + " 件",
                                 "table 2 " + std::string(DocKindId(k)) + ": in_force " +
                                     Num(*in_force.value) + " < made - abolished = " + Num(net),
                                 FirstSource(r, {&in_force})));
    }
  }
}

}  // namespace gongkai::validate_internal
