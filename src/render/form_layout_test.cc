#include "form_layout.h"

#include <gtest/gtest.h>

#include "render_test_util.h"

namespace gongkai::render_internal {
namespace {

// Every position of every grid is covered by exactly one cell.
void ExpectRectangular(const FormGrid& g) {
  std::vector<std::vector<int>> count(g.rows.size(), std::vector<int>(static_cast<size_t>(g.columns)));
  auto covered = CoveredGrid(g);
  for (size_t r = 0; r < g.rows.size(); ++r) {
    size_t col = 0;
    for (const FormCell& c : g.rows[r]) {
      while (col < covered[r].size() && !(covered[r][col].cell == &c)) ++col;
      ASSERT_LT(col, covered[r].size()) << g.id << " row " << r << " cell " << c.text;
      for (int dr = 0; dr < c.row_span; ++dr)
        for (int dc = 0; dc < c.col_span; ++dc) {
          ASSERT_LT(r + dr, count.size()) << g.id;
          ASSERT_LT(col + dc, count[r + dr].size()) << g.id << " row " << r << " " << c.text;
          ++count[r + dr][col + dc];
        }
    }
  }
  for (size_t r = 0; r < count.size(); ++r)
    for (size_t c = 0; c < count[r].size(); ++c) EXPECT_EQ(count[r][c], 1) << g.id << " at " << r << "," << c;
}

TEST(FormLayoutTest, GridsAreRectangular) {
  AnnualReport r = render_test::NumberedReport();
  ExpectRectangular(Table2Grid(r.table2));
  ExpectRectangular(Table3Grid(r.table3));
  ExpectRectangular(Table4Grid(r.table4));
}

TEST(FormLayoutTest, Table3HasTheOfficialHeaderAndGroups) {
  AnnualReport r = render_test::NumberedReport();
  FormGrid g = Table3Grid(r.table3);
  ASSERT_EQ(g.rows.size(), 3u + kT3Rows);
  EXPECT_EQ(g.columns, 10);
  EXPECT_EQ(g.rows[0][0].text, kT3BalanceNote);
  EXPECT_EQ(g.rows[0][0].row_span, 3);
  EXPECT_EQ(g.rows[0][0].col_span, 3);
  EXPECT_EQ(g.rows[0][1].text, "申请人情况");
  EXPECT_EQ(g.rows[0][1].col_span, 7);
  EXPECT_EQ(g.rows[1][1].text, "法人或其他组织");
  EXPECT_EQ(g.rows[1][1].col_span, 5);
  auto covered = CoveredGrid(g);
  // 三、本年度办理结果 spans the 21 outcome rows and （七）总计.
  const FormCell* group = covered[3 + kGranted][0].cell;
  EXPECT_EQ(group->text, "三、本年度办理结果");
  EXPECT_EQ(group->row_span, 22);
  EXPECT_EQ(covered[3 + kResultTotal][0].cell, group);
  EXPECT_EQ(covered[3 + kDeniedQuery][1].cell->text, "（三）不予公开");
  EXPECT_EQ(covered[3 + kDeniedQuery][1].cell->row_span, 8);
  EXPECT_EQ(covered[3 + kUnableUnclear][1].cell->text, "（四）无法提供");
  EXPECT_EQ(covered[3 + kIgnoredConfirm][1].cell->text, "（五）不予处理");
  EXPECT_EQ(covered[3 + kOtherOther][1].cell->text, "（六）其他处理");
  for (int row = 0; row < kT3Rows; ++row) {
    const auto& line = covered[static_cast<size_t>(3 + row)];
    EXPECT_EQ(line[2].cell->text, T3RowLabel(row)) << row;  // the row's own label, last label column
    for (int c = 0; c < kT3Columns; ++c) {
      EXPECT_EQ(line[static_cast<size_t>(3 + c)].cell->value, r.table3.cells[row][c].value);
    }
  }
}

TEST(FormLayoutTest, AbsentValuesAreEmptyNotZero) {
  AnnualReport r;
  r.table3.cells[kNew][kTotal].value = 0;
  FormGrid g = Table3Grid(r.table3);
  auto covered = CoveredGrid(g);
  EXPECT_EQ(covered[3 + kNew][3 + kTotal].cell->text, "0");
  EXPECT_EQ(covered[3 + kNew][3 + kNatural].cell->text, "");
  EXPECT_FALSE(covered[3 + kNew][3 + kNatural].cell->value.has_value());
}

TEST(FormLayoutTest, FormatValue) {
  EXPECT_EQ(FormatValue(std::nullopt), "");
  EXPECT_EQ(FormatValue(0.0), "0");
  EXPECT_EQ(FormatValue(1234.0), "1234");
  EXPECT_EQ(FormatValue(1.25), "1.25");
  EXPECT_EQ(FormatValue(0.1), "0.1");
  EXPECT_EQ(FormatValue(-3.0), "-3");
}

TEST(FormLayoutTest, Table4Groups) {
  AnnualReport r = render_test::NumberedReport();
  FormGrid g = Table4Grid(r.table4);
  ASSERT_EQ(g.rows.size(), 4u);
  EXPECT_EQ(g.rows[0][0].text, "行政复议");
  EXPECT_EQ(g.rows[0][1].text, "行政诉讼");
  EXPECT_EQ(g.rows[0][1].col_span, 10);
  EXPECT_EQ(g.rows[1][5].text, "未经复议直接起诉");
  EXPECT_EQ(g.rows[1][6].text, "复议后起诉");
  ASSERT_EQ(g.rows[3].size(), 15u);
  EXPECT_EQ(g.rows[3][14].text, "324");
}

}  // namespace
}  // namespace gongkai::render_internal
