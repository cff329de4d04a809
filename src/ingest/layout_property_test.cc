// Property test of layouts: reports laid out as offices lay them out (merged label columns,
// wrapped labels, narrow and wide tables, four- and five-digit numbers, a table split across
// pages, a block of table 3 merged into one row), written as HTML and converted by LibreOffice
// (not by Gongkai's renderers) to DOCX and PDF in one soffice call per format, then read back.
// Every cell must come back exact, or absent with a finding; never a number the source lacks.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "gongkai/importer.h"
#include "ingest_test_util.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;
using ingest_test::TempDir;

constexpr unsigned kSeed = 20261203;
constexpr int kReports = 4;

struct Layout {
  bool wide = false;           // a table as wide as the page, or a narrow one
  bool merged_labels = false;  // 三、本年度办理结果 and the blocks as rowspan label columns
  bool wrapped_labels = false; // labels broken by <br> inside their cells
  bool split = false;          // table 3 continued in a second table after a page break
  int merged_block = -1;       // a block of table 3 printed as one row (index into kBlocks)
};

struct Block {
  int first, last;
  const char* heading;
};
constexpr Block kBlocks[] = {{kDeniedStateSecret, kDeniedQuery, "（三）不予公开"},
                             {kUnableNoInfo, kUnableUnclear, "（四）无法提供"},
                             {kIgnoredComplaint, kIgnoredConfirm, "（五）不予处理"},
                             {kOtherNoCorrection, kOtherOther, "（六）其他处理"}};

const Block* BlockOf(int row) {
  for (const Block& b : kBlocks) {
    if (row >= b.first && row <= b.last) return &b;
  }
  return nullptr;
}

std::string Wrap(const std::string& label, bool wrap) {
  if (!wrap || label.size() < 24) return label;
  size_t cut = label.size() / 2 / 3 * 3;  // on a character boundary (CJK is 3 bytes)
  while (cut < label.size() && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80) ++cut;
  return label.substr(0, cut) + "<br>" + label.substr(cut);
}

std::string Td(const std::string& text, int rowspan = 1, int colspan = 1) {
  std::string td = "<td";
  if (rowspan > 1) td += " rowspan=\"" + std::to_string(rowspan) + "\"";
  if (colspan > 1) td += " colspan=\"" + std::to_string(colspan) + "\"";
  return td + ">" + text + "</td>";
}

std::string Num(const Cell& c) { return c.present() ? std::to_string(static_cast<long long>(*c.value)) : ""; }

// The outcome label of a row without its block's heading ("1.属于国家秘密", "（一）予以公开").
std::string ShortLabel(int row) {
  std::string label(T3RowLabel(row));
  for (const char* prefix : {"三（三）", "三（四）", "三（五）", "三（六）", "三"}) {
    if (label.rfind(prefix, 0) == 0) return label.substr(std::string(prefix).size());
  }
  return label;
}

