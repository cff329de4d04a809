// The ledger schema, as an ordered list of migrations. Never edit a released migration: append
// a new one. Dates are ISO "YYYY-MM-DD" text (they sort as dates); timestamps are UTC ISO 8601.
#include "schema.h"

#include <string>
#include <vector>

#include "sqlite_db.h"

namespace gongkai::store_internal {
namespace {

const char* const kMigrations[] = {
    // 1: the ledger.
    R"sql(
CREATE TABLE agency(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  parent_id INTEGER REFERENCES agency(id),
  kind TEXT NOT NULL CHECK (kind IN ('region', 'city', 'county', 'department')));
CREATE INDEX agency_parent ON agency(parent_id);

CREATE TABLE applicant(
  id INTEGER PRIMARY KEY,
  kind INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 5),
  name TEXT NOT NULL);

-- Personal data, apart from every case table (store.h).
CREATE TABLE applicant_private(
  applicant_id INTEGER PRIMARY KEY REFERENCES applicant(id),
  id_number TEXT NOT NULL,
  phone TEXT NOT NULL,
  address TEXT NOT NULL);

CREATE TABLE request(
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agency(id),
  applicant_id INTEGER NOT NULL REFERENCES applicant(id),
  applicant_kind INTEGER NOT NULL CHECK (applicant_kind BETWEEN 0 AND 5),
  channel TEXT NOT NULL,
  received TEXT NOT NULL,
  content TEXT NOT NULL,
  form TEXT NOT NULL,
  state TEXT NOT NULL,
  clock_start TEXT NOT NULL,
  excluded_days INTEGER NOT NULL,
  paused_since TEXT,
  correction_due TEXT,
  correction_received INTEGER NOT NULL,
  extension_days INTEGER NOT NULL CHECK (extension_days BETWEEN 0 AND 20),
  extension_approver TEXT NOT NULL,
  fee_method INTEGER NOT NULL,
  fee_yuan INTEGER NOT NULL,
  fee_due TEXT,
  due TEXT,
  concluded_on TEXT,
  outcome TEXT NOT NULL,
  reply_basis TEXT NOT NULL,
  reply_text TEXT NOT NULL,
  breaches TEXT NOT NULL,
  version INTEGER NOT NULL,
  CHECK ((concluded_on IS NULL) = (outcome = '')));
CREATE INDEX request_agency_received ON request(agency_id, received);
CREATE INDEX request_agency_concluded ON request(agency_id, concluded_on);
CREATE INDEX request_applicant_received ON request(applicant_id, received);
CREATE INDEX request_open ON request(state) WHERE state <> 'concluded';

CREATE TABLE event(
  id INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES request(id),
  kind TEXT NOT NULL,
  date TEXT NOT NULL,
  actor TEXT NOT NULL,
  reason TEXT NOT NULL,
  detail TEXT NOT NULL,
  breach TEXT NOT NULL,
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')));
CREATE INDEX event_request ON event(request_id);

CREATE TABLE attachment(
  id INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES request(id),
  name TEXT NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  size INTEGER NOT NULL,
  content BLOB NOT NULL);
CREATE INDEX attachment_request ON attachment(request_id);

CREATE TABLE review_case(
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agency(id),
  grp INTEGER NOT NULL CHECK (grp BETWEEN 0 AND 2),
  filed TEXT NOT NULL,
  decided TEXT,
  result INTEGER NOT NULL CHECK (result BETWEEN -1 AND 2),
  request_id INTEGER REFERENCES request(id),
  CHECK ((decided IS NULL) = (result = -1)));
CREATE INDEX review_case_agency ON review_case(agency_id, filed);

CREATE TABLE normative_doc(
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agency(id),
  kind INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 1),
  title TEXT NOT NULL,
  number TEXT NOT NULL,
  made TEXT NOT NULL,
  abolished TEXT);
CREATE INDEX normative_doc_agency ON normative_doc(agency_id);

CREATE TABLE year_counts(
  agency_id INTEGER NOT NULL REFERENCES agency(id),
  year INTEGER NOT NULL,
  licensing INTEGER NOT NULL,
  penalty INTEGER NOT NULL,
  coercion INTEGER NOT NULL,
  fees_10k_yuan REAL NOT NULL,
  PRIMARY KEY (agency_id, year));

-- Append-only: who, when, what, before -> after.
CREATE TABLE audit_log(
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  before_json TEXT NOT NULL,
  after_json TEXT NOT NULL);
CREATE INDEX audit_entity ON audit_log(entity, entity_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER event_no_update BEFORE UPDATE ON event
  BEGIN SELECT RAISE(ABORT, 'event history is append-only'); END;
CREATE TRIGGER event_no_delete BEFORE DELETE ON event
  BEGIN SELECT RAISE(ABORT, 'event history is append-only'); END;
)sql",
    // 2: the document registry (documents.h).
    R"sql(
CREATE TABLE published_document(
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agency(id),
  index_number TEXT NOT NULL CHECK (index_number <> ''),
  title TEXT NOT NULL CHECK (title <> ''),
  category TEXT NOT NULL CHECK (category <> ''),
  publisher TEXT NOT NULL CHECK (publisher <> ''),
  created TEXT NOT NULL,
  published TEXT CHECK (published IS NULL OR published >= created),
  mode INTEGER NOT NULL CHECK (mode BETWEEN 0 AND 2),
  body TEXT NOT NULL,
  UNIQUE (agency_id, index_number));
CREATE INDEX published_document_agency_created ON published_document(agency_id, created, id);
CREATE INDEX published_document_created ON published_document(created, id);
)sql",
    // 3: lifecycle of 规章/规范性文件, the source of the year's counts, case details (registry.h).
    R"sql(
CREATE TABLE normative_amendment(
  id INTEGER PRIMARY KEY,
  doc_id INTEGER NOT NULL REFERENCES normative_doc(id),
  date TEXT NOT NULL,
  number TEXT NOT NULL,
  note TEXT NOT NULL);
CREATE INDEX normative_amendment_doc ON normative_amendment(doc_id, date);
ALTER TABLE year_counts ADD COLUMN source TEXT NOT NULL DEFAULT '';
ALTER TABLE review_case ADD COLUMN number TEXT NOT NULL DEFAULT '';
ALTER TABLE review_case ADD COLUMN note TEXT NOT NULL DEFAULT '';
ALTER TABLE review_case ADD COLUMN review_id INTEGER REFERENCES review_case(id);
)sql",
    // 4: history that cannot be rewritten through SQL, and can be verified (audit_chain.h).
    // The audit log is hash-chained; rows written before this migration are chained here with
    // gongkai_audit_hash, which the application registers on every connection. BEFORE INSERT
    // triggers refuse an insert that would replace a row: REPLACE and INSERT OR REPLACE delete
    // the old row without firing DELETE triggers unless recursive_triggers is on, and the
    // sqlite3 shell does not turn it on; a BEFORE INSERT trigger fires in every connection.
    R"sql(
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN row_hash TEXT NOT NULL DEFAULT '';
DROP TRIGGER audit_log_no_update;
CREATE TEMP TABLE audit_chain_backfill AS
  WITH RECURSIVE chain(id, prev, h) AS (
    SELECT id, '0000000000000000000000000000000000000000000000000000000000000000',
           gongkai_audit_hash('0000000000000000000000000000000000000000000000000000000000000000',
                              id, at, actor, action, entity, entity_id, before_json, after_json)
      FROM audit_log WHERE id = (SELECT min(id) FROM audit_log)
    UNION ALL
    SELECT a.id, c.h, gongkai_audit_hash(c.h, a.id, a.at, a.actor, a.action, a.entity,
                                         a.entity_id, a.before_json, a.after_json)
      FROM chain c JOIN audit_log a ON a.id = (SELECT min(id) FROM audit_log WHERE id > c.id))
  SELECT id, prev, h FROM chain;
