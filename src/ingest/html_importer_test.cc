#include <iconv.h>

#include <string>

#include <gtest/gtest.h>

#include "gongkai/importer.h"
#include "importers.h"
#include "ingest_test_util.h"

namespace gongkai {
namespace {

// Table 3 as the form lays it out: a header with merged cells, the 办理结果 block under one
// rowspan cell, the (三)…(六) groups under their own rowspans. `value(row, col)` gives the cell's
// text ("" for an empty cell).
template <typename F>
std::string Table3Html(F value) {
  std::string h = "<table border=1><tr><td rowspan=3 colspan=3>（本列数据的勾稽关系为：第一项加第二项之和，"
                  "等于第三项加第四项之和）</td><td colspan=7>申请人情况</td></tr>"
                  "<tr><td rowspan=2>自然人</td><td colspan=5>法人或其他组织</td><td rowspan=2>总计</td></tr>"
                  "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>";
  auto values = [&](int r) {
    std::string s;
    for (int c = 0; c < kT3Columns; ++c) s += "<td><p><span>" + value(r, c) + "</span></p></td>";
    return s + "</tr>";
  };
  for (int r = 0; r < kT3Rows; ++r) {
    std::string label(T3RowLabel(r));
    h += "<tr>";
    if (r == kNew || r == kCarriedOver || r == kCarriedForward) {
      h += "<td colspan=3>" + label + "</td>" + values(r);
      continue;
    }
    if (r == kGranted) h += "<td rowspan=22>三、本年度办理结果</td>";
    if (r == kGranted || r == kPartial || r == kResultTotal) {
      h += "<td colspan=2>" + label + "</td>" + values(r);
      continue;
    }
    if (r == kDeniedStateSecret) h += "<td rowspan=8>（三）不予公开</td>";
    if (r == kUnableNoInfo) h += "<td rowspan=3>（四）无法提供</td>";
    if (r == kIgnoredComplaint) h += "<td rowspan=5>（五）不予处理</td>";
    if (r == kOtherNoCorrection) h += "<td rowspan=3>（六）其他处理</td>";
    h += "<td>" + label + "</td>" + values(r);
  }
  return h + "</table>";
}

std::string Value(int r, int c) {
  if (c >= kCommercial && c <= kOther) return "";  // the five organisation columns left empty
  if (r == kNew || r == kGranted || r == kResultTotal) return "12";
  return "0";
}

std::string ReportHtml(const std::string& head_extra = "", const std::string& body_extra = "") {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>某某局2023年政府信息公开工作年度报告"
         "</title>" + head_extra + "<script>var x='一、总体情况 99 99 99';</script></head><body>"
         "<nav class=\"mainNav\"><a>首页</a><a>三、收到和处理政府信息公开申请情况 7 7 7</a></nav>"
         "<div class=\"bdsharebuttonbox\">分享到 12</div>" + body_extra +
         "<h1>某某局2023年政府信息公开工作年度报告</h1>"
         "<p>一、总体情况</p><p>本年共收到\n申请12件。</p>"
         "<p>三、收到和处理政府信息公开申请情况</p>" + Table3Html(Value) +
         "<p>四、政府信息公开行政复议、行政诉讼情况</p>"
         "<table><tr><td colspan=5>行政复议</td><td colspan=10>行政诉讼</td></tr>"
         "<tr><td rowspan=2>结果维持</td><td rowspan=2>结果纠正</td><td rowspan=2>其他结果</td>"
         "<td rowspan=2>尚未审结</td><td rowspan=2>总计</td><td colspan=5>未经复议直接起诉</td>"
         "<td colspan=5>复议后起诉</td></tr><tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td>"
         "<td>尚未审结</td><td>总计</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td>"
         "<td>尚未审结</td><td>总计</td></tr>"
         "<tr><td>1</td><td>0</td><td>0</td><td>1</td><td>2</td><td>0</td><td>0</td><td>0</td>"
         "<td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr></table>"
         "<p>五、存在的主要问题及改进情况</p><p>无。</p>"
         "<footer>版权所有 2023 12 34</footer></body></html>";
}

TEST(HtmlImporter, ReadsGridWithSpansAndLeavesEmptyCellsAbsent) {
  auto r = ImportReportBytes(ReportHtml(), "t.html");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->format, "html");
  EXPECT_EQ(r->report.agency, "某某局");
  EXPECT_EQ(r->report.year, 2023);
  const Table3& t3 = r->report.table3;
  for (int row = 0; row < kT3Rows; ++row) {
    for (int c = 0; c < kT3Columns; ++c) {
      const Cell& cell = t3.cells[row][c];
      std::string want = Value(row, c);
      if (want.empty()) {
        EXPECT_FALSE(cell.present()) << T3RowId(row) << " " << c;
      } else {
        ASSERT_TRUE(cell.present()) << T3RowId(row) << " " << c;
        EXPECT_EQ(*cell.value, std::stod(want)) << T3RowId(row) << " " << c;
      }
    }
  }
  EXPECT_EQ(r->report.table4.cells[kReview][0].value, 1);
  EXPECT_EQ(r->report.table4.cells[kReview][4].value, 2);
  EXPECT_EQ(r->report.table4.cells[kSuitAfterReview][4].value, 0);
}

TEST(HtmlImporter, ProvenanceNamesTableRowAndGridColumn) {
  auto r = ImportReportBytes(ReportHtml(), "t.html");
  ASSERT_TRUE(r.ok()) << r.status().message();
  // Table 0 is table 3; its header takes rows 0-2, so "一、本年新收" is row 3. The label spans
  // three grid columns, so 自然人 is grid column 3 and 总计 column 9.
  const Cell& natural = r->report.table3.cells[kNew][kNatural];
  EXPECT_EQ(natural.source.file, "t.html");
  EXPECT_EQ(natural.source.table, 0);
  EXPECT_EQ(natural.source.row, 3);
  EXPECT_EQ(natural.source.cell, 3);
  EXPECT_EQ(r->report.table3.cells[kNew][kTotal].source.cell, 9);
  // A row under the rowspans: 1.属于国家秘密 is the 5th body row.
  const Cell& secret = r->report.table3.cells[kDeniedStateSecret][kTotal];
  EXPECT_EQ(secret.source.row, 3 + kDeniedStateSecret);
  EXPECT_EQ(secret.source.cell, 9);
  EXPECT_GT(secret.source.line, 0);
  EXPECT_EQ(r->report.table4.cells[kReview][0].source.table, 1);
}

TEST(HtmlImporter, SkipsScriptNavigationShareButtonsAndFooter) {
  auto r = ImportReportBytes(ReportHtml(), "t.html");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const Section& s1 = r->report.sections[0];
  ASSERT_TRUE(s1.present);
  EXPECT_EQ(s1.heading, "一、总体情况");
  // A line break between CJK characters is not a space.
  EXPECT_EQ(s1.text, "本年共收到申请12件。");
  EXPECT_EQ(r->report.sections[4].text, "无。");
  EXPECT_EQ(r->report.preamble.find("首页"), std::string::npos);
  EXPECT_EQ(r->report.preamble.find("分享"), std::string::npos);
  EXPECT_EQ(r->report.sections[4].text.find("版权"), std::string::npos);
}

// Styles that hide an element drop it however they are written; other styles, and the many
// attributes a Word page puts on every element, change nothing (the importer keeps only the
// attributes it reads, a style only when it hides).
TEST(HtmlImporter, HidingStylesSkipContentOtherAttributesChangeNothing) {
  const std::string hidden =
      "<p style=\"COLOR: red; DISPLAY : None\">一、总体情况 隐藏</p>"
      "<div style='visibility:hidden'>五、存在的主要问题及改进情况 隐藏</div>"
      "<p hidden>版权所有</p>";
  auto r = ImportReportBytes(ReportHtml("", hidden), "t.html");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->report.preamble.find("隐藏"), std::string::npos);
  EXPECT_EQ(r->report.preamble.find("版权"), std::string::npos);
  EXPECT_EQ(r->report.sections[0].text, "本年共收到申请12件。");
  EXPECT_EQ(r->report.sections[4].text, "无。");