std::string Table3Html(const AnnualReport& r, const Layout& l) {
  const std::string open = std::string("<table border=\"1\" style=\"border-collapse:collapse;width:") +
                           (l.wide ? "100%" : "60%") + "\">";
  std::string h = open;
  h += "<tr>" + Td("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3) +
       Td("申请人情况", 1, 7) + "</tr>";
  h += "<tr>" + Td("自然人", 2) + Td("法人或其他组织", 1, 5) + Td("总计", 2) + "</tr>";
  h += "<tr>" + Td("商业企业") + Td("科研机构") + Td("社会公益组织") + Td("法律服务机构") + Td("其他") + "</tr>";
  auto values = [&](int row) {
    std::string v;
    for (int c = 0; c < kT3Columns; ++c) v += Td(Num(r.table3.cells[row][c]));
    return v;
  };
  int outcome_rows = kLastOutcomeRow - kFirstOutcomeRow + 2;  // with （七）总计
  if (l.merged_block >= 0) outcome_rows -= kBlocks[l.merged_block].last - kBlocks[l.merged_block].first;
  for (int row = 0; row < kT3Rows; ++row) {
    if (l.split && row == kDeniedInternal) {
      h += "</table><p style=\"page-break-before:always\"></p>" + open;
    }
    const Block* block = BlockOf(row);
    const bool merged = block && l.merged_block >= 0 && block == &kBlocks[l.merged_block];
    if (merged && row != block->first) continue;
    h += "<tr>";
    if (row == kNew || row == kCarriedOver || row == kCarriedForward) {
      h += Td(Wrap(std::string(T3RowLabel(row)), l.wrapped_labels), 1, 3) + values(row) + "</tr>";
      continue;
    }
    if (merged) {
      // The whole block as one row, with the block's sum written as the office wrote it.
      std::string v;
      for (int c = 0; c < kT3Columns; ++c) {
        long long sum = 0;
        for (int s = block->first; s <= block->last; ++s) sum += static_cast<long long>(*r.table3.cells[s][c].value);
        v += Td(std::to_string(sum));
      }
      h += Td(block->heading, 1, l.merged_labels ? 2 : 3) + v + "</tr>";
      continue;
    }
    const bool split_row = l.split && row == kDeniedInternal;  // a new table repeats the labels
    if (l.merged_labels) {
      if (row == kGranted || split_row) h += Td("三、本年度办理结果", split_row ? kResultTotal - row + 1 : outcome_rows);
      if (block && (row == block->first || split_row)) {
        h += Td(block->heading, block->last - row + 1) + Td(Wrap(ShortLabel(row), l.wrapped_labels));
      } else if (block) {
        h += Td(Wrap(ShortLabel(row), l.wrapped_labels));
      } else {
        h += Td(Wrap(ShortLabel(row), l.wrapped_labels), 1, 2);
      }
    } else {
      h += Td(Wrap(std::string(T3RowLabel(row)), l.wrapped_labels), 1, 3);
    }
    h += values(row) + "</tr>";
  }
  return h + "</table>";
}

std::string Table4Html(const AnnualReport& r, const Layout& l) {
  std::string h = std::string("<table border=\"1\" style=\"border-collapse:collapse;width:") +
                  (l.wide ? "100%" : "80%") + "\">";
  h += "<tr>" + Td("行政复议", 1, 5) + Td("行政诉讼", 1, 10) + "</tr>";
  h += "<tr>" + Td("结果维持", 2) + Td("结果纠正", 2) + Td("其他结果", 2) + Td("尚未审结", 2) + Td("总计", 2) +
       Td("未经复议直接起诉", 1, 5) + Td("复议后起诉", 1, 5) + "</tr><tr>";
  for (int g = 0; g < 2; ++g) {
    for (const char* w : {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}) h += Td(w);
  }
  h += "</tr><tr>";
  for (int g = 0; g < kT4Groups; ++g)
    for (int c = 0; c < kT4Columns; ++c) h += Td(Num(r.table4.cells[g][c]));
  return h + "</tr></table>";
}

AnnualReport RandomReport(std::mt19937* rng) {
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(*rng); };
  auto count = [&]() {
    int kind = uniform(1, 10);
    return kind <= 6 ? uniform(0, 9) : kind <= 8 ? uniform(1000, 9999) : uniform(10000, 60000);
  };
  AnnualReport r;
  for (int row = 0; row < kT3Rows; ++row) {
    for (int c = 0; c < kT3Columns; ++c) r.table3.cells[row][c].value = count();
  }
  for (int g = 0; g < kT4Groups; ++g)
    for (int c = 0; c < kT4Columns; ++c) r.table4.cells[g][c].value = uniform(0, 9);
  return r;
}

std::string ReportHtml(const AnnualReport& r, const Layout& l) {
  return "<html><head><meta charset=\"utf-8\"><title>报告</title></head><body>"
         "<p>某区财政局2024年政府信息公开工作年度报告</p>"
         "<p>三、收到和处理政府信息公开申请情况</p>" +
         Table3Html(r, l) + "<p>四、政府信息公开行政复议、行政诉讼情况</p>" + Table4Html(r, l) +
         "<p>五、存在的主要问题及改进情况</p><p>无。</p></body></html>";
}

bool Convert(const TempDir& dir, const std::vector<std::string>& inputs, const std::string& to) {
  std::string cmd = "cd '" + dir.path() + "' && soffice -env:UserInstallation=file://" + dir.path() +
                    "/profile --headless --norestore --nologo --infilter='HTML (StarWriter)' --convert-to " +
                    to + " --outdir '" + dir.path() + "'";
  for (const std::string& in : inputs) cmd += " '" + in + "'";
  cmd += " >'" + dir.path() + "/soffice.log' 2>&1";
  return std::system(cmd.c_str()) == 0;
}

