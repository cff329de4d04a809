#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "gongkai/importer.h"
#include "pdf_layout.h"

namespace gongkai::ingest_internal {
namespace {

// A minimal PDF: one page per content stream, Helvetica as font /F1, with a correct xref.
std::string MakePdf(const std::vector<std::string>& contents) {
  std::vector<std::string> objs;
  std::string kids;
  const size_t n = contents.size();
  for (size_t i = 0; i < n; ++i) kids += std::to_string(4 + 2 * i) + " 0 R ";
  objs.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objs.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(n) + " >>");
  objs.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (size_t i = 0; i < n; ++i) {
    objs.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents " +
                   std::to_string(5 + 2 * i) + " 0 R >>");
    objs.push_back("<< /Length " + std::to_string(contents[i].size()) + " >>\nstream\n" + contents[i] +
                   "\nendstream");
  }
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objs.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objs[i] + "\nendobj\n";
  }
  size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objs.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    std::string o = std::to_string(off);
    pdf += std::string(10 - o.size(), '0') + o + " 00000 n \n";
  }
  pdf += "trailer\n<< /Size " + std::to_string(objs.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

std::string Text(double x, double y, const std::string& s) {
  return "BT /F1 10 Tf " + std::to_string(x) + " " + std::to_string(y) + " Td (" + s + ") Tj ET\n";
}

TEST(PdfImporter, ExtractsWordsWithPositionsTopDown) {
  std::string pdf = MakePdf({Text(72, 800, "Alpha") + Text(300, 800, "12") + Text(72, 700, "Beta")});
  auto pages = ExtractPdfWords(pdf, "t.pdf");
  ASSERT_TRUE(pages.ok()) << pages.status().message();
  ASSERT_EQ(pages->size(), 1u);
  const auto& words = (*pages)[0].words;
  ASSERT_EQ(words.size(), 3u);
  auto find = [&](const std::string& t) {
    for (const PdfWord& w : words)
      if (w.text == t) return w;
    ADD_FAILURE() << "no word " << t;
    return PdfWord{};
  };
  EXPECT_NEAR(find("Alpha").x0, 72, 1);
  EXPECT_NEAR(find("12").x0, 300, 1);
  EXPECT_LT(find("Alpha").y0, find("Beta").y0);  // y grows downwards
  LayoutText layout("t.pdf");
  PdfPagesToLayout(*pages, &layout);
  EXPECT_EQ(layout.text(), "Alpha\t12\nBeta\n");
  EXPECT_EQ(layout.sources()[1].page, 1);
  EXPECT_EQ(layout.sources()[1].line, 0);
}

TEST(PdfImporter, PdfWithoutTextLayerIsRefused) {
  std::string pdf = MakePdf({"0 0 m 100 100 l S\n", "q Q\n"});
  auto r = ImportReportBytes(pdf, "scan.pdf");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("没有文字层"), std::string::npos) << r.status().message();
  EXPECT_NE(r.status().message().find("scan.pdf"), std::string::npos);
}

TEST(PdfImporter, DamagedPdfIsAnError) {
  auto r = ImportReportBytes("%PDF-1.4\n1 0 obj << /Type /Catalog", "bad.pdf");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("bad.pdf"), std::string::npos);
}

TEST(PdfImporter, TooManyPagesAreRefused) {
  std::vector<std::string> pages(kMaxPdfPages + 1, "");
  auto r = ImportReportBytes(MakePdf(pages), "long.pdf");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted) << r.status().message();
}

TEST(PdfImporter, MillionTinyObjectsAreBounded) {
  // A million tiny objects besides one empty page: refused (no text) without blowing up.
  std::string pdf = MakePdf({""});
  size_t tail = pdf.find("xref");
  std::string junk;
  junk.reserve(20u << 20);
  for (int i = 0; i < 1000000; ++i) junk += std::to_string(100 + i) + " 0 obj\n<<>>\nendobj\n";
  pdf.insert(tail, junk);  // the xref offsets stay right: the objects follow the ones listed
  auto r = ImportReportBytes(pdf, "objects.pdf");
  ASSERT_FALSE(r.ok());
}

