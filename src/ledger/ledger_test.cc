#include "gongkai/ledger.h"

#include <gtest/gtest.h>

#include "gongkai/validator.h"
#include "ledger_test_util.h"

namespace gongkai {
namespace {

using ledger_test::D;

class LedgerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = OpenSqliteStore(dir_.File("ledger.db"));
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(s).value();
    ledger_ = std::make_unique<Ledger>(store_.get(), &ledger_test::TestCalendar());
    region_ = *store_->AddAgency({0, "内蒙古自治区人民政府", 0, AgencyKind::kRegion}, "admin");
    agency_ = *store_->AddAgency(
        {0, "内蒙古自治区民族事务委员会", region_, AgencyKind::kDepartment}, "admin");
    person_ = *store_->AddApplicant({0, ApplicantKind::kNatural, "张三"},
                                    {"150102199001011234", "13800000000", "呼和浩特"}, "clerk");
    firm_ = *store_->AddApplicant({0, ApplicantKind::kCommercial, "某公司"}, {}, "clerk");
  }

  int64_t Register(const char* date, int64_t applicant = 0) {
    NewRequest n;
    n.agency_id = agency_;
    n.applicant_id = applicant ? applicant : person_;
    n.channel = Channel::kOnline;
    n.dates.confirmed = D(date);
    n.content = "本委2023年部门预算";
    n.form = "电子邮件";
    n.actor = "王科员";
    n.attachments = {{0, "申请表.txt", "", 0, "abc"}};
    auto id = ledger_->Register(n);
    EXPECT_TRUE(id.ok()) << id.status().message();
    return id.ok() ? *id : 0;
  }
  Request Get(int64_t id) { return *store_->GetRequest(id); }
  StepInput Step(const char* date) { return {D(date), "王科员", "依法办理"}; }
  ReplyInput Answer(const char* date, std::vector<std::string> outcomes) {
    return {D(date), "李主任", std::move(outcomes), "《条例》第三十六条", "答复书正文"};
  }
  // Expects a refusal whose message contains `words`.
  void ExpectRefused(const Status& s, const std::string& words) {
    EXPECT_FALSE(s.ok());
    EXPECT_NE(s.message().find(words), std::string::npos) << s.message();
  }

  ledger_test::TempDir dir_;
  std::unique_ptr<CaseStore> store_;
  std::unique_ptr<Ledger> ledger_;
  int64_t region_ = 0, agency_ = 0, person_ = 0, firm_ = 0;
};

