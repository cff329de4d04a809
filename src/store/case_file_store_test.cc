// CaseFiles on each backend (store_test_backend.h): attachments through their own request,
// audited views of personal data, extension proposals decided once.
#include <gtest/gtest.h>

#include "gongkai/case_files.h"
#include "gongkai/stores.h"
#include "store_test_backend.h"

namespace gongkai {
namespace {

class CaseFilesTest : public store_testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (!Opened()) return;
    auto f = OpenCaseFiles(*store_);
    ASSERT_TRUE(f.ok()) << f.status().message();
    files_ = std::move(f).value();
    agency_ = *store_->AddAgency({0, "民族事务委员会", 0, AgencyKind::kDepartment}, "t");
    applicant_ = *store_->AddApplicant({0, ApplicantKind::kNatural, "王某"},
                                       {"150102199001010011", "13800000000", "呼和浩特"}, "t");
    first_ = AddRequest({{0, "a.txt", "", 0, "first"}});
    second_ = AddRequest({{0, "b.txt", "", 0, "second"}});
  }
  void TearDown() override {
    files_.reset();
    StoreTest::TearDown();
  }

  int64_t AddRequest(const std::vector<Attachment>& attachments) {
    Request r;
    r.agency_id = agency_;
    r.applicant_id = applicant_;
    r.received = *Date::Parse("2026-03-02");
    r.clock_start = r.received;
    r.content = "预算";
    Event e{0, 0, "register", r.received, "t", "", "{}", ""};
    StatusOr<int64_t> id = store_->AddRequest(r, attachments, e, "");
    EXPECT_TRUE(id.ok()) << id.status().message();
    return id.ok() ? *id : -1;
  }

  ExtensionProposal Proposal(int64_t request, int days = 10) {
    ExtensionProposal p;
    p.request_id = request;
    p.days = days;
    p.reason = "需要调取档案";
    p.proposed_by = "user:clerk";
    p.proposed_on = *Date::Parse("2026-03-10");
    return p;
  }

  std::unique_ptr<CaseFiles> files_;
  int64_t agency_ = 0, applicant_ = 0, first_ = 0, second_ = 0;
};

TEST_P(CaseFilesTest, AttachmentOnlyThroughItsOwnRequest) {
  auto list = store_->ListAttachments(first_);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  auto a = files_->GetAttachment(first_, (*list)[0].id);
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->content, "first");
  EXPECT_EQ(a->name, "a.txt");
  EXPECT_EQ(a->size, 5);
  auto wrong = files_->GetAttachment(second_, (*list)[0].id);
  EXPECT_EQ(wrong.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(files_->GetAttachment(first_, 999).status().code(), StatusCode::kNotFound);
}

TEST_P(CaseFilesTest, PersonalDataViewIsAuditedWithoutTheData) {
  auto before = store_->ListAudit("applicant_private", applicant_);
  ASSERT_TRUE(before.ok());
  auto p = files_->ViewPersonalData(first_, "user:clerk");
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(p->id_number, "150102199001010011");
  auto after = store_->ListAudit("applicant_private", applicant_);
  ASSERT_TRUE(after.ok());
  ASSERT_EQ(after->size(), before->size() + 1);
  const AuditEntry& e = after->back();
  EXPECT_EQ(e.action, "view");
  EXPECT_EQ(e.actor, "user:clerk");
  EXPECT_NE(e.after_json.find("\"request_id\":" + std::to_string(first_)), std::string::npos);
  EXPECT_EQ(e.after_json.find("150102"), std::string::npos);
  EXPECT_EQ(e.after_json.find("138000"), std::string::npos);
  EXPECT_EQ(files_->ViewPersonalData(999, "user:clerk").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(files_->ViewPersonalData(first_, "").status().code(), StatusCode::kInvalidArgument);
  auto verified = store_->VerifyAuditLog();
  ASSERT_TRUE(verified.ok());
  EXPECT_TRUE(verified->intact) << verified->problem;
}

TEST_P(CaseFilesTest, OnePendingProposalDecidedOnce) {
  auto id = files_->ProposeExtension(Proposal(first_));
  ASSERT_TRUE(id.ok()) << id.status().message();
  EXPECT_EQ(files_->ProposeExtension(Proposal(first_)).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_TRUE(files_->ProposeExtension(Proposal(second_)).ok()) << "another request may propose";
  auto pending = files_->PendingExtension(first_);
  ASSERT_TRUE(pending.ok() && pending->has_value());
  EXPECT_EQ((*pending)->days, 10);
  EXPECT_EQ((*pending)->proposed_by, "user:clerk");

  ASSERT_TRUE(
      files_
          ->DecideExtension(*id, ProposalState::kApproved, "user:head", *Date::Parse("2026-03-11"))
          .ok());
  EXPECT_EQ(
      files_
          ->DecideExtension(*id, ProposalState::kRejected, "user:head", *Date::Parse("2026-03-11"))
          .code(),
      StatusCode::kFailedPrecondition);
  EXPECT_EQ(
      files_
          ->DecideExtension(999, ProposalState::kApproved, "user:head", *Date::Parse("2026-03-11"))
          .code(),
      StatusCode::kNotFound);
  auto none = files_->PendingExtension(first_);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  auto all = files_->ListExtensionProposals(first_);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0].state, ProposalState::kApproved);
  EXPECT_EQ((*all)[0].decided_by, "user:head");
  auto audit = store_->ListAudit("extension_proposal", *id);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_EQ((*audit)[1].actor, "user:head");
  // A decided proposal cannot be rewritten behind the application's back.
  EXPECT_FALSE(
      db_->RawExec("UPDATE extension_proposal SET state = 0 WHERE id = " + std::to_string(*id)));
  EXPECT_FALSE(db_->RawExec("DELETE FROM extension_proposal"));
  EXPECT_EQ(db_->CountRows("extension_proposal"), 2);
}

TEST_P(CaseFilesTest, ProposalFieldsChecked) {
  EXPECT_EQ(files_->ProposeExtension(Proposal(first_, 0)).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(files_->ProposeExtension(Proposal(first_, 21)).status().code(),
            StatusCode::kInvalidArgument);
  ExtensionProposal p = Proposal(first_);
  p.reason.clear();
  EXPECT_EQ(files_->ProposeExtension(p).status().code(), StatusCode::kInvalidArgument);
  p = Proposal(first_);
  p.reason = "bad\x01";
  EXPECT_EQ(files_->ProposeExtension(p).status().code(), StatusCode::kInvalidArgument);
  // SQL in a field is stored as text.
  p = Proposal(first_);
  p.reason = "'); DROP TABLE request; --";
  auto id = files_->ProposeExtension(p);
  ASSERT_TRUE(id.ok());
  EXPECT_EQ((*files_->PendingExtension(first_))->reason, p.reason);
  EXPECT_TRUE(store_->GetRequest(first_).ok());
}

GONGKAI_TEST_ON_EVERY_BACKEND(CaseFilesTest);

}  // namespace
}  // namespace gongkai
