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

// A stored extraction (a supervisor's copy of a filed report) must still point each finding at
// its cell: provenance and findings survive the round trip.
TEST(ReportJsonTest, ProvenanceAndFindingsRoundTrip) {
  AnnualReport in = Sample();
  in.table3.cells[kNew][kNatural].source = {"r.txt", 41, 0, -1, -1, 1};
  in.table2.fees_10k_yuan.source = {"r.txt", 0, 3, 1, 4, 2};
  in.sections[0].source.line = 7;
  Finding f;
  f.rule = "T3-BALANCE";
  f.severity = Severity::kError;
  f.message = "不平衡";
  f.message_en = "unbalanced";
  f.location = {"r.txt", 41, 0, -1, -1, 6};
  JsonExtras extras;
  extras.file = "r.txt";
  std::string json = ReportToJson(in, {f}, extras);
  auto out = ReportFromJson(json, "x.json");
  ASSERT_TRUE(out.ok()) << out.status().message();
  const SourceLocation& l = out->table3.cells[kNew][kNatural].source;
  EXPECT_EQ(l.file, "r.txt");
  EXPECT_EQ(l.line, 41);
  EXPECT_EQ(l.cell, 1);
  const SourceLocation& fee = out->table2.fees_10k_yuan.source;
  EXPECT_EQ(fee.page, 3);
  EXPECT_EQ(fee.table, 1);
  EXPECT_EQ(fee.row, 4);
  EXPECT_EQ(out->sections[0].source.line, 7);
  auto findings = FindingsFromJson(json, "x.json");
  ASSERT_TRUE(findings.ok()) << findings.status().message();
  ASSERT_EQ(findings->size(), 1u);
  EXPECT_EQ((*findings)[0].rule, "T3-BALANCE");
  EXPECT_EQ((*findings)[0].severity, Severity::kError);
  EXPECT_EQ((*findings)[0].message_en, "unbalanced");
  EXPECT_EQ((*findings)[0].location.line, 41);
  EXPECT_EQ((*findings)[0].location.cell, 6);
  auto bad = FindingsFromJson(R"({"findings":[{"severity":"fatal"}]})", "y.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("/findings/0/severity"), std::string::npos);
  auto neg = ReportFromJson(R"({"provenance":{"table3":{"new":[{"line":-2},null,null,null,null,null,null]}}})", "z.json");
  ASSERT_FALSE(neg.ok());
  EXPECT_NE(neg.status().message().find("/provenance/table3/new/0/line"), std::string::npos);
}

TEST(ReportJsonTest, BadFieldIsNamed) {
  auto r = ReportFromJson(R"({"table3":{"rows":{"new":[1,2,3]}}})", "bad.json");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("/table3/rows/new"), std::string::npos);
  EXPECT_NE(r.status().message().find("bad.json"), std::string::npos);
  auto s = ReportFromJson(R"({"table2":{"licensing":"many"}})", "bad.json");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("/table2/licensing"), std::string::npos);
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

// Issue 8: fields of the wrong type threw nlohmann::type_error out of the reader (and ended a
// whole `check DIR`); out-of-range numbers were converted silently. Each is now an error that
// names the file and the field as a JSON pointer.
void ExpectErrorAt(std::string_view json, std::string_view path) {
  StatusOr<AnnualReport> r = StatusOr<AnnualReport>(InvalidArgumentError("not run"));
  ASSERT_NO_THROW(r = ReportFromJson(json, "hostile.json")) << json;
  ASSERT_FALSE(r.ok()) << json;
  EXPECT_NE(r.status().message().find("hostile.json"), std::string::npos) << r.status().message();
  EXPECT_NE(r.status().message().find(path), std::string::npos) << r.status().message();
}

TEST(ReportJsonTest, WrongTypesAreErrorsNamingThePath) {
  ExpectErrorAt(R"({"sections":[{"present":"yes"}]})", "/sections/0/present");
  ExpectErrorAt(R"({"sections":[{"present":1}]})", "/sections/0/present");
  ExpectErrorAt(R"({"sections":[{"text":["a"]}]})", "/sections/0/text");
  ExpectErrorAt(R"({"sections":[{"title":"x","present":true,"heading":7}]})", "/sections/0/heading");
  ExpectErrorAt(R"({"sections":{"present":true}})", "/sections");
  ExpectErrorAt(R"({"sections":[1]})", "/sections/0");
  ExpectErrorAt(R"({"agency":12345})", "/agency");
  ExpectErrorAt(R"({"agency":{"name":"x"}})", "/agency");
  ExpectErrorAt(R"({"year":"2023"})", "/year");
  ExpectErrorAt(R"({"table2":[1]})", "/table2");
  ExpectErrorAt(R"({"table3":{"rows":[]}})", "/table3/rows");
  ExpectErrorAt(R"({"table3":"x"})", "/table3");
  ExpectErrorAt(R"({"table4":{"review":[1,2,3,4,"5"]}})",
                "/table4/review/4");
}

TEST(ReportJsonTest, OutOfRangeNumbersAreErrorsNotConversions) {
  ExpectErrorAt(R"({"year":4294969318})", "/year");  // was read as 2022
  ExpectErrorAt(R"({"year":18446744073709551615})", "/year");  // was read as -1
  ExpectErrorAt(R"({"year":2007})", "/year");
  ExpectErrorAt(R"({"year":9999})", "/year");
  ExpectErrorAt(R"({"year":2023.5})", "/year");
  ExpectErrorAt(R"({"table2":{"fees_10k_yuan":1e30}})", "/table2/fees_10k_yuan");
  ExpectErrorAt(R"({"table2":{"fees_10k_yuan":-0.5}})", "/table2/fees_10k_yuan");
  ExpectErrorAt(R"({"table2":{"licensing":-1}})", "/table2/licensing");
  ExpectErrorAt(R"({"table2":{"licensing":2.5}})", "/table2/licensing");
  ExpectErrorAt(R"({"table2":{"licensing":18446744073709551615}})", "/table2/licensing");
  ExpectErrorAt(R"({"table3":{"rows":{"new":[1e30,0,0,0,0,0,0]}}})", "/table3/rows/new/0");
  auto ok = ReportFromJson(R"({"year":2023,"table2":{"licensing":3.0,"fees_10k_yuan":0.25}})", "x");
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(ok->table2.decisions[0].value, 3.0);
  EXPECT_EQ(ok->table2.fees_10k_yuan.value, 0.25);
}

TEST(ReportJsonTest, DeepOrHugeDocumentsAreRefusedBeforeParsing) {
  std::string deep = "{\"a\":" + std::string(100000, '[') + std::string(100000, ']') + "}";
  ExpectErrorAt(deep, "nesting");
  std::string wide = "{\"a\":[";
  for (int i = 0; i < 300000; ++i) wide += "0,";
  wide += "0]}";
  ExpectErrorAt(wide, "values");
  ExpectErrorAt("{\"agency\":\"" + std::string(17 << 20, 'a') + "\"}", "larger than");
}

}  // namespace
}  // namespace gongkai