TEST_F(LedgerTest, RegistersWithDueDateAndHashedAttachment) {
  // Fri 2024-09-27 + 20: Sun Sep 29 (1), Mon 30 (2), Oct 8-11 (6), Sat Oct 12 (7), 14-18 (12),
  // 21-25 (17), 28-30 (20).
  int64_t id = Register("2024-09-27");
  Request r = Get(id);
  EXPECT_EQ(r.due->ToString(), "2024-10-30");
  EXPECT_EQ(r.applicant_kind, ApplicantKind::kNatural);
  auto files = *store_->ListAttachments(id);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(LedgerTest, RefusesRegistrationWithoutTheReceiptDateOfArticle31) {
  NewRequest n;
  n.agency_id = agency_;
  n.applicant_id = person_;
  n.channel = Channel::kLetterSigned;
  n.dates.submitted = D("2024-03-01");
  n.content = "x";
  n.actor = "王科员";
  ExpectRefused(ledger_->Register(n).status(), "第三十一条");
  n.dates.signed_for = D("2024-03-02");
  EXPECT_TRUE(ledger_->Register(n).ok());
  n.channel = Channel::kLetterOrdinary;  // confirmed two days after it came: flagged
  n.dates.confirmed = D("2024-03-04");
  auto late = ledger_->Register(n);
  ASSERT_TRUE(late.ok());
  EXPECT_EQ(Get(*late).received.ToString(), "2024-03-04");
  EXPECT_EQ(Get(*late).breaches, std::vector<std::string>{kBreachLateConfirmation});
  n.channel = Channel::kLetterSigned;
  n.dates.signed_for = D("2027-03-02");  // beyond the calendar: an error, not a guess
  ExpectRefused(ledger_->Register(n).status(), "2027");
}

TEST_F(LedgerTest, CorrectionRestartsTheClockAndLateNoticeIsABreach) {
  // Received Fri 2024-03-01; 7 working days end Tue 2024-03-12.
  int64_t on_time = Register("2024-03-01");
  int64_t late = Register("2024-03-01");
  ASSERT_TRUE(
      ledger_->SendCorrectionNotice(on_time, Step("2024-03-12"), D("2024-03-26"), "请写明文件名称")
          .ok());
  ASSERT_TRUE(
      ledger_->SendCorrectionNotice(late, Step("2024-03-13"), D("2024-03-26"), "请写明文件名称")
          .ok());
  EXPECT_TRUE(Get(on_time).breaches.empty());
  EXPECT_EQ(Get(late).breaches, std::vector<std::string>{kBreachLateCorrection});
  EXPECT_FALSE(Get(on_time).due.has_value());  // the clock is stopped
  ExpectRefused(ledger_->SendCorrectionNotice(on_time, Step("2024-03-14"), D("2024-03-28"), "x"),
                "只能发出一次");
  ExpectRefused(ledger_->Reply(on_time, Answer("2024-03-14", {"granted"})), "补正");
  // Supplement on Wed 2024-03-20: 21-22 (2), 25-29 (7), Apr 1-3 (10), 清明 Apr 4-6 off,
  // Sun Apr 7 make-up (11), 8-12 (16), 15-18 (20).
  ASSERT_TRUE(ledger_->ReceiveCorrection(on_time, Step("2024-03-20")).ok());
  EXPECT_EQ(Get(on_time).due->ToString(), "2024-04-18");
  EXPECT_TRUE(ledger_->Reply(on_time, Answer("2024-04-18", {"unable_unclear"})).ok());
  EXPECT_TRUE(Get(on_time).breaches.empty());
  // The other applicant never supplements: other_no_correction only after the deadline.
  ExpectRefused(ledger_->Reply(late, Answer("2024-03-26", {"other_no_correction"})), "第三十条");
  ASSERT_TRUE(ledger_->Reply(late, Answer("2024-03-27", {"other_no_correction"})).ok());
  EXPECT_EQ(Get(late).outcome, "other_no_correction");
}

TEST_F(LedgerTest, UnableUnclearNeedsACorrectionFirst) {
  int64_t id = Register("2024-03-01");
  ExpectRefused(ledger_->Reply(id, Answer("2024-03-05", {"unable_unclear"})), "补正");
}

TEST_F(LedgerTest, ConsultationIsExcludedFromTheClock) {
  // Received Fri 2024-03-01, due Fri 2024-03-29 (four full weeks).
  int64_t id = Register("2024-03-01");
  EXPECT_EQ(Get(id).due->ToString(), "2024-03-29");
  ASSERT_TRUE(ledger_->StartConsultation(id, Step("2024-03-05"), "third_party").ok());
  ExpectRefused(ledger_->Reply(id, Answer("2024-03-06", {"granted"})), "征求意见");
  // (Mar 5, Mar 12] holds 5 working days; due moves 5 working days past Mar 29:
  // Apr 1-3 (3), Sun Apr 7 make-up (4), Mon Apr 8 (5).
  ASSERT_TRUE(ledger_->EndConsultation(id, Step("2024-03-12")).ok());
  EXPECT_EQ(Get(id).excluded_days, 5);
  EXPECT_EQ(Get(id).due->ToString(), "2024-04-08");
  ExpectRefused(ledger_->StartConsultation(id, Step("2024-03-13"), "neighbour"), "third_party");
}

TEST_F(LedgerTest, OneExtensionOfAtMost20DaysWithApprover) {
  int64_t id = Register("2024-03-01");
  ExpectRefused(ledger_->Extend(id, Step("2024-03-20"), 25, "赵处长"), "20个工作日");
  ExpectRefused(ledger_->Extend(id, Step("2024-03-20"), 10, ""), "负责人同意");
  ASSERT_TRUE(ledger_->Extend(id, Step("2024-03-20"), 20, "赵处长").ok());
  // Fri Mar 29 + 20: Apr 1-3 (3), Sun 7 (4), 8-12 (9), 15-19 (14), 22-26 (19), Sun 28 (20).
  EXPECT_EQ(Get(id).due->ToString(), "2024-04-28");
  EXPECT_EQ(Get(id).extension_approver, "赵处长");
  ExpectRefused(ledger_->Extend(id, Step("2024-03-21"), 5, "赵处长"), "只能延长一次");
  auto events = *store_->ListEvents(id);
  EXPECT_EQ(events.back().kind, "extension");
}

TEST_F(LedgerTest, RepliesNeedExactlyOneOutcomeAndLateRepliesAreFlagged) {
  int64_t id = Register("2024-03-01");
  ExpectRefused(ledger_->Reply(id, Answer("2024-03-05", {})), "有且只有一个");
  ExpectRefused(ledger_->Reply(id, Answer("2024-03-05", {"granted", "partial"})), "有且只有一个");
  ExpectRefused(ledger_->Reply(id, Answer("2024-02-28", {"granted"})), "早于收到申请日期");
  ExpectRefused(ledger_->Reply(id, Answer("2024-03-05", {"result_total"})), "不是表三的办理结果");
  ReplyInput no_basis = Answer("2024-03-05", {"granted"});
  no_basis.basis.clear();
  EXPECT_FALSE(ledger_->Reply(id, no_basis).ok());
  ASSERT_TRUE(ledger_->Reply(id, Answer("2024-04-01", {"partial"})).ok());  // due Mar 29
  Request r = Get(id);
  EXPECT_EQ(r.breaches, std::vector<std::string>{kBreachLateReply});
  EXPECT_EQ(store_->ListEvents(id)->back().breach, kBreachLateReply);
  ExpectRefused(ledger_->Withdraw(id, Step("2024-04-02")), "已于 2024-04-01 办结");
}

TEST_F(LedgerTest, StepsMustBeInDateOrder) {
  int64_t id = Register("2024-03-01");
  ASSERT_TRUE(ledger_->StartConsultation(id, Step("2024-03-10"), "other_agency").ok());
  ExpectRefused(ledger_->EndConsultation(id, Step("2024-03-08")), "早于上一步骤");
}

TEST_F(LedgerTest, FeesPerPageAndPerRequestWithMonthlyCounting) {
  int64_t id = Register("2024-03-01");
  ASSERT_TRUE(ledger_->SendFeeNotice(id, Step("2024-03-04"), FeeMethod::kPerPage, 120).ok());
  Request r = Get(id);
  EXPECT_EQ(r.fee_yuan, 700 + 20 * 20);
  // Mon Mar 4 + 20 working days: Mar 5-8 (4), 11-15 (9), 18-22 (14), 25-29 (19),
  // Apr 1 (20).
  EXPECT_EQ(r.fee_due->ToString(), "2024-04-01");
  ExpectRefused(ledger_->SendFeeNotice(id, Step("2024-03-05"), FeeMethod::kPerRequest, 0), "109号");
  ExpectRefused(ledger_->RecordFeePaid(id, Step("2024-04-02")), "视为放弃");
  ExpectRefused(ledger_->Reply(id, Answer("2024-04-01", {"other_no_fee"})), "109号");
  ASSERT_TRUE(ledger_->Reply(id, Answer("2024-04-02", {"other_no_fee"})).ok());

  // The firm files 11 requests in April: the first ten are free, the eleventh costs 100.
  std::vector<int64_t> ids;
  for (int i = 0; i < 11; ++i) ids.push_back(Register("2024-04-01", firm_));
  ExpectRefused(ledger_->SendFeeNotice(ids[0], Step("2024-04-02"), FeeMethod::kPerRequest, 0),
                "不收费");
  ASSERT_TRUE(ledger_->SendFeeNotice(ids[10], Step("2024-04-02"), FeeMethod::kPerRequest, 0).ok());
  EXPECT_EQ(Get(ids[10]).fee_yuan, 100);
  // Paid on Tue Apr 9: (Apr 2, Apr 9] = 3, 7 (Sun make-up), 8, 9 = 4 working days excluded.
  ASSERT_TRUE(ledger_->RecordFeePaid(ids[10], Step("2024-04-09")).ok());
  EXPECT_EQ(Get(ids[10]).excluded_days, 4);
  EXPECT_EQ(Get(ids[10]).state, RequestState::kOpen);
}

TEST_F(LedgerTest, WithdrawalCountsAsOther) {
  int64_t id = Register("2024-03-01");
  ASSERT_TRUE(ledger_->Withdraw(id, Step("2024-03-02")).ok());
  EXPECT_EQ(Get(id).outcome, "other_other");
}

TEST_F(LedgerTest, ListsWhatFallsDueOverdueFirst) {
  int64_t a = Register("2024-03-01");  // due 2024-03-29
  int64_t b = Register("2024-03-20");  // due later
  int64_t c = Register("2024-02-01");  // due long before
  auto due = ledger_->ListDue(D("2024-03-28"), 2, 0);
  ASSERT_TRUE(due.ok());
  ASSERT_EQ(due->size(), 2u);
  EXPECT_EQ((*due)[0].request.id, c);
  EXPECT_TRUE((*due)[0].overdue);
  EXPECT_EQ((*due)[1].request.id, a);
  EXPECT_FALSE((*due)[1].overdue);
  EXPECT_TRUE(ledger_->Describe(b, D("2024-03-28")).ok());
}

TEST_F(LedgerTest, GeneratedReportsValidateAndCarryOver) {
  int64_t a = Register("2023-12-20");
  Register("2023-12-28");
  int64_t c = Register("2023-11-01", firm_);
  ASSERT_TRUE(ledger_->Reply(c, Answer("2023-11-20", {"granted"})).ok());
  ASSERT_TRUE(ledger_->Reply(a, Answer("2024-01-10", {"denied_state_secret"})).ok());
  ASSERT_TRUE(store_
                  ->AddReviewCase({0, agency_, kReview, D("2024-02-01"), D("2024-04-01"),
                                   CaseResult::kCorrected, a},
                                  "x")
                  .ok());
  auto r2023 = GenerateAnnualReport(*store_, agency_, 2023, false);
  auto r2024 = GenerateAnnualReport(*store_, agency_, 2024, false);
  ASSERT_TRUE(r2023.ok() && r2024.ok());
  EXPECT_TRUE(Validate(*r2023).empty());
  EXPECT_TRUE(Validate(*r2024).empty());
  EXPECT_TRUE(ValidateCarryOver(*r2023, *r2024).empty());
  EXPECT_EQ(*r2023->table3.cells[kNew][kTotal].value, 3);
  EXPECT_EQ(*r2023->table3.cells[kGranted][kCommercial].value, 1);
  EXPECT_EQ(*r2023->table3.cells[kCarriedForward][kNatural].value, 2);
  EXPECT_EQ(*r2024->table3.cells[kCarriedOver][kNatural].value, 2);
  EXPECT_EQ(*r2024->table3.cells[kDeniedStateSecret][kTotal].value, 1);
  EXPECT_EQ(*r2024->table3.cells[kCarriedForward][kTotal].value, 1);
  EXPECT_EQ(*r2024->table4.cells[kReview][1].value, 1);
  // The region's roll-up includes its department.
  auto rollup = GenerateAnnualReport(*store_, region_, 2023, true);
  ASSERT_TRUE(rollup.ok());
  EXPECT_EQ(*rollup->table3.cells[kNew][kTotal].value, 3);
  auto own = GenerateAnnualReport(*store_, region_, 2023, false);
  EXPECT_EQ(*own->table3.cells[kNew][kTotal].value, 0);
  EXPECT_TRUE(Validate(*own).empty());
}

}  // namespace
}  // namespace gongkai
