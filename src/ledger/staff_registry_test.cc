// StaffRegistry: another agency's records answer NotFound exactly like missing ones, for every
// call; roles decide who records and who publishes; changes are audited under the user's name.
#include "gongkai/staff_registry.h"

#include <gtest/gtest.h>

#include "ledger_test_util.h"

namespace gongkai {
namespace {

using ledger_test::D;
using ledger_test::TestCalendar;

Actor MakeActor(const std::string& login, Role role, int64_t agency) {
  Actor a;
  a.user_id = 1;
  a.login = login;
  a.role = role;
  a.agency_id = agency;
  a.agencies = {agency};
  return a;
}

class StaffRegistryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = OpenSqliteStore(dir_.File("ledger.db"), {.durable = false});
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(s).value();
    mine_ = *store_->AddAgency({0, "科左中旗人民政府", 0, AgencyKind::kCounty}, "t");
    theirs_ = *store_->AddAgency({0, "奈曼旗人民政府", 0, AgencyKind::kCounty}, "t");
    auto r = StaffRegistry::Open(*store_);
    ASSERT_TRUE(r.ok()) << r.status().message();
    reg_ = std::move(r).value();
    clerk_ = MakeActor("wang", Role::kClerk, mine_);
    admin_ = MakeActor("li", Role::kAdmin, mine_);
    other_admin_ = MakeActor("zhao", Role::kAdmin, theirs_);
  }

  PublishedDocument Draft(int64_t agency, const std::string& index) {
    PublishedDocument d;
    d.agency_id = agency;
    d.index_number = index;
    d.title = "关于" + index + "的通知";
    d.category = "政策文件";
    d.publisher = "旗政府办";
    d.created = D("2025-03-01");
    d.draft = true;
    return d;
  }

  ledger_test::TempDir dir_;
  std::unique_ptr<CaseStore> store_;
  std::unique_ptr<StaffRegistry> reg_;
  int64_t mine_ = 0, theirs_ = 0;
  Actor clerk_, admin_, other_admin_;
};

constexpr int64_t kMissing = 999999;

// `s` must be what the missing id kMissing gives, with `id` in its place.
void ExpectHidden(const Status& s, const Status& missing, int64_t id) {
  EXPECT_EQ(s.code(), StatusCode::kNotFound) << s.message();
  std::string expected = missing.message();
  size_t at = expected.find(std::to_string(kMissing));
  ASSERT_NE(at, std::string::npos) << expected;
  expected.replace(at, std::to_string(kMissing).size(), std::to_string(id));
  EXPECT_EQ(s.message(), expected);
}