PdfWord W(const std::string& t, double x0, double y0, double width = 10, double h = 10) {
  return PdfWord{t, x0, y0, x0 + width, y0 + h, false};
}

TEST(PdfLayout, RowsKeepEmptyColumnsOfTheirBand) {
  PdfPage page{595, 842, {}};
  // Columns at x = 300, 340, 380 (3 values); the second row leaves the middle one empty.
  page.words = {W("规章", 72, 100, 20), W("1", 300, 100), W("2", 340, 100), W("3", 380, 100),
                W("行政规范性文件", 72, 120, 70), W("4", 300, 120), W("6", 380, 120),
                W("说明文字说明文字说明文字说明文字说明文字说明文字", 72, 140, 400)};
  LayoutText layout("t.pdf");
  PdfPagesToLayout({page}, &layout);
  EXPECT_EQ(layout.text(), "规章\t1\t2\t3\n行政规范性文件\t4\t\t6\n说明文字说明文字说明文字说明文字说明文字说明文字\n");
}

TEST(PdfLayout, PageNumbersInMarginsAreDropped) {
  PdfPage p1{595, 842, {W("正文", 72, 100, 20), W("-", 280, 820, 5), W("1", 290, 820, 5), W("-", 300, 820, 5)}};
  PdfPage p2{595, 842, {W("续文", 72, 100, 20), W("2", 290, 820, 5)}};
  LayoutText layout("t.pdf");
  PdfPagesToLayout({p1, p2}, &layout);
  EXPECT_EQ(layout.text(), "正文\n续文\n");
  EXPECT_EQ(layout.sources()[1].page, 2);
}

TEST(PdfLayout, CjkWordsJoinWithoutSpaces) {
  PdfPage page{595, 842, {W("本年", 72, 100, 20), W("新收", 94, 100, 20), W("12", 118, 100, 10)}};
  page.words[1].space_after = true;
  LayoutText layout("t.pdf");
  PdfPagesToLayout({page}, &layout);
  EXPECT_EQ(layout.text(), "本年新收 12\n");
}

// ---- Wide tables: header geometry against the numbers' right edges ----

// Table 3 as a city prints it: seven value cells 60 wide from x = 200; header words centred,
// some wrapped over two lines left-aligned ("法律服务" / "机构"); numbers right-aligned, the
// totals four digits wide (wider than their header word 总计).
PdfPage WideTable3Page(const std::vector<std::vector<std::string>>& rows, bool wrap_legal = true) {
  PdfPage page{595, 842, {}};
  auto cell_left = [](int k) { return 200.0 + 60 * k; };
  auto centred = [&](const std::string& t, int k, double y, int chars) {
    page.words.push_back(W(t, cell_left(k) + 30 - 5.0 * chars, y, 10.0 * chars));
  };
  auto left = [&](const std::string& t, int k, double y, int chars) {
    page.words.push_back(W(t, cell_left(k) + 4, y, 10.0 * chars));
  };
  page.words.push_back(W("申请人情况", 350, 100, 50));
  page.words.push_back(W("法人或其他组织", 375, 115, 70));
  centred("自然人", 0, 122, 3);
  centred("总计", 6, 122, 2);
  centred("商业企业", 1, 130, 4);
  centred("科研机构", 2, 130, 4);
  centred("社会公", 3, 130, 3);
  if (wrap_legal) left("法律服务", 4, 130, 4);
  else centred("法律服务机构", 4, 130, 6);
  centred("其他", 5, 130, 2);
  centred("益组织", 3, 145, 3);
  if (wrap_legal) left("机构", 4, 145, 2);
  double y = 170;
  for (const auto& row : rows) {
    page.words.push_back(W(row[0], 40, y, 10.0 * static_cast<double>(row[0].size() / 3)));
    for (size_t k = 1; k < row.size(); ++k) {
      if (row[k].empty()) continue;
      double width = 5.0 * static_cast<double>(row[k].size());
      page.words.push_back(W(row[k], cell_left(static_cast<int>(k - 1)) + 56 - width, y, width));
    }
    y += 20;
  }
  return page;
}

