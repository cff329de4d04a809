// The staff console's case handling: isolation by agency in the library itself, the actions a
// state allows, the extension with an approver's approval, audited personal-data views.
#include "gongkai/case_desk.h"

#include <gtest/gtest.h>

#include "gongkai/ledger_labels.h"
#include "ledger_test_util.h"

namespace gongkai {
namespace {

using ledger_test::D;
using ledger_test::TestCalendar;

const std::string kLetters = GONGKAI_SOURCE_DIR "/data/letters";

class CaseDeskTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = std::move(OpenSqliteStore(dir_.File("ledger.db"), {.durable = false})).value();
    files_ = std::move(OpenCaseFiles(*store_)).value();
    LedgerOptions options;
    options.today = D("2026-03-31");
    ledger_ = std::make_unique<Ledger>(store_.get(), &TestCalendar(), options);
    desk_ = std::make_unique<CaseDesk>(store_.get(), ledger_.get(), files_.get(), &TestCalendar());
    mine_ = *store_->AddAgency({0, "民族事务委员会", 0, AgencyKind::kDepartment}, "t");
    theirs_ = *store_->AddAgency({0, "财政厅", 0, AgencyKind::kDepartment}, "t");
    applicant_ = *store_->AddApplicant({0, ApplicantKind::kNatural, "王某"},
                                       {"150102199001010011", "13800000000", "呼和浩特"}, "t");
    clerk_ = {1, "clerk", Role::kClerk, mine_, {mine_}};
    approver_ = {2, "head", Role::kApprover, mine_, {mine_}};
    other_clerk_ = {3, "other", Role::kClerk, theirs_, {theirs_}};
    supervisor_ = {4, "super", Role::kSupervisor, theirs_, {mine_, theirs_}};
  }

  int64_t Register(int64_t agency, const char* received, const char* content = "2025年部门预算") {
    NewRequest n;
    n.agency_id = agency;
    n.applicant_id = applicant_;
    n.dates.confirmed = D(received);
    n.content = content;
    n.actor = "t";
    n.attachments.push_back({0, "身份证明.txt", "", 0, "scan"});
    auto id = ledger_->Register(n);
    EXPECT_TRUE(id.ok()) << id.status().message();
    return id.ok() ? *id : 0;
  }

  CaseActionInput On(const char* date, std::string reason = "") {
    CaseActionInput in;
    in.date = D(date);
    in.reason = std::move(reason);
    return in;
  }

  size_t AuditRows() { return store_->ListAudit("", 0)->size(); }

  ledger_test::TempDir dir_;
  std::unique_ptr<CaseStore> store_;
  std::unique_ptr<CaseFiles> files_;
  std::unique_ptr<Ledger> ledger_;
  std::unique_ptr<CaseDesk> desk_;
  int64_t mine_ = 0, theirs_ = 0, applicant_ = 0;
  Actor clerk_, approver_, other_clerk_, supervisor_;
};

TEST_F(CaseDeskTest, AnotherAgencysIdIsNotFoundLikeAnUnknownOne) {
  int64_t id = Register(mine_, "2026-03-02");
  int64_t attachment = (*store_->ListAttachments(id))[0].id;
  const size_t audit_before = AuditRows();
  const int version_before = store_->GetRequest(id)->version;
  const std::string unknown = desk_->Open(other_clerk_, 999999, D("2026-03-10")).status().message();
  auto expect_not_found = [&](const Status& s, const char* what) {
    EXPECT_EQ(s.code(), StatusCode::kNotFound) << what << ": " << s.message();
    EXPECT_EQ(s.message(), "没有编号为 " + std::to_string(id) + " 的申请 (no such request)")
        << what;
  };
  expect_not_found(desk_->Open(other_clerk_, id, D("2026-03-10")).status(), "case");
  expect_not_found(desk_->GetAttachment(other_clerk_, id, attachment).status(), "attachment");
  expect_not_found(desk_->ViewPersonalData(other_clerk_, id).status(), "personal data");
  expect_not_found(
      desk_->ComposeLetter(other_clerk_, id, LetterKind::kCorrection, kLetters, D("2026-03-10"))
          .status(),
      "letter");
  for (int i = 0; i < kCaseActionCount; ++i) {
    CaseActionInput in = On("2026-03-03", "x");
    in.deadline = D("2026-03-20");
    in.items = "x";
    in.days = 5;
    expect_not_found(desk_->Act(other_clerk_, id, static_cast<CaseAction>(i), in),
                     std::string(CaseActionId(static_cast<CaseAction>(i))).c_str());
  }
  EXPECT_EQ(unknown, "没有编号为 999999 的申请 (no such request)");
  EXPECT_TRUE(desk_->WorkList(other_clerk_, {}, D("2026-03-10"))->empty());
  // Nothing was read into the audit log or changed.
  EXPECT_EQ(AuditRows(), audit_before);
  EXPECT_EQ(store_->GetRequest(id)->version, version_before);
  // The agency's own clerk sees it all.
  EXPECT_TRUE(desk_->Open(clerk_, id, D("2026-03-10")).ok());
  EXPECT_EQ(desk_->GetAttachment(clerk_, id, attachment)->content, "scan");
  // An attachment id of this agency through another request of another agency: NotFound too.
  int64_t their_id = Register(theirs_, "2026-03-02");
  EXPECT_EQ(desk_->GetAttachment(other_clerk_, their_id, attachment).status().code(),
            StatusCode::kNotFound);
}