UPDATE audit_log SET
  prev_hash = (SELECT prev FROM temp.audit_chain_backfill b WHERE b.id = audit_log.id),
  row_hash = (SELECT h FROM temp.audit_chain_backfill b WHERE b.id = audit_log.id);
DROP TABLE temp.audit_chain_backfill;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
-- Appends only: a new id above every existing one, linked to the last row's hash.
CREATE TRIGGER audit_log_append_only BEFORE INSERT ON audit_log
  WHEN NEW.id IS NULL OR NEW.id <= coalesce((SELECT max(id) FROM audit_log), 0)
    OR NEW.prev_hash IS NOT coalesce(
         (SELECT row_hash FROM audit_log ORDER BY id DESC LIMIT 1),
         '0000000000000000000000000000000000000000000000000000000000000000')
    OR length(NEW.row_hash) <> 64
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only and hash-chained'); END;
CREATE TRIGGER event_no_replace BEFORE INSERT ON event
  WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM event WHERE id = NEW.id)
  BEGIN SELECT RAISE(ABORT, 'event history is append-only'); END;
CREATE TRIGGER attachment_no_update BEFORE UPDATE ON attachment
  BEGIN SELECT RAISE(ABORT, 'attachments are append-only'); END;
CREATE TRIGGER attachment_no_delete BEFORE DELETE ON attachment
  BEGIN SELECT RAISE(ABORT, 'attachments are append-only'); END;
