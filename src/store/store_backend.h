// Internal to the store backends: SQLite and PostgreSQL as template parameters, so that a store
// whose logic and SQL are the same on both backends (accounts, case files, report publications,
// submissions) is written once, as a template over a Backend, and instantiated for each; its
// Open…(CaseStore&) picks the instantiation by the store's context.
//
// A Backend has:
//   Context                     the store's context (sqlite_context.h / pg_context.h): the
//                               connection, RunInTransaction, AppendAudit
//   Stmt                        its prepared statement (sqlite_db.h Statement / pg_db.h
//                               PgStatement): Bind, Step, Run, Reset, Int, Text, IsNull
//   Prepare(ctx, stmt, sql)     prepares `sql` written with SQLite's numbered parameters ?1, ?2…
//                               (rewritten to $1, $2… for PostgreSQL); SQL text shared by both
//                               backends must mean the same on both (RETURNING id, no
//                               backend-specific functions)
//   Bytes(stmt, col)            a BLOB / BYTEA column's bytes
//   AgencyExists(ctx, id)       CheckAgencyExists on the context's connection
//   Changes(ctx, stmt)          rows changed by the statement's last Run (UPDATE/DELETE)
//   Planner hints, for queries that must read a table in one linear pass at national scale
//   (empty where the backend's planner needs none):
//     kNotIndexed               after a table name: read the table in storage order
//     kJoinInWrittenOrder       a join kept in the written order (outer table scanned first)
//     IndexedBy(index)          after a table name: read it through `index` (a covering one)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gongkai/status.h"
#include "pg_context.h"
#include "pg_db.h"
#include "sqlite_context.h"
#include "sqlite_db.h"

namespace gongkai::store_internal {

struct SqliteBackend {
  using Context = SqliteContext;
  using Stmt = Statement;
  static Status Prepare(Context* ctx, Stmt& s, const char* sql) { return s.Prepare(ctx->db(), sql); }
  static std::string Bytes(const Stmt& s, int col) { return s.Text(col); }
  static Status AgencyExists(Context* ctx, int64_t id) { return CheckAgencyExists(ctx->db(), id); }
  static int64_t Changes(Context* ctx, const Stmt&) { return sqlite3_changes64(ctx->db()); }
  static constexpr const char* kNotIndexed = "NOT INDEXED";
  static constexpr const char* kJoinInWrittenOrder = "CROSS JOIN";
  static std::string IndexedBy(const char* index) { return std::string("INDEXED BY ") + index; }
};

struct PgBackend {
  using Context = PgContext;
  using Stmt = PgStatement;
  static Status Prepare(Context* ctx, Stmt& s, const char* sql) {
    return s.Prepare(ctx->conn(), PgPlaceholders(sql).c_str());
  }
  static std::string Bytes(const Stmt& s, int col) { return s.Blob(col); }
  static Status AgencyExists(Context* ctx, int64_t id) { return CheckAgencyExists(ctx->conn(), id); }
  static int64_t Changes(Context*, const Stmt& s) { return s.changes(); }
  static constexpr const char* kNotIndexed = "";
  static constexpr const char* kJoinInWrittenOrder = "JOIN";
  static std::string IndexedBy(const char*) { return ""; }
};

// Replaces the first `marker` in `sql` (if any) by `text`.
inline void ReplaceMarker(std::string* sql, std::string_view marker, const std::string& text) {
  if (size_t at = sql->find(marker); at != std::string::npos) sql->replace(at, marker.size(), text);
}

// Steps an INSERT … RETURNING id (bound) and returns the id; the statement is reset.
template <class Stmt>
StatusOr<int64_t> ReturnedId(Stmt& s) {
  GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
  const int64_t id = row ? s.Int(0) : 0;
  s.Reset();
  if (!row) return Status(StatusCode::kInternal, "INSERT … RETURNING id returned no row");
  return id;
}

// Steps `s` (bound) to its end and returns read(s) of every row; the statement is reset.
template <typename T, class Stmt, typename Read>
StatusOr<std::vector<T>> AllRows(Stmt& s, Read read) {
  std::vector<T> out;
  for (;;) {
    GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(read(s));
  }
  s.Reset();
  return out;
}

}  // namespace gongkai::store_internal
