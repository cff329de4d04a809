#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "gongkai/store.h"
#include "gongkai/stores.h"
#include "store_test_backend.h"

namespace gongkai {
namespace {

// The CaseStore conformance tests: every test runs on each backend (store_test_backend.h).
class SqliteStoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<store_testing::TestDatabase>(GetParam());
    GONGKAI_REQUIRE_TEST_DATABASE(*db_);
    auto s = OpenCaseStore(db_->url());
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(s).value();
  }
  void TearDown() override {
    store_.reset();
    db_.reset();
  }

  // Runs SQL directly on the database (as someone bypassing the application would).
  bool RawExec(const std::string& sql) { return db_->RawExec(sql); }
  bool IsPostgres() const { return GetParam() == Backend::kPostgres; }

  Request NewRequest(int64_t agency, int64_t applicant, const char* received) {
    Request r;
    r.agency_id = agency;
    r.applicant_id = applicant;
    r.received = *Date::Parse(received);
    r.clock_start = r.received;
    r.content = "2023年度部门预算";
    r.form = "电子邮件";
    return r;
  }

  std::unique_ptr<store_testing::TestDatabase> db_;
  std::unique_ptr<CaseStore> store_;
};

INSTANTIATE_TEST_SUITE_P(Backends, SqliteStoreTest,
                         ::testing::ValuesIn(store_testing::AllBackends()),
                         store_testing::BackendName);

TEST_P(SqliteStoreTest, StoresAndReadsBackEveryRecord) {
  auto region = store_->AddAgency({0, "内蒙古自治区人民政府", 0, AgencyKind::kRegion}, "admin");
  ASSERT_TRUE(region.ok()) << region.status().message();
  auto dept = store_->AddAgency({0, "内蒙古自治区民族事务委员会", *region, AgencyKind::kDepartment},
                                "admin");
  ASSERT_TRUE(dept.ok());
  EXPECT_FALSE(store_->AddAgency({0, "无上级", 9999, AgencyKind::kCounty}, "admin").ok());
  auto agencies = store_->ListAgencies();
  ASSERT_TRUE(agencies.ok());
  ASSERT_EQ(agencies->size(), 2u);
  EXPECT_EQ((*agencies)[1].parent_id, *region);

  auto app =
      store_->AddApplicant({0, ApplicantKind::kLegal, "某律师事务所"},
                           {"150102199001011234", "13800000000", "呼和浩特市新城区"}, "clerk");
  ASSERT_TRUE(app.ok());
  EXPECT_EQ(store_->GetPersonalData(*app)->phone, "13800000000");

  Request r = NewRequest(*dept, *app, "2024-03-01");
  r.applicant_kind = ApplicantKind::kLegal;
  r.due = *Date::Parse("2024-03-29");
  Event e{0, 0, "register", r.received, "clerk", "", "{}", ""};
  auto id = store_->AddRequest(r, {{0, "申请表.pdf", std::string(64, 'a'), 3, "abc"}}, e, "");
  ASSERT_TRUE(id.ok()) << id.status().message();
  auto got = store_->GetRequest(*id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->received.ToString(), "2024-03-01");
  EXPECT_EQ(got->due->ToString(), "2024-03-29");
  EXPECT_EQ(got->applicant_kind, ApplicantKind::kLegal);
  EXPECT_EQ(got->version, 1);
  EXPECT_EQ(store_->ListAttachments(*id)->at(0).size, 3);
  EXPECT_EQ(*store_->CountApplicantRequestsInMonth(*app, *dept, r.received, *id), 1);
  EXPECT_EQ(*store_->CountApplicantRequestsInMonth(*app, *region, r.received, *id), 0);
  EXPECT_EQ(*store_->CountApplicantRequestsInMonth(*app, *dept, r.received, *id - 1), 0);

  // Personal data never reach the case tables or the audit log.
  auto audit = store_->ListAudit("", 0);
  ASSERT_TRUE(audit.ok());
  for (const AuditEntry& a : *audit) {
    EXPECT_EQ(a.after_json.find("13800000000"), std::string::npos) << a.after_json;
    EXPECT_EQ(a.after_json.find("150102199001011234"), std::string::npos);
  }
}