CREATE TRIGGER attachment_no_replace BEFORE INSERT ON attachment
  WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM attachment WHERE id = NEW.id)
  BEGIN SELECT RAISE(ABORT, 'attachments are append-only'); END;
-- Requests change only by UPDATE through the ledger (audited, checked by audit verify).
CREATE TRIGGER request_no_delete BEFORE DELETE ON request
  BEGIN SELECT RAISE(ABORT, 'requests are never deleted'); END;
CREATE TRIGGER request_no_replace BEFORE INSERT ON request
  WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM request WHERE id = NEW.id)
  BEGIN SELECT RAISE(ABORT, 'requests are changed only through the ledger'); END;
CREATE TRIGGER request_versioned BEFORE UPDATE ON request
  WHEN NEW.version IS NOT OLD.version + 1 OR NEW.id IS NOT OLD.id
  BEGIN SELECT RAISE(ABORT, 'requests are changed only through the ledger'); END;
)sql",
    // 5: query codes of online applications (query_codes.h), written with their request in
    // AddRequest's transaction and audited. IF NOT EXISTS: builds before this migration created
    // the table outside the schema (same columns); the triggers make it append-only either way.
    R"sql(
CREATE TABLE IF NOT EXISTS query_code(
  code_sha256 TEXT PRIMARY KEY,
  request_id INTEGER NOT NULL UNIQUE);
CREATE TRIGGER query_code_no_update BEFORE UPDATE ON query_code
  BEGIN SELECT RAISE(ABORT, 'query codes are append-only'); END;
CREATE TRIGGER query_code_no_delete BEFORE DELETE ON query_code
  BEGIN SELECT RAISE(ABORT, 'query codes are append-only'); END;
CREATE TRIGGER query_code_checked BEFORE INSERT ON query_code
  WHEN length(NEW.code_sha256) <> 64
    OR NOT EXISTS (SELECT 1 FROM request WHERE id = NEW.request_id)
    OR EXISTS (SELECT 1 FROM query_code WHERE code_sha256 = NEW.code_sha256
                                            OR request_id = NEW.request_id)
  BEGIN SELECT RAISE(ABORT, 'a query code is a new 64-digit hash of an existing request'); END;
)sql",
    // 6: staff accounts (accounts.h): users with argon2id hashes, sessions by the SHA-256 of
    // their token (several server processes share them), failed logins for the lockout.
    // Times are Unix seconds. IF NOT EXISTS: a ledger rewound to an older schema version (as
    // audit_chain_test does) may still hold the tables.
    R"sql(
CREATE TABLE IF NOT EXISTS staff_user(
  id INTEGER PRIMARY KEY,
  login TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('clerk', 'approver', 'admin', 'supervisor')),
  agency_id INTEGER NOT NULL REFERENCES agency(id),
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')));
CREATE INDEX IF NOT EXISTS staff_user_agency ON staff_user(agency_id);

CREATE TABLE IF NOT EXISTS staff_session(
  id INTEGER PRIMARY KEY,
  token_sha256 TEXT NOT NULL UNIQUE CHECK (length(token_sha256) = 64),
  user_id INTEGER NOT NULL REFERENCES staff_user(id),
  created INTEGER NOT NULL,
  last_seen INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS staff_session_user ON staff_session(user_id);

CREATE TABLE IF NOT EXISTS login_failure(
  id INTEGER PRIMARY KEY,
  login TEXT NOT NULL COLLATE NOCASE,
  at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS login_failure_login_at ON login_failure(login, at);
)sql",
    // 7: extension proposals awaiting an approver (case_files.h). A proposal is decided once.
    // IF NOT EXISTS: a database taken back to an older schema (tests) runs it again.
    R"sql(
CREATE TABLE IF NOT EXISTS extension_proposal(
  id INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES request(id),
  days INTEGER NOT NULL CHECK (days BETWEEN 1 AND 20),
  reason TEXT NOT NULL,
  proposed_by TEXT NOT NULL,
  proposed_on TEXT NOT NULL,
  state INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 2),
  decided_by TEXT NOT NULL DEFAULT '',
  decided_on TEXT);
