// CopyLedger: an SQLite ledger copied into PostgreSQL keeps every row, id and its audit chain.
#include <gtest/gtest.h>

#include <tuple>

#include "gongkai/accounts.h"
#include "gongkai/case_files.h"
#include "gongkai/report_publication.h"
#include "gongkai/stores.h"
#include "gongkai/submissions.h"
#include "store_test_backend.h"

namespace gongkai {
namespace {

class LedgerCopyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    GONGKAI_REQUIRE_TEST_DATABASE(to_);
    ASSERT_TRUE(from_.ok()) << from_.error();
    Stores s = std::move(OpenStores(from_.url())).value();
    agency_ = *s.cases->AddAgency({0, "某旗人民政府", 0, AgencyKind::kCounty}, "admin");
    int64_t ap = *s.cases->AddApplicant({0, ApplicantKind::kLegal, "某律所"},
                                        {"150102199001011234", "13800000000", "某地"}, "clerk");
    Request r;
    r.agency_id = agency_;
    r.applicant_id = ap;
    r.applicant_kind = ApplicantKind::kLegal;
    r.received = *Date::Parse("2025-03-03");
    r.clock_start = r.received;
    r.due = *Date::Parse("2025-03-31");
    r.content = "预算";
    request_ = *s.cases->AddRequest(r, {{0, "申请表.pdf", "", 0, std::string("%PDF\0\xff", 6)}},
                                    {0, 0, "register", r.received, "clerk", "", "{}", ""},
                                    std::string(64, 'a'));
    Request after = *s.cases->GetRequest(request_);
    after.state = RequestState::kConcluded;
    after.outcome = "granted";
    after.concluded_on = *Date::Parse("2025-03-10");
    ASSERT_TRUE(s.cases
                    ->UpdateRequest(*s.cases->GetRequest(request_), after,
                                    {0, request_, "reply", *after.concluded_on, "王", "", "{}", ""})
                    .ok());
    NormativeDoc d{0, agency_, 1, "某办法", "某发〔2025〕1号", *Date::Parse("2025-01-02"), {}};
    ASSERT_TRUE(s.registry->AddNormative(d, "王").ok());
    PublishedDocument p;
    p.agency_id = agency_;
    p.index_number = "001/2025-1";
    p.title = "草原补助";
    p.category = "政策文件";
    p.publisher = "某旗";
    p.created = *Date::Parse("2025-02-01");
    p.review = {"王", "李", "赵", p.created, true};  // 三审 and 保密审查: it is public
    ASSERT_TRUE(s.documents->Add(p, "王").ok());
    // The staff's stores: a user, an extension proposal, the office's text and a published
    // report.
    auto accounts = OpenAccountStore(*s.cases);
    ASSERT_TRUE(accounts.ok()) << accounts.status().message();
    ASSERT_TRUE((*accounts)->AddUser({"clerk-1", Role::kClerk, agency_}, kPassword, "cli").ok());
    auto files = OpenCaseFiles(*s.cases);
    ASSERT_TRUE(files.ok()) << files.status().message();
    ExtensionProposal proposal;
    proposal.request_id = request_;
    proposal.days = 15;
    proposal.reason = "需要调取档案";
    proposal.proposed_by = "user:clerk-1";
    proposal.proposed_on = *Date::Parse("2025-03-05");
    ASSERT_TRUE((*files)->ProposeExtension(proposal).ok());
    auto pubs = OpenReportPublications(*s.cases);
    ASSERT_TRUE(pubs.ok()) << pubs.status().message();
    SectionTexts texts;
    texts[0] = "本机关撰写的总体情况。";
    ASSERT_TRUE((*pubs)->SetText(agency_, 2025, texts, "user:clerk-1").ok());
    ASSERT_TRUE((*pubs)->AddPublished({0, agency_, 2025, "{}", "某旗2025年报告", "", ""}, "user:li")
                    .ok());
    auto subs = OpenSubmissionStore(*s.cases);
    ASSERT_TRUE(subs.ok()) << subs.status().message();
    Submission sub;
    sub.supervisor_id = agency_;
    sub.agency_id = agency_;
    sub.match = SubmissionMatch::kExact;
    sub.year = 2024;
    sub.file_name = "r.txt";
    sub.sha256 = std::string(64, 'b');
    sub.format = "text";
    sub.report_agency = "某旗人民政府";
    sub.model_json = "{\"agency\":\"某旗\"}";
    sub.tables_json = "{}";
    sub.filed = *Date::Parse("2025-01-20");
    sub.uploaded_by = "user:sup";
    ASSERT_TRUE((*subs)->Add({sub}, "user:sup").ok());
  }

  static constexpr const char* kPassword = "Grassland-2026";

