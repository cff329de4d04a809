#include "tokens.h"

#include <gtest/gtest.h>

namespace gongkai::ingest_internal {
namespace {

// The texts the tests' tokens view into, beyond their literals.
JoinedTexts* const kJoined = new JoinedTexts;

std::vector<Token> Cell(std::string_view s) {
  std::vector<Token> out;
  TokenizeCell(s, 1, 0, &out, kJoined);
  return out;
}

TEST(TokensTest, SplitsTextAndNumbers) {
  auto t = Cell("行政许可2293");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].kind, TokenKind::kText);
  EXPECT_EQ(t[0].text, "行政许可");
  EXPECT_EQ(t[1].kind, TokenKind::kNumber);
  EXPECT_EQ(t[1].value, 2293);
  EXPECT_TRUE(t[1].glued_to_label);
}

TEST(TokensTest, OrdinalOfTheNextLabelIsNotAValue) {
  auto t = Cell("10000016.属于四类过程性信息");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].text, "1000001");
  EXPECT_EQ(t[1].text, "6.属于四类过程性信息");
  auto u = Cell("3.其他");
  ASSERT_EQ(u.size(), 1u);
  EXPECT_EQ(u[0].kind, TokenKind::kText);
  auto v = Cell("1、 总体情况");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].text, "1、总体情况");
}

TEST(TokensTest, DecimalsAndThousandsSeparators) {
  auto t = Cell("行政事业性收费24252.311082三、收到");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_DOUBLE_EQ(t[1].value, 24252.311082);
  EXPECT_FALSE(t[1].is_integer);
  auto u = Cell("1,708");
  ASSERT_EQ(u.size(), 1u);
  EXPECT_EQ(u[0].value, 1708);
  EXPECT_TRUE(u[0].pure_cell);
  auto w = Cell("12,34");  // not a thousands separator
  ASSERT_EQ(w.size(), 3u);
}

TEST(TokensTest, SpacesSeparateNumbersButNotText) {
  auto t = Cell("500000 5");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].text, "500000");
  EXPECT_EQ(t[1].text, "5");
  auto u = Cell("结果 维持");
  ASSERT_EQ(u.size(), 1u);
  EXPECT_EQ(u[0].text, "结果维持");
}

TEST(TokensTest, NegativeOnlyAtCellStart) {
  auto t = Cell("-3");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].value, -3);
  EXPECT_TRUE(t[0].negative);
}

TEST(TokensTest, RowLinesAndEmptyCells) {
  const std::string file = "f";  // the lines point at it
  std::vector<Line> lines = SplitLines("规章\t0\t\t0\n|---|---|\n| 1 | 0 |  |\n单独\n", file, {});
  auto t = Tokenize(lines, kJoined);
  // 规章, 0, (empty), 0 on line 1; 1, 0, (empty) on line 3; 单独 on line 4.
  ASSERT_EQ(t.size(), 8u);
  EXPECT_TRUE(t[1].row_line);
  EXPECT_EQ(t[2].kind, TokenKind::kEmpty);
  EXPECT_EQ(t[4].line, 3);
  EXPECT_EQ(t[6].kind, TokenKind::kEmpty);
  EXPECT_FALSE(t[7].row_line);
  EXPECT_EQ(t[7].line, 4);
}

TEST(TokensTest, MarkdownSeparator) {
  EXPECT_TRUE(IsMarkdownSeparator("|---|:---:|"));
  EXPECT_FALSE(IsMarkdownSeparator("| 1 | 0 |"));
  EXPECT_FALSE(IsMarkdownSeparator("---"));
}

}  // namespace
}  // namespace gongkai::ingest_internal