// Two clerks open the same case page (version v); the first step wins, the second, decided on
// the stale page, is refused with the conflict message and changes nothing.
TEST_F(CaseDeskTest, AStepDecidedOnAStalePageIsRefusedNotLost) {
  int64_t id = Register(mine_, "2026-03-02");
  const int seen = store_->GetRequest(id)->version;
  CaseActionInput consult = On("2026-03-03");
  consult.party = "third_party";
  consult.seen_version = seen;
  ASSERT_TRUE(desk_->Act(clerk_, id, CaseAction::kConsult, consult).ok());
  const size_t audit_before = AuditRows();
  CaseActionInput reply = On("2026-03-04");
  reply.outcome = "5.1";  // any: the version check comes first
  reply.seen_version = seen;
  Status stale = desk_->Act(approver_, id, CaseAction::kReply, reply);
  EXPECT_EQ(stale.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(stale.message().find("已被他人办理"), std::string::npos) << stale.message();
  EXPECT_EQ(store_->GetRequest(id)->version, seen + 1);
  EXPECT_EQ(AuditRows(), audit_before);
  // The ledger checks it too (the window between the desk's look and the write).
  EXPECT_EQ(ledger_->EndConsultation(id, {D("2026-03-04"), "clerk", "", seen}).code(),
            StatusCode::kFailedPrecondition);
  // With the page's current version the step goes through.
  CaseActionInput end = On("2026-03-04");
  end.seen_version = seen + 1;
  EXPECT_TRUE(desk_->Act(clerk_, id, CaseAction::kConsultEnd, end).ok());
}

TEST_F(CaseDeskTest, WorkListOfTheScopeOnlySortedAndFiltered) {
  int64_t late = Register(mine_, "2026-01-05", "2025年决算");
  int64_t soon = Register(mine_, "2026-02-09", "2025年预算");
  int64_t stopped = Register(mine_, "2026-03-02", "2026年预算");
  Register(theirs_, "2026-01-05");
  CaseActionInput c = On("2026-03-03");
  c.deadline = D("2026-03-20");
  c.items = "请写明文件名称";
  ASSERT_TRUE(desk_->Act(clerk_, stopped, CaseAction::kCorrection, c).ok());
  auto all = desk_->WorkList(clerk_, {}, D("2026-03-10"));
  ASSERT_TRUE(all.ok()) << all.status().message();
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].request.id, late);
  EXPECT_EQ((*all)[0].status, DueStatus::kOverdue);
  EXPECT_EQ((*all)[1].request.id, soon);
  EXPECT_EQ((*all)[2].request.id, stopped);
  EXPECT_EQ((*all)[2].status, DueStatus::kClockStopped);
  EXPECT_EQ((*all)[2].status_label, "待补正（停止计时）");
  EXPECT_EQ((*all)[2].due, D("2026-03-20"));
  auto filtered = desk_->WorkList(clerk_, {.text = "预算"}, D("2026-03-10"));
  ASSERT_EQ(filtered->size(), 2u);
  auto by_state =
      desk_->WorkList(clerk_, {.state = RequestState::kAwaitingCorrection}, D("2026-03-10"));
  ASSERT_EQ(by_state->size(), 1u);
  EXPECT_EQ((*by_state)[0].request.id, stopped);
}

