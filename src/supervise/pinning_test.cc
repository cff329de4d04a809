#include <gtest/gtest.h>

#include "gongkai/importer.h"
#include "gongkai/supervision.h"
#include "gongkai/validator.h"
#include "supervise_test_util.h"

namespace gongkai {
namespace {

// Seed 004's table-3 balance error is pinned to the cells of the row it blames, and only there.
TEST(PinFinding, Seed004BalanceErrorPointsAtItsTableThreeCells) {
  auto in = ImportReportBytes(supervise_test::Seed(supervise_test::kSeed004), "004.txt");
  ASSERT_TRUE(in.ok());
  bool found = false;
  for (const Finding& f : Validate(in->report)) {
    if (f.rule != "T3-BALANCE") continue;
    found = true;
    FindingPins pins = PinFinding(f, in->report);
    ASSERT_FALSE(pins.cells.empty());
    for (const CellRef& c : pins.cells) {
      EXPECT_EQ(c.table, 3);
      EXPECT_EQ(in->report.table3.cells[static_cast<size_t>(c.row)][static_cast<size_t>(c.col)]
                    .source.line,
                f.location.line);
    }
    EXPECT_EQ(pins.section, -1);
  }
  EXPECT_TRUE(found);
}

TEST(PinFinding, ANarrativeFindingPointsAtItsSection) {
  auto in = ImportReportBytes(supervise_test::Seed(supervise_test::kSeed004), "004.txt");
  ASSERT_TRUE(in.ok());
  Finding f;
  f.location.line = in->report.sections[4].source.line + 1;
  FindingPins pins = PinFinding(f, in->report);
  EXPECT_TRUE(pins.cells.empty());
  EXPECT_EQ(pins.section, 4);
  EXPECT_EQ(PinFinding(Finding{}, in->report).section, -1);
}

}  // namespace
}  // namespace gongkai
