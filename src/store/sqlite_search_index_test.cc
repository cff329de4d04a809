#include <gtest/gtest.h>

#include "gongkai/search.h"
#include "gongkai/stores.h"
#include "store_test_backend.h"

namespace gongkai {
namespace {

// Runs on each backend: SQLite's in-memory FTS5 index and PostgreSQL's pg_trgm table.
class SqliteSearchIndexTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<store_testing::TestDatabase>(GetParam());
    GONGKAI_REQUIRE_TEST_DATABASE(*db_);
    auto index = OpenSearchIndex(db_->url());
    ASSERT_TRUE(index.ok()) << index.status().message();
    index_ = std::move(index).value();
  }
  void TearDown() override {
    index_.reset();
    db_.reset();
  }
  std::unique_ptr<store_testing::TestDatabase> db_;
  std::unique_ptr<SearchIndex> index_;
};

INSTANTIATE_TEST_SUITE_P(Backends, SqliteSearchIndexTest,
                         ::testing::ValuesIn(store_testing::AllBackends()),
                         store_testing::BackendName);

TEST_P(SqliteSearchIndexTest, FindsTwoCharacterChineseWordWithSnippet) {
  auto& index = index_;
  ASSERT_TRUE(index
                  ->Upsert({"doc/1", "document", 3, "关于草原生态保护补助资金的通知",
                            "/documents/1", "为做好草原生态保护补助资金发放工作，现通知如下。"})
                  .ok());
  ASSERT_TRUE(index
                  ->Upsert({"doc/2", "document", 3, "部门预算公开", "/documents/2",
                            "本部门二〇二五年预算。"})
                  .ok());
  auto r = index->Search("草原", 0, 10);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->total, 1);
  EXPECT_EQ(r->hits[0].url, "/documents/1");
  EXPECT_EQ(r->hits[0].match, "草原");
  EXPECT_EQ(r->hits[0].before, "为做好");
}

TEST_P(SqliteSearchIndexTest, ThreeCharacterTermsUseTheIndexAndAllTermsMustMatch) {
  auto& index = index_;
  ASSERT_TRUE(index->Upsert({"a", "report", 1, "年报", "/a", "收到政府信息公开申请"}).ok());
  ASSERT_TRUE(index->Upsert({"b", "report", 1, "年报", "/b", "政府信息公开指南"}).ok());
  auto r = index->Search("政府信息 申请", 0, 10);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->total, 1);
  EXPECT_EQ(r->hits[0].key, "a");
}

TEST_P(SqliteSearchIndexTest, UpsertReplacesAndRemoveDeletes) {
  auto& index = index_;
  ASSERT_TRUE(index->Upsert({"a", "guide", 1, "指南", "/a", "旧的内容"}).ok());
  ASSERT_TRUE(index->Upsert({"a", "guide", 1, "指南", "/a", "新的内容"}).ok());
  EXPECT_EQ(index->Search("旧的", 0, 10)->total, 0);
  EXPECT_EQ(index->Search("新的", 0, 10)->total, 1);
  ASSERT_TRUE(index->Remove("a").ok());
  EXPECT_EQ(index->Search("新的", 0, 10)->total, 0);
}

TEST_P(SqliteSearchIndexTest, PaginatesAndTreatsQuotesAndWildcardsLiterally) {
  auto& index = index_;
  for (int i = 0; i < 25; ++i) {
    ASSERT_TRUE(index
                    ->Upsert({"k" + std::to_string(i), "document", 1, "通知",
                              "/d/" + std::to_string(i), "行政许可 100% \"引号\""})
                    .ok());
  }
  auto page = index->Search("行政许可", 20, 10);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 25);
  EXPECT_EQ(page->hits.size(), 5u);
  EXPECT_EQ(index->Search("0%", 0, 10)->total, 25);
  EXPECT_EQ(index->Search("x%", 0, 10)->total, 0);
  EXPECT_EQ(index->Search("\"引号\"", 0, 10)->total, 25);
}

TEST_P(SqliteSearchIndexTest, RefusesShortEmptyInvalidAndOversizedQueries) {
  auto& index = index_;
  EXPECT_EQ(index->Search("草", 0, 10).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(index->Search("  ", 0, 10).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(index->Search("\xff\xfe", 0, 10).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(index->Search(std::string(300, 'a'), 0, 10).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(index->Search("aa bb cc dd ee ff", 0, 10).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(CutSnippetTest, CutsAtCharacterBoundaries) {
  SearchHit h;
  std::string text;
  for (int i = 0; i < 100; ++i) text += "字";
  text += "目标";
  for (int i = 0; i < 100; ++i) text += "文";
  CutSnippet(text, "目标", &h);
  EXPECT_EQ(h.match, "目标");
  EXPECT_EQ(h.before.size(), 40u * 3);
  EXPECT_EQ(h.after.size(), 40u * 3);
}

}  // namespace
}  // namespace gongkai