  store_testing::TestDatabase from_{Backend::kSqlite};
  store_testing::TestDatabase to_{Backend::kPostgres};
  int64_t agency_ = 0, request_ = 0;
};

TEST_F(LedgerCopyTest, CopiesEveryRowWithTheAuditChainIntact) {
  auto report = CopyLedger(from_.url(), to_.url());
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_TRUE(report->target.intact) << report->target.problem;
  EXPECT_EQ(report->target.rows, report->source.rows);
  EXPECT_EQ(report->rows.at("attachment"), 1);
  EXPECT_EQ(report->rows.at("query_code"), 1);
  for (const char* table : {"staff_user", "extension_proposal", "published_report",
                            "supervision_submission", "supervision_model"}) {
    EXPECT_EQ(report->rows.at(table), 1) << table;
  }
  EXPECT_EQ(report->rows.at("report_text"), kSectionCount);
  auto src = OpenCaseStore(from_.url());
  auto dst = OpenCaseStore(to_.url());
  ASSERT_TRUE(dst.ok()) << dst.status().message();
  std::vector<AuditEntry> a = *(*src)->ListAudit("", 0), b = *(*dst)->ListAudit("", 0);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(std::tie(a[i].id, a[i].at, a[i].actor, a[i].entity_id, a[i].after_json),
              std::tie(b[i].id, b[i].at, b[i].actor, b[i].entity_id, b[i].after_json));
  }
  EXPECT_EQ((*dst)->GetPersonalData(1)->phone, "13800000000");
  auto coded = (*dst)->FindRequestByQueryCode(std::string(64, 'a'));
  ASSERT_TRUE(coded.ok() && coded->has_value());
  EXPECT_EQ((*coded)->request.outcome, "granted");
  EXPECT_EQ((*coded)->events.size(), 2u);
  EXPECT_EQ((*dst)->TallyYear(2025, 0)->at(agency_).t3, (*src)->TallyYear(2025, 0)->at(agency_).t3);
  // The staff's stores read back on PostgreSQL: the user logs in with the copied hash.
  auto accounts = OpenAccountStore(**dst);
  ASSERT_TRUE(accounts.ok()) << accounts.status().message();
  EXPECT_TRUE((*accounts)->Login("clerk-1", kPassword, "127.0.0.1").ok());
  auto files = OpenCaseFiles(**dst);
  ASSERT_TRUE(files.ok());
  auto pending = (*files)->PendingExtension(request_);
  ASSERT_TRUE(pending.ok() && pending->has_value());
  EXPECT_EQ((*pending)->days, 15);
  EXPECT_EQ((*pending)->proposed_on.ToString(), "2025-03-05");
  auto pubs = OpenReportPublications(**dst);
  ASSERT_TRUE(pubs.ok());
  EXPECT_EQ((*(*pubs)->GetText(agency_, 2025))[0], "本机关撰写的总体情况。");
  auto published = (*pubs)->GetPublished(agency_, 2025);
  ASSERT_TRUE(published.ok() && published->has_value());
  EXPECT_EQ((*published)->text, "某旗2025年报告");
  EXPECT_EQ((*published)->actor, "user:li");
  auto subs = OpenSubmissionStore(**dst);
  ASSERT_TRUE(subs.ok());
  auto latest = (*subs)->Latest(2024);
  ASSERT_TRUE(latest.ok() && latest->count(agency_)) << latest.status().message();
  EXPECT_EQ(latest->at(agency_).filed.ToString(), "2025-01-20");
  EXPECT_EQ((*subs)->Get(latest->at(agency_).id)->model_json, "{\"agency\":\"某旗\"}");
  // The ids continue after the copied rows, and the chain after the copied log.
  auto next = (*dst)->AddAgency({0, "又一局", agency_, AgencyKind::kDepartment}, "admin");
  ASSERT_TRUE(next.ok()) << next.status().message();
  EXPECT_EQ(*next, agency_ + 1);
  EXPECT_TRUE((*dst)->VerifyAuditLog()->intact);
  // A second copy into the same database is refused, nothing written.
  auto again = CopyLedger(from_.url(), to_.url());
  EXPECT_EQ(again.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(to_.CountRows("agency"), 2);
}

TEST_F(LedgerCopyTest, RefusesASourceWhoseHistoryWasRewritten) {
  ASSERT_TRUE(from_.RawExec("DROP TRIGGER request_versioned; UPDATE request SET content = 'x'"));
  auto report = CopyLedger(from_.url(), to_.url());
  EXPECT_EQ(report.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(report.status().message().find("断裂"), std::string::npos);
  EXPECT_EQ(to_.CountRows("agency"), -1);  // not even migrated
}

}  // namespace
}  // namespace gongkai
