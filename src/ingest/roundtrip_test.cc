// Property test: random reports rendered by the renderers (render.h) read back to the same model.
//
// Reports are drawn with a fixed seed: random counts, random agencies and years, and absent cells
// where the shared text logic can represent them after rendering (whole table-2 rows; table-3
// and table-4 cells after a row's first value; see the limits noted in tables.h). HTML and DOCX
// run for many reports; PDF (through LibreOffice, slow) for a handful.
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "gongkai/importer.h"
#include "gongkai/render.h"

namespace gongkai {
namespace {

constexpr unsigned kSeed = 20261123;
constexpr int kHtmlDocxReports = 40;
constexpr int kPdfReports = 3;

// What a drawn report may hold. PDF loses two things that the other formats keep: a column
// empty in every row of its band of table rows when the header above cannot place it (table 4's
// header, which poppler runs together across cells, so a table-4 row with an absent value cannot
// be read back), and numbers wider than their cell, which LibreOffice wraps onto a second line
// (in the DOCX renderer's table 3 even three digits wrap). PDF reports are therefore drawn with
// table 4 complete and counts < 100.
struct Draw {
  bool absent_cells = true;
  bool absent_in_table4 = true;
  int max_count = 5000;
};

AnnualReport RandomReport(std::mt19937* rng, Draw draw = {}) {
  static const char* kAgencies[] = {"某某市财政局", "沭阳县发展和改革局", "平潭综合实验区管理委员会",
                                    "上海市科学技术委员会", "某县人民政府办公室"};
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(*rng); };
  auto chance = [&](int percent) { return uniform(1, 100) <= percent; };
  auto absent = [&](int percent) { return draw.absent_cells && chance(percent); };
  // Mostly small counts, sometimes large ones.
  auto count = [&]() { return chance(70) ? uniform(0, 9) : uniform(10, draw.max_count); };
  AnnualReport r;
  r.agency = kAgencies[uniform(0, 4)];
  r.year = uniform(2019, 2025);
  for (int k = 0; k < kDocKindCount; ++k) {
    if (absent(10)) continue;  // the whole row left empty
    for (int c = 0; c < kDocColumns; ++c) r.table2.docs[k][c].value = count();
  }
  for (int d = 0; d < kDecisionKindCount; ++d) {
    if (!absent(10)) r.table2.decisions[d].value = count();
  }
  if (!absent(10)) r.table2.fees_10k_yuan.value = chance(50) ? 0.0 : uniform(1, 9999) / 100.0;
  const bool org_columns_empty = absent(15);  // like reports that leave 法人或其他组织 blank
  for (int row = 0; row < kT3Rows; ++row) {
    for (int c = 0; c < kT3Columns; ++c) {
      bool empty = (c > 0 && org_columns_empty && c < kTotal) || absent(8);
      if (!empty) r.table3.cells[row][c].value = count();
    }
  }
  for (int g = 0; g < kT4Groups; ++g) {
    for (int c = 0; c < kT4Columns; ++c) {
      bool empty = draw.absent_in_table4 && absent(8);
      if (!empty) r.table4.cells[g][c].value = count();
    }
  }
  return r;
}

void ExpectSameCell(const Cell& got, const Cell& want, const std::string& what) {
  ASSERT_EQ(got.present(), want.present()) << what;
  if (want.present()) {
    EXPECT_NEAR(*got.value, *want.value, 1e-9) << what;
  }
}

void ExpectSameTables(const AnnualReport& got, const AnnualReport& want, const std::string& ctx) {
  EXPECT_EQ(got.agency, want.agency) << ctx;
  EXPECT_EQ(got.year, want.year) << ctx;
  for (int k = 0; k < kDocKindCount; ++k) {
    for (int c = 0; c < kDocColumns; ++c) {
      ExpectSameCell(got.table2.docs[k][c], want.table2.docs[k][c],
                     ctx + " table2." + std::string(DocKindId(k)) + "[" + std::to_string(c) + "]");
    }
  }
  for (int d = 0; d < kDecisionKindCount; ++d)
    ExpectSameCell(got.table2.decisions[d], want.table2.decisions[d],
                   ctx + " table2." + std::string(DecisionKindId(d)));
  ExpectSameCell(got.table2.fees_10k_yuan, want.table2.fees_10k_yuan, ctx + " table2.fees");
  for (int row = 0; row < kT3Rows; ++row) {
    for (int c = 0; c < kT3Columns; ++c) {
      ExpectSameCell(got.table3.cells[row][c], want.table3.cells[row][c],
                     ctx + " table3." + std::string(T3RowId(row)) + "[" + std::to_string(c) + "]");
    }
  }
  for (int g = 0; g < kT4Groups; ++g) {
    for (int c = 0; c < kT4Columns; ++c) {
      ExpectSameCell(got.table4.cells[g][c], want.table4.cells[g][c],
                     ctx + " table4." + std::string(T4GroupId(g)) + "[" + std::to_string(c) + "]");
    }
  }
}

void RoundTrip(const AnnualReport& report, RenderFormat format, const std::string& ctx) {
  StatusOr<std::string> bytes = RenderReport(report, format);
  ASSERT_TRUE(bytes.ok()) << ctx << ": " << bytes.status().message();
  std::string name = ctx + "." + std::string(RenderFormatExtension(format));
  StatusOr<ImportedReport> back = ImportReportBytes(*bytes, name);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->format, RenderFormatName(format));
  ExpectSameTables(back->report, report, name);
  // GONGKAI_ROUNDTRIP_DUMP=dir keeps the rendered file of a failing case for inspection.
  const char* dump = std::getenv("GONGKAI_ROUNDTRIP_DUMP");
  if (dump && ::testing::Test::HasFailure()) {
    std::ofstream(std::string(dump) + "/" + name, std::ios::binary) << *bytes;
  }
}

