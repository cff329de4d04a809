#include <iconv.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include <gtest/gtest.h>

#include "gongkai/importer.h"
#include "gongkai/validator.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Convert(const std::string& utf8, const char* to) {
  iconv_t cd = iconv_open(to, "UTF-8");
  std::string out(utf8.size() * 4 + 8, '\0');
  char* in = const_cast<char*>(utf8.data());
  size_t inleft = utf8.size(), outleft = out.size();
  char* o = out.data();
  size_t r = iconv(cd, &in, &inleft, &o, &outleft);
  iconv_close(cd);
  EXPECT_NE(r, static_cast<size_t>(-1)) << "test input not representable in " << to;
  out.resize(out.size() - outleft);
  return out;
}

// Compares every cell with an expected.json (null expected: must be absent, except ambiguous).
void ExpectMatches(const AnnualReport& r, const json& want, const std::string& name) {
  std::set<std::string> ambiguous;
  if (want.contains("ambiguous_cells")) {
    for (const auto& a : want["ambiguous_cells"]) ambiguous.insert(a.get<std::string>());
  }
  auto check = [&](const Cell& cell, const json& w, const std::string& path) {
    if (ambiguous.count(path) && !cell.present()) return;
    if (w.is_null()) {
      EXPECT_FALSE(cell.present()) << name << " " << path;
    } else {
      ASSERT_TRUE(cell.present()) << name << " " << path;
      EXPECT_NEAR(*cell.value, w.get<double>(), 1e-9) << name << " " << path;
    }
  };
  for (int k = 0; k < kDocKindCount; ++k) {
    for (int c = 0; c < 3; ++c) {
      std::string id(DocKindId(k));
      check(r.table2.docs[k][c], want["table2"][id][c],
            "table2." + id + "[" + std::to_string(c) + "]");
    }
  }
  for (int k = 0; k < kDecisionKindCount; ++k) {
    std::string id(DecisionKindId(k));
    check(r.table2.decisions[k], want["table2"][id], "table2." + id);
  }
  check(r.table2.fees_10k_yuan, want["table2"]["fees_10k_yuan"], "table2.fees_10k_yuan");
  for (int row = 0; row < kT3Rows; ++row) {
    std::string id(T3RowId(row));
    for (int c = 0; c < kT3Columns; ++c) {
      check(r.table3.cells[row][c], want["table3"]["rows"][id][c],
            "table3." + id + "[" + std::to_string(c) + "]");
    }
  }
  for (int g = 0; g < kT4Groups; ++g) {
    std::string id(T4GroupId(g));
    for (int c = 0; c < kT4Columns; ++c) {
      check(r.table4.cells[g][c], want["table4"][id][c], "table4." + id + "[" + std::to_string(c) + "]");
    }
  }
  if (want.contains("year")) {
    EXPECT_EQ(r.year, want["year"].get<int>()) << name;
  }
}