TEST_P(SqliteStoreTest, UpdatesAreVersionedAndAudited) {
  int64_t ag = *store_->AddAgency({0, "某局", 0, AgencyKind::kDepartment}, "admin");
  int64_t ap = *store_->AddApplicant({0, ApplicantKind::kNatural, "张三"}, {}, "clerk");
  Request r = NewRequest(ag, ap, "2024-03-01");
  int64_t id =
      *store_->AddRequest(r, {}, {0, 0, "register", r.received, "clerk", "", "{}", ""}, "");
  Request before = *store_->GetRequest(id);
  Request after = before;
  after.state = RequestState::kConcluded;
  after.outcome = "granted";
  after.concluded_on = *Date::Parse("2024-03-05");
  Event reply{0, id, "reply", *after.concluded_on, "李四", "予以公开", "{}", ""};
  ASSERT_TRUE(store_->UpdateRequest(before, after, reply).ok());
  // A second writer holding the old version loses.
  Status stale = store_->UpdateRequest(before, after, reply);
  EXPECT_EQ(stale.code(), StatusCode::kFailedPrecondition);
  Request now = *store_->GetRequest(id);
  EXPECT_EQ(now.version, 2);
  EXPECT_EQ(now.outcome, "granted");
  auto events = *store_->ListEvents(id);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].actor, "李四");
  auto audit = *store_->ListAudit("request", id);
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_NE(audit[1].before_json.find("\"outcome\":\"\""), std::string::npos);
  EXPECT_NE(audit[1].after_json.find("\"outcome\":\"granted\""), std::string::npos);
  EXPECT_EQ(audit[1].actor, "李四");
}

TEST_P(SqliteStoreTest, QueryCodeExistsIfAndOnlyIfItsRequestDoes) {
  int64_t ag = *store_->AddAgency({0, "某局", 0, AgencyKind::kDepartment}, "admin");
  int64_t ap = *store_->AddApplicant({0, ApplicantKind::kNatural, "张三"}, {}, "clerk");
  Request r = NewRequest(ag, ap, "2024-03-01");
  r.due = *Date::Parse("2024-03-29");
  Event e{0, 0, "register", r.received, "网上申请", "", "{}", ""};
  const std::string code(64, 'c');
  auto id = store_->AddRequest(r, {}, e, code);
  ASSERT_TRUE(id.ok()) << id.status().message();
  auto found = store_->FindRequestByQueryCode(code);
  ASSERT_TRUE(found.ok()) << found.status().message();
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->request.id, *id);
  EXPECT_EQ((*found)->request.due->ToString(), "2024-03-29");
  EXPECT_EQ((*found)->agency_name, "某局");
  ASSERT_EQ((*found)->events.size(), 1u);
  EXPECT_EQ((*found)->events[0].kind, "register");
  EXPECT_FALSE(store_->FindRequestByQueryCode(std::string(64, 'd'))->has_value());
  EXPECT_EQ(store_->ListAudit("query_code", *id)->size(), 1u);

  // A code that cannot be stored takes its request with it: the same transaction.
  EXPECT_FALSE(store_->AddRequest(r, {}, e, code).ok());                  // taken
  EXPECT_FALSE(store_->AddRequest(r, {}, e, std::string(64, 'C')).ok());  // not lowercase hex
  EXPECT_FALSE(store_->AddRequest(r, {}, e, "abc").ok());
  EXPECT_EQ(db_->CountRows("request"), 1);
  EXPECT_EQ(db_->CountRows("query_code"), 1);
  EXPECT_EQ(db_->CountRows("event"), 1);
  // A request without a code has none; a code never points at a missing request.
  ASSERT_TRUE(store_->AddRequest(r, {}, e, "").ok());
  EXPECT_EQ(db_->CountRows("query_code"), 1);
  EXPECT_FALSE(RawExec("INSERT INTO query_code VALUES ('" + std::string(64, 'e') + "', 999)"));
  EXPECT_FALSE(RawExec("UPDATE query_code SET request_id = 2"));
  EXPECT_FALSE(RawExec("DELETE FROM query_code"));
  EXPECT_FALSE(RawExec(IsPostgres()
                           ? "INSERT INTO query_code VALUES ('" + code +
                                 "', 2) ON CONFLICT (code_sha256) DO UPDATE SET "
                                 "request_id = 2"
                           : "INSERT OR REPLACE INTO query_code VALUES ('" + code + "', 2)"));
  if (IsPostgres()) {
    EXPECT_FALSE(RawExec("TRUNCATE query_code, event, audit_log CASCADE"));
  }
  EXPECT_EQ((*store_->FindRequestByQueryCode(code))->request.id, *id);
  EXPECT_TRUE(store_->VerifyAuditLog()->intact);
}

