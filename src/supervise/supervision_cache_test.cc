// The supervisor's cache (supervision_cache.h) on each backend: a tree is served from the cache
// only while the database is at the version it was computed at; any acknowledged write — an
// upload, an assignment, a new agency, a ledger record, on this connection or on another one (a
// second server on the same database) — makes the next tree read fresh.
#include "supervision_cache.h"

#include <gtest/gtest.h>

#include "gongkai/data_version.h"
#include "gongkai/stores.h"
#include "gongkai/submissions.h"
#include "gongkai/supervision.h"
#include "store_test_backend.h"
#include "supervise_test_util.h"

namespace gongkai {
namespace {

using supervise_test::D;

class SupervisionCacheTest : public store_testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (!Opened()) return;
    region_ = Add("内蒙古自治区", 0, AgencyKind::kRegion);
    city_ = Add("呼伦贝尔市", region_, AgencyKind::kCity);
    office_ = Add("满洲里市人民政府办公室", city_, AgencyKind::kDepartment);
    other_ = Add("呼伦贝尔市民族事务委员会", city_, AgencyKind::kDepartment);
  }

  int64_t Add(const std::string& name, int64_t parent, AgencyKind kind) {
    auto id = store_->AddAgency({0, name, parent, kind}, "test");
    EXPECT_TRUE(id.ok()) << id.status().message();
    return id.ok() ? *id : 0;
  }

  // The tree of the region for 2021, through a Supervision opened afresh on `store` (as every
  // request of the web server does).
  SupervisionTree TreeOn(CaseStore& store) {
    auto sup = Supervision::Open(store, Supervisor{region_, "user:wang"});
    EXPECT_TRUE(sup.ok()) << sup.status().message();
    if (!sup.ok()) return {};
    auto tree = (*sup)->Tree(2021);
    EXPECT_TRUE(tree.ok()) << tree.status().message();
    return tree.ok() ? *tree : SupervisionTree{};
  }
  SupervisionTree Tree() { return TreeOn(*store_); }

  static const AgencyFiling* Row(const SupervisionTree& t, int64_t id) {
    for (const AgencyFiling& r : t.rows) {
      if (r.agency.id == id) return &r;
    }
    return nullptr;
  }

  // A submission for `agency` (0: unassigned) for 2021 with `errors` errors, stored directly.
  void Submit(CaseStore& store, int64_t agency, int errors, char hash) {
    auto subs = OpenSubmissionStore(store);
    ASSERT_TRUE(subs.ok()) << subs.status().message();
    Submission s;
    s.supervisor_id = region_;
    s.agency_id = agency;
    s.match = agency ? SubmissionMatch::kExact : SubmissionMatch::kNone;
    s.year = 2021;
    s.file_name = "r.txt";
    s.sha256 = std::string(64, hash);
    s.format = "text";
    s.report_agency = "满洲里市人民政府办公室";
    s.model_json = "{}";
    s.tables_json = "{}";
    s.errors = errors;
    s.filed = D("2022-01-20");
    s.uploaded_by = "user:wang";
    auto ids = (*subs)->Add({s}, "user:wang");
    ASSERT_TRUE(ids.ok()) << ids.status().message();
  }

  int64_t region_ = 0, city_ = 0, office_ = 0, other_ = 0;
};

TEST_P(SupervisionCacheTest, TheVersionChangesWithEveryWriteAndOnlyThen) {
  auto v1 = ReadDataVersion(*store_);
  ASSERT_TRUE(v1.ok()) << v1.status().message();
  EXPECT_GT(v1->audit_id, 0);
  EXPECT_EQ(v1->audit_hash.size(), 64u);
  auto again = ReadDataVersion(*store_);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *v1);
  (void)Tree();  // reads change nothing
  EXPECT_EQ(*ReadDataVersion(*store_), *v1);
  Add("新设机关", region_, AgencyKind::kDepartment);
  auto v2 = ReadDataVersion(*store_);
  ASSERT_TRUE(v2.ok());
  EXPECT_NE(*v2, *v1);
  EXPECT_EQ(v2->database, v1->database);
}

TEST_P(SupervisionCacheTest, ATreeIsKeptUnderTheVersionItWasReadAt) {
  SupervisionTree first = Tree();
  ASSERT_EQ(first.rows.size(), 4u);
  auto v = ReadDataVersion(*store_);
  ASSERT_TRUE(v.ok());
  auto kept = SupervisionCache::Process().FindTree(*v, region_, 2021);
  ASSERT_NE(kept, nullptr);
  EXPECT_EQ(kept->rows.size(), 4u);
  EXPECT_EQ(SupervisionCache::Process().FindTree(*v, region_, 2020), nullptr);
  // Another supervisor's scope is its own entry.
  EXPECT_EQ(SupervisionCache::Process().FindTree(*v, city_, 2021), nullptr);
}