std::vector<fs::path> TextReports() {
  std::vector<fs::path> out;
  for (const char* dir : {"seeds", "corpus"}) {
    fs::path d = fs::path(GONGKAI_SHARED_DIR) / dir;
    if (!fs::exists(d)) continue;
    for (const auto& e : fs::directory_iterator(d)) {
      auto ext = e.path().extension();
      if (ext == ".txt" || ext == ".md") out.push_back(e.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

json Expected(const fs::path& report) {
  fs::path p = report;
  p.replace_extension(".expected.json");
  return json::parse(ReadAll(p));
}

TEST(TextImporterTest, SharedReportsMatchTheirExpectedValues) {
  auto reports = TextReports();
  ASSERT_GE(reports.size(), 5u) << "shared seeds not found at " << GONGKAI_SHARED_DIR;
  for (const fs::path& p : reports) {
    auto r = ImportReportFile(p.string());
    ASSERT_TRUE(r.ok()) << p << ": " << r.status().message();
    ExpectMatches(r->report, Expected(p), p.filename().string());
  }
}

Findings AllFindings(const ImportedReport& r) {
  Findings f = r.findings;
  Findings v = Validate(r.report);
  f.insert(f.end(), v.begin(), v.end());
  return f;
}

bool HasRule(const Findings& f, std::string_view rule) {
  return std::any_of(f.begin(), f.end(), [&](const Finding& x) { return x.rule == rule; });
}

TEST(TextImporterTest, InconsistentSeedsAreFlaggedAndConsistentOnesAreNot) {
  for (const fs::path& p : TextReports()) {
    auto r = ImportReportFile(p.string());
    ASSERT_TRUE(r.ok());
    Findings f = AllFindings(*r);
    bool inconsistent = !Expected(p)["source_inconsistencies"].empty();
    if (inconsistent) {
      EXPECT_GT(CountSeverity(f, Severity::kError) + CountSeverity(f, Severity::kWarning), 0) << p;
    } else {
      EXPECT_EQ(CountSeverity(f, Severity::kError), 0) << p;
    }
  }
  fs::path seeds = fs::path(GONGKAI_SHARED_DIR) / "seeds";
  auto s004 = ImportReportFile((seeds / "004_4adde12ab8e15d65.txt").string());
  ASSERT_TRUE(s004.ok());
  Findings f4 = AllFindings(*s004);
  EXPECT_TRUE(HasRule(f4, "T3-BALANCE"));
  EXPECT_TRUE(HasRule(f4, "T3-RESULT-TOTAL"));
  auto s002 = ImportReportFile((seeds / "002_641fc7d161c03c36.txt").string());
  ASSERT_TRUE(s002.ok());
  Findings f2 = AllFindings(*s002);
  EXPECT_TRUE(HasRule(f2, "NARR-RECEIVED"));
  EXPECT_TRUE(HasRule(f2, "STRUCT-LABEL"));
  EXPECT_TRUE(HasRule(f2, "STRUCT-ROW-CELLS"));
}

TEST(TextImporterTest, ProvenancePointsAtTheSourceLine) {
  fs::path p = fs::path(GONGKAI_SHARED_DIR) / "seeds" / "001_295a9685f4c126e8.txt";
  std::string text = ReadAll(p);
  auto r = ImportReportBytes(text, "001.txt");
  ASSERT_TRUE(r.ok());
  const Cell& c = r->report.table3.cells[kNew][kNatural];
  ASSERT_TRUE(c.present());
  EXPECT_EQ(c.source.file, "001.txt");
  // The line the importer points at holds the number it read.
  std::istringstream in(text);
  std::string line;
  for (int i = 0; i < c.source.line; ++i) std::getline(in, line);
  EXPECT_NE(line.find("212"), std::string::npos) << line;
}


// The same seed, re-encoded or re-typed as real files arrive, reads the same.
TEST(TextImporterTest, EncodingsAndFullWidthDigitsReadTheSame) {
  fs::path p = fs::path(GONGKAI_SHARED_DIR) / "seeds" / "001_295a9685f4c126e8.txt";
  std::string text = ReadAll(p);
  json want = Expected(p);
  std::string fullwidth;
  for (char c : text) {
    if (c >= '0' && c <= '9') fullwidth += std::string("\xEF\xBC") + static_cast<char>(0x90 + (c - '0'));
    else fullwidth += c;
  }
  std::string crlf;
  for (char c : text) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  const std::vector<std::pair<std::string, std::string>> variants = {
      {"bom", "\xEF\xBB\xBF" + text},
      {"gbk", Convert(text, "GB18030")},
      {"utf16le", "\xFF\xFE" + Convert(text, "UTF-16LE")},
      {"utf16be", "\xFE\xFF" + Convert(text, "UTF-16BE")},
      {"fullwidth", fullwidth},
      {"crlf", crlf},
  };
  for (const auto& [name, bytes] : variants) {
    auto r = ImportReportBytes(bytes, name);
    ASSERT_TRUE(r.ok()) << name << ": " << r.status().message();
    ExpectMatches(r->report, want, name);
  }
}

TEST(TextImporterTest, TabRowsThousandsSeparatorsAndPageBreaks) {
  std::string text =
      "某县2023年政府信息公开工作年度报告\n"
      "二、主动公开政府信息情况\n"
      "第二十条第(一)项\t\t\t\n"
      "规章\t0\t0\t0\n"
      "规范性文件\t2\t6\t41\n"
      "行政许可\t1,708\n"
      "一、总体情况（分页插入的正文）\n"
      "行政处罚\t12\n行政强制\t3\n行政事业性收费\t4614.94\n"
      "三、收到和处理政府信息公开申请情况\n"
      "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n"
      "一、本年新收政府信息公开申请数量\t\t6\t0\t0\t0\t0\t0\t6\t\n"
      "二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0\n"
      "（一）予以公开\t5\t0\t0\t0\t0\t0\t5\n"
      "（七）总计\t\t6\t0\t0\t0\t0\t0\t6\n"
      "四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0\n"
      "四、政府信息公开行政复议、行政诉讼情况\n"
      "1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n"
      "五、存在的主要问题及改进情况\n";
  auto r = ImportReportBytes(text, "t.txt");
  ASSERT_TRUE(r.ok());
  const AnnualReport& a = r->report;
  EXPECT_EQ(a.table2.decisions[0].value, 1708);
  EXPECT_EQ(a.table2.decisions[1].value, 12);
  EXPECT_EQ(a.table2.docs[1][2].value, 41);
  EXPECT_DOUBLE_EQ(*a.table2.fees_10k_yuan.value, 4614.94);
  EXPECT_EQ(a.table3.cells[kNew][kTotal].value, 6);
  EXPECT_EQ(a.table3.cells[kGranted][kNatural].value, 5);
  EXPECT_FALSE(a.table3.cells[kPartial][kNatural].present());  // not in the source: absent
  EXPECT_EQ(a.table3.cells[kResultTotal][kTotal].value, 6);
  EXPECT_EQ(a.table4.cells[kReview][0].value, 1);
  EXPECT_EQ(a.table4.cells[kReview][4].value, 1);
  EXPECT_EQ(a.year, 2023);
}

// Regression (found by the renderer's round trips): an absent first value of a row was dropped,
// shifting the others left, and two whole cells "8" "77" were re-split into 8, 7, 7.
TEST(TextImporterTest, AbsentValuesKeepTheirColumns) {
  std::string text =
      "某局2023年政府信息公开工作年度报告\n"
      "二、主动公开政府信息情况\n"
      "第二十条第（一）项\n"
      "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
      "|---|---|---|---|\n"
      "| 规章 |  | 8 | 77 |\n"
      "| 行政规范性文件 | 8 | 77 |\n"
      "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n"
      "| 一、本年新收政府信息公开申请数量 |  | 2 | 0 | 0 | 0 | 0 | 2 |\n"
      "| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 |  |\n"
      "四、政府信息公开行政复议、行政诉讼情况\n"
      "|  | 0 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |\n"
      "五、存在的主要问题及改进情况\n";
  auto r = ImportReportBytes(text, "absent.md");
  ASSERT_TRUE(r.ok());
  const AnnualReport& a = r->report;
  EXPECT_FALSE(a.table2.docs[0][0].present());
  EXPECT_EQ(a.table2.docs[0][1].value, 8);
  EXPECT_EQ(a.table2.docs[0][2].value, 77);
  for (int c = 0; c < 3; ++c) EXPECT_FALSE(a.table2.docs[1][c].present()) << c;  // never invented
  EXPECT_TRUE(HasRule(r->findings, "STRUCT-ROW-CELLS"));
  EXPECT_FALSE(a.table3.cells[kNew][kNatural].present());
  EXPECT_EQ(a.table3.cells[kNew][kCommercial].value, 2);
  EXPECT_EQ(a.table3.cells[kNew][kTotal].value, 2);
  EXPECT_FALSE(a.table3.cells[kCarriedOver][kTotal].present());
  EXPECT_FALSE(a.table4.cells[kReview][0].present());
  EXPECT_EQ(a.table4.cells[kReview][4].value, 0);
  EXPECT_EQ(a.table4.cells[kSuitDirect][0].value, 1);
  EXPECT_EQ(a.table4.cells[kSuitDirect][4].value, 1);
}

TEST(TextImporterTest, TrialFormat2019SingleOtherRow) {
  std::string text =
      "某局2019年政府信息公开工作年度报告\n"
      "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n"
      "一、本年新收政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2\n"
      "二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n"
      "（一）予以公开\t1\t0\t0\t0\t0\t0\t1\n"
      "5.要求行政机关确认或重新出具已获取信息\t0\t0\t0\t0\t0\t0\t0\n"
      "（六）其他处理\t1\t0\t0\t0\t0\t0\t1\n"
      "（七）总计\t2\t0\t0\t0\t0\t0\t2\n"
      "四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0\n"
      "四、政府信息公开行政复议、行政诉讼情况\n";
  auto r = ImportReportBytes(text, "2019.txt");
  ASSERT_TRUE(r.ok());
  // The model has no row for （六） itself: its sub-rows stay absent, never 0 nor the block's sum.
  EXPECT_FALSE(r->report.table3.cells[kOtherOther][kNatural].present());
  EXPECT_FALSE(r->report.table3.cells[kOtherNoCorrection][kNatural].present());
  bool merged = false;
  for (const Finding& f : r->findings) merged = merged || f.rule == "STRUCT-ROW-MERGED";
  EXPECT_TRUE(merged);
  EXPECT_EQ(r->report.table3.cells[kResultTotal][kTotal].value, 2);
}

TEST(TextImporterTest, UnreadableInputIsAClearError) {
  auto empty = ImportReportBytes("", "empty.txt");
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.status().message().find("empty.txt"), std::string::npos);
  auto prose = ImportReportBytes("这是一封普通的信。\n没有表格。\n", "letter.txt");
  ASSERT_FALSE(prose.ok());
  EXPECT_NE(prose.status().message().find("letter.txt"), std::string::npos);
  auto pdf = ImportReportBytes("%PDF-1.7\n...", "x.pdf");
  EXPECT_FALSE(pdf.ok());
  auto doc = ImportReportBytes(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "xx", "x.doc");
  EXPECT_FALSE(doc.ok());
  auto nul = ImportReportBytes(std::string("a\0b", 3), "nul.txt");
  EXPECT_FALSE(nul.ok());
  auto missing = ImportReportFile("/nonexistent/report.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("/nonexistent/report.txt"), std::string::npos);
}

TEST(TextImporterTest, AmbiguousGluedDigitsStayAbsentWithAWarning) {
  std::string text =
      "某区2021年度政府信息公开工作年度报告 二、主动公开政府信息情况 第二十条第（一）项信息内容"
      "本年制发件数本年废止件数现行有效件数规章 000行政规范性文件693665第二十条第（五）项信息内容"
      "本年处理决定数量行政许可2293\n";
  auto r = ImportReportBytes(text, "glued.txt");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->report.table2.docs[0][0].value, 0);
  EXPECT_FALSE(r->report.table2.docs[1][0].present());
  EXPECT_TRUE(HasRule(r->findings, "IMPORT-AMBIGUOUS"));
  EXPECT_EQ(r->report.table2.decisions[0].value, 2293);
}

}  // namespace
}  // namespace gongkai

namespace gongkai {
namespace {

// Inputs the fuzzers found crashes with, kept under tests/regressions/. Each must import (or be
// refused) and validate without undefined behaviour; the ASan/UBSan build makes that a check.
// fuzz_huge_count_cast.txt: a table-3 cell of 7.8e68 was cast to int64_t (UB) when the row took
// part in the column arithmetic.
TEST(TextImporterRegressionTest, FuzzerFindingsImportCleanly) {
  fs::path dir = fs::path(GONGKAI_SOURCE_DIR) / "tests" / "regressions";
  int seen = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    ++seen;
    auto r = ImportReportBytes(ReadAll(e.path()), e.path().filename().string());
    if (r.ok()) {
      Findings f = Validate(r->report);
      (void)f;
    }
  }
  EXPECT_GT(seen, 0);
}

}  // namespace
}  // namespace gongkai
