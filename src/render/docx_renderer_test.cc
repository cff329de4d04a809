#include <gtest/gtest.h>
#include <libxml/parser.h>

#include <random>

#include "gongkai/importer.h"
#include "gongkai/render.h"
#include "render_test_util.h"

namespace gongkai {
namespace {

size_t Count(const std::string& s, const std::string& part) {
  size_t n = 0;
  for (size_t p = s.find(part); p != std::string::npos; p = s.find(part, p + part.size())) ++n;
  return n;
}

bool WellFormed(const std::string& xml) {
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "x.xml", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == nullptr) return false;
  xmlFreeDoc(doc);
  return true;
}

TEST(DocxRendererTest, PackageIsComplete) {
  AnnualReport r = render_test::NumberedReport();
  r.agency = "<局&\"'>";
  StatusOr<std::string> docx = RenderReport(r, RenderFormat::kDocx);
  ASSERT_TRUE(docx.ok()) << docx.status().message();
  EXPECT_EQ(docx->substr(0, 4), std::string("PK\x03\x04", 4));
  for (const char* part : {"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels",
                           "word/styles.xml", "word/settings.xml", "word/fontTable.xml", "word/footer1.xml",
                           "docProps/core.xml"}) {
    std::string xml = render_test::ReadZipEntry(*docx, part);
    EXPECT_TRUE(WellFormed(xml)) << part;
  }
  std::string doc = render_test::ReadZipEntry(*docx, "word/document.xml");
  ASSERT_TRUE(WellFormed(doc));
  EXPECT_NE(doc.find("&lt;局&amp;&quot;&#39;&gt;2024年政府信息公开工作年度报告"), std::string::npos);
  EXPECT_NE(doc.find("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), std::string::npos);  // A4
  EXPECT_EQ(Count(doc, "<w:tbl>"), 3u);
  // One <w:tr> per row of the form: table 2 has 14, table 3 has 28, table 4 has 4.
  EXPECT_EQ(Count(doc, "<w:tr>"), 14u + 28u + 4u);
  EXPECT_EQ(Count(doc, "<w:vMerge w:val=\"restart\"/>"),
            1u /*note*/ + 2u /*自然人 总计*/ + 1u /*三*/ + 4u /*groups*/ + 5u /*table 4*/);
  EXPECT_NE(doc.find("<w:gridSpan w:val=\"7\"/>"), std::string::npos);  // 申请人情况
  EXPECT_NE(doc.find("<w:gridSpan w:val=\"10\"/>"), std::string::npos);  // 行政诉讼
  std::string styles = render_test::ReadZipEntry(*docx, "word/styles.xml");
  EXPECT_NE(styles.find("w:eastAsia=\"仿宋_GB2312\""), std::string::npos);
}

// The DOCX importer reads the document back to the same cells, for every seed.
TEST(DocxRendererTest, RoundTripThroughTheImporter) {
  for (const std::string& path : render_test::SeedPaths()) {
    AnnualReport seed = render_test::ImportOrDie(path);
    StatusOr<std::string> docx = RenderReport(seed, RenderFormat::kDocx);
    ASSERT_TRUE(docx.ok()) << docx.status().message();
    StatusOr<ImportedReport> back = ImportReportBytes(*docx, path + ".docx");
    ASSERT_TRUE(back.ok()) << back.status().message();
    EXPECT_EQ(back->report.agency, seed.agency) << path;
    EXPECT_EQ(back->report.year, seed.year) << path;
    render_test::ExpectSameCells(seed, back->report, path + " (docx)");
  }
  AnnualReport numbered = render_test::NumberedReport();
  StatusOr<std::string> docx = RenderReport(numbered, RenderFormat::kDocx);
  ASSERT_TRUE(docx.ok());
  StatusOr<ImportedReport> back = ImportReportBytes(*docx, "numbered.docx");
  ASSERT_TRUE(back.ok()) << back.status().message();
  render_test::ExpectSameCells(numbered, back->report, "numbered (docx)");
}

// Reports with arbitrary text (markup characters, control characters, CJK) and any mix of
// absent and present values always give a well-formed document (fixed seed, reproducible).
TEST(DocxRendererTest, ArbitraryContentStaysWellFormed) {
  std::mt19937 rng(20241123);
  const std::vector<std::string> pieces = {"<", ">", "&", "\"", "'", "|", "\x01", "\t", "\n", "]]>",
                                           "&amp;", "局", "（一）", "年", "2023", "。", " ", "\xEF\xBC\x9C"};
  auto text = [&](size_t n) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s += pieces[rng() % pieces.size()];
    return s;
  };
  auto cell = [&](Cell* c) {
    if (rng() % 3 == 0) c->value = static_cast<double>(rng() % 100000) / ((rng() % 4 == 0) ? 100.0 : 1.0);
  };
  for (int iteration = 0; iteration < 30; ++iteration) {
    AnnualReport r;
    r.agency = text(rng() % 6);
    if (rng() % 2) r.year = 2000 + static_cast<int>(rng() % 30);
    r.preamble = text(rng() % 20);
    for (Section& sec : r.sections) sec.text = text(rng() % 30);
    for (auto& row : r.table2.docs)
      for (Cell& c : row) cell(&c);
    for (Cell& c : r.table2.decisions) cell(&c);
    cell(&r.table2.fees_10k_yuan);
    for (auto& row : r.table3.cells)
      for (Cell& c : row) cell(&c);
    for (auto& row : r.table4.cells)
      for (Cell& c : row) cell(&c);
    StatusOr<std::string> docx = RenderReport(r, RenderFormat::kDocx);
    ASSERT_TRUE(docx.ok()) << docx.status().message();
    EXPECT_TRUE(WellFormed(render_test::ReadZipEntry(*docx, "word/document.xml"))) << iteration;
    EXPECT_TRUE(WellFormed(render_test::ReadZipEntry(*docx, "docProps/core.xml"))) << iteration;
    std::string html = RenderHtml(r);
    EXPECT_EQ(html.find("<&"), std::string::npos);
    EXPECT_EQ(html.find('\x01'), std::string::npos);
    StatusOr<std::string> xlsx = RenderReport(r, RenderFormat::kXlsx);
    ASSERT_TRUE(xlsx.ok()) << xlsx.status().message();
  }
}

size_t Occurrences(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t p = text.find(what); p != std::string::npos; p = text.find(what, p + what.size())) ++n;
  return n;
}

// Tables may break between rows: only the header rows and the first body rows keep with the
// next (so the heading stays with them); rows never split; header rows repeat on each page.
TEST(DocxRendererTest, TablesBreakBetweenRowsWithRepeatedHeaders) {
  AnnualReport r = render_test::ImportOrDie(render_test::SeedDir() + "/001_295a9685f4c126e8.txt");
  StatusOr<std::string> docx = RenderReport(r, RenderFormat::kDocx);
  ASSERT_TRUE(docx.ok());
  std::string doc = render_test::ReadZipEntry(*docx, "word/document.xml");
  const size_t rows = Occurrences(doc, "<w:tr>");
  EXPECT_EQ(Occurrences(doc, "<w:cantSplit/>"), rows);
  EXPECT_GT(Occurrences(doc, "<w:tblHeader/>"), 3u);
  // Table 3 alone has 7 columns and 28 rows; a few rows' cells keep with the next, not all.
  EXPECT_LT(Occurrences(doc, "<w:keepNext/>"), 60u) << "every table cell keeps with the next";
  EXPECT_EQ(doc.find("自动生成"), std::string::npos) << "generated text in a report an office wrote";
  EXPECT_EQ(doc.find("[bookmark:"), std::string::npos);
}

TEST(DocxRendererTest, TitleBrokenAfterTheAgencyAndCentred) {
  AnnualReport r;
  r.agency = "内蒙古自治区人民政府办公厅";
  r.year = 2023;
  StatusOr<std::string> docx = RenderReport(r, RenderFormat::kDocx);
  ASSERT_TRUE(docx.ok());
  std::string doc = render_test::ReadZipEntry(*docx, "word/document.xml");
  EXPECT_NE(doc.find("<w:t xml:space=\"preserve\">内蒙古自治区人民政府办公厅</w:t></w:r><w:r><w:br/>"
                     "<w:t xml:space=\"preserve\">2023年政府信息公开工作年度报告</w:t>"),
            std::string::npos);
  std::string styles = render_test::ReadZipEntry(*docx, "word/styles.xml");
  EXPECT_NE(styles.find("w:eastAsia=\"方正小标宋简体\""), std::string::npos);
}

}  // namespace
}  // namespace gongkai