CREATE INDEX IF NOT EXISTS extension_proposal_request ON extension_proposal(request_id);
CREATE UNIQUE INDEX IF NOT EXISTS extension_proposal_one_pending ON extension_proposal(request_id)
  WHERE state = 0;
CREATE TRIGGER IF NOT EXISTS extension_proposal_decided_once BEFORE UPDATE ON extension_proposal
  WHEN OLD.state <> 0 OR NEW.request_id <> OLD.request_id OR NEW.days <> OLD.days
    OR NEW.reason <> OLD.reason OR NEW.proposed_by <> OLD.proposed_by
  BEGIN SELECT RAISE(ABORT, 'an extension proposal is decided once, and only its decision changes'); END;
CREATE TRIGGER IF NOT EXISTS extension_proposal_no_delete BEFORE DELETE ON extension_proposal
  BEGIN SELECT RAISE(ABORT, 'extension proposals are kept'); END;
)sql",
    // 8: 三审 and 保密审查 of documents, drafts not yet public (documents.h); the office's text
    // of its annual report and the published reports, append-only (report_publication.h).
    R"sql(
ALTER TABLE published_document ADD COLUMN draft INTEGER NOT NULL DEFAULT 0
  CHECK (draft IN (0, 1));
ALTER TABLE published_document ADD COLUMN drafter TEXT NOT NULL DEFAULT '';
ALTER TABLE published_document ADD COLUMN reviewer TEXT NOT NULL DEFAULT '';
ALTER TABLE published_document ADD COLUMN approver TEXT NOT NULL DEFAULT '';
ALTER TABLE published_document ADD COLUMN review_date TEXT;
ALTER TABLE published_document ADD COLUMN secrecy_checked INTEGER NOT NULL DEFAULT 0
  CHECK (secrecy_checked IN (0, 1));

CREATE TABLE report_text(
  agency_id INTEGER NOT NULL REFERENCES agency(id),
  year INTEGER NOT NULL,
  section INTEGER NOT NULL CHECK (section BETWEEN 0 AND 5),
  text TEXT NOT NULL,
  PRIMARY KEY (agency_id, year, section));

CREATE TABLE published_report(
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agency(id),
  year INTEGER NOT NULL,
  model_json TEXT NOT NULL,
  text TEXT NOT NULL,
  published_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  actor TEXT NOT NULL);
CREATE INDEX published_report_agency_year ON published_report(agency_id, year, id);
CREATE TRIGGER published_report_no_update BEFORE UPDATE ON published_report
  BEGIN SELECT RAISE(ABORT, 'published reports are append-only'); END;
CREATE TRIGGER published_report_no_delete BEFORE DELETE ON published_report
  BEGIN SELECT RAISE(ABORT, 'published reports are append-only'); END;
CREATE TRIGGER published_report_no_replace BEFORE INSERT ON published_report
  WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM published_report WHERE id = NEW.id)
  BEGIN SELECT RAISE(ABORT, 'published reports are append-only'); END;
)sql",
    // 9: reports a supervisor received from agencies outside the system (submissions.h). Every
    // version is kept: rows are never deleted, and only their assignment (agency, year, match)
    // may change.
    R"sql(
CREATE TABLE supervision_submission(
  id INTEGER PRIMARY KEY,
  supervisor_id INTEGER NOT NULL REFERENCES agency(id),
  agency_id INTEGER REFERENCES agency(id),
  year INTEGER NOT NULL CHECK (year = 0 OR year BETWEEN 2008 AND 2200),
  match INTEGER NOT NULL CHECK (match BETWEEN 0 AND 3),
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  format TEXT NOT NULL,
  report_agency TEXT NOT NULL,
  errors INTEGER NOT NULL CHECK (errors >= 0),
  warnings INTEGER NOT NULL CHECK (warnings >= 0),
  filed TEXT NOT NULL,
  uploaded_by TEXT NOT NULL,
  uploaded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK ((agency_id IS NULL) = (match = 0)));
CREATE INDEX supervision_submission_year ON supervision_submission(year, agency_id, id);
CREATE INDEX supervision_submission_unassigned ON supervision_submission(supervisor_id, id)
  WHERE agency_id IS NULL;
CREATE TRIGGER supervision_submission_no_delete BEFORE DELETE ON supervision_submission
  BEGIN SELECT RAISE(ABORT, 'submissions are never deleted'); END;
