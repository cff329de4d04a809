#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <limits>

#include "gongkai/registry.h"
#include "gongkai/store.h"
#include "gongkai/stores.h"
#include "store_test_backend.h"

namespace gongkai {
namespace {

Date D(const char* s) { return *Date::Parse(s); }
constexpr int kRules = static_cast<int>(DocKind::kRules);
constexpr int kNormativeDocs = static_cast<int>(DocKind::kNormativeDocs);

// Runs on each backend (store_test_backend.h).
class RegistryTest : public store_testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (!Opened()) return;
    auto r = OpenRegistry(*store_);
    ASSERT_TRUE(r.ok()) << r.status().message();
    registry_ = std::move(r).value();
    agency_ = *store_->AddAgency({0, "某旗人民政府", 0, AgencyKind::kCounty}, "admin");
  }
  void TearDown() override {
    registry_.reset();
    StoreTest::TearDown();
  }

  int64_t AddDoc(int kind, const char* made) {
    NormativeDoc d;
    d.agency_id = agency_;
    d.kind = kind;
    d.title = "某某管理办法";
    d.number = "某政发〔2024〕1号";
    d.made = D(made);
    auto id = registry_->AddNormative(d, "王");
    EXPECT_TRUE(id.ok()) << id.status().message();
    return id.ok() ? *id : 0;
  }

  YearFigures Tally(int year) {
    auto t = store_->TallyYear(year, agency_);
    EXPECT_TRUE(t.ok()) << t.status().message();
    return t.ok() && t->count(agency_) ? t->at(agency_) : YearFigures{};
  }

  std::unique_ptr<Registry> registry_;
  int64_t agency_ = 0;
};

GONGKAI_TEST_ON_EVERY_BACKEND(RegistryTest);

TEST_P(RegistryTest, NormativeLifecycleFeedsTable2OnTheLastDayOfTheYear) {
  int64_t a = AddDoc(kNormativeDocs, "2024-03-01");
  int64_t b = AddDoc(kNormativeDocs, "2025-02-01");
  AddDoc(kRules, "2025-05-01");
  AddDoc(kNormativeDocs, "2026-01-02");
  ASSERT_TRUE(registry_->Amend(a, {D("2025-01-10"), "某政发〔2025〕2号", "修改第三条"}, "王").ok());
  ASSERT_TRUE(registry_->Repeal(a, D("2025-12-31"), "王").ok());
  ASSERT_TRUE(registry_->Repeal(b, D("2026-01-01"), "王").ok());

  YearFigures f = Tally(2025);
  EXPECT_EQ(f.docs[kNormativeDocs][0], 1);  // made: b
  EXPECT_EQ(f.docs[kNormativeDocs][1], 1);  // abolished: a on 31 Dec
  EXPECT_EQ(f.docs[kNormativeDocs][2], 1);  // in force on 31 Dec: b only
  EXPECT_EQ(f.docs[kRules][0], 1);
  EXPECT_EQ(f.docs[kRules][2], 1);
  YearFigures g = Tally(2026);
  EXPECT_EQ(g.docs[kNormativeDocs][0], 1);
  EXPECT_EQ(g.docs[kNormativeDocs][1], 1);
  EXPECT_EQ(g.docs[kNormativeDocs][2], 1);

  auto rec = registry_->GetNormative(a);
  ASSERT_TRUE(rec.ok());
  ASSERT_EQ(rec->amendments.size(), 1u);
  EXPECT_EQ(rec->amendments[0].note, "修改第三条");
  EXPECT_TRUE(rec->InForceOn(D("2025-12-30")));
  EXPECT_FALSE(rec->InForceOn(D("2025-12-31")));
  auto list = registry_->ListNormative(agency_, kNormativeDocs);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->size(), 3u);
  EXPECT_EQ(registry_->ListNormative(0, -1)->size(), 4u);

  // Every change is audited, the repeal with before and after.
  auto audit = store_->ListAudit("normative_doc", a);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_EQ((*audit)[1].action, "update");
  EXPECT_NE((*audit)[1].before_json.find("\"abolished\":null"), std::string::npos);
  EXPECT_NE((*audit)[1].after_json.find("2025-12-31"), std::string::npos);
  EXPECT_EQ(store_->ListAudit("normative_amendment", 1)->size(), 1u);
}

