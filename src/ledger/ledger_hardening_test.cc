// Hostile and careless input to the Ledger API: invalid text, huge fees, future dates, large
// attachments. Each is a clear refusal (or, for file names, an escaped name), never an abort.
#include <gtest/gtest.h>

#include "gongkai/ledger.h"
#include "ledger_test_util.h"

namespace gongkai {
namespace {

using ledger_test::D;

class LedgerHardeningTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = OpenSqliteStore(dir_.File("ledger.db"));
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(s).value();
    LedgerOptions options;
    options.today = D("2025-06-30");
    options.max_attachment_bytes = 1000;
    ledger_ = std::make_unique<Ledger>(store_.get(), &ledger_test::TestCalendar(), options);
    city_ = *store_->AddAgency({0, "某市人民政府", 0, AgencyKind::kCity}, "admin");
    agency_ = *store_->AddAgency({0, "某市教育局", city_, AgencyKind::kDepartment}, "admin");
    other_ = *store_->AddAgency({0, "某市财政局", city_, AgencyKind::kDepartment}, "admin");
    firm_ = *store_->AddApplicant({0, ApplicantKind::kCommercial, "某公司"}, {}, "clerk");
  }

  NewRequest Base(const char* date, int64_t agency = 0) {
    NewRequest n;
    n.agency_id = agency ? agency : agency_;
    n.applicant_id = firm_;
    n.channel = Channel::kOnline;
    n.dates.confirmed = D(date);
    n.content = "2024年部门决算";
    n.actor = "王科员";
    return n;
  }
  int64_t Register(const char* date, int64_t agency = 0) {
    auto id = ledger_->Register(Base(date, agency));
    EXPECT_TRUE(id.ok()) << id.status().message();
    return id.ok() ? *id : 0;
  }
  StepInput Step(const char* date) { return {D(date), "王科员", ""}; }
  static void ExpectError(const Status& s, const std::string& words) {
    EXPECT_FALSE(s.ok());
    EXPECT_NE(s.message().find(words), std::string::npos) << s.message();
  }
  // Every audit row still verifies (nothing half-written).
  void ExpectIntact() {
    auto v = store_->VerifyAuditLog();
    ASSERT_TRUE(v.ok()) << v.status().message();
    EXPECT_TRUE(v->intact) << v->problem;
  }

  ledger_test::TempDir dir_;
  std::unique_ptr<CaseStore> store_;
  std::unique_ptr<Ledger> ledger_;
  int64_t city_ = 0, agency_ = 0, other_ = 0, firm_ = 0;
};

TEST_F(LedgerHardeningTest, InvalidUtf8IsRefusedNamingTheField) {
  ExpectError(store_->AddAgency({0, "\xff", 0, AgencyKind::kCity}, "admin").status(),
              "机关名称 (agency name)");
  ExpectError(store_->AddApplicant({0, ApplicantKind::kNatural, "张\xc0"}, {}, "c").status(),
              "申请人名称 (applicant name)");
  ExpectError(store_->AddApplicant({0, ApplicantKind::kNatural, "张"}, {"", "\xfe", ""}, "c")
                  .status(),
              "电话 (phone)");
  NewRequest n = Base("2025-03-03");
  n.content = "决算\xe4";
  ExpectError(ledger_->Register(n).status(), "申请内容 (content)");
  n = Base("2025-03-03");
  n.actor = "王\x1b[2J";
  ExpectError(ledger_->Register(n).status(), "经办人 (actor)");
  int64_t id = Register("2025-03-03");
  ExpectError(ledger_->Extend(id, Step("2025-03-10"), 5, "赵\xff"), "批准人 (approver)");
  ExpectError(ledger_->Reply(id, {D("2025-03-10"), "李", {"granted"}, "依据", "正文\xff"}),
              "答复书 (letter)");
  ExpectError(ledger_->Reply(id, {D("2025-03-10"), "李", {"granted"}, "依据\x01", "正文"}),
              "答复依据 (basis)");
  ExpectError(ledger_->SendCorrectionNotice(id, Step("2025-03-04"), D("2025-03-20"), "\x80"),
              "补正事项 (items)");
  ExpectError(ledger_->Withdraw(id, {D("2025-03-10"), "王", "理由\xff"}), "理由 (reason)");
  EXPECT_EQ(store_->GetRequest(id)->state, RequestState::kOpen);
  ExpectIntact();
}