TEST_P(SqliteStoreTest, AuditLogAndEventsAreAppendOnly) {
  int64_t ag = *store_->AddAgency({0, "某局", 0, AgencyKind::kDepartment}, "admin");
  int64_t ap = *store_->AddApplicant({0, ApplicantKind::kNatural, "张三"}, {}, "clerk");
  Request r = NewRequest(ag, ap, "2024-03-01");
  ASSERT_TRUE(
      store_->AddRequest(r, {}, {0, 0, "register", r.received, "c", "", "{}", ""}, "").ok());
  size_t entries = store_->ListAudit("", 0)->size();
  EXPECT_FALSE(RawExec("UPDATE audit_log SET actor = 'x'"));
  EXPECT_FALSE(RawExec("DELETE FROM audit_log"));
  EXPECT_FALSE(RawExec("DELETE FROM event"));
  EXPECT_FALSE(RawExec("UPDATE event SET actor = 'x'"));
  EXPECT_EQ(store_->ListAudit("", 0)->size(), entries);
  EXPECT_EQ(store_->ListEvents(1)->size(), 1u);
}

TEST_P(SqliteStoreTest, MigratesOnceAndKeepsDataAcrossReopen) {
  int64_t ag = *store_->AddAgency({0, "某局", 0, AgencyKind::kDepartment}, "admin");
  store_.reset();
  auto again = OpenCaseStore(db_->url());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ((*again)->GetAgency(ag)->name, "某局");
  again->reset();
  ASSERT_TRUE(RawExec("INSERT INTO schema_version(version) VALUES (999)"));
  auto newer = OpenCaseStore(db_->url());
  EXPECT_EQ(newer.status().code(), StatusCode::kFailedPrecondition);
}

// Several writers, each with a store of its own, on one request: every update either lands on
// the version it read or fails with kFailedPrecondition; none is lost, and the history and the
// audit chain hold exactly the updates that succeeded.
TEST_P(SqliteStoreTest, ConcurrentWritersGetACleanConflictNeverALostUpdate) {
  int64_t ag = *store_->AddAgency({0, "某局", 0, AgencyKind::kDepartment}, "admin");
  int64_t ap = *store_->AddApplicant({0, ApplicantKind::kNatural, "张三"}, {}, "clerk");
  Request r = NewRequest(ag, ap, "2024-03-01");
  int64_t id =
      *store_->AddRequest(r, {}, {0, 0, "register", r.received, "clerk", "", "{}", ""}, "");
  constexpr int kWriters = 4, kUpdatesEach = 15;
  std::atomic<int> landed{0}, conflicts{0}, errors{0};
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      auto mine = OpenCaseStore(db_->url());
      if (!mine.ok()) {
        ++errors;
        return;
      }
      for (int i = 0; i < kUpdatesEach; ++i) {
        Request before = *(*mine)->GetRequest(id);
        Request after = before;
        after.excluded_days = before.excluded_days + 1;  // a lost update would lose a day
        Event e{0, id, "consultation_end", r.received, "writer" + std::to_string(w), "", "{}", ""};
        Status s = (*mine)->UpdateRequest(before, after, e);
        if (s.ok()) {
          ++landed;
        } else if (s.code() == StatusCode::kFailedPrecondition) {
          ++conflicts;
        } else {
          ++errors;
        }
      }
    });
  }
  for (std::thread& t : writers) t.join();
  EXPECT_EQ(errors.load(), 0);
  EXPECT_EQ(landed + conflicts, kWriters * kUpdatesEach);
  Request now = *store_->GetRequest(id);
  EXPECT_EQ(now.excluded_days, landed.load());
  EXPECT_EQ(now.version, 1 + landed.load());
  EXPECT_EQ(store_->ListEvents(id)->size(), static_cast<size_t>(1 + landed.load()));
  EXPECT_EQ(store_->ListAudit("request", id)->size(), static_cast<size_t>(1 + landed.load()));
  auto v = store_->VerifyAuditLog();
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_TRUE(v->intact) << v->problem;
}

