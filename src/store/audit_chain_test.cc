// The audit log cannot be rewritten through SQL, and what is forged anyway is found by verify.
#include "audit_chain.h"

#include <gtest/gtest.h>

#include "gongkai/store.h"
#include "gongkai/stores.h"
#include "store_test_backend.h"

namespace gongkai {
namespace {

// Runs on each backend (store_test_backend.h).
class AuditChainTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<store_testing::TestDatabase>(GetParam());
    GONGKAI_REQUIRE_TEST_DATABASE(*db_);
    path_ = (db_->dir() / "ledger.db").string();
    Reopen();
    agency_ = *store_->AddAgency({0, "某局", 0, AgencyKind::kDepartment}, "admin");
    applicant_ = *store_->AddApplicant({0, ApplicantKind::kNatural, "张三"}, {}, "clerk");
    Request r;
    r.agency_id = agency_;
    r.applicant_id = applicant_;
    r.received = *Date::Parse("2024-03-01");
    r.clock_start = r.received;
    r.content = "预算";
    request_ = *store_->AddRequest(r, {{0, "a.txt", std::string(64, 'a'), 3, "abc"}},
                                   {0, 0, "register", r.received, "clerk", "", "{}", ""},
                                   std::string(64, 'c'));
    Request before = *store_->GetRequest(request_);
    Request after = before;
    after.extension_days = 5;
    after.extension_approver = "赵";
    ASSERT_TRUE(store_
                    ->UpdateRequest(before, after,
                                    {0, request_, "extension", r.received, "clerk", "", "{}", ""})
                    .ok());
  }
  void TearDown() override {
    store_.reset();
    db_.reset();
  }
  void Reopen() {
    store_.reset();
    auto s = OpenCaseStore(db_->url());
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(s).value();
  }
  // Runs SQL as the sqlite3 shell or psql would: a plain connection (SQLite: recursive_triggers
  // off). Returns true iff it succeeded.
  bool RawExec(const std::string& sql) { return db_->RawExec(sql); }
  // Runs `sql` with the append-only triggers out of the way, as a forger with full access to the
  // database would: SQLite drops `trigger`; PostgreSQL turns every trigger of the session off.
  bool Forge(const char* trigger, const std::string& sql) {
    return RawExec(IsPostgres() ? "SET session_replication_role = replica; " + sql
                                : std::string("DROP TRIGGER ") + trigger + "; " + sql);
  }
  bool IsPostgres() const { return GetParam() == Backend::kPostgres; }
  AuditVerification Verify() {
    auto v = store_->VerifyAuditLog();
    EXPECT_TRUE(v.ok()) << v.status().message();
    return v.ok() ? *v : AuditVerification{};
  }
  int64_t AuditRows() { return static_cast<int64_t>(store_->ListAudit("", 0)->size()); }

  std::unique_ptr<store_testing::TestDatabase> db_;
  std::string path_;
  std::unique_ptr<CaseStore> store_;
  int64_t agency_ = 0, applicant_ = 0, request_ = 0;
};

INSTANTIATE_TEST_SUITE_P(Backends, AuditChainTest,
                         ::testing::ValuesIn(store_testing::AllBackends()),
                         store_testing::BackendName);

TEST_P(AuditChainTest, IntactChainVerifies) {
  AuditVerification v = Verify();
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.rows, AuditRows());
  EXPECT_GE(v.rows, 6);
}

TEST_P(AuditChainTest, CanonicalSerialisationIsLengthPrefixed) {
  store_internal::AuditRow row;
  row.id = 7;
  row.at = "2024-01-01T00:00:00.000Z";
  row.actor = "王";
  row.action = "insert";
  row.entity = "agency";
  row.entity_id = 3;
  row.before_json = "";
  row.after_json = "{}";
  row.prev_hash = store_internal::kGenesisHash;
  EXPECT_EQ(store_internal::CanonicalAuditRow(row),
            std::string("64:") + store_internal::kGenesisHash +
                "\n1:7\n24:2024-01-01T00:00:00.000Z\n3:王\n6:insert\n6:agency\n1:3\n0:\n2:{}\n");
}

