#include "artefacts.h"

#include <gtest/gtest.h>

#include "gongkai/importer.h"

namespace gongkai::ingest_internal {
namespace {

TEST(ArtefactsTest, RemovesBookmarksKeepingLines) {
  std::string out;
  StrippedArtefacts s = StripWordBookmarks(
      "[bookmark: _GoBack]本年度报告\n一、总体情况[bookmark: _Hlk155865410]\n\\[bookmark: _Toc1\\]正文", &out);
  EXPECT_EQ(out, "本年度报告\n一、总体情况\n正文");
  EXPECT_EQ(s.bookmarks, 3u);
  EXPECT_EQ(s.example, "[bookmark: _GoBack]");
}

TEST(ArtefactsTest, LeavesOtherBracketsAlone) {
  std::string out;
  EXPECT_EQ(StripWordBookmarks("[bookmark: ]见[附件] [bookmark:x", &out).bookmarks, 0u);
  EXPECT_EQ(out, "[bookmark: ]见[附件] [bookmark:x");
  EXPECT_EQ(StripWordBookmarks("没有标记", &out).bookmarks, 0u);
  EXPECT_TRUE(out.empty());
}

TEST(ArtefactsTest, ImporterDropsBookmarksWithANote) {
  auto r = ImportLayoutText(
      "某局2023年政府信息公开工作年度报告\n"
      "[bookmark: _GoBack]本报告依据条例编制。\n"
      "一、总体情况\n"
      "[bookmark: _Hlk155865410]本年度我局认真落实。\n"
      "二、主动公开政府信息情况\n",
      "bm.md");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->report.preamble.find("bookmark"), std::string::npos) << r->report.preamble;
  EXPECT_EQ(r->report.sections[0].text.find("bookmark"), std::string::npos);
  EXPECT_NE(r->report.sections[0].text.find("本年度我局认真落实"), std::string::npos);
  bool noted = false;
  for (const Finding& f : r->findings) {
    noted = noted || (f.rule == "IMPORT-ARTEFACT" && f.severity == Severity::kInfo);
  }
  EXPECT_TRUE(noted);
}

}  // namespace
}  // namespace gongkai::ingest_internal