TEST_P(RegistryTest, RefusesImpossibleLifecycleSteps) {
  int64_t a = AddDoc(kRules, "2025-03-01");
  EXPECT_FALSE(registry_->Amend(a, {D("2025-02-01"), "", "x"}, "王").ok());
  EXPECT_FALSE(registry_->Repeal(a, D("2025-02-28"), "王").ok());
  ASSERT_TRUE(registry_->Amend(a, {D("2025-06-01"), "", "x"}, "王").ok());
  EXPECT_FALSE(registry_->Repeal(a, D("2025-05-31"), "王").ok());
  ASSERT_TRUE(registry_->Repeal(a, D("2025-06-01"), "王").ok());
  EXPECT_EQ(registry_->Repeal(a, D("2025-07-01"), "王").code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(registry_->Amend(a, {D("2025-07-01"), "", "x"}, "王").code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(registry_->Repeal(999, D("2025-07-01"), "王").code(), StatusCode::kNotFound);
  NormativeDoc d;
  d.agency_id = 77;
  d.title = "x";
  EXPECT_EQ(registry_->AddNormative(d, "王").status().code(), StatusCode::kNotFound);
  d.agency_id = agency_;
  d.title = "";
  EXPECT_FALSE(registry_->AddNormative(d, "王").ok());
  d.title = "x";
  d.abolished = D("2025-01-01");
  EXPECT_FALSE(registry_->AddNormative(d, "王").ok());
}

TEST_P(RegistryTest, ActionCountsWithSourceAreAuditedAndTallied) {
  ActionCounts a{{agency_, 2025, 120, 30, 4, 12.5}, "政务服务局审批系统导出"};
  ASSERT_TRUE(registry_->SetActions(a, "王").ok());
  a.counts.licensing = 121;
  a.source = "复核后更正";
  ASSERT_TRUE(registry_->SetActions(a, "李").ok());
  auto got = registry_->GetActions(agency_, 2025);
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->counts.licensing, 121);
  EXPECT_EQ((*got)->source, "复核后更正");
  EXPECT_FALSE(registry_->GetActions(agency_, 2024)->has_value());
  YearFigures f = Tally(2025);
  EXPECT_EQ(f.decisions[0], 121);
  EXPECT_EQ(f.decisions[1], 30);
  EXPECT_EQ(f.decisions[2], 4);
  EXPECT_DOUBLE_EQ(f.fees_10k_yuan, 12.5);
  auto audit = store_->ListAudit("year_counts", agency_ * 10000 + 2025);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_EQ((*audit)[1].action, "update");
  EXPECT_NE((*audit)[1].before_json.find("政务服务局审批系统导出"), std::string::npos);
  EXPECT_NE((*audit)[1].after_json.find("复核后更正"), std::string::npos);

  ActionCounts bad = a;
  bad.counts.penalty = -1;
  EXPECT_FALSE(registry_->SetActions(bad, "王").ok());
  bad = a;
  bad.counts.fees_10k_yuan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_FALSE(registry_->SetActions(bad, "王").ok());
  bad = a;
  bad.counts.fees_10k_yuan = 2e8;
  EXPECT_FALSE(registry_->SetActions(bad, "王").ok());
  bad = a;
  bad.source = "";
  EXPECT_FALSE(registry_->SetActions(bad, "王").ok());
}

TEST_P(RegistryTest, CasesOpenAtYearEndArePendingAndCarryIntoNextYear) {
  DisclosureCase review;
  review.c.agency_id = agency_;
  review.c.group = kReview;
  review.c.filed = D("2024-11-20");
  review.number = "某复〔2024〕9号";
  auto r = registry_->AddCase(review, "王");
  ASSERT_TRUE(r.ok()) << r.status().message();
  DisclosureCase suit;
  suit.c.agency_id = agency_;
  suit.c.group = kSuitAfterReview;
  suit.c.filed = D("2025-04-01");
  suit.review_id = *r;
  auto s = registry_->AddCase(suit, "王");
  ASSERT_TRUE(s.ok()) << s.status().message();
  DisclosureCase direct;
  direct.c.agency_id = agency_;
  direct.c.group = kSuitDirect;
  direct.c.filed = D("2025-02-01");
  direct.c.decided = D("2025-06-01");
  direct.c.result = CaseResult::kCorrected;
  ASSERT_TRUE(registry_->AddCase(direct, "王").ok());

  YearFigures y2024 = Tally(2024);
  EXPECT_EQ(y2024.t4[kReview][3], 1);  // pending on 31 Dec 2024
  ASSERT_TRUE(registry_->DecideCase(*r, CaseResult::kUpheld, D("2025-01-15"), "王").ok());
  y2024 = Tally(2024);
  EXPECT_EQ(y2024.t4[kReview][3], 1);  // still pending as of 31 Dec 2024
  YearFigures y2025 = Tally(2025);
  EXPECT_EQ(y2025.t4[kReview][0], 1);  // carried in, decided in 2025
  EXPECT_EQ(y2025.t4[kSuitAfterReview][3], 1);
  EXPECT_EQ(y2025.t4[kSuitDirect][1], 1);
  YearFigures y2026 = Tally(2026);
  EXPECT_EQ(y2026.t4[kReview][0], 0);
  EXPECT_EQ(y2026.t4[kSuitAfterReview][3], 1);  // still open: carried again
  EXPECT_EQ(y2026.t4[kSuitDirect][1], 0);

  EXPECT_EQ(registry_->ListCases(agency_, 2025)->size(), 3u);
  EXPECT_EQ(registry_->ListCases(agency_, 2026)->size(), 1u);
  EXPECT_EQ(registry_->ListCases(0, 0)->size(), 3u);
  auto got = registry_->GetCase(*s);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->review_id, *r);
  EXPECT_EQ(got->c.result, CaseResult::kPending);

  auto audit = store_->ListAudit("review_case", *r);
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_NE((*audit)[1].after_json.find("upheld"), std::string::npos);
  // Refused: a second decision, a decision before filing, a pending "decision", a review link
  // on a direct suit or to a non-review.
  EXPECT_EQ(registry_->DecideCase(*r, CaseResult::kOther, D("2025-02-01"), "王").code(),
            StatusCode::kFailedPrecondition);
  EXPECT_FALSE(registry_->DecideCase(*s, CaseResult::kUpheld, D("2025-03-01"), "王").ok());
  EXPECT_FALSE(registry_->DecideCase(*s, CaseResult::kPending, D("2025-05-01"), "王").ok());
  DisclosureCase wrong = suit;
  wrong.c.group = kSuitDirect;
  EXPECT_FALSE(registry_->AddCase(wrong, "王").ok());
  wrong = suit;
  wrong.review_id = *s;
  EXPECT_FALSE(registry_->AddCase(wrong, "王").ok());
  wrong = suit;
  wrong.c.request_id = 4242;
  EXPECT_EQ(registry_->AddCase(wrong, "王").status().code(), StatusCode::kNotFound);
}

TEST(CaseResultTest, IdsAndLabels) {
  for (CaseResult r :
       {CaseResult::kPending, CaseResult::kUpheld, CaseResult::kCorrected, CaseResult::kOther}) {
    EXPECT_EQ(*CaseResultFromId(CaseResultId(r)), r);
    EXPECT_EQ(*CaseResultFromId(CaseResultLabel(r)), r);
  }
  EXPECT_EQ(*CaseResultFromId("维持"), CaseResult::kUpheld);
  EXPECT_EQ(*CaseResultFromId("纠正"), CaseResult::kCorrected);
  EXPECT_FALSE(CaseResultFromId("撤诉").ok());
}

}  // namespace
}  // namespace gongkai
