#include <fcntl.h>
#include <unistd.h>

#include <string>

#include <gtest/gtest.h>

#include "gongkai/importer.h"
#include "gongkai/sha256.h"
#include "ingest_test_util.h"

namespace gongkai {
namespace {

using ingest_test::MakeDocx;
using ingest_test::MakeZip;
using ingest_test::TempDir;

std::string SeedText() {
  return ingest_test::ReadFileBytes(std::string(GONGKAI_SHARED_DIR) + "/seeds/000_6208f52ea13da654.txt");
}

TEST(DetectFormat, ByContentNotByName) {
  EXPECT_EQ(DetectFormat("%PDF-1.7\n..."), ReportFormat::kPdf);
  EXPECT_EQ(DetectFormat("junk\n%PDF-1.4"), ReportFormat::kPdf);
  EXPECT_EQ(DetectFormat(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "rest"),
            ReportFormat::kLegacyOffice);
  EXPECT_EQ(DetectFormat("<!DOCTYPE html><p>x"), ReportFormat::kHtml);
  EXPECT_EQ(DetectFormat("\xEF\xBB\xBF  <table><tr><td>1</td></tr></table>"), ReportFormat::kHtml);
  EXPECT_EQ(DetectFormat("一、总体情况\n<b>不是网页</b>"), ReportFormat::kText);
  EXPECT_EQ(DetectFormat("| a | b |\n|---|---|"), ReportFormat::kText);
  EXPECT_EQ(DetectFormat(MakeDocx("<w:p/>")), ReportFormat::kDocx);
  EXPECT_EQ(DetectFormat(MakeZip({{"a.txt", "x"}})), ReportFormat::kZip);
  EXPECT_EQ(DetectFormat(SeedText()), ReportFormat::kText);
}

TEST(ImportReportBytes, LegacyWordIsRefusedWithAdvice) {
  auto r = ImportReportBytes(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(512, '\0'),
                             "old.doc");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnimplemented);
  EXPECT_NE(r.status().message().find("请转换为 DOCX"), std::string::npos);
  EXPECT_NE(r.status().message().find("old.doc"), std::string::npos);
}

TEST(ImportReportsBytes, ArchiveMembersAreNamedByInnerPath) {
  std::string text = SeedText();
  std::string zip = MakeZip({{"reports/a.txt", text},
                             {"reports/b.txt", text},
                             {"reports/a.expected.json", "{}"},
                             {"__MACOSX/reports/._a.txt", "junk"},
                             {"notes.txt", "这不是年度报告"}});
  std::vector<NamedImport> all = ImportReportsBytes(zip, "bundle.zip");
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].name, "bundle.zip!/reports/a.txt");
  ASSERT_TRUE(all[0].result.ok()) << all[0].result.status().message();
  EXPECT_EQ(all[0].result->format, "text");
  EXPECT_EQ(all[0].result->report.table3.cells[kNew][kTotal].source.file, "bundle.zip!/reports/a.txt");
  EXPECT_TRUE(all[1].result.ok());
  EXPECT_EQ(all[2].name, "bundle.zip!/notes.txt");
  EXPECT_FALSE(all[2].result.ok());
  // A bundle is not one report.
  auto one = ImportReportBytes(zip, "bundle.zip");
  ASSERT_FALSE(one.ok());
  EXPECT_NE(one.status().message().find("bundle.zip"), std::string::npos);
}

// Each entry carries the hash of its own bytes (a supervisor's record of what was filed): the
// member's for a ZIP, the file's otherwise.
TEST(ImportReportsBytes, EachEntryCarriesTheSha256OfItsBytes) {
  std::string text = SeedText();
  std::string other = text + "\n";
  std::vector<NamedImport> all =
      ImportReportsBytes(MakeZip({{"a.txt", text}, {"b.txt", other}}), "two.zip");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].sha256, Sha256Hex(text));
  EXPECT_EQ(all[1].sha256, Sha256Hex(other));
  std::vector<NamedImport> plain = ImportReportsBytes(text, "a.txt");
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_EQ(plain[0].sha256, Sha256Hex(text));
}

