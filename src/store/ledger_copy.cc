// CopyLedger (stores.h): an SQLite ledger copied row for row, ids and audit chain unchanged,
// into an empty PostgreSQL ledger, in one transaction, then verified on the target.
#include <sqlite3.h>

#include <array>

#include "gongkai/stores.h"
#include "pg_db.h"
#include "record_codec.h"
#include "pg_schema.h"
#include "sqlite_db.h"

namespace gongkai {
namespace {

using store_internal::PgConnection;
using store_internal::PgStatement;

struct TableCopy {
  const char* table;
  const char* columns;
  bool identity;  // an identity id whose sequence continues after the copied rows
};

// Parents before children (every foreign key points at a table above it, and within a table at
// a smaller id); the audit log last, in id order, so that each row links to the one before.
// Staff sessions and failed logins are not copied: both live minutes (accounts.h), a copy is
// made while no server runs, and staff log in again on the new database (their users and
// password hashes are copied).
constexpr std::array<TableCopy, 19> kTables = {{
    {"agency", "id, name, parent_id, kind", true},
    {"applicant", "id, kind, name", true},
    {"applicant_private", "applicant_id, id_number, phone, address", false},
    {"request",
     "id, agency_id, applicant_id, applicant_kind, channel, received, content, form, state, "
     "clock_start, excluded_days, paused_since, correction_due, correction_received, "
     "extension_days, extension_approver, fee_method, fee_yuan, fee_due, due, concluded_on, "
     "outcome, reply_basis, reply_text, breaches, version",
     true},
    {"event", "id, request_id, kind, date, actor, reason, detail, breach, recorded_at", true},
    {"attachment", "id, request_id, name, sha256, size, content", true},
    {"review_case",
     "id, agency_id, grp, filed, decided, result, request_id, number, note, review_id", true},
    {"normative_doc", "id, agency_id, kind, title, number, made, abolished", true},
    {"normative_amendment", "id, doc_id, date, number, note", true},
    {"year_counts", "agency_id, year, licensing, penalty, coercion, fees_10k_yuan, source", false},
    {"published_document", store_internal::kDocumentColumns, true},
    {"query_code", "code_sha256, request_id", false},
    {"staff_user", "id, login, password_hash, role, agency_id, disabled, created_at", true},
    {"extension_proposal",
     "id, request_id, days, reason, proposed_by, proposed_on, state, decided_by, decided_on", true},
    {"report_text", "agency_id, year, section, text", false},
    {"published_report", "id, agency_id, year, model_json, text, published_at, actor", true},
    {"supervision_submission",
     "id, supervisor_id, agency_id, year, match, file_name, sha256, format, report_agency, "
     "errors, warnings, filed, uploaded_by, uploaded_at",
     true},
    {"supervision_model", "submission_id, model_json, tables_json", false},
    {"audit_log",
     "id, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, row_hash",
     false},
}};

int ColumnCount(const char* columns) {
  int n = 1;
  for (const char* c = columns; *c; ++c) n += *c == ',';
  return n;
}

// Copies one table's rows from `src` (SQLite, in rowid order) to `dst` (inside its transaction).
StatusOr<int64_t> CopyTable(sqlite3* src, PgConnection* dst, const TableCopy& t) {
  const int n = ColumnCount(t.columns);
  std::string order = std::string(t.table) == "year_counts" ? "agency_id, year" : "rowid";
  sqlite3_stmt* read = nullptr;
  const std::string select =
      std::string("SELECT ") + t.columns + " FROM " + t.table + " ORDER BY " + order;
  if (sqlite3_prepare_v2(src, select.c_str(), -1, &read, nullptr) != SQLITE_OK) {
    sqlite3_finalize(read);
    return store_internal::SqliteError(src, std::string("读取 (read) ") + t.table);
  }
  std::string insert = std::string("INSERT INTO ") + t.table + "(" + t.columns + ") VALUES (";
  for (int i = 1; i <= n; ++i) insert += (i > 1 ? ", $" : "$") + std::to_string(i);
  insert += ")";
  int64_t rows = 0;
  Status status;
  int rc;
  while ((rc = sqlite3_step(read)) == SQLITE_ROW) {
    PgStatement w(dst, insert.c_str());
    for (int c = 0; c < n; ++c) {
      const int type = sqlite3_column_type(read, c);
      if (type == SQLITE_NULL) {
        w.BindNull(c + 1);
        continue;
      }
      const char* p = static_cast<const char*>(
          type == SQLITE_BLOB ? sqlite3_column_blob(read, c)
                              : static_cast<const void*>(sqlite3_column_text(read, c)));
      std::string_view v(p ? p : "", static_cast<size_t>(sqlite3_column_bytes(read, c)));
      if (type == SQLITE_BLOB) {
        w.BindBlob(c + 1, v);
      } else {
        w.Bind(c + 1, v);
      }
    }
    status = w.Run();
    if (!status.ok()) break;
    ++rows;
  }
  if (status.ok() && rc != SQLITE_DONE) {
    status = store_internal::SqliteError(src, std::string("读取 (read) ") + t.table);
  }
  sqlite3_finalize(read);
  if (!status.ok()) return status.WithContext(std::string("复制表 (copy table) ") + t.table);
  if (t.identity) {
    GONGKAI_RETURN_IF_ERROR(dst->Exec(std::string("SELECT setval(pg_get_serial_sequence('") +
                                      t.table + "', 'id'), coalesce((SELECT max(id) FROM " +
                                      t.table + "), 0) + 1, false)"));
  }
  return rows;
}

StatusOr<int64_t> CountRows(PgConnection* c, const char* table) {
  PgStatement q(c, (std::string("SELECT count(*) FROM ") + table).c_str());
  GONGKAI_ASSIGN_OR_RETURN(bool row, q.Step());
  return row ? q.Int(0) : 0;
}

}  // namespace

StatusOr<CopyReport> CopyLedger(const std::string& from, const std::string& to) {
  GONGKAI_ASSIGN_OR_RETURN(DatabaseUrl source, ParseDatabaseUrl(from));
  GONGKAI_ASSIGN_OR_RETURN(DatabaseUrl target, ParseDatabaseUrl(to));
  if (source.backend != Backend::kSqlite || target.backend != Backend::kPostgres) {
    return InvalidArgumentError(
        "只支持从 SQLite 复制到 PostgreSQL (copies an SQLite ledger into PostgreSQL: --from "
        "sqlite:PATH --to postgres://…)");
  }
  CopyReport report;
  // The source must be a ledger at this build's schema with an intact history.
  {
    GONGKAI_ASSIGN_OR_RETURN(std::unique_ptr<CaseStore> src,
                             OpenSqliteStore(source.target, {.mode = OpenMode::kReadOnly}));
    GONGKAI_ASSIGN_OR_RETURN(report.source, src->VerifyAuditLog());
    if (!report.source.intact) {
      return FailedPreconditionError(
          "源台账的审计日志已断裂，不复制 (the source's audit log is "
          "broken; not copied): " +
          report.source.problem);
    }
  }
  // The target: migrated, and empty.
  { GONGKAI_ASSIGN_OR_RETURN(std::unique_ptr<CaseStore> dst, OpenPostgresStore(target.target)); }
  GONGKAI_ASSIGN_OR_RETURN(std::unique_ptr<PgConnection> dst, PgConnection::Connect(target.target));
  for (const TableCopy& t : kTables) {
    GONGKAI_ASSIGN_OR_RETURN(int64_t n, CountRows(dst.get(), t.table));
    if (n != 0) {
      return FailedPreconditionError(std::string("目标数据库的 ") + t.table +
                                     " 表不是空的，不覆盖 (the target already holds data; "
                                     "nothing copied)");
    }
  }
  sqlite3* src = nullptr;
  if (sqlite3_open_v2(source.target.c_str(), &src, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    Status s = store_internal::SqliteError(src, "打开 (open) " + source.target);
    sqlite3_close_v2(src);
    return s;
  }
  // One read snapshot of the source, one write transaction on the target (nothing or all).
  Status s = store_internal::Exec(src, "BEGIN");
  if (s.ok()) s = dst->Exec("BEGIN; LOCK TABLE audit_log IN EXCLUSIVE MODE");
  for (const TableCopy& t : kTables) {
    if (!s.ok()) break;
    StatusOr<int64_t> n = CopyTable(src, dst.get(), t);
    if (!n.ok()) {
      s = n.status();
    } else {
      report.rows[t.table] = *n;
    }
  }
  if (s.ok()) s = dst->Exec("COMMIT");
  if (!s.ok()) (void)dst->Exec("ROLLBACK");
  (void)store_internal::Exec(src, "COMMIT");
  sqlite3_close_v2(src);
  if (!s.ok()) return s;
  GONGKAI_ASSIGN_OR_RETURN(std::unique_ptr<CaseStore> copied,
                           OpenPostgresStore(target.target, {.mode = OpenMode::kExisting}));
  GONGKAI_ASSIGN_OR_RETURN(report.target, copied->VerifyAuditLog());
  return report;
}

}  // namespace gongkai