TEST_F(CaseDeskTest, ActionsFollowTheState) {
  int64_t id = Register(mine_, "2026-03-02");
  auto view = desk_->Open(clerk_, id, D("2026-03-03"));
  ASSERT_TRUE(view.ok());
  auto has = [](const std::vector<CaseAction>& v, CaseAction a) {
    return std::find(v.begin(), v.end(), a) != v.end();
  };
  EXPECT_TRUE(has(view->allowed, CaseAction::kCorrection));
  EXPECT_TRUE(has(view->allowed, CaseAction::kReply));
  EXPECT_FALSE(has(view->allowed, CaseAction::kSupplement));
  EXPECT_FALSE(has(view->allowed, CaseAction::kApproveExtension));
  // Art. 30: the notice within 7 working days of receipt (2026-03-02 → 2026-03-11).
  EXPECT_EQ(view->correction_notice_by, D("2026-03-11"));

  Status refused = desk_->Act(clerk_, id, CaseAction::kSupplement, On("2026-03-03"));
  EXPECT_EQ(refused.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(refused.message().find("不能登记收到补正"), std::string::npos) << refused.message();
  EXPECT_NE(refused.message().find("条例第三十条"), std::string::npos) << refused.message();

  ASSERT_TRUE(desk_
                  ->Act(clerk_, id, CaseAction::kConsult,
                        [&] {
                          CaseActionInput in = On("2026-03-03");
                          in.party = "third_party";
                          return in;
                        }())
                  .ok());
  Status reply = desk_->Act(clerk_, id, CaseAction::kReply, On("2026-03-04"));
  EXPECT_NE(reply.message().find("征求意见"), std::string::npos) << reply.message();
  view = desk_->Open(clerk_, id, D("2026-03-04"));
  EXPECT_EQ(view->allowed,
            (std::vector<CaseAction>{CaseAction::kConsultEnd, CaseAction::kWithdraw}));
  ASSERT_TRUE(desk_->Act(clerk_, id, CaseAction::kWithdraw, On("2026-03-05")).ok());
  view = desk_->Open(clerk_, id, D("2026-03-05"));
  EXPECT_TRUE(view->allowed.empty());
  Status after = desk_->Act(clerk_, id, CaseAction::kConsultEnd, On("2026-03-05"));
  EXPECT_NE(after.message().find("办结"), std::string::npos) << after.message();
}

TEST_F(CaseDeskTest, CorrectionSupplementApprovedExtensionAndPartialReply) {
  int64_t id = Register(mine_, "2026-03-02");
  CaseActionInput c = On("2026-03-04", "申请内容不明确");
  c.deadline = D("2026-03-18");
  c.items = "请写明文件名称和年份";
  ASSERT_TRUE(desk_->Act(clerk_, id, CaseAction::kCorrection, c).ok());
  ASSERT_TRUE(desk_->Act(clerk_, id, CaseAction::kSupplement, On("2026-03-09")).ok());

  CaseActionInput e = On("2026-03-10", "涉及档案调取");
  e.days = 15;
  ASSERT_TRUE(desk_->Act(clerk_, id, CaseAction::kProposeExtension, e).ok());
  EXPECT_EQ(store_->GetRequest(id)->extension_days, 0) << "a proposal does not extend";
  Status by_clerk = desk_->Act(clerk_, id, CaseAction::kApproveExtension, On("2026-03-10"));
  EXPECT_EQ(by_clerk.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(by_clerk.message().find("批准人"), std::string::npos) << by_clerk.message();
  EXPECT_EQ(desk_->Act(clerk_, id, CaseAction::kProposeExtension, e).code(),
            StatusCode::kFailedPrecondition)
      << "one pending proposal";
  auto view = desk_->Open(approver_, id, D("2026-03-11"));
  ASSERT_TRUE(view->pending_extension.has_value());
  EXPECT_NE(std::find(view->allowed.begin(), view->allowed.end(), CaseAction::kApproveExtension),
            view->allowed.end());
  ASSERT_TRUE(desk_->Act(approver_, id, CaseAction::kApproveExtension, On("2026-03-11")).ok());
  Request r = *store_->GetRequest(id);
  EXPECT_EQ(r.extension_days, 15);
  EXPECT_EQ(r.extension_approver, "user:head");
  auto events = *store_->ListEvents(id);
  EXPECT_EQ(events.back().kind, "extension");
  EXPECT_NE(events.back().detail.find("user:head"), std::string::npos);
  EXPECT_EQ(events.back().reason, "涉及档案调取") << "the proposal's reason, no staff name";
  EXPECT_EQ((*files_->ListExtensionProposals(id))[0].proposed_by, "user:clerk");
  EXPECT_EQ((*files_->ListExtensionProposals(id))[0].state, ProposalState::kApproved);
  EXPECT_EQ(desk_->Act(clerk_, id, CaseAction::kProposeExtension, e).code(),
            StatusCode::kFailedPrecondition)
      << "one extension";

  CaseActionInput reply = On("2026-03-20");
  reply.outcome = "partial";
  reply.basis = "《条例》第三十七条";
  reply.letter = "部分公开，其余不予公开。";
  ASSERT_TRUE(desk_->Act(clerk_, id, CaseAction::kReply, reply).ok());
  view = desk_->Open(clerk_, id, D("2026-03-20"));
  EXPECT_EQ(view->status.request.outcome, "partial");
  EXPECT_EQ(view->letters, (std::vector<LetterKind>{LetterKind::kCorrection, LetterKind::kExtension,
                                                    LetterKind::kPartial}));
  auto letter = desk_->ComposeLetter(clerk_, id, LetterKind::kPartial, kLetters, D("2026-03-20"));
  ASSERT_TRUE(letter.ok()) << letter.status().message();
  EXPECT_NE(letter->find("部分公开"), std::string::npos);
}

TEST_F(CaseDeskTest, RejectedProposalLeavesTheRequestAlone) {
  int64_t id = Register(mine_, "2026-03-02");
  CaseActionInput e = On("2026-03-10", "理由");
  e.days = 10;
  ASSERT_TRUE(desk_->Act(clerk_, id, CaseAction::kProposeExtension, e).ok());
  ASSERT_TRUE(desk_->Act(approver_, id, CaseAction::kRejectExtension, On("2026-03-10")).ok());
  EXPECT_EQ(store_->GetRequest(id)->extension_days, 0);
  EXPECT_FALSE(files_->PendingExtension(id)->has_value());
  e.days = 25;
  EXPECT_EQ(desk_->Act(clerk_, id, CaseAction::kProposeExtension, e).code(),
            StatusCode::kInvalidArgument);
}

TEST_F(CaseDeskTest, PersonalDataViewsAreAuditedPerView) {
  int64_t id = Register(mine_, "2026-03-02");
  size_t before = store_->ListAudit("applicant_private", applicant_)->size();
  ASSERT_TRUE(desk_->ViewPersonalData(clerk_, id).ok());
  auto p = desk_->ViewPersonalData(approver_, id);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->phone, "13800000000");
  auto audit = *store_->ListAudit("applicant_private", applicant_);
  ASSERT_EQ(audit.size(), before + 2);
  EXPECT_EQ(audit[before].actor, "user:clerk");
  EXPECT_EQ(audit[before + 1].actor, "user:head");
  EXPECT_EQ(audit[before + 1].action, "view");
}

TEST_F(CaseDeskTest, ScriptAndSqlInFieldsAreStoredLiterally) {
  int64_t id = Register(mine_, "2026-03-02");
  const std::string hostile = "<script>alert(1)</script>'); DROP TABLE request; --";
  CaseActionInput c = On("2026-03-03", hostile);
  c.deadline = D("2026-03-20");
  c.items = hostile;
  ASSERT_TRUE(desk_->Act(clerk_, id, CaseAction::kCorrection, c).ok());
  auto events = *store_->ListEvents(id);
  EXPECT_EQ(events.back().reason, hostile);
  EXPECT_NE(EventSentence(events.back()).find(hostile), std::string::npos);
  auto letter =
      desk_->ComposeLetter(clerk_, id, LetterKind::kCorrection, kLetters, D("2026-03-03"));
  ASSERT_TRUE(letter.ok());
  EXPECT_NE(letter->find(hostile), std::string::npos);
}

TEST_F(CaseDeskTest, SupervisorReadsButNeitherActsNorSeesPersonalData) {
  int64_t id = Register(mine_, "2026-03-02");
  auto view = desk_->Open(supervisor_, id, D("2026-03-03"));
  ASSERT_TRUE(view.ok()) << view.status().message();
  EXPECT_TRUE(view->allowed.empty());
  EXPECT_EQ(desk_->ViewPersonalData(supervisor_, id).status().code(), StatusCode::kNotFound);
  Status act = desk_->Act(supervisor_, id, CaseAction::kWithdraw, On("2026-03-03"));
  EXPECT_EQ(act.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(store_->GetRequest(id)->state, RequestState::kOpen);
  EXPECT_EQ(desk_->WorkList(supervisor_, {}, D("2026-03-03"))->size(), 1u);
}

TEST_F(CaseDeskTest, ActionIds) {
  for (int i = 0; i < kCaseActionCount; ++i) {
    auto a = static_cast<CaseAction>(i);
    EXPECT_EQ(*CaseActionFromId(CaseActionId(a)), a);
  }
  EXPECT_FALSE(CaseActionFromId("delete").ok());
}

}  // namespace
}  // namespace gongkai
