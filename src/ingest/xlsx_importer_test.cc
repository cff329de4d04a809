#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "gongkai/importer.h"
#include "gongkai/render.h"
#include "ingest_test_util.h"

namespace gongkai {
namespace {

using ingest_test::MakeZip;
using ingest_test::XmlEscape;

void ExpectSameCell(const Cell& got, const Cell& want, const std::string& where) {
  ASSERT_EQ(got.present(), want.present()) << where;
  if (want.present()) {
    EXPECT_DOUBLE_EQ(*got.value, *want.value) << where;
  }
}

// Gongkai's own workbook (`gongkai render --format xlsx`) reads back to the same tables.
TEST(XlsxImporter, RoundTripThroughTheXlsxRenderer) {
  std::mt19937 rng(20261203);
  auto count = [&]() { return std::uniform_int_distribution<int>(0, 12000)(rng); };
  for (int i = 0; i < 4; ++i) {
    AnnualReport r;
    r.agency = "某某市财政局";
    r.year = 2024;
    for (int k = 0; k < kDocKindCount; ++k)
      for (int c = 0; c < kDocColumns; ++c) r.table2.docs[k][c].value = count();
    for (int d = 0; d < kDecisionKindCount; ++d) r.table2.decisions[d].value = count();
    r.table2.fees_10k_yuan.value = 12.34;
    for (int row = 0; row < kT3Rows; ++row)
      for (int c = 0; c < kT3Columns; ++c)
        if (!(i == 1 && c > 0 && row == kCarriedOver)) r.table3.cells[row][c].value = count();
    for (int g = 0; g < kT4Groups; ++g)
      for (int c = 0; c < kT4Columns; ++c) r.table4.cells[g][c].value = count();
    StatusOr<std::string> xlsx = RenderReport(r, RenderFormat::kXlsx);
    ASSERT_TRUE(xlsx.ok()) << xlsx.status().message();
    EXPECT_EQ(DetectFormat(*xlsx), ReportFormat::kXlsx);
    auto back = ImportReportBytes(*xlsx, "own.xlsx");
    ASSERT_TRUE(back.ok()) << back.status().message();
    EXPECT_EQ(back->format, "xlsx");
    const AnnualReport& a = back->report;
    for (int k = 0; k < kDocKindCount; ++k)
      for (int c = 0; c < kDocColumns; ++c) ExpectSameCell(a.table2.docs[k][c], r.table2.docs[k][c], "t2");
    for (int d = 0; d < kDecisionKindCount; ++d)
      ExpectSameCell(a.table2.decisions[d], r.table2.decisions[d], "t2 decision");
    ExpectSameCell(a.table2.fees_10k_yuan, r.table2.fees_10k_yuan, "fees");
    for (int row = 0; row < kT3Rows; ++row)
      for (int c = 0; c < kT3Columns; ++c)
        ExpectSameCell(a.table3.cells[row][c], r.table3.cells[row][c],
                       "t3 " + std::string(T3RowId(row)) + " " + std::to_string(c));
    for (int g = 0; g < kT4Groups; ++g)
      for (int c = 0; c < kT4Columns; ++c) ExpectSameCell(a.table4.cells[g][c], r.table4.cells[g][c], "t4");
    if (HasFailure()) return;
  }
}

// A sheet typed by an office: shared and inline strings, merged label columns (（三）不予公开
// over its eight rows), a merged title, numbers as numbers.
std::string OfficeSheet() {
  std::vector<std::string> strings;
  auto s = [&](const std::string& text) {
    strings.push_back(text);
    return std::to_string(strings.size() - 1);
  };
  std::string rows;
  std::string merges;
  int r = 0;
  auto row = [&](const std::vector<std::string>& cells) {
    ++r;
    rows += "<row r=\"" + std::to_string(r) + "\">";
    for (size_t k = 0; k < cells.size(); ++k) {
      if (cells[k].empty()) continue;
      std::string ref = std::string(1, static_cast<char>('A' + k)) + std::to_string(r);
      bool number = cells[k].find_first_not_of("0123456789.") == std::string::npos;
      if (number) rows += "<c r=\"" + ref + "\"><v>" + cells[k] + "</v></c>";
      else rows += "<c r=\"" + ref + "\" t=\"s\"><v>" + s(cells[k]) + "</v></c>";
    }
    rows += "</row>";
  };
  row({"某区教育局2024年政府信息公开工作年度报告"});
  merges += "<mergeCell ref=\"A1:J1\"/>";
  row({"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "", "申请人情况"});
  merges += "<mergeCell ref=\"A2:C4\"/><mergeCell ref=\"D2:J2\"/>";
  row({"", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"});
  merges += "<mergeCell ref=\"E3:I3\"/>";
  row({"", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""});
  row({"一、本年新收政府信息公开申请数量", "", "", "1021", "85", "3", "0", "12", "7", "1128"});
  merges += "<mergeCell ref=\"A5:C5\"/>";
  row({"二、上年结转政府信息公开申请数量", "", "", "4", "2", "0", "0", "0", "0", "6"});
  merges += "<mergeCell ref=\"A6:C6\"/>";
  row({"三、本年度办理结果", "（一）予以公开", "", "633", "51", "1", "0", "9", "4", "698"});
  merges += "<mergeCell ref=\"A7:A14\"/><mergeCell ref=\"B7:C7\"/>";
  row({"", "（三）不予公开", "1.属于国家秘密", "0", "0", "0", "0", "0", "0", "0"});
  merges += "<mergeCell ref=\"B8:B9\"/>";
  row({"", "", "2.其他法律行政法规禁止公开", "1", "0", "0", "0", "0", "0", "1"});
  std::string sheet =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet "
      "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" +
      rows + "</sheetData><mergeCells>" + merges + "</mergeCells></worksheet>";
  std::string sst =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst "
      "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">";
  for (const std::string& t : strings) sst += "<si><t>" + XmlEscape(t) + "</t></si>";
  sst += "</sst>";
  return MakeZip(
      {{"[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>"},
       {"xl/workbook.xml",
        "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
        "<sheet name=\"表三\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>"},
       {"xl/_rels/workbook.xml.rels",
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId7\" Type=\"worksheet\" Target=\"worksheets/data.xml\"/></Relationships>"},
       {"xl/worksheets/data.xml", sheet},
       {"xl/sharedStrings.xml", sst}});
}

TEST(XlsxImporter, SheetTypedByAnOffice) {
  std::string xlsx = OfficeSheet();
  EXPECT_EQ(DetectFormat(xlsx), ReportFormat::kXlsx);
  std::vector<NamedImport> all = ImportReportsBytes(xlsx, "office.xlsx");
  ASSERT_EQ(all.size(), 1u) << "a workbook is one report, not a bundle";
  ASSERT_TRUE(all[0].result.ok()) << all[0].result.status().message();
  const ImportedReport& r = *all[0].result;
  EXPECT_EQ(r.report.agency, "某区教育局");
  EXPECT_EQ(r.report.year, 2024);
  const Table3& t = r.report.table3;
  EXPECT_EQ(t.cells[kNew][kNatural].value, 1021);
  EXPECT_EQ(t.cells[kNew][kTotal].value, 1128);
  EXPECT_EQ(t.cells[kCarriedOver][kLegal].value, 0);
  EXPECT_EQ(t.cells[kGranted][kOther].value, 4);
  EXPECT_EQ(t.cells[kDeniedStateSecret][kTotal].value, 0);
  EXPECT_EQ(t.cells[kDeniedLawForbidden][kNatural].value, 1);
  EXPECT_FALSE(t.cells[kPartial][kNatural].present());
  EXPECT_EQ(t.cells[kNew][kNatural].source.table, 0);
  EXPECT_EQ(t.cells[kNew][kNatural].source.line, 5);
}

TEST(XlsxImporter, BadCellAddressIsAClearError) {
  std::string xlsx = MakeZip(
      {{"xl/workbook.xml",
        "<?xml version=\"1.0\"?><workbook><sheets><sheet name=\"a\" sheetId=\"1\"/></sheets></workbook>"},
       {"xl/worksheets/sheet1.xml",
        "<?xml version=\"1.0\"?><worksheet><sheetData><row r=\"1\"><c r=\"ZZZZ99999999\"><v>1</v></c>"
        "</row></sheetData></worksheet>"}});
  auto r = ImportReportBytes(xlsx, "bad.xlsx");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("bad.xlsx!/xl/worksheets/sheet1.xml"), std::string::npos)
      << r.status().message();
}

}  // namespace
}  // namespace gongkai
