// The audit log cannot be rewritten through SQL, and what is forged anyway is found by verify.
#include "audit_chain.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include "gongkai/store.h"

namespace gongkai {
namespace {

class AuditChainTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("gongkai_audit_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "ledger.db").string();
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
    std::filesystem::remove_all(dir_);
  }
  void Reopen() {
    store_.reset();
    auto s = OpenSqliteStore(path_);
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(s).value();
  }
  // Runs SQL as the sqlite3 shell would: a plain connection, recursive_triggers off.
  int RawExec(const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open(path_.c_str(), &db);
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return rc;
  }
  AuditVerification Verify() {
    auto v = store_->VerifyAuditLog();
    EXPECT_TRUE(v.ok()) << v.status().message();
    return v.ok() ? *v : AuditVerification{};
  }
  int64_t AuditRows() { return static_cast<int64_t>(store_->ListAudit("", 0)->size()); }

  std::filesystem::path dir_;
  std::string path_;
  std::unique_ptr<CaseStore> store_;
  int64_t agency_ = 0, applicant_ = 0, request_ = 0;
};

TEST_F(AuditChainTest, IntactChainVerifies) {
  AuditVerification v = Verify();
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.rows, AuditRows());
  EXPECT_GE(v.rows, 6);
}

TEST_F(AuditChainTest, CanonicalSerialisationIsLengthPrefixed) {
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

TEST_F(AuditChainTest, SqlCannotRewriteHistory) {
  int64_t rows = AuditRows();
  for (const char* sql : {
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
       }) {
    EXPECT_NE(RawExec(sql), SQLITE_OK) << sql;
  }
  // An append that does not link to the last row is refused too.
  EXPECT_NE(RawExec("INSERT INTO audit_log(id, actor, action, entity, entity_id, before_json, "
                    "after_json, prev_hash, row_hash) VALUES (1000, 'x', 'insert', 'agency', 1, "
                    "'', '{}', 'bad', '" +
                    std::string(64, 'f') + "')"),
            SQLITE_OK);
  EXPECT_EQ(AuditRows(), rows);
  EXPECT_EQ(store_->ListEvents(request_)->at(0).actor, "clerk");
  EXPECT_TRUE(Verify().intact);
}

TEST_F(AuditChainTest, VerifyFindsAnEditedRow) {
  ASSERT_EQ(RawExec("DROP TRIGGER audit_log_no_update; "
                    "UPDATE audit_log SET actor = 'forger' WHERE id = 2"),
            SQLITE_OK);
  AuditVerification v = Verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.broken_row, 2);
  EXPECT_NE(v.problem.find("row_hash"), std::string::npos) << v.problem;
  EXPECT_NE(v.problem.find("content was changed"), std::string::npos) << v.problem;
}

TEST_F(AuditChainTest, VerifyFindsAnAppendedRowWithAWrongHash) {
  ASSERT_EQ(RawExec("INSERT INTO audit_log(id, at, actor, action, entity, entity_id, "
                    "before_json, after_json, prev_hash, row_hash) SELECT max(id) + 1, "
                    "'2024-01-01T00:00:00.000Z', 'forger', 'insert', 'agency', 99, '', '{}', "
                    "(SELECT row_hash FROM audit_log ORDER BY id DESC LIMIT 1), '" +
                    std::string(64, 'e') + "' FROM audit_log"),
            SQLITE_OK);
  AuditVerification v = Verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.broken_row, AuditRows());
}

TEST_F(AuditChainTest, VerifyFindsADeletedRow) {
  ASSERT_EQ(RawExec("DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = 2"),
            SQLITE_OK);
  AuditVerification v = Verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.broken_row, 3);
  EXPECT_NE(v.problem.find("prev_hash"), std::string::npos) << v.problem;
}

TEST_F(AuditChainTest, VerifyFindsARequestChangedOutsideTheLedger) {
  ASSERT_EQ(RawExec("DROP TRIGGER request_versioned; UPDATE request SET content = '别的'"),
            SQLITE_OK);
  AuditVerification v = Verify();
  EXPECT_FALSE(v.intact);
  EXPECT_NE(v.problem.find("申请 (request) 1"), std::string::npos) << v.problem;
  // Even with the version bumped as the ledger would, the content differs from the audit.
  ASSERT_EQ(RawExec("UPDATE request SET content = '预算', version = version + 1"), SQLITE_OK);
  EXPECT_FALSE(Verify().intact);
}

TEST_F(AuditChainTest, VerifyFindsAReplacedAttachment) {
  ASSERT_EQ(RawExec("DROP TRIGGER attachment_no_update; UPDATE attachment SET content = 'abd'"),
            SQLITE_OK);
  AuditVerification v = Verify();
  EXPECT_FALSE(v.intact);
  EXPECT_NE(v.problem.find("附件 (attachment)"), std::string::npos) << v.problem;
}

TEST_F(AuditChainTest, VerifyFindsAQueryCodeChangedOutsideTheLedger) {
  EXPECT_TRUE(Verify().intact);
  ASSERT_EQ(RawExec("DROP TRIGGER query_code_no_update; UPDATE query_code SET code_sha256 = '" +
                    std::string(64, 'd') + "'"),
            SQLITE_OK);
  AuditVerification v = Verify();
  EXPECT_FALSE(v.intact);
  EXPECT_NE(v.problem.find("查询码"), std::string::npos) << v.problem;
}

TEST_F(AuditChainTest, MigrationChainsRowsWrittenBeforeTheChain) {
  std::vector<AuditEntry> before = *store_->ListAudit("", 0);
  store_.reset();
  // Back to schema 3 as an older build left it: no hash columns, no new triggers.
  ASSERT_EQ(RawExec("DROP TRIGGER audit_log_append_only; DROP TRIGGER event_no_replace; "
                    "DROP TRIGGER attachment_no_update; DROP TRIGGER attachment_no_delete; "
                    "DROP TRIGGER attachment_no_replace; DROP TRIGGER request_no_delete; "
                    "DROP TRIGGER request_no_replace; DROP TRIGGER request_versioned; "
                    "DROP TRIGGER audit_log_no_update; DROP TRIGGER query_code_no_update; "
                    "DROP TRIGGER query_code_no_delete; DROP TRIGGER query_code_checked; "
                    "ALTER TABLE audit_log DROP COLUMN prev_hash; "
                    "ALTER TABLE audit_log DROP COLUMN row_hash; "
                    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN "
                    "SELECT RAISE(ABORT, 'audit_log is append-only'); END; "
                    // Migration 7's columns and tables (documents.h, report_publication.h).
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
                    "DELETE FROM schema_version WHERE version > 3"),
            SQLITE_OK);
  Reopen();
  AuditVerification v = Verify();
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.rows, static_cast<int64_t>(before.size()));
  EXPECT_NE(RawExec("UPDATE audit_log SET actor = 'x'"), SQLITE_OK);
  // New rows continue the chain.
  ASSERT_TRUE(store_->AddAgency({0, "又一局", 0, AgencyKind::kDepartment}, "admin").ok());
  EXPECT_TRUE(Verify().intact);
}

}  // namespace
}  // namespace gongkai