TEST_P(AuditChainTest, SqlCannotRewriteHistory) {
  int64_t rows = AuditRows();
  const std::vector<const char*> sqlite_forgeries = {
      "REPLACE INTO audit_log SELECT * FROM audit_log WHERE id = 1",
      "INSERT OR REPLACE INTO audit_log(id, at, actor, action, entity, entity_id, "
      "before_json, after_json, prev_hash, row_hash) SELECT id, at, 'forger', action, "
      "entity, entity_id, before_json, after_json, prev_hash, row_hash FROM audit_log "
      "WHERE id = 2",
      "INSERT INTO audit_log SELECT * FROM audit_log WHERE id = 1 ON CONFLICT(id) DO "
      "UPDATE SET actor = 'forger'",
      "UPDATE audit_log SET actor = 'forger'",
      "DELETE FROM audit_log WHERE id = 3",
      "REPLACE INTO event(id, request_id, kind, date, actor, reason, detail, breach) "
      "VALUES (1, 1, 'register', '2024-03-01', 'forger', '', '{}', '')",
      "INSERT OR REPLACE INTO event(id, request_id, kind, date, actor, reason, detail, "
      "breach) VALUES (2, 1, 'reply', '2024-03-01', 'forger', '', '{}', '')",
      "UPDATE event SET actor = 'forger'",
      "DELETE FROM event",
      "REPLACE INTO attachment SELECT id, request_id, 'x', sha256, size, content FROM "
      "attachment",
      "DELETE FROM attachment",
      "UPDATE attachment SET name = 'x'",
      "DELETE FROM request",
      "REPLACE INTO request SELECT * FROM request",
      "UPDATE request SET outcome = 'granted', concluded_on = '2024-03-02'",
  };
  const std::vector<const char*> postgres_forgeries = {
      "INSERT INTO audit_log SELECT * FROM audit_log WHERE id = 1 ON CONFLICT(id) DO "
      "UPDATE SET actor = 'forger'",
      "UPDATE audit_log SET actor = 'forger'",
      "DELETE FROM audit_log WHERE id = 3",
      "TRUNCATE audit_log CASCADE",
      "INSERT INTO event(id, request_id, kind, date, actor, reason, detail, breach) VALUES (1, 1, "
      "'register', '2024-03-01', 'forger', '', '{}', '') ON CONFLICT(id) DO UPDATE SET actor = "
      "'forger'",
      "UPDATE event SET actor = 'forger'",
      "DELETE FROM event",
      "TRUNCATE event CASCADE",
      "UPDATE attachment SET name = 'x'",
      "DELETE FROM attachment",
      "TRUNCATE attachment",
      "DELETE FROM request",
      "TRUNCATE request CASCADE",
      "INSERT INTO request SELECT * FROM request ON CONFLICT(id) DO UPDATE SET content = 'x'",
      "UPDATE request SET outcome = 'granted', concluded_on = '2024-03-02'",
  };
  for (const char* sql : IsPostgres() ? postgres_forgeries : sqlite_forgeries) {
    EXPECT_FALSE(RawExec(sql)) << sql;
  }
  // An append that does not link to the last row is refused too.
  EXPECT_FALSE(
      RawExec("INSERT INTO audit_log(id, at, actor, action, entity, entity_id, before_json, "
              "after_json, prev_hash, row_hash) VALUES (1000, '', 'x', 'insert', 'agency', 1, "
              "'', '{}', 'bad', '" +
              std::string(64, 'f') + "')"));
  EXPECT_EQ(AuditRows(), rows);
  EXPECT_EQ(store_->ListEvents(request_)->at(0).actor, "clerk");
  EXPECT_TRUE(Verify().intact);
}

TEST_P(AuditChainTest, VerifyFindsAnEditedRow) {
  ASSERT_TRUE(Forge("audit_log_no_update", "UPDATE audit_log SET actor = 'forger' WHERE id = 2"));
  AuditVerification v = Verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.broken_row, 2);
  EXPECT_NE(v.problem.find("row_hash"), std::string::npos) << v.problem;
  EXPECT_NE(v.problem.find("content was changed"), std::string::npos) << v.problem;
}

TEST_P(AuditChainTest, VerifyFindsAnAppendedRowWithAWrongHash) {
  ASSERT_TRUE(
      RawExec("INSERT INTO audit_log(id, at, actor, action, entity, entity_id, "
              "before_json, after_json, prev_hash, row_hash) SELECT max(id) + 1, "
              "'2024-01-01T00:00:00.000Z', 'forger', 'insert', 'agency', 99, '', '{}', "
              "(SELECT row_hash FROM audit_log ORDER BY id DESC LIMIT 1), '" +
              std::string(64, 'e') + "' FROM audit_log"));
  AuditVerification v = Verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.broken_row, AuditRows());
}