TEST_F(LedgerHardeningTest, GbkAttachmentNameIsStoredEscaped) {
  NewRequest n = Base("2025-03-03");
  n.attachments = {{0, "\xc9\xea\xc7\xeb\xb1\xed.pdf", "", 0, "%PDF"}};  // 申请表 in GBK
  auto id = ledger_->Register(n);
  ASSERT_TRUE(id.ok()) << id.status().message();
  auto files = store_->ListAttachments(*id);
  ASSERT_TRUE(files.ok());
  ASSERT_EQ(files->size(), 1u);
  EXPECT_EQ(files->at(0).name, "\\xC9\\xEA\\xC7\\xEB\\xB1\\xED.pdf");
  EXPECT_EQ(files->at(0).sha256, Sha256Hex("%PDF"));
  ExpectIntact();
}

TEST_F(LedgerHardeningTest, FeesAreBounded) {
  int64_t id = Register("2025-03-03");
  ExpectError(ledger_->SendFeeNotice(id, Step("2025-03-04"), FeeMethod::kPerPage,
                                     INT64_MAX),
              "超过上限");
  ExpectError(ledger_->SendFeeNotice(id, Step("2025-03-04"), FeeMethod::kPerPage, 1'000'000),
              "超过上限");
  EXPECT_EQ(store_->GetRequest(id)->fee_yuan, 0);
  ASSERT_TRUE(ledger_
                  ->SendFeeNotice(id, Step("2025-03-04"), FeeMethod::kPerPage,
                                  ledger_limits::kMaxFeePages)
                  .ok());
  EXPECT_EQ(store_->GetRequest(id)->fee_yuan, 700 + 2000 + (10'000 - 200) * 40);
  // The band functions never overflow.
  EXPECT_EQ(PerPageFeeYuan(INT64_MAX), INT64_MAX);
  EXPECT_EQ(PerRequestFeeYuan(INT64_MAX), INT64_MAX);
  EXPECT_GT(PerPageFeeYuan(INT64_MAX / 40), 0);
}

TEST_F(LedgerHardeningTest, PerRequestRankCountsThisAgencyInReceiptOrder) {
  // Ten requests to another agency in March: they do not count for this one.
  for (int i = 0; i < 10; ++i) Register("2025-03-03", other_);
  // Registered late but received first: the rank follows receipt, not registration.
  int64_t later = Register("2025-03-20");
  std::vector<int64_t> ids;
  for (int i = 0; i < 10; ++i) ids.push_back(Register("2025-03-05"));
  // `later` is the 11th request to this agency by receipt date: 100 yuan.
  ASSERT_TRUE(ledger_->SendFeeNotice(later, Step("2025-03-21"), FeeMethod::kPerRequest, 0).ok());
  EXPECT_EQ(store_->GetRequest(later)->fee_yuan, 100);
  // The last registered of the 5 March ones is the 10th by receipt: free, so refused.
  ExpectError(ledger_->SendFeeNotice(ids.back(), Step("2025-03-21"), FeeMethod::kPerRequest, 0),
              "不收费");
}

TEST_F(LedgerHardeningTest, StepsCannotBeDatedAfterToday) {
  ExpectError(ledger_->Register(Base("2025-07-01")).status(), "晚于今天");
  int64_t id = Register("2025-03-03");
  ExpectError(ledger_->Extend(id, Step("2099-01-05"), 5, "赵"), "晚于今天");
  ExpectError(ledger_->Reply(id, {D("9999-12-31"), "李", {"granted"}, "依据", "正文"}),
              "晚于今天");
  ASSERT_TRUE(ledger_->Extend(id, Step("2025-06-30"), 5, "赵").ok());
  // Never before the previous step either.
  ExpectError(ledger_->Reply(id, {D("2025-06-27"), "李", {"granted"}, "依据", "正文"}),
              "早于上一步骤");
  EXPECT_TRUE(ledger_->Reply(id, {D("2025-06-30"), "李", {"granted"}, "依据", "正文"}).ok());
}

TEST_F(LedgerHardeningTest, AttachmentsOverTheLimitAreRefused) {
  NewRequest n = Base("2025-03-03");
  n.attachments = {{0, "big.pdf", "", 0, std::string(1001, 'x')}};
  ExpectError(ledger_->Register(n).status(), "超过上限");
  n.attachments = {{0, "ok.pdf", "", 0, std::string(1000, 'x')}};
  EXPECT_TRUE(ledger_->Register(n).ok());
}

}  // namespace
}  // namespace gongkai
