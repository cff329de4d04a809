#include <string>

#include <gtest/gtest.h>

#include "docx_numbering.h"
#include "gongkai/importer.h"
#include "ingest_test_util.h"

namespace gongkai {
namespace {

using ingest_test::MakeDocx;
using ingest_test::WCell;
using ingest_test::WPara;

// Numbering: level 0 "一、", level 1 "（一）", level 2 "1." — as Chinese reports set them up.
const char* kNumbering =
    "<?xml version=\"1.0\"?><w:numbering "
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:abstractNum w:abstractNumId=\"7\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"（%2）\"/></w:lvl>"
    "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%3.\"/></w:lvl>"
    "</w:abstractNum><w:num w:numId=\"3\"><w:abstractNumId w:val=\"7\"/></w:num></w:numbering>";

std::string Numbered(const std::string& text, int level) {
  return WPara(text, "<w:numPr><w:ilvl w:val=\"" + std::to_string(level) +
                         "\"/><w:numId w:val=\"3\"/></w:numPr>");
}

std::string Value(int r, int c) {
  if (c >= kCommercial && c <= kOther) return "";
  if (r == kNew || r == kGranted || r == kResultTotal) return "5";
  return "0";
}

// Table 3 with the form's merged cells: vMerge down the first two columns, gridSpan labels.
std::string Table3() {
  std::string t = "<w:tbl><w:tr>" + WCell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3) +
                  WCell("申请人情况", 7) + "</w:tr><w:tr>" + WCell("", 3);
  for (int c = 0; c < kT3Columns; ++c) t += WCell(std::string(T3ColumnLabel(c)));
  t += "</w:tr>";
  for (int r = 0; r < kT3Rows; ++r) {
    std::string label(T3RowLabel(r));
    t += "<w:tr>";
    if (r == kNew || r == kCarriedOver || r == kCarriedForward) {
      t += WCell(label, 3);
    } else {
      t += WCell(r == kGranted ? "三、本年度办理结果" : "", 1, r == kGranted ? "restart" : "");
      if (r == kGranted || r == kPartial || r == kResultTotal) {
        t += WCell(label, 2);
      } else {
        const char* group = r == kDeniedStateSecret ? "（三）不予公开"
                            : r == kUnableNoInfo    ? "（四）无法提供"
                            : r == kIgnoredComplaint ? "（五）不予处理"
                            : r == kOtherNoCorrection ? "（六）其他处理"
                                                      : nullptr;
        t += WCell(group ? group : "", 1, group ? "restart" : "") + WCell(label);
      }
    }
    for (int c = 0; c < kT3Columns; ++c) t += WCell(Value(r, c));
    t += "</w:tr>";
  }
  return t + "</w:tbl>";
}

std::string Body() {
  std::string t4 = "<w:tbl><w:tr>" + WCell("行政复议", 5) + WCell("行政诉讼", 10) + "</w:tr><w:tr>";
  for (int c = 0; c < 15; ++c) t4 += WCell(c == 3 ? "1" : c == 4 ? "1" : "0");
  t4 += "</w:tr></w:tbl>";
  return WPara("某某县某某局2022年政府信息公开工作年度报告") + Numbered("总体情况", 0) +
         Numbered("主动公开情况", 1) + WPara("本年共收到申请5件。") +
         Numbered("主动公开政府信息情况", 0) + Numbered("收到和处理政府信息公开申请情况", 0) +
         Table3() + Numbered("政府信息公开行政复议、行政诉讼情况", 0) + t4 +
         Numbered("存在的主要问题及改进情况", 0) + Numbered("其他需要报告的事项", 0);
}

TEST(DocxImporter, RebuildsListNumbersOfHeadings) {
  auto r = ImportReportBytes(MakeDocx(Body(), kNumbering), "t.docx");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->format, "docx");
  EXPECT_EQ(r->report.year, 2022);
  for (int s = 0; s < kSectionCount; ++s) EXPECT_TRUE(r->report.sections[s].present) << s;
  EXPECT_EQ(r->report.sections[0].heading, "一、总体情况");
  EXPECT_EQ(r->report.sections[3].heading, "四、政府信息公开行政复议、行政诉讼情况");
  EXPECT_EQ(r->report.sections[0].text, "（一）主动公开情况\n本年共收到申请5件。");
}