TEST(ImportReportsBytes, SingleReportAndArchiveOfOne) {
  std::vector<NamedImport> plain = ImportReportsBytes(SeedText(), "a.txt");
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_EQ(plain[0].name, "a.txt");
  EXPECT_TRUE(plain[0].result.ok());
  auto one = ImportReportBytes(MakeZip({{"x/a.txt", SeedText()}}), "one.zip");
  ASSERT_TRUE(one.ok()) << one.status().message();
  EXPECT_EQ(one->report.table3.cells[kNew][kTotal].source.file, "one.zip!/x/a.txt");
}

TEST(ImportReportsFile, ReadsArchiveFromDisk) {
  TempDir dir;
  std::string path = dir.File("b.zip");
  {
    std::string zip = MakeZip({{"a.txt", SeedText()}, {"b.txt", SeedText()}});
    FILE* f = fopen(path.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    fwrite(zip.data(), 1, zip.size(), f);
    fclose(f);
  }
  std::vector<NamedImport> all = ImportReportsFile(path);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].name, path + "!/b.txt");
  EXPECT_TRUE(all[1].result.ok());
}

TEST(HostileInput, HugeFileIsRefusedBeforeReading) {
  TempDir dir;
  std::string path = dir.File("huge.txt");
  int fd = open(path.c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0600);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(ftruncate(fd, 200ll << 20), 0);  // 200 MB, sparse
  close(fd);
  auto r = ImportReportFile(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(r.status().message().find("huge.txt"), std::string::npos);
  std::vector<NamedImport> all = ImportReportsFile(path);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].result.status().code(), StatusCode::kResourceExhausted);
}

TEST(HostileInput, TooManyZipEntriesAreRefused) {
  std::vector<std::pair<std::string, std::string>> files;
  for (size_t i = 0; i <= kMaxArchiveEntries; ++i) files.push_back({"f" + std::to_string(i), "x"});
  std::string zip = MakeZip(files);
  std::vector<NamedImport> all = ImportReportsBytes(zip, "many.zip");
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].result.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(all[0].result.status().message().find("many.zip"), std::string::npos);
}

// A ZIP whose directory declares `declared` uncompressed bytes for a small deflated member.
std::string ZipDeclaring(uint32_t declared) {
  std::string zip = MakeZip({{"a.txt", std::string(1000, 'a')}});
  // Patch the uncompressed size in the local header (offset 22) and the central directory
  // entry (offset 24 from its "PK\1\2" signature).
  auto put32 = [&](size_t at, uint32_t v) {
    for (int k = 0; k < 4; ++k) zip[at + k] = static_cast<char>((v >> (8 * k)) & 0xFF);
  };
  put32(22, declared);
  size_t central = zip.find(std::string("PK\x01\x02", 4));
  put32(central + 24, declared);
  return zip;
}

TEST(HostileInput, ZipBombIsRefusedBeforeInflating) {
  std::vector<NamedImport> all = ImportReportsBytes(ZipDeclaring(0xF0000000u), "bomb.zip");
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].result.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(all[0].result.status().message().find("ZIP"), std::string::npos);
}

TEST(HostileInput, MemberInflatingBeyondItsLimitIsRefused) {
  // 70 MB of zeros deflate to ~70 KB; the member is larger than kMaxReportBytes.
  std::string zip = MakeZip({{"big.txt", std::string(70u << 20, '0')}});
  ASSERT_LT(zip.size(), 1u << 20);
  std::vector<NamedImport> all = ImportReportsBytes(zip, "big.zip");
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].name, "big.zip!/big.txt");
  EXPECT_EQ(all[0].result.status().code(), StatusCode::kResourceExhausted);
}

TEST(HostileInput, EmptyAndNestedArchives) {
  EXPECT_FALSE(ImportReportBytes("", "e.txt").ok());
  std::string inner = MakeZip({{"a.txt", SeedText()}});
  std::vector<NamedImport> all = ImportReportsBytes(MakeZip({{"inner.zip", inner}}), "outer.zip");
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].result.status().code(), StatusCode::kUnimplemented);
  EXPECT_FALSE(ImportReportBytes(MakeZip({}), "empty.zip").ok());
}

}  // namespace
}  // namespace gongkai