void ExpectExactOrAbsentWithFinding(const ImportedReport& got, const AnnualReport& want,
                                    const Layout& l, const std::string& name) {
  bool any_finding = false;
  for (const Finding& f : got.findings) {
    any_finding = any_finding || f.rule.rfind("STRUCT-", 0) == 0 || f.rule.rfind("IMPORT-", 0) == 0;
  }
  for (int row = 0; row < kT3Rows; ++row) {
    const Block* block = BlockOf(row);
    const bool merged = block && l.merged_block >= 0 && block == &kBlocks[l.merged_block];
    for (int c = 0; c < kT3Columns; ++c) {
      const Cell& cell = got.report.table3.cells[row][c];
      const std::string where = name + " " + std::string(T3RowId(row)) + "[" + std::to_string(c) + "]";
      if (merged) {
        EXPECT_FALSE(cell.present()) << where << " is a sub-row of a merged block";
        continue;
      }
      if (!cell.present()) {
        EXPECT_TRUE(any_finding) << where << " absent without a finding";
        continue;
      }
      EXPECT_EQ(*cell.value, *want.table3.cells[row][c].value) << where;
    }
  }
  if (l.merged_block >= 0) {
    // DOCX keeps the block's label in its row: the merge is recognised. A PDF may run a wrapped
    // label of the row above into it; the row is then unplaced, which is also a finding.
    const bool pdf = name.ends_with(".pdf");
    bool noted = false;
    for (const Finding& f : got.findings) {
      noted = noted || f.rule == "STRUCT-ROW-MERGED" || (pdf && f.rule == "STRUCT-ROW-UNPLACED");
    }
    EXPECT_TRUE(noted) << name << ": the merged block has no finding";
  }
  for (int g = 0; g < kT4Groups; ++g) {
    for (int c = 0; c < kT4Columns; ++c) {
      const Cell& cell = got.report.table4.cells[g][c];
      const std::string where = name + " table4 " + std::to_string(g) + "[" + std::to_string(c) + "]";
      if (!cell.present()) {
        EXPECT_TRUE(any_finding) << where << " absent without a finding";
      } else {
        EXPECT_EQ(*cell.value, *want.table4.cells[g][c].value) << where;
      }
    }
  }
}

TEST(LayoutProperty, OfficeLayoutsThroughLibreOffice) {
  if (std::system("command -v soffice >/dev/null 2>&1") != 0) GTEST_SKIP() << "LibreOffice missing";
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  std::mt19937 rng(kSeed);
  std::vector<AnnualReport> reports;
  std::vector<Layout> layouts;
  std::vector<std::string> inputs;
  for (int i = 0; i < kReports; ++i) {
    Layout l;
    l.wide = i % 2 == 0;
    l.merged_labels = i % 2 == 1;
    l.wrapped_labels = i >= 2;
    l.split = i == 1 || i == 2;
    l.merged_block = i == 3 ? 3 : (i == 2 ? 0 : -1);
    reports.push_back(RandomReport(&rng));
    layouts.push_back(l);
    inputs.push_back("r" + std::to_string(i) + ".html");
    std::ofstream(dir.File(inputs.back())) << ReportHtml(reports.back(), l);
  }
  ASSERT_TRUE(Convert(dir, inputs, "docx:\"MS Word 2007 XML\""));
  ASSERT_TRUE(Convert(dir, inputs, "pdf:writer_pdf_Export"));
  for (int i = 0; i < kReports; ++i) {
    for (const char* ext : {".docx", ".pdf"}) {
      const std::string name = "r" + std::to_string(i) + ext;
      auto got = ImportReportFile(dir.File(name));
      ASSERT_TRUE(got.ok()) << got.status().message();
      ExpectExactOrAbsentWithFinding(*got, reports[static_cast<size_t>(i)],
                                     layouts[static_cast<size_t>(i)], name);
      // GONGKAI_LAYOUT_DUMP=dir keeps the converted files of a failing case for inspection.
      const char* dump = std::getenv("GONGKAI_LAYOUT_DUMP");
      if (dump && HasFailure()) {
        std::error_code ec;
        fs::copy_file(dir.File(name), fs::path(dump) / name, fs::copy_options::overwrite_existing, ec);
        fs::copy_file(dir.File(inputs[static_cast<size_t>(i)]), fs::path(dump) / inputs[static_cast<size_t>(i)],
                      fs::copy_options::overwrite_existing, ec);
      }
    }
  }
}

}  // namespace
}  // namespace gongkai