TEST_P(AuditChainTest, VerifyFindsADeletedRow) {
  ASSERT_TRUE(Forge("audit_log_no_delete", "DELETE FROM audit_log WHERE id = 2"));
  AuditVerification v = Verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.broken_row, 3);
  EXPECT_NE(v.problem.find("prev_hash"), std::string::npos) << v.problem;
}

TEST_P(AuditChainTest, VerifyFindsARequestChangedOutsideTheLedger) {
  ASSERT_TRUE(Forge("request_versioned", "UPDATE request SET content = '别的'"));
  AuditVerification v = Verify();
  EXPECT_FALSE(v.intact);
  EXPECT_NE(v.problem.find("申请 (request) 1"), std::string::npos) << v.problem;
  // Even with the version bumped as the ledger would, the content differs from the audit.
  ASSERT_TRUE(RawExec("UPDATE request SET content = '预算', version = version + 1"));
  EXPECT_FALSE(Verify().intact);
}

TEST_P(AuditChainTest, VerifyFindsAReplacedAttachment) {
  ASSERT_TRUE(Forge("attachment_no_update", IsPostgres()
                                                ? "UPDATE attachment SET content = 'abd'::bytea"
                                                : "UPDATE attachment SET content = 'abd'"));
  AuditVerification v = Verify();
  EXPECT_FALSE(v.intact);
  EXPECT_NE(v.problem.find("附件 (attachment)"), std::string::npos) << v.problem;
}

TEST_P(AuditChainTest, VerifyFindsAQueryCodeChangedOutsideTheLedger) {
  EXPECT_TRUE(Verify().intact);
  ASSERT_TRUE(Forge("query_code_no_update",
                    "UPDATE query_code SET code_sha256 = '" + std::string(64, 'd') + "'"));
  AuditVerification v = Verify();
  EXPECT_FALSE(v.intact);
  EXPECT_NE(v.problem.find("查询码"), std::string::npos) << v.problem;
}

TEST_P(AuditChainTest, MigrationChainsRowsWrittenBeforeTheChain) {
  if (IsPostgres()) GTEST_SKIP() << "no PostgreSQL ledger predates the chain (pg_schema.cc 4)";
  std::vector<AuditEntry> before = *store_->ListAudit("", 0);
  store_.reset();
  // Back to schema 3 as an older build left it: no hash columns, no new triggers.
  ASSERT_TRUE(
      RawExec("DROP TRIGGER audit_log_append_only; DROP TRIGGER event_no_replace; "
              "DROP TRIGGER attachment_no_update; DROP TRIGGER attachment_no_delete; "
              "DROP TRIGGER attachment_no_replace; DROP TRIGGER request_no_delete; "
              "DROP TRIGGER request_no_replace; DROP TRIGGER request_versioned; "
              "DROP TRIGGER audit_log_no_update; DROP TRIGGER query_code_no_update; "
              "DROP TRIGGER query_code_no_delete; DROP TRIGGER query_code_checked; "
              "ALTER TABLE audit_log DROP COLUMN prev_hash; "
              "ALTER TABLE audit_log DROP COLUMN row_hash; "
              "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN "
              "SELECT RAISE(ABORT, 'audit_log is append-only'); END; "
              // Migration 8's columns and tables (documents.h, report_publication.h).
              "ALTER TABLE published_document DROP COLUMN draft; "
              "ALTER TABLE published_document DROP COLUMN drafter; "
              "ALTER TABLE published_document DROP COLUMN reviewer; "
              "ALTER TABLE published_document DROP COLUMN approver; "
              "ALTER TABLE published_document DROP COLUMN review_date; "
              "ALTER TABLE published_document DROP COLUMN secrecy_checked; "
              "DROP TABLE report_text; DROP TABLE published_report; "
              // Tables of later migrations (staff accounts, the supervisor's submissions)
              // did not exist either.
              "DROP TABLE supervision_model; DROP TABLE supervision_submission; "
              "DROP TABLE login_failure; DROP TABLE staff_session; DROP TABLE staff_user; "
              "DROP INDEX request_tally; "
              "CREATE INDEX request_agency_received ON request(agency_id, received); "
              "DELETE FROM schema_version WHERE version > 3"));
  Reopen();
  AuditVerification v = Verify();
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.rows, static_cast<int64_t>(before.size()));
  EXPECT_FALSE(RawExec("UPDATE audit_log SET actor = 'x'"));
  // New rows continue the chain.
  ASSERT_TRUE(store_->AddAgency({0, "又一局", 0, AgencyKind::kDepartment}, "admin").ok());
  EXPECT_TRUE(Verify().intact);
}

}  // namespace
}  // namespace gongkai
