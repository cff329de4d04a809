#include "gongkai/report_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace gongkai {
namespace {

AnnualReport Sample() {
  AnnualReport r;
  r.agency = "某市人民政府办公室";
  r.year = 2023;
  r.table2.docs[1][0].value = 37;
  r.table2.fees_10k_yuan.value = 4614.94;
  r.table3.cells[kNew][kNatural].value = 212;
  r.table3.cells[kNew][kTotal].value = 0;  // a present zero
  r.table4.cells[kReview][kT4Columns - 1].value = 2;
  r.sections[0].present = true;
  r.sections[0].text = "总体情况正文";
  return r;
}

TEST(ReportJsonTest, WritesTheInterchangeShape) {
  auto j = nlohmann::json::parse(ReportToJson(Sample(), {}, {}));
  EXPECT_EQ(j["agency"], "某市人民政府办公室");
  EXPECT_EQ(j["year"], 2023);
  EXPECT_EQ(j["table2"]["normative_docs"][0], 37);
  EXPECT_TRUE(j["table2"]["normative_docs"][1].is_null());
  EXPECT_DOUBLE_EQ(j["table2"]["fees_10k_yuan"].get<double>(), 4614.94);
  EXPECT_EQ(j["table3"]["columns"].size(), 7u);
  EXPECT_EQ(j["table3"]["rows"].size(), 25u);
  EXPECT_EQ(j["table3"]["rows"]["new"][0], 212);
  EXPECT_EQ(j["table3"]["rows"]["new"][6], 0);
  EXPECT_TRUE(j["table3"]["rows"]["new"][1].is_null());
  EXPECT_EQ(j["table4"]["review"][4], 2);
  EXPECT_TRUE(j["findings"].is_array());
}

TEST(ReportJsonTest, RoundTripKeepsAbsentApartFromZero) {
  AnnualReport in = Sample();
  auto out = ReportFromJson(ReportToJson(in, {}, {}), "x.json");
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_EQ(out->agency, in.agency);
  EXPECT_EQ(out->year, in.year);
  for (int row = 0; row < kT3Rows; ++row) {
    for (int c = 0; c < kT3Columns; ++c) {
      EXPECT_EQ(out->table3.cells[row][c].value, in.table3.cells[row][c].value) << row << "," << c;
    }
  }
  EXPECT_EQ(out->table2.fees_10k_yuan.value, in.table2.fees_10k_yuan.value);
  EXPECT_EQ(out->sections[0].text, "总体情况正文");
}

TEST(ReportJsonTest, BadFieldIsNamed) {
  auto r = ReportFromJson(R"({"table3":{"rows":{"new":[1,2,3]}}})", "bad.json");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("table3.rows.new"), std::string::npos);
  EXPECT_NE(r.status().message().find("bad.json"), std::string::npos);
  auto s = ReportFromJson(R"({"table2":{"licensing":"many"}})", "bad.json");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("table2.licensing"), std::string::npos);
  EXPECT_FALSE(ReportFromJson("{not json", "x").ok());
}

// A report generated from the ledger stays one through JSON (renderers add prose only to those);
// an imported report's JSON does not carry the key at all.
TEST(ReportJsonTest, GeneratedFromLedgerRoundTrips) {
  AnnualReport r;
  r.agency = "某局";
  EXPECT_EQ(ReportToJson(r, {}, {}).find("generated_from_ledger"), std::string::npos);
  r.generated_from_ledger = true;
  StatusOr<AnnualReport> back = ReportFromJson(ReportToJson(r, {}, {}), "x.json");
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_TRUE(back->generated_from_ledger);
}

}  // namespace
}  // namespace gongkai