TEST_F(StaffRegistryTest, AnotherAgencysRecordsAreNotFoundOnEveryCall) {
  const int64_t doc = *reg_->AddDocument(other_admin_, Draft(theirs_, "N-1"));
  const int64_t norm = *reg_->AddNormative(
      other_admin_, NormativeDoc{0, theirs_, 1, "某办法", "", D("2025-01-01"), std::nullopt});
  DisclosureCase c;
  c.c.agency_id = theirs_;
  c.c.filed = D("2025-02-01");
  c.number = "奈复〔2025〕1号";
  const int64_t kase = *reg_->AddCase(other_admin_, c);
  const int64_t missing = kMissing;
  const DocumentReview review{"甲", "乙", "丙", D("2025-03-02"), true};

  ExpectHidden(reg_->GetDocument(admin_, doc).status(), reg_->GetDocument(admin_, missing).status(),
               doc);
  ExpectHidden(reg_->PublishDocument(admin_, doc, review, D("2025-03-03")),
               reg_->PublishDocument(admin_, missing, review, D("2025-03-03")), doc);
  ExpectHidden(reg_->GetNormative(admin_, norm).status(),
               reg_->GetNormative(admin_, missing).status(), norm);
  ExpectHidden(reg_->Amend(admin_, norm, {D("2025-04-01"), "", "改"}),
               reg_->Amend(admin_, missing, {D("2025-04-01"), "", "改"}), norm);
  ExpectHidden(reg_->Repeal(admin_, norm, D("2025-04-01")),
               reg_->Repeal(admin_, missing, D("2025-04-01")), norm);
  ExpectHidden(reg_->GetCase(admin_, kase).status(), reg_->GetCase(admin_, missing).status(), kase);
  ExpectHidden(reg_->DecideCase(admin_, kase, CaseResult::kUpheld, D("2025-05-01")),
               reg_->DecideCase(admin_, missing, CaseResult::kUpheld, D("2025-05-01")), kase);
  // Lists, year records and the report of another agency: as if the agency did not exist.
  const Status no_agency = reg_->ListDocuments(admin_, missing, 0, 10).status();
  EXPECT_EQ(no_agency.code(), StatusCode::kNotFound);
  for (const Status& s :
       {reg_->ListDocuments(admin_, theirs_, 0, 10).status(),
        reg_->ListNormative(admin_, theirs_).status(), reg_->ListCases(admin_, theirs_, 0).status(),
        reg_->GetActions(admin_, theirs_, 2025).status(),
        reg_->SetActions(admin_, {{theirs_, 2025, 1, 1, 1, 0}, "x"}),
        reg_->AddDocument(admin_, Draft(theirs_, "N-2")).status(),
        reg_->AddNormative(admin_, {0, theirs_, 1, "x", "", D("2025-01-01"), std::nullopt})
            .status(),
        reg_->DraftReport(admin_, theirs_, 2025).status(),
        reg_->SaveReportText(admin_, theirs_, 2025, SectionTexts{}),
        reg_->Published(admin_, theirs_, 2025).status(),
        reg_->PublishReport(admin_, theirs_, 2025, D("2026-02-01")).status()}) {
    EXPECT_EQ(s.code(), StatusCode::kNotFound) << s.message();
    EXPECT_EQ(s.message().find("奈曼"), std::string::npos);
  }
  // Linking one's case to another agency's review or request is refused the same way.
  DisclosureCase suit;
  suit.c.agency_id = mine_;
  suit.c.group = kSuitAfterReview;
  suit.c.filed = D("2025-06-01");
  suit.review_id = kase;
  EXPECT_EQ(reg_->AddCase(admin_, suit).status().code(), StatusCode::kNotFound);
  // Nothing of theirs changed.
  EXPECT_TRUE(reg_->GetDocument(other_admin_, doc)->draft);
  EXPECT_FALSE(reg_->GetCase(other_admin_, kase)->c.decided);
}

TEST_F(StaffRegistryTest, ClerksRecordAdminsPublishSupervisorsRead) {
  const int64_t doc = *reg_->AddDocument(clerk_, Draft(mine_, "M-1"));
  const DocumentReview review{"甲", "乙", "丙", D("2025-03-02"), true};
  Status s = reg_->PublishDocument(clerk_, doc, review, D("2025-03-03"));
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(s.message().find("管理员"), std::string::npos);
  // A clerk cannot make a document public by adding it public either.
  PublishedDocument open = Draft(mine_, "M-2");
  open.draft = false;
  open.review = review;
  EXPECT_EQ(reg_->AddDocument(clerk_, open).status().code(), StatusCode::kFailedPrecondition);
  ASSERT_TRUE(reg_->PublishDocument(admin_, doc, review, D("2025-03-03")).ok());
  EXPECT_TRUE(reg_->GetDocument(clerk_, doc)->IsPublic());
  auto audit = store_->ListAudit("published_document", doc);
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_EQ((*audit)[0].actor, clerk_.AuditName());
  EXPECT_EQ((*audit)[1].actor, admin_.AuditName());

  Actor supervisor = MakeActor("sup", Role::kSupervisor, theirs_);
  supervisor.agencies = {mine_, theirs_};  // sorted, as accounts.h keeps them
  EXPECT_TRUE(reg_->GetDocument(supervisor, doc).ok());
  EXPECT_EQ(reg_->AddDocument(supervisor, Draft(mine_, "M-3")).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(reg_->PublishReport(clerk_, mine_, 2025, D("2026-02-01")).status().code(),
            StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace gongkai