  std::string plain = ReportHtml();
  std::string word = plain;
  for (const std::string tag : {"<p", "<td", "<tr", "<table"}) {
    for (size_t p = word.find(tag + ">"); p != std::string::npos; p = word.find(tag + ">", p + 1)) {
      word.insert(p + tag.size(),
                  " style=\"mso-bidi-font-size:10.5pt;font-family:宋体\" lang=\"EN-US\" align=center");
    }
  }
  ASSERT_NE(word, plain);
  auto a = ImportReportBytes(plain, "t.html");
  auto b = ImportReportBytes(word, "t.html");
  ASSERT_TRUE(a.ok() && b.ok());
  for (int row = 0; row < kT3Rows; ++row) {
    for (int col = 0; col < kT3Columns; ++col) {
      EXPECT_EQ(a->report.table3.cells[row][col].value, b->report.table3.cells[row][col].value)
          << row << "," << col;
    }
  }
  EXPECT_EQ(a->report.sections[0].text, b->report.sections[0].text);
  EXPECT_EQ(a->report.table4.cells[0][4].value, b->report.table4.cells[0][4].value);
  EXPECT_TRUE(b->report.table4.cells[0][4].present());
}

TEST(HtmlImporter, DecodesDeclaredGbk) {
  std::string utf8 = ReportHtml();
  size_t p = utf8.find("utf-8");
  utf8.replace(p, 5, "gb2312");
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  ASSERT_NE(cd, reinterpret_cast<iconv_t>(-1));
  std::string gbk(utf8.size() * 2, '\0');
  char* in = utf8.data();
  char* out = gbk.data();
  size_t inleft = utf8.size(), outleft = gbk.size();
  ASSERT_NE(iconv(cd, &in, &inleft, &out, &outleft), static_cast<size_t>(-1));
  iconv_close(cd);
  gbk.resize(gbk.size() - outleft);
  auto r = ImportReportBytes(gbk, "gbk.html");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->encoding, "GB18030");
  EXPECT_EQ(r->report.agency, "某某局");
  EXPECT_EQ(r->report.table3.cells[kNew][kTotal].value, 12);
  bool noted = false;
  for (const Finding& f : r->findings) noted = noted || f.rule == "IMPORT-ENCODING";
  EXPECT_TRUE(noted);
}