TEST(PdfLayout, WideTableKeepsItsLastColumnsUnderWrappedHeaders) {
  std::vector<std::vector<std::string>> rows = {
      {"一、本年新收", "1021", "85", "3", "0", "12", "7", "1128"},
      {"二、上年结转", "40", "2", "0", "0", "1", "0", "43"},
      {"（一）予以公开", "633", "51", "1", "0", "9", "4", "698"}};
  LayoutText layout("t.pdf");
  PdfPagesToLayout({WideTable3Page(rows)}, &layout);
  std::string want;
  for (const auto& row : rows) {
    std::string line;
    for (size_t k = 0; k < row.size(); ++k) line += (k ? "\t" : "") + row[k];
    EXPECT_NE(layout.text().find(line + "\n"), std::string::npos) << line << "\n" << layout.text();
  }
}

TEST(PdfLayout, WideTableAbsentCellStaysInItsColumn) {
  std::vector<std::vector<std::string>> rows = {
      {"一、本年新收", "1021", "85", "3", "0", "12", "7", "1128"},
      {"二、上年结转", "4", "2", "0", "0", "", "0", "6"},
      {"（一）予以公开", "12345", "51", "1", "0", "9", "4", "12410"}};
  LayoutText layout("t.pdf");
  PdfPagesToLayout({WideTable3Page(rows, /*wrap_legal=*/false)}, &layout);
  EXPECT_NE(layout.text().find("二、上年结转\t4\t2\t0\t0\t\t0\t6\n"), std::string::npos)
      << layout.text();
  EXPECT_NE(layout.text().find("（一）予以公开\t12345\t51\t1\t0\t9\t4\t12410\n"), std::string::npos)
      << layout.text();
}

// Table 4 with its three header rows in narrow cells (26 wide from x = 100): the fifteen columns
// come from the bottom header row; an absent cell stays absent, nothing shifts.
TEST(PdfLayout, Table4FifteenColumnsFromTheHeaderGeometry) {
  PdfPage page{595, 842, {}};
  auto left_of = [](int k) { return 100.0 + 26 * k; };
  page.words.push_back(W("四、政府信息公开行政复议、行政诉讼情况", 40, 60, 190));
  page.words.push_back(W("行政复议", left_of(0) + 45, 90, 40));
  page.words.push_back(W("行政诉讼", left_of(5) + 110, 90, 40));
  page.words.push_back(W("未经复议", left_of(5) + 45, 105, 40));
  page.words.push_back(W("直接起诉", left_of(5) + 45, 117, 40));
  page.words.push_back(W("复议后起诉", left_of(10) + 40, 110, 50));
  const char* heads[5][2] = {{"结果", "维持"}, {"结果", "纠正"}, {"其他", "结果"}, {"尚未", "审结"}, {"总计", ""}};
  for (int k = 0; k < 15; ++k) {
    page.words.push_back(W(heads[k % 5][0], left_of(k) + 3, 135, 20));
    if (*heads[k % 5][1]) page.words.push_back(W(heads[k % 5][1], left_of(k) + 3, 147, 20));
  }
  const char* values[15] = {"1", "0", "0", "0", "1", "12", "3", "", "1", "16", "0", "1", "0", "0", "1"};
  for (int k = 0; k < 15; ++k) {
    if (*values[k]) page.words.push_back(W(values[k], left_of(k) + 22 - 5.0 * static_cast<double>(std::string(values[k]).size()), 170, 5.0 * static_cast<double>(std::string(values[k]).size())));
  }
  page.words.push_back(W("五、存在的主要问题及改进情况", 40, 200, 140));
  page.words.push_back(W("无。", 40, 215, 20));
  LayoutText layout("t4.pdf");
  PdfPagesToLayout({page}, &layout);
  auto r = ImportLayoutText(layout.text(), "t4.pdf", layout.sources());
  ASSERT_TRUE(r.ok()) << r.status().message();
  for (int k = 0; k < 15; ++k) {
    const Cell& cell = r->report.table4.cells[k / 5][k % 5];
    if (!*values[k]) {
      EXPECT_FALSE(cell.present()) << k << "\n" << layout.text();
    } else {
      ASSERT_TRUE(cell.present()) << k << "\n" << layout.text();
      EXPECT_EQ(*cell.value, std::stod(values[k])) << k << "\n" << layout.text();
    }
  }
}

}  // namespace
}  // namespace gongkai::ingest_internal
