// Issue 8: a 61 KB ZIP of 60 MB of newlines took 10.6 GB and 32 s; 60 MB of "1 1 1 …" took
// 2.4 GB; no importer counted lines, tokens or markup nodes. Each limit of importer.h is now
// checked before the memory it guards is allocated, and names the file and the limit. The inputs
// here are just past each limit (small), so the tests fail without the checks only by their
// error, not by running out of memory; tests/hostile/ runs the 60 MB cases.
#include <gtest/gtest.h>

#include <string>

#include "gongkai/importer.h"
#include "ingest_test_util.h"

namespace gongkai {
namespace {

void ExpectRefused(const std::string& bytes, const std::string& name, const std::string& limit) {
  StatusOr<ImportedReport> r = ImportReportBytes(bytes, name);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted) << r.status().message();
  EXPECT_NE(r.status().message().find(name), std::string::npos) << r.status().message();
  EXPECT_NE(r.status().message().find(limit), std::string::npos) << r.status().message();
}

TEST(InputLimitsTest, TooManyLinesAreRefusedBeforeSplitting) {
  ExpectRefused("一、总体情况\n" + std::string(kMaxLayoutLines + 1, '\n'), "lines.txt",
                "too many lines");
  // Lone CRs are line ends too.
  ExpectRefused("一、总体情况\n" + std::string(kMaxLayoutLines + 1, '\r'), "cr.txt",
                "too many lines");
}

TEST(InputLimitsTest, TooLongALineIsRefused) {
  ExpectRefused("一、总体情况" + std::string(kMaxLayoutLineBytes + 1, 'a'), "line.txt",
                "a line is too long");
}

TEST(InputLimitsTest, TooManyNumbersAreRefusedBeforeTokenizing) {
  std::string ones;
  for (size_t i = 0; i < kMaxLayoutTokens / 2 + 1; ++i) ones += "1 ";
  ExpectRefused(ones, "ones.txt", "too many numbers");
  std::string tabs = "本年新收政府信息公开申请数量";
  for (size_t i = 0; i < kMaxLayoutTokens / 2 + 1; ++i) tabs += "\t";
  ExpectRefused(tabs, "tabs.txt", "too many numbers");
}

TEST(InputLimitsTest, TooManyMarkupNodesAreRefusedBeforeParsing) {
  std::string html = "<html><body>";
  for (size_t i = 0; i < kMaxMarkupNodes / 2 + 1; ++i) html += "<p>";
  ExpectRefused(html, "tags.html", "too many markup nodes");
  std::string body;
  for (size_t i = 0; i < kMaxMarkupNodes / 2 + 1; ++i) body += "<w:p/>";
  ExpectRefused(ingest_test::MakeDocx(body), "paragraphs.docx", "too many markup nodes");
}

TEST(InputLimitsTest, ReportsBelowTheLimitsStillRead) {
  std::string report = "一、总体情况\n本年度共收到申请 3 件。\n" + std::string(1000, '\n');
  EXPECT_TRUE(ImportReportBytes(report, "ok.txt").ok());
}

}  // namespace
}  // namespace gongkai
