// The SubmissionStore on each backend (store_test_backend.h): versions kept, the newest counts,
// all or nothing, content fixed even against SQL.
#include <gtest/gtest.h>

#include "gongkai/stores.h"
#include "gongkai/submissions.h"
#include "store_test_backend.h"

namespace gongkai {
namespace {

class SubmissionStoreTest : public store_testing::SubmissionsTest {
 protected:
  void SetUp() override {
    SubmissionsTest::SetUp();
    if (!Opened()) return;
    office_ = *store_->AddAgency({0, "某局", region_, AgencyKind::kDepartment}, "t");
  }
  Submission Make(int64_t agency, int year, char hash) {
    Submission s;
    s.supervisor_id = region_;
    s.agency_id = agency;
    s.match = agency ? SubmissionMatch::kExact : SubmissionMatch::kNone;
    s.year = year;
    s.file_name = "r.txt";
    s.sha256 = std::string(64, hash);
    s.format = "text";
    s.report_agency = "某局";
    s.model_json = "{\"agency\":\"某局\"}";
    s.tables_json = "{}";
    s.errors = 2;
    s.filed = *Date::Parse("2024-01-20");
    s.uploaded_by = "user:wang";
    return s;
  }

  int64_t office_ = 0;
};

TEST_P(SubmissionStoreTest, VersionsAreKeptAndTheNewestIsLatest) {
  auto ids = subs_->Add({Make(office_, 2023, 'a'), Make(office_, 2023, 'b'), Make(0, 2023, 'c')},
                        "user:wang");
  ASSERT_TRUE(ids.ok()) << ids.status().message();
  ASSERT_EQ(ids->size(), 3u);
  auto v = subs_->Versions(office_, 2023);
  ASSERT_TRUE(v.ok());
  ASSERT_EQ(v->size(), 2u);
  EXPECT_EQ((*v)[1].version, 2);
  EXPECT_TRUE((*v)[1].model_json.empty());
  auto latest = subs_->Latest(2023);
  ASSERT_TRUE(latest.ok());
  ASSERT_EQ(latest->size(), 1u);
  EXPECT_EQ(latest->at(office_).id, (*ids)[1]);
  EXPECT_EQ(latest->at(office_).sha256, std::string(64, 'b'));
  EXPECT_EQ(latest->at(office_).version, 2);
  EXPECT_EQ(subs_->LatestTables(2023)->at(office_), "{}");
  auto got = subs_->Get((*ids)[1]);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->model_json, "{\"agency\":\"某局\"}");
  EXPECT_EQ(got->filed, *Date::Parse("2024-01-20"));
  auto waiting = subs_->Unassigned(region_);
  ASSERT_TRUE(waiting.ok());
  ASSERT_EQ(waiting->size(), 1u);
  ASSERT_TRUE(subs_->Assign((*ids)[2], office_, 2023, "user:li").ok());
  EXPECT_TRUE(subs_->Unassigned(region_)->empty());
  EXPECT_EQ(subs_->Latest(2023)->at(office_).id, (*ids)[2]);
  EXPECT_EQ(subs_->Get((*ids)[2])->match, SubmissionMatch::kAssigned);
  auto audit = store_->ListAudit("supervision_submission", (*ids)[2]);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_EQ((*audit)[1].actor, "user:li");
  EXPECT_TRUE(store_->VerifyAuditLog()->intact);
}

TEST_P(SubmissionStoreTest, BadInputIsRefusedAndNothingIsStored) {
  Submission bad_hash = Make(office_, 2023, 'a');
  bad_hash.sha256 = "xyz";
  auto r = subs_->Add({Make(office_, 2023, 'a'), bad_hash}, "t");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("sha256"), std::string::npos);
  EXPECT_TRUE(subs_->Versions(office_, 2023)->empty());  // all or nothing
  Submission unmatched_with_agency = Make(office_, 2023, 'a');
  unmatched_with_agency.match = SubmissionMatch::kNone;
  EXPECT_FALSE(subs_->Add({unmatched_with_agency}, "t").ok());
  EXPECT_EQ(subs_->Add({Make(999, 2023, 'a')}, "t").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(subs_->Get(12345).status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(subs_->Assign(12345, office_, 2023, "t").ok());
}

// A filed report is evidence: its content cannot be rewritten or removed, even through SQL.
TEST_P(SubmissionStoreTest, ContentCannotBeChangedOrDeletedThroughSql) {
  auto ids = subs_->Add({Make(office_, 2023, 'a')}, "t");
  ASSERT_TRUE(ids.ok());
  EXPECT_FALSE(db_->RawExec("UPDATE supervision_submission SET errors = 0"));
  EXPECT_FALSE(db_->RawExec("UPDATE supervision_model SET model_json = '{}'"));
  EXPECT_FALSE(db_->RawExec("DELETE FROM supervision_model"));
  EXPECT_FALSE(db_->RawExec("DELETE FROM supervision_submission"));
  // Replacing a row (SQLite's REPLACE, PostgreSQL's upsert) is refused as well.
  EXPECT_FALSE(db_->RawExec(GetParam() == Backend::kSqlite
                                ? "INSERT OR REPLACE INTO supervision_submission SELECT * FROM "
                                  "supervision_submission"
                                : "INSERT INTO supervision_submission SELECT * FROM "
                                  "supervision_submission ON CONFLICT (id) DO UPDATE SET "
                                  "errors = 0"));
  EXPECT_EQ(db_->CountRows("supervision_submission"), 1);
  EXPECT_EQ(subs_->Get((*ids)[0])->errors, 2);
}

GONGKAI_TEST_ON_EVERY_BACKEND(SubmissionStoreTest);

}  // namespace
}  // namespace gongkai