TEST_P(SupervisionCacheTest, AnUploadShowsInTheNextTree) {
  ASSERT_EQ(Row(Tree(), office_)->status, FilingStatus::kNotFiled);
  ASSERT_EQ(Row(Tree(), office_)->status, FilingStatus::kNotFiled);  // now from the cache
  auto sup = Supervision::Open(*store_, Supervisor{region_, "user:wang"});
  ASSERT_TRUE(sup.ok());
  auto up = (*sup)->Upload(supervise_test::Seed(supervise_test::kSeed004), "004.txt",
                           D("2024-01-20"));
  ASSERT_TRUE(up.ok()) << up.status().message();
  ASSERT_EQ(up->stored, 1);
  ASSERT_EQ(up->items[0].match.agency_id, office_);
  // The same Supervision, after its own write, and a fresh one.
  auto same = (*sup)->Tree(2021);
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(Row(*same, office_)->status, FilingStatus::kErrors);
  const SupervisionTree next = Tree();
  EXPECT_EQ(Row(next, office_)->status, FilingStatus::kErrors);
  EXPECT_EQ(Row(next, office_)->versions, 1);
  EXPECT_EQ(next.rows[0].subtree[static_cast<size_t>(FilingStatus::kErrors)], 1);
}

TEST_P(SupervisionCacheTest, AnAssignmentANewVersionAndANewAgencyShowInTheNextTree) {
  Submit(*store_, 0, 1, 'a');
  ASSERT_EQ(Row(Tree(), other_)->status, FilingStatus::kNotFiled);
  auto sup = Supervision::Open(*store_, Supervisor{region_, "user:wang"});
  ASSERT_TRUE(sup.ok());
  auto waiting = (*sup)->Unassigned();
  ASSERT_TRUE(waiting.ok());
  ASSERT_EQ(waiting->size(), 1u);
  ASSERT_TRUE((*sup)->Assign((*waiting)[0].id, other_, 2021).ok());
  EXPECT_EQ(Row(Tree(), other_)->status, FilingStatus::kErrors);
  Submit(*store_, other_, 0, 'b');  // a corrected version
  EXPECT_EQ(Row(Tree(), other_)->status, FilingStatus::kPassed);
  EXPECT_EQ(Row(Tree(), other_)->versions, 2);
  int64_t added = Add("新设机关", city_, AgencyKind::kDepartment);
  const SupervisionTree next = Tree();
  EXPECT_EQ(next.rows.size(), 5u);
  ASSERT_NE(Row(next, added), nullptr);
  EXPECT_EQ(Row(next, added)->status, FilingStatus::kNotFiled);
}

TEST_P(SupervisionCacheTest, ALedgerRecordShowsInTheNextTree) {
  ASSERT_EQ(Row(Tree(), office_)->source, ReportSource::kNone);
  auto id = store_->AddReviewCase({0, office_, kReview, D("2021-05-01"), std::nullopt,
                                   CaseResult::kPending, 0},
                                  "test");
  ASSERT_TRUE(id.ok()) << id.status().message();
  EXPECT_EQ(Row(Tree(), office_)->source, ReportSource::kLedger);
}

// Two servers on one database: each has its own connection, and the process's cache is shared;
// a write acknowledged on one connection is seen by the next tree read on the other.
TEST_P(SupervisionCacheTest, AWriteThroughAnotherConnectionShowsInTheNextTree) {
  auto second = OpenCaseStore(db_->url(), {.durable = false});
  ASSERT_TRUE(second.ok()) << second.status().message();
  ASSERT_EQ(Row(Tree(), office_)->status, FilingStatus::kNotFiled);
  ASSERT_EQ(Row(TreeOn(**second), office_)->status, FilingStatus::kNotFiled);
  Submit(**second, office_, 0, 'c');
  EXPECT_EQ(Row(Tree(), office_)->status, FilingStatus::kPassed);
  Submit(*store_, office_, 3, 'd');
  EXPECT_EQ(Row(TreeOn(**second), office_)->status, FilingStatus::kErrors);
  EXPECT_EQ(Row(TreeOn(**second), office_)->errors, 3);
}

TEST(SupervisionCache, KeepsABoundedNumberOfEntries) {
  SupervisionCache cache;
  for (int i = 0; i < 40; ++i) {
    DataVersion v{"sqlite:/x" + std::to_string(i), 1, std::string(64, 'a')};
    cache.StoreTree(v, 1, 2021, std::make_shared<const SupervisionTree>());
  }
  EXPECT_EQ(cache.size(), SupervisionCache::kMaxEntries);
  // A newer version of the same database and supervisor replaces its entry.
  DataVersion a{"sqlite:/y", 1, std::string(64, 'a')}, b{"sqlite:/y", 2, std::string(64, 'b')};
  SupervisionCache small;
  small.StoreTree(a, 1, 2021, std::make_shared<const SupervisionTree>());
  small.StoreTree(b, 1, 2022, std::make_shared<const SupervisionTree>());
  EXPECT_EQ(small.size(), 1u);
  EXPECT_EQ(small.FindTree(a, 1, 2021), nullptr);
  EXPECT_EQ(small.FindTree(b, 1, 2021), nullptr);
  EXPECT_NE(small.FindTree(b, 1, 2022), nullptr);
}

GONGKAI_TEST_ON_EVERY_BACKEND(SupervisionCacheTest);

}  // namespace
}  // namespace gongkai