CREATE TRIGGER supervision_submission_content_fixed BEFORE UPDATE ON supervision_submission
  WHEN NEW.id IS NOT OLD.id OR NEW.supervisor_id IS NOT OLD.supervisor_id
    OR NEW.file_name IS NOT OLD.file_name OR NEW.sha256 IS NOT OLD.sha256
    OR NEW.format IS NOT OLD.format OR NEW.report_agency IS NOT OLD.report_agency
    OR NEW.errors IS NOT OLD.errors
    OR NEW.warnings IS NOT OLD.warnings OR NEW.filed IS NOT OLD.filed
    OR NEW.uploaded_by IS NOT OLD.uploaded_by OR NEW.uploaded_at IS NOT OLD.uploaded_at
  BEGIN SELECT RAISE(ABORT, 'a submission''s content never changes'); END;
CREATE TRIGGER supervision_submission_no_replace BEFORE INSERT ON supervision_submission
  WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM supervision_submission WHERE id = NEW.id)
  BEGIN SELECT RAISE(ABORT, 'submissions are never replaced'); END;
-- The extracted model apart from the row, so that listings and the tree never read it.
CREATE TABLE supervision_model(
  submission_id INTEGER PRIMARY KEY REFERENCES supervision_submission(id),
  model_json TEXT NOT NULL,
  tables_json TEXT NOT NULL);
CREATE TRIGGER supervision_model_no_update BEFORE UPDATE ON supervision_model
  BEGIN SELECT RAISE(ABORT, 'a submission''s content never changes'); END;
CREATE TRIGGER supervision_model_no_delete BEFORE DELETE ON supervision_model
  BEGIN SELECT RAISE(ABORT, 'submissions are never deleted'); END;
CREATE TRIGGER supervision_model_no_replace BEFORE INSERT ON supervision_model
  WHEN EXISTS (SELECT 1 FROM supervision_model WHERE submission_id = NEW.submission_id)
  BEGIN SELECT RAISE(ABORT, 'submissions are never replaced'); END;
)sql",
    // 10: the year's tallies (TallyYear, TallyFacts) read every column they need from one
    // covering index instead of the table: a scan of ~50 bytes a request instead of the whole row,
    // in agency order. It replaces request_agency_received, whose columns it begins with.
    R"sql(
CREATE INDEX request_tally ON request(agency_id, received, concluded_on, due, applicant_kind,
                                      outcome);
DROP INDEX request_agency_received;
)sql",
    // 11: a failed login records its client, so that failures lock the login for that client
    // (accounts.h) and someone who knows a login cannot keep its owner out.
    R"sql(
ALTER TABLE login_failure ADD COLUMN client TEXT NOT NULL DEFAULT '';
CREATE INDEX login_failure_login_client_at ON login_failure(login, client, at);
)sql",
};

constexpr int kMigrationCount = static_cast<int>(sizeof kMigrations / sizeof kMigrations[0]);

}  // namespace

int LatestSchemaVersion() { return kMigrationCount; }

Status Migrate(sqlite3* db) {
  GONGKAI_RETURN_IF_ERROR(Exec(db,
                               "CREATE TABLE IF NOT EXISTS schema_version("
                               "version INTEGER PRIMARY KEY, "
                               "applied_at TEXT NOT NULL DEFAULT "
                               "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))"));
  for (;;) {
    GONGKAI_RETURN_IF_ERROR(Exec(db, "BEGIN IMMEDIATE"));
    Statement q;
    Status s = q.Prepare(db, "SELECT coalesce(max(version), 0) FROM schema_version");
    StatusOr<bool> row = s.ok() ? q.Step() : StatusOr<bool>(s);
    if (!row.ok()) {
      (void)Exec(db, "ROLLBACK");
      return row.status();
    }
    int current = static_cast<int>(q.Int(0));
    q.Reset();
    if (current > kMigrationCount) {
      (void)Exec(db, "ROLLBACK");
      return FailedPreconditionError("数据库结构版本 " + std::to_string(current) +
                                     " 比本程序新 (database schema is newer than this build: " +
                                     std::to_string(kMigrationCount) + ")");
    }
    if (current == kMigrationCount) return Exec(db, "COMMIT");
    s = Exec(db, kMigrations[current]);
    if (s.ok()) {
      Statement ins;
      s = ins.Prepare(db, "INSERT INTO schema_version(version) VALUES (?1)");
      if (s.ok()) s = ins.Bind(1, current + 1).Run();
    }
    if (s.ok()) s = Exec(db, "COMMIT");
    if (!s.ok()) {
      (void)Exec(db, "ROLLBACK");
      return s.WithContext("结构迁移 (schema migration) " + std::to_string(current + 1));
    }
  }
}

}  // namespace gongkai::store_internal
