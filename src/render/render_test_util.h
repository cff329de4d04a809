// Test helpers for the renderers (tests only): the shared seeds and cell-by-cell comparison.
#pragma once

#include <gtest/gtest.h>
#include <zip.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "gongkai/importer.h"
#include "gongkai/report.h"

namespace gongkai::render_test {

inline std::string SeedDir() { return std::string(GONGKAI_SHARED_DIR) + "/seeds"; }

// The seed reports (*.txt), sorted.
inline std::vector<std::string> SeedPaths() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(SeedDir())) {
    if (e.path().extension() == ".txt") out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

inline AnnualReport ImportOrDie(const std::string& path) {
  StatusOr<ImportedReport> r = ImportReportFile(path);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? r->report : AnnualReport{};
}

// Adds a failure naming `what` for every table cell whose presence or value differs.
inline void ExpectSameCells(const AnnualReport& want, const AnnualReport& got, const std::string& what) {
  auto cmp = [&](const Cell& a, const Cell& b, const std::string& where) {
    EXPECT_EQ(a.value, b.value) << what << ": " << where;
  };
  for (int k = 0; k < kDocKindCount; ++k)
    for (int c = 0; c < kDocColumns; ++c)
      cmp(want.table2.docs[k][c], got.table2.docs[k][c],
          "table2." + std::string(DocKindId(k)) + "[" + std::to_string(c) + "]");
  for (int k = 0; k < kDecisionKindCount; ++k)
    cmp(want.table2.decisions[k], got.table2.decisions[k], "table2." + std::string(DecisionKindId(k)));
  cmp(want.table2.fees_10k_yuan, got.table2.fees_10k_yuan, "table2.fees_10k_yuan");
  for (int r = 0; r < kT3Rows; ++r)
    for (int c = 0; c < kT3Columns; ++c)
      cmp(want.table3.cells[r][c], got.table3.cells[r][c],
          "table3." + std::string(T3RowId(r)) + "." + std::string(T3ColumnId(c)));
  for (int g = 0; g < kT4Groups; ++g)
    for (int c = 0; c < kT4Columns; ++c)
      cmp(want.table4.cells[g][c], got.table4.cells[g][c],
          "table4." + std::string(T4GroupId(g)) + "[" + std::to_string(c) + "]");
}

// A report with every cell set to a distinct value (row * 10 + column style), for layout tests.
inline AnnualReport NumberedReport() {
  AnnualReport r;
  r.agency = "测试市人民政府办公室";
  r.year = 2024;
  for (int k = 0; k < kDocKindCount; ++k)
    for (int c = 0; c < kDocColumns; ++c) r.table2.docs[k][c].value = 100 + k * 10 + c;
  for (int k = 0; k < kDecisionKindCount; ++k) r.table2.decisions[k].value = 200 + k;
  r.table2.fees_10k_yuan.value = 1.25;
  for (int row = 0; row < kT3Rows; ++row)
    for (int c = 0; c < kT3Columns; ++c) r.table3.cells[row][c].value = row * 10 + c;
  for (int g = 0; g < kT4Groups; ++g)
    for (int c = 0; c < kT4Columns; ++c) r.table4.cells[g][c].value = 300 + g * 10 + c;
  return r;
}

// The entry `name` of the ZIP archive `bytes`, or "" (with a test failure) if it is missing.
inline std::string ReadZipEntry(const std::string& bytes, const std::string& name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* z = src ? zip_open_from_source(src, ZIP_RDONLY, &error) : nullptr;
  zip_error_fini(&error);
  if (z == nullptr) {
    if (src) zip_source_free(src);
    ADD_FAILURE() << "not a ZIP archive";
    return "";
  }
  std::string out;
  zip_stat_t st;
  if (zip_stat(z, name.c_str(), 0, &st) == 0) {
    zip_file_t* f = zip_fopen(z, name.c_str(), 0);
    out.resize(static_cast<size_t>(st.size));
    if (f == nullptr || zip_fread(f, out.data(), st.size) != static_cast<zip_int64_t>(st.size)) {
      ADD_FAILURE() << "cannot read " << name;
    }
    if (f) zip_fclose(f);
  } else {
    ADD_FAILURE() << "no entry " << name;
  }
  zip_close(z);
  return out;
}

}  // namespace gongkai::render_test
