#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "gongkai/supervision.h"
#include "supervise_test_util.h"

namespace gongkai {
namespace {

using supervise_test::D;
using supervise_test::kSeed003;
using supervise_test::kSeed004;
using supervise_test::Region;
using supervise_test::Seed;

using RollupTest = Region;

// table3 rows[row][col] of a seed's .expected.json (null → -1).
int64_t Expected(const char* stem, const char* row, int col) {
  auto j = nlohmann::json::parse(ingest_test::ReadFileBytes(std::string(GONGKAI_SHARED_DIR) +
                                                            "/seeds/" + stem + ".expected.json"));
  const auto& v = j["table3"]["rows"][row][col];
  return v.is_null() ? -1 : v.get<int64_t>();
}

TEST_F(RollupTest, TheRegionsTablesAreTheSumOfItsAgenciesWithTheMissingListed) {
  auto sup = Open(region_);
  UploadSeeds(*sup);
  auto r = sup->Rollup(2021);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->from_uploads.size(), 2u);  // seeds 003 and 004
  EXPECT_EQ(r->missing.size(), 8u);
  ASSERT_EQ(r->with_errors.size(), 1u);
  EXPECT_EQ(r->with_errors[0].name, "满洲里市人民政府办公室");
  int64_t a = Expected(kSeed003, "new", kTotal), b = Expected(kSeed004, "new", kTotal);
  ASSERT_GE(a, 0);
  ASSERT_GE(b, 0);
  EXPECT_EQ(r->report.table3.cells[kNew][kTotal].value, static_cast<double>(a + b));
  EXPECT_EQ(r->report.year, 2021);
  auto empty = sup->Rollup(2019);
  ASSERT_TRUE(empty.ok());
  EXPECT_FALSE(empty->report.table3.cells[kNew][kTotal].present());
  EXPECT_EQ(empty->missing.size(), 10u);
}

// Never a number the sources lack: one report without a cell leaves the sum absent.
TEST_F(RollupTest, ACellSomeReportLacksIsAbsentNotAPartialSum) {
  auto sup = Open(region_);
  ASSERT_TRUE(sup->Upload(Seed(kSeed004), "004.txt", D("2024-01-20")).ok());
  std::string json = R"({"agency": "鄂托克前旗", "year": 2021,
    "table3": {"rows": {"new": [1, 0, 0, 0, 0, 0, null]}}})";
  auto up = sup->Upload(json, "partial.json", D("2024-01-20"));
  ASSERT_TRUE(up.ok()) << up.status().message();
  ASSERT_EQ(up->items[0].match.agency_id, Id("鄂托克前旗"));
  auto r = sup->Rollup(2021);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->report.table3.cells[kNew][kTotal].present());
  EXPECT_TRUE(r->report.table3.cells[kNew][kNatural].present());
  EXPECT_GT(r->absent_cells, 0);
}

TEST_F(RollupTest, TrendsGiveEachYearFromTheRollups) {
  auto sup = Open(region_);
  UploadSeeds(*sup);
  auto t = sup->Trends(2021, 2023);
  ASSERT_TRUE(t.ok()) << t.status().message();
  ASSERT_EQ(t->size(), 3u);
  EXPECT_EQ((*t)[0].year, 2021);
  EXPECT_EQ((*t)[0].reporting, 2);
  EXPECT_EQ((*t)[0].agencies, 10);
  auto r = sup->Rollup(2021);
  ASSERT_TRUE(r.ok());
  auto v = r->report.table3.cells[kNew][kTotal].value;
  ASSERT_TRUE(v.has_value());
  EXPECT_EQ((*t)[0].received, static_cast<int64_t>(*v));
  EXPECT_EQ((*t)[2].reporting, 1);  // seed 001 (2023)
  EXPECT_FALSE(sup->Trends(2023, 2021).ok());
}

}  // namespace
}  // namespace gongkai
