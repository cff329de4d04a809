#include "digit_split.h"

#include <gtest/gtest.h>

namespace gongkai::ingest_internal {
namespace {

auto Any = [](const Values&) { return true; };

TEST(DigitSplitTest, RowTotalFixesTheSplit) {
  auto c = SplitDigitRuns({"640020470"}, 7, LastIsSumOfOthers, 10);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0], (Values{64, 0, 0, 2, 0, 4, 70}));
}

TEST(DigitSplitTest, LeadingZerosFixTheSplit) {
  auto c = SplitDigitRuns({"000"}, 3, Any, 10);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0], (Values{0, 0, 0}));
  auto d = SplitDigitRuns({"0000000"}, 7, LastIsSumOfOthers, 10);
  EXPECT_EQ(d.size(), 1u);
}

TEST(DigitSplitTest, SeveralRunsKeepTheirBoundaries) {
  auto c = SplitDigitRuns({"500000", "5"}, 7, LastIsSumOfOthers, 10);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0], (Values{5, 0, 0, 0, 0, 0, 5}));
}

TEST(DigitSplitTest, AmbiguousRunsGiveSeveralCandidates) {
  EXPECT_GT(SplitDigitRuns({"693665"}, 3, Any, 10).size(), 1u);
  EXPECT_TRUE(SplitDigitRuns({"12"}, 3, Any, 10).empty());
  EXPECT_EQ(SplitDigitRuns({"123456789"}, 3, Any, 2).size(), 2u);  // stops at the limit
}

TEST(DigitSplitTest, HugeRunsAreRejectedQuickly) {
  std::string huge(5000, '7');
  EXPECT_TRUE(SplitDigitRuns({huge}, 7, LastIsSumOfOthers, 10).empty());
}

TEST(DigitSplitTest, LastIsSumOfOthers) {
  EXPECT_TRUE(LastIsSumOfOthers({1, 2, 3}));
  EXPECT_FALSE(LastIsSumOfOthers({1, 2, 4}));
  EXPECT_FALSE(LastIsSumOfOthers({}));
}

}  // namespace
}  // namespace gongkai::ingest_internal