TEST(RoundTrip, RandomReportsThroughHtmlAndDocx) {
  std::mt19937 rng(kSeed);
  for (int i = 0; i < kHtmlDocxReports; ++i) {
    AnnualReport r = RandomReport(&rng);
    RoundTrip(r, RenderFormat::kHtml, "random" + std::to_string(i));
    RoundTrip(r, RenderFormat::kDocx, "random" + std::to_string(i));
    if (HasFailure()) return;  // one report's diff is enough to read
  }
}

TEST(RoundTrip, RandomReportsThroughPdf) {
  std::mt19937 rng(kSeed + 1);
  for (int i = 0; i < kPdfReports; ++i) {
    AnnualReport r = RandomReport(&rng, Draw{true, false, 99});
    StatusOr<std::string> pdf = RenderReport(r, RenderFormat::kPdf);
    if (!pdf.ok() && pdf.status().code() == StatusCode::kFailedPrecondition) {
      GTEST_SKIP() << "LibreOffice missing: " << pdf.status().message();
    }
    RoundTrip(r, RenderFormat::kPdf, "random-pdf" + std::to_string(i));
    if (HasFailure()) return;
  }
}

// The batch importer runs importers on several threads at once (libxml2, libzip and poppler
// included); every thread must read the same report.
TEST(RoundTrip, ConcurrentImportsAgree) {
  std::mt19937 rng(kSeed + 2);
  AnnualReport r = RandomReport(&rng);
  std::vector<std::string> files = {RenderHtml(r), *RenderReport(r, RenderFormat::kDocx)};
  constexpr int kThreads = 4;
  std::vector<std::vector<ImportedReport>> got(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 10; ++round) {
        for (const std::string& f : files) {
          auto back = ImportReportBytes(f, "t");
          if (back.ok()) got[t].push_back(std::move(back).value());
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t) {
    ASSERT_EQ(got[t].size(), 20u);
    for (const ImportedReport& one : got[t]) ExpectSameTables(one.report, r, "thread");
  }
}

}  // namespace
}  // namespace gongkai
