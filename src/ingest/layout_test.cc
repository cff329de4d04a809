#include "layout.h"

#include <gtest/gtest.h>

namespace gongkai::ingest_internal {
namespace {

TEST(TextRun, CollapsesWhitespaceAndDropsItBetweenCjk) {
  TextRun r;
  r.Append("  本年新收\n   申请 ");
  r.Append("12\xC2\xA0件");
  EXPECT_EQ(r.Take(), "本年新收申请 12 件");
  EXPECT_TRUE(r.empty());
}

TEST(TextRun, SoftBreakSeparatesOnlyAsciiWords) {
  TextRun r;
  r.Append("（");
  r.SoftBreak();
  r.Append("一");
  r.SoftBreak();
  r.Append("）予以公开");
  EXPECT_EQ(r.Take(), "（一）予以公开");
  r.Append("12");
  r.SoftBreak();
  r.Append("34");
  EXPECT_EQ(r.Take(), "12 34");
}

// A label spanning columns fills them in its first row (so an empty cell after it is an absent
// value); rows below a rowspan keep empty positions; a number spanning columns appears once.
TEST(GridBuilder, SpannedLabelsFillTheirColumnsNumbersAppearOnce) {
  GridBuilder g;
  g.StartRow();
  g.AddCell("A", 2, 2);
  g.AddCell("B", 1, 1);
  g.StartRow();
  g.AddCell("C", 1, 1);
  g.StartRow();
  g.AddCell("D", 1, 3);
  g.StartRow();
  g.AddCell("12", 1, 2);
  g.AddCell("", 1, 1);
  auto rows = g.Finish();
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"A", "A", "B"}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"", "", "C"}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"D", "D", "D"}));
  EXPECT_EQ(rows[3], (std::vector<std::string>{"12", "", ""}));
}

TEST(GridBuilder, HostileSpansAreClamped) {
  GridBuilder g;
  g.StartRow();
  g.AddCell("x", 100000, 100000, 2);
  g.StartRow();
  g.AddCell("y", 1, 1, 1);
  auto rows = g.Finish();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].size(), static_cast<size_t>(GridBuilder::kMaxColumns));
  // The rowspan covers the second row entirely, so "y" has no room left and is dropped.
  EXPECT_EQ(rows[1][0], "");
}

TEST(LayoutText, TableRowsCarryTableRowAndLine) {
  const std::vector<int> kLines = {10, 11, 12};
  LayoutText t("f.html");
  t.AddLine("  标题  ", {});
  t.AddTable({{"a", "", "1"}, {"", "", ""}, {"b", "2", ""}}, SourceLocation{"", 0, 0, 4, -1, -1},
             &kLines);
  EXPECT_EQ(t.text(), "标题\n| a |  | 1 |\n| b | 2 |  |\n");
  ASSERT_EQ(t.sources().size(), 3u);
  EXPECT_EQ(t.sources()[0].file, "f.html");
  EXPECT_EQ(t.sources()[1].table, 4);
  EXPECT_EQ(t.sources()[1].row, 0);
  EXPECT_EQ(t.sources()[2].row, 2);
  EXPECT_EQ(t.sources()[2].line, 12);
}

}  // namespace
}  // namespace gongkai::ingest_internal
