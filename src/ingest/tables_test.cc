// Table logic through the public layout-text importer: merged blocks of table 3.
#include "tables.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "gongkai/importer.h"

namespace gongkai {
namespace {

bool HasRule(const Findings& f, std::string_view rule) {
  for (const Finding& x : f) {
    if (x.rule == rule) return true;
  }
  return false;
}

// Row values that are all distinct and non-zero, so that a stray 0 cannot hide.
std::string Values(int row) {
  std::string out;
  int sum = 0;
  for (int c = 0; c < 6; ++c) {
    int v = 100 + row * 10 + c;
    sum += v;
    out += "\t" + std::to_string(v);
  }
  return out + "\t" + std::to_string(sum);
}

// A table 3 in tab layout in which the blocks in `merged` are printed as one row each.
std::string Table3With(const std::set<int>& merged_first_rows) {
  struct Block {
    int first, last;
    const char* heading;
  };
  const Block blocks[] = {{kDeniedStateSecret, kDeniedQuery, "（三）不予公开"},
                          {kUnableNoInfo, kUnableUnclear, "（四）无法提供"},
                          {kIgnoredComplaint, kIgnoredConfirm, "（五）不予处理"},
                          {kOtherNoCorrection, kOtherOther, "（六）其他处理"}};
  std::string t =
      "某局2023年政府信息公开工作年度报告\n"
      "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n";
  for (int r = 0; r < kT3Rows; ++r) {
    const Block* block = nullptr;
    for (const Block& b : blocks) {
      if (r >= b.first && r <= b.last) block = &b;
    }
    if (block && merged_first_rows.count(block->first)) {
      if (r == block->first) t += std::string(block->heading) + Values(r) + "\n";
      continue;
    }
    std::string label(T3RowLabel(r));
    if (r >= kGranted && r <= kResultTotal) label = label.substr(std::string("三").size());
    t += label + Values(r) + "\n";
  }
  t += "四、政府信息公开行政复议、行政诉讼情况\n";
  return t;
}

void ExpectBlockAbsent(const AnnualReport& a, int first, int last) {
  for (int r = first; r <= last; ++r) {
    for (int c = 0; c < kT3Columns; ++c) {
      EXPECT_FALSE(a.table3.cells[r][c].present()) << T3RowId(r) << " " << c;
    }
  }
}

TEST(MergedBlockTest, OtherBlockAloneIsAFindingNotOtherOther) {
  auto r = ImportLayoutText(Table3With({kOtherNoCorrection}), "six.txt");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ExpectBlockAbsent(r->report, kOtherNoCorrection, kOtherOther);
  EXPECT_TRUE(HasRule(r->findings, "STRUCT-ROW-MERGED"));
  bool named = false;
  for (const Finding& f : r->findings) {
    named = named || f.message.find("该表将（六）合并为一行") != std::string::npos;
  }
  EXPECT_TRUE(named);
  // The rows around it keep their own values.
  EXPECT_EQ(r->report.table3.cells[kIgnoredConfirm][kNatural].value, 100 + kIgnoredConfirm * 10);
  EXPECT_EQ(r->report.table3.cells[kResultTotal][kNatural].value, 100 + kResultTotal * 10);
  EXPECT_FALSE(HasRule(r->findings, "STRUCT-ROW-UNPLACED"));
}

TEST(MergedBlockTest, DeniedAndIgnoredBlocksWithoutSubRows) {
  auto r = ImportLayoutText(Table3With({kDeniedStateSecret, kIgnoredComplaint}), "three.txt");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ExpectBlockAbsent(r->report, kDeniedStateSecret, kDeniedQuery);
  ExpectBlockAbsent(r->report, kIgnoredComplaint, kIgnoredConfirm);
  int merged = 0;
  for (const Finding& f : r->findings) merged += f.rule == "STRUCT-ROW-MERGED";
  EXPECT_EQ(merged, 2);
  EXPECT_EQ(r->report.table3.cells[kPartial][kTotal].present(), true);
  EXPECT_EQ(r->report.table3.cells[kUnableNoInfo][kOther].value, 100 + kUnableNoInfo * 10 + 5);
}

// Whatever blocks are merged, no cell holds a number the source lacks: every present cell
// carries the value of its own row and column as written.
TEST(MergedBlockTest, MergedRowsNeverProduceANumberTheSourceLacks) {
  const int firsts[] = {kDeniedStateSecret, kUnableNoInfo, kIgnoredComplaint, kOtherNoCorrection};
  for (int mask = 0; mask < 16; ++mask) {
    std::set<int> merged;
    for (int b = 0; b < 4; ++b) {
      if (mask & (1 << b)) merged.insert(firsts[b]);
    }
    auto r = ImportLayoutText(Table3With(merged), "mask.txt");
    ASSERT_TRUE(r.ok()) << mask;
    for (int row = 0; row < kT3Rows; ++row) {
      for (int c = 0; c < kT3Columns; ++c) {
        const Cell& cell = r->report.table3.cells[row][c];
        if (!cell.present()) continue;
        int want = c < 6 ? 100 + row * 10 + c : 600 + row * 60 + 15;
        EXPECT_EQ(*cell.value, want) << "mask " << mask << " " << T3RowId(row) << " " << c;
      }
    }
  }
}

// A label cell holding only the block heading, with the sub-row labels beside it (a rowspan
// label column), is no merged block.
TEST(MergedBlockTest, HeadingBesideSubRowLabelIsNotMerged) {
  auto r = ImportLayoutText(
      "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n"
      "| 一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
      "| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
      "| （六）其他处理 | 1.申请人无正当理由逾期不补正 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n"
      "| | 2.申请人逾期未按收费通知要求缴纳费用 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |\n"
      "| | 3.其他 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |\n"
      "四、政府信息公开行政复议、行政诉讼情况\n",
      "grid.md");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->report.table3.cells[kOtherNoCorrection][kNatural].value, 2);
  EXPECT_EQ(r->report.table3.cells[kOtherOther][kTotal].value, 4);
  EXPECT_FALSE(HasRule(r->findings, "STRUCT-ROW-MERGED"));
}

// ---- OCR'd and PDF-converted text ----

const char kT4Header[] =
    "行政复议\n行政诉讼\n结果\n维持\n结果\n纠正\n其他\n结果\n尚未\n审结\n总计\n"
    "未经复议直接起诉\n复议后起诉\n结果维持\n结果纠正\n其他结果\n尚未审结\n总计\n"
    "结果维持\n结果纠正\n其他结果\n尚未审结\n总计\n";

void ExpectTable4(const AnnualReport& a) {
  const int want[3][5] = {{1, 0, 0, 0, 1}, {2, 0, 1, 0, 3}, {0, 4, 0, 0, 4}};
  for (int g = 0; g < kT4Groups; ++g) {
    for (int c = 0; c < kT4Columns; ++c) {
      ASSERT_TRUE(a.table4.cells[g][c].present()) << g << " " << c;
      EXPECT_EQ(*a.table4.cells[g][c].value, want[g][c]) << g << " " << c;
    }
  }
}

// Table 4 as label-less lines of numbers after its header words, with numbers in the narrative
// before it: the narrative's numbers are no cells.
TEST(OcrTextTest, Table4AfterItsHeaderWordsNotTheNarrative) {
  std::string t = Table3With({});
  t += "本年度本机关发生行政复议1件，行政诉讼5件。\n";
  t += kT4Header;
  t += "1 0 0 0 1\n2 0 1 0 3\n0 4 0 0 4\n五、存在的主要问题及改进情况\n无。\n";
  auto r = ImportLayoutText(t, "ocr.md");
  ASSERT_TRUE(r.ok());
  ExpectTable4(r->report);
}

// OCR that lost table 3's anchors still finds table 4 by its header words.
TEST(OcrTextTest, Table4FoundWithoutTable3) {
  std::string t =
      "某局2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n"
      "四、政府信息公开行政复议、行政诉讼情况\n";
  t += kT4Header;
  t += "1\n0\n0\n0\n1\n2\n0\n1\n0\n3\n0\n4\n0\n0\n4\n五、存在的主要问题及改进情况\n无。\n";
  auto r = ImportLayoutText(t, "ocr.md");
  ASSERT_TRUE(r.ok());
  ExpectTable4(r->report);
}

TEST(OcrTextTest, Table2LabelWrappedOverTwoLines) {
  auto r = ImportLayoutText(
      "某局2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n"
      "信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 1 2 3\n行政规范性\n文件 4 5 6\n"
      "第二十条第（八）项\n行政事业性\n收费 0.5\n",
      "wrap.md");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->report.table2.docs[1][0].value, 4);
  EXPECT_EQ(r->report.table2.docs[1][2].value, 6);
  EXPECT_EQ(r->report.table2.fees_10k_yuan.value, 0.5);
}

}  // namespace
}  // namespace gongkai
