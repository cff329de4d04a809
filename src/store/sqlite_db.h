// Internal to the SQLite backend: a thin RAII layer over the C API (prepared statements only).
// Not thread-safe.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "gongkai/status.h"

namespace gongkai::store_internal {

// A prepared statement. Bind indices are 1-based, column indices 0-based.
class Statement {
 public:
  Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(stmt_); }

  // Prepares `sql` on `db` (once; later calls are no-ops).
  Status Prepare(sqlite3* db, const char* sql);

  Statement& Bind(int i, int64_t v);
  Statement& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Statement& Bind(int i, double v);
  Statement& Bind(int i, std::string_view v);
  Statement& Bind(int i, const std::string& v) { return Bind(i, std::string_view(v)); }
  Statement& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Statement& BindBlob(int i, std::string_view v);
  Statement& BindNull(int i);
  Statement& Bind(int i, const std::optional<std::string>& v) {
    return v ? Bind(i, *v) : BindNull(i);
  }

  // Steps once. Returns true if a row is available, false when done.
  StatusOr<bool> Step();
  // Steps to completion (for statements without rows) and resets.
  Status Run();
  void Reset();

  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Double(int col) const { return sqlite3_column_double(stmt_, col); }
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string Text(int col) const;
  // The column's text without a copy; valid until the next Step, Reset or column call.
  std::string_view TextView(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string_view();
  }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  std::string prepare_error_;  // why Prepare failed, reported by Step
  int bind_error_ = SQLITE_OK;  // the first failed bind since Reset, reported by Step

  void NoteBind(int rc);
};

// Returns an error naming `what` and SQLite's message for `db`.
Status SqliteError(sqlite3* db, const std::string& what);

// Runs SQL without results (one or more statements, no parameters).
Status Exec(sqlite3* db, const char* sql);

}  // namespace gongkai::store_internal