// AddRequests (COPY on PostgreSQL): every row as AddRequest would store it — the text with
// tabs, newlines, backslashes and "\\N" unchanged, an event and an audit entry each, the chain
// intact — and after it a single AddRequest continues the chain and the ids.
TEST_P(SqliteStoreTest, BulkRegistrationStoresEveryRowAsSingleOnesWould) {
  int64_t ag = *store_->AddAgency({0, "某局", 0, AgencyKind::kDepartment}, "admin");
  int64_t ap = *store_->AddApplicant({0, ApplicantKind::kNatural, "张三"}, {}, "clerk");
  std::vector<Request> rs;
  for (int i = 0; i < 300; ++i) rs.push_back(NewRequest(ag, ap, "2024-03-01"));
  rs[7].content = "制表\t换行\n回车\r反斜杠\\ 与 \\N 和 \\.";
  rs[8].reply_basis = "\\N";
  rs[9].state = RequestState::kConcluded;
  rs[9].outcome = "partial";
  rs[9].concluded_on = *Date::Parse("2024-03-05");
  Status added = store_->AddRequests(&rs, "批量");
  ASSERT_TRUE(added.ok()) << added.message();
  for (size_t i = 1; i < rs.size(); ++i) ASSERT_GT(rs[i].id, rs[i - 1].id);
  StatusOr<Request> odd = store_->GetRequest(rs[7].id);
  ASSERT_TRUE(odd.ok());
  EXPECT_EQ(odd->content, rs[7].content);
  EXPECT_EQ(odd->version, 1);
  EXPECT_EQ(store_->GetRequest(rs[8].id)->reply_basis, "\\N");
  EXPECT_EQ(store_->GetRequest(rs[9].id)->outcome, "partial");
  StatusOr<std::vector<Event>> events = store_->ListEvents(rs[7].id);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].kind, "register");
  EXPECT_EQ((*events)[0].actor, "批量");
  EXPECT_EQ(store_->ListAudit("request", rs[299].id)->size(), 1u);
  StatusOr<int64_t> after = store_->AddRequest(NewRequest(ag, ap, "2024-03-02"), {},
                                               {0, 0, "register", *Date::Parse("2024-03-02"),
                                                "clerk", "", "{}", ""},
                                               "");
  ASSERT_TRUE(after.ok()) << after.status().message();
  EXPECT_GT(*after, rs[299].id);
  auto v = store_->VerifyAuditLog();
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_TRUE(v->intact) << v->problem;
}

TEST_P(SqliteStoreTest, TalliesTheYear) {
  int64_t ag = *store_->AddAgency({0, "某局", 0, AgencyKind::kDepartment}, "admin");
  int64_t ap = *store_->AddApplicant({0, ApplicantKind::kNatural, "张三"}, {}, "clerk");
  std::vector<Request> rs = {NewRequest(ag, ap, "2023-12-20"), NewRequest(ag, ap, "2024-02-01"),
                             NewRequest(ag, ap, "2024-12-30")};
  rs[0].state = RequestState::kConcluded;
  rs[0].outcome = "partial";
  rs[0].concluded_on = *Date::Parse("2024-01-10");
  Status added = store_->AddRequests(&rs, "bulk");
  ASSERT_TRUE(added.ok()) << added.message();
  EXPECT_GT(rs[2].id, rs[0].id);
  ASSERT_TRUE(store_
                  ->AddReviewCase({0, ag, kReview, *Date::Parse("2024-05-01"),
                                   *Date::Parse("2024-07-01"), CaseResult::kUpheld, 0},
                                  "x")
                  .ok());
  ASSERT_TRUE(store_
                  ->AddReviewCase({0, ag, kSuitDirect, *Date::Parse("2024-05-01"), std::nullopt,
                                   CaseResult::kPending, 0},
                                  "x")
                  .ok());
  ASSERT_TRUE(store_
                  ->AddDocument({0, ag, 1, "办法", "某发〔2020〕1号", *Date::Parse("2020-01-01"),
                                 *Date::Parse("2024-06-01")},
                                "x")
                  .ok());
  ASSERT_TRUE(store_->SetYearCounts({ag, 2024, 5, 6, 7, 1.5}, "x").ok());
  auto t = store_->TallyYear(2024, ag);
  ASSERT_TRUE(t.ok()) << t.status().message();
  const YearFigures& f = t->at(ag);
  EXPECT_EQ(f.t3[kNew][0], 2);
  EXPECT_EQ(f.t3[kCarriedOver][0], 1);
  EXPECT_EQ(f.t3[kPartial][0], 1);
  EXPECT_EQ(f.t3[kCarriedForward][0], 2);
  EXPECT_EQ(f.t4[kReview][0], 1);
  EXPECT_EQ(f.t4[kSuitDirect][3], 1);
  EXPECT_EQ(f.docs[1][0], 0);
  EXPECT_EQ(f.docs[1][1], 1);
  EXPECT_EQ(f.docs[1][2], 0);
  EXPECT_EQ(f.decisions[2], 7);
  auto all = store_->TallyYear(2024, 0);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->at(ag).t3[kNew][0], 2);
}

}  // namespace
}  // namespace gongkai
