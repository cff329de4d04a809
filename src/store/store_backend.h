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
#pragma once

#include <cstdint>
#include <string>
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
};

struct PgBackend {
  using Context = PgContext;
  using Stmt = PgStatement;
  static Status Prepare(Context* ctx, Stmt& s, const char* sql) {
    return s.Prepare(ctx->conn(), PgPlaceholders(sql).c_str());
  }
  static std::string Bytes(const Stmt& s, int col) { return s.Blob(col); }
  static Status AgencyExists(Context* ctx, int64_t id) { return CheckAgencyExists(ctx->conn(), id); }
};

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