TEST(HtmlImporter, LayoutTableCellsAreReadAsParagraphs) {
  // The whole page inside one layout table: the data tables nest in its cell.
  std::string page = ReportHtml();
  size_t b = page.find("<h1>");
  size_t e = page.find("<footer>");
  std::string inner = page.substr(b, e - b);
  std::string wrapped = page.substr(0, b) + "<table><tr><td>菜单</td><td>" + inner +
                        "</td></tr></table>" + page.substr(e);
  auto r = ImportReportBytes(wrapped, "layout.html");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->report.table3.cells[kResultTotal][kTotal].value, 12);
  EXPECT_TRUE(r->report.sections[0].present);
}

TEST(HtmlImporter, NestingWithinLibxmlLimitKeepsStructure) {
  std::string deep;
  for (int i = 0; i < 100; ++i) deep += "<div><span>";
  auto r = ImportReportBytes(ReportHtml("", deep), "deep.html");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->report.table3.cells[kNew][kTotal].value, 12);
  EXPECT_TRUE(r->report.sections[0].present);
}

TEST(HtmlImporter, NestingBeyondLibxmlLimitIsRefused) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  auto r = ImportReportBytes(ReportHtml("", deep), "deeper.html");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(r.status().message().find("deeper.html"), std::string::npos);
}

TEST(HtmlImporter, PageWithoutReportIsAnError) {
  auto r = ImportReportBytes("<html><body><p>欢迎访问</p></body></html>", "x.html");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("x.html"), std::string::npos);
}

TEST(HtmlImporter, ShuyangCorpusPageMatchesItsExpectedCells) {
  std::string bytes = ingest_test::ReadFileBytes(std::string(GONGKAI_SHARED_DIR) +
                                                 "/corpus/shuyang-fgj-2023.html");
  ASSERT_FALSE(bytes.empty());
  auto r = ImportReportBytes(bytes, "shuyang.html");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->format, "html");
  EXPECT_EQ(r->report.year, 2023);
  EXPECT_EQ(r->report.table3.cells[kNew][kNatural].value, 26);
  EXPECT_FALSE(r->report.table3.cells[kNew][kCommercial].present());
  EXPECT_EQ(r->report.table4.cells[kReview][3].value, 1);
  EXPECT_EQ(r->report.table2.docs[1][2].value, 18);
}

}  // namespace
}  // namespace gongkai