TEST(DocxImporter, ReadsMergedCellsAndLeavesEmptyCellsAbsent) {
  auto r = ImportReportBytes(MakeDocx(Body(), kNumbering), "t.docx");
  ASSERT_TRUE(r.ok()) << r.status().message();
  for (int row = 0; row < kT3Rows; ++row) {
    for (int c = 0; c < kT3Columns; ++c) {
      const Cell& cell = r->report.table3.cells[row][c];
      std::string want = Value(row, c);
      if (want.empty()) {
        EXPECT_FALSE(cell.present()) << T3RowId(row) << " " << c;
      } else {
        ASSERT_TRUE(cell.present()) << T3RowId(row) << " " << c;
        EXPECT_EQ(*cell.value, std::stod(want));
      }
    }
  }
  const Cell& total = r->report.table3.cells[kNew][kTotal];
  EXPECT_EQ(total.source.table, 0);
  EXPECT_EQ(total.source.row, 2);
  EXPECT_EQ(total.source.cell, 9);
  EXPECT_EQ(r->report.table4.cells[kReview][3].value, 1);
  EXPECT_EQ(r->report.table4.cells[kReview][3].source.table, 1);
}

TEST(DocxImporter, WithoutNumberingPartHeadingsLoseOnlyTheirNumbers) {
  auto r = ImportReportBytes(MakeDocx(Body()), "plain.docx");
  ASSERT_TRUE(r.ok()) << r.status().message();  // the tables still make it a report
  EXPECT_FALSE(r->report.sections[0].present);
  EXPECT_EQ(r->report.table3.cells[kNew][kTotal].value, 5);
}

TEST(DocxImporter, NumberingFromParagraphStylesAndTheirBases) {
  // "Heading1" carries the list; "MyHeading" is based on it and inherits the numbering.
  std::string styles =
      "<?xml version=\"1.0\"?><w:styles "
      "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:style w:styleId=\"Heading1\"><w:pPr><w:numPr><w:numId w:val=\"3\"/></w:numPr></w:pPr></w:style>"
      "<w:style w:styleId=\"MyHeading\"><w:basedOn w:val=\"Heading1\"/></w:style></w:styles>";
  std::string body = WPara("总体情况", "<w:pStyle w:val=\"Heading1\"/>") + WPara("正文") +
                     WPara("主动公开政府信息情况", "<w:pStyle w:val=\"MyHeading\"/>") +
                     WPara("收到和处理政府信息公开申请情况", "<w:pStyle w:val=\"Heading1\"/>") + Table3();
  auto r = ImportReportBytes(MakeDocx(body, kNumbering, styles), "styles.docx");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->report.sections[0].heading, "一、总体情况");
  EXPECT_EQ(r->report.sections[1].heading, "二、主动公开政府信息情况");
  EXPECT_EQ(r->report.sections[2].heading, "三、收到和处理政府信息公开申请情况");
}

TEST(DocxNumbering, FormatsChineseAndOtherStyles) {
  using ingest_internal::FormatListNumber;
  EXPECT_EQ(FormatListNumber(1, "chineseCounting"), "一");
  EXPECT_EQ(FormatListNumber(10, "chineseCounting"), "十");
  EXPECT_EQ(FormatListNumber(12, "chineseCounting"), "十二");
  EXPECT_EQ(FormatListNumber(20, "chineseCountingThousand"), "二十");
  EXPECT_EQ(FormatListNumber(105, "chineseCounting"), "一百〇五");
  EXPECT_EQ(FormatListNumber(3, "decimal"), "3");
  EXPECT_EQ(FormatListNumber(3, "upperLetter"), "C");
  EXPECT_EQ(FormatListNumber(4, "lowerRoman"), "iv");
  EXPECT_EQ(FormatListNumber(2, "decimalEnclosedCircle"), "②");
  EXPECT_EQ(FormatListNumber(2, "bullet"), "");
}

TEST(DocxImporter, DeepXmlNestingIsRefused) {
  std::string body;
  const int depth = 10000;  // deeper than libxml2's limit, within kMaxMarkupNodes
  body.reserve(depth * 12);
  for (int i = 0; i < depth; ++i) body += "<w:sdt>";
  for (int i = 0; i < depth; ++i) body += "</w:sdt>";
  auto r = ImportReportBytes(MakeDocx(body), "deep.docx");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted) << r.status().message();
  EXPECT_NE(r.status().message().find("deep.docx"), std::string::npos);
  EXPECT_NE(r.status().message().find("嵌套"), std::string::npos);
}

TEST(DocxImporter, EntityDeclarationsAreRefused) {
  std::string xml =
      "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY a \"aaaaaaaaaa\">"
      "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>";
  auto r = ImportReportBytes(ingest_test::MakeZip({{"word/document.xml", xml}}), "dtd.docx");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("dtd.docx"), std::string::npos);
}

TEST(DocxImporter, MalformedXmlIsAnErrorNamingThePart) {
  auto r = ImportReportBytes(ingest_test::MakeZip({{"word/document.xml", "<w:document><w:body>"}}),
                             "bad.docx");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(r.status().message().find("bad.docx!/word/document.xml"), std::string::npos);
}

}  // namespace
}  // namespace gongkai
