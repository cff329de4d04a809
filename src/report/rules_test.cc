#include "gongkai/rules.h"

#include <gtest/gtest.h>

#include <set>

namespace gongkai {
namespace {

TEST(RulesTest, IdsAreUniqueAndDescribedInBothLanguages) {
  std::set<std::string_view> ids;
  for (const RuleInfo& r : RuleCatalogue()) {
    EXPECT_TRUE(ids.insert(r.id).second) << r.id;
    EXPECT_FALSE(r.title.empty()) << r.id;
    EXPECT_FALSE(r.title_en.empty()) << r.id;
  }
}

TEST(RulesTest, DomainMinimumRulesArePresent) {
  for (std::string_view id : {"T3-BALANCE", "T3-ROW-TOTAL", "T3-RESULT-TOTAL", "T4-TOTAL",
                              "VALUE-NEGATIVE", "T2-IN-FORCE", "STRUCT-SECTION-MISSING",
                              "STRUCT-LABEL", "NARR-RECEIVED", "NARR-YEAR", "XYEAR-CARRY-OVER"}) {
    EXPECT_EQ(Rule(id).id, id);
  }
}

TEST(RulesTest, LedgerBreachesAreInTheCatalogue) {
  for (std::string_view id : {"ART30-LATE-CORRECTION", "ART31-LATE-CONFIRMATION",
                              "ART33-LATE-EXTENSION", "ART33-LATE-REPLY"}) {
    EXPECT_EQ(Rule(id).id, id);
  }
}

TEST(RulesTest, MakeFindingTakesTheCatalogueSeverity) {
  SourceLocation loc;
  loc.file = "a.txt";
  loc.line = 3;
  Finding f = MakeFinding("T3-BALANCE", "中文", "english", loc);
  EXPECT_EQ(f.severity, Severity::kError);
  EXPECT_EQ(f.location.line, 3);
  EXPECT_EQ(MakeFinding("XYEAR-CARRY-OVER", "", "", loc).severity, Severity::kWarning);
}

}  // namespace
}  // namespace gongkai
