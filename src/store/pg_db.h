// Internal to the PostgreSQL backend: a thin RAII layer over libpq with the same surface as the
// SQLite layer (sqlite_db.h), so that both backends read rows with the same code
// (record_codec.h). Prepared statements only: every statement is prepared once per connection
// (PQprepare) and run with bound parameters (PQexecPrepared). Not thread-safe.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gongkai/status.h"

namespace gongkai::store_internal {

// One connection to a PostgreSQL server.
class PgConnection {
 public:
  // Connects to `url` (postgres://… or postgresql://…), in UTF-8 with ISO dates and UTC
  // timestamps. Fails naming the server's message (never the password).
  static StatusOr<std::unique_ptr<PgConnection>> Connect(const std::string& url);
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;
  ~PgConnection() { PQfinish(conn_); }

  PGconn* raw() { return conn_; }
  // Runs SQL without parameters or results (one or more statements).
  Status Exec(const std::string& sql);
  // The server-side name of `sql`, prepared on this connection on first use.
  StatusOr<std::string> Prepared(const std::string& sql);

 private:
  explicit PgConnection(PGconn* conn) : conn_(conn) {}
  PGconn* conn_;
  std::map<std::string, std::string> prepared_;  // sql → statement name
};

// The Status for a failed libpq result: constraint violations, serialisation failures and the
// schema's append-only triggers are kFailedPrecondition; oversized values kResourceExhausted;
// bad encoding kInvalidArgument; anything else kIoError. `what` names the operation.
Status PgError(const PGresult* result, PGconn* conn, const std::string& what);

// `sql` with every SQLite-style numbered parameter ?N written $N (PostgreSQL's form), for SQL
// text shared by both backends (store_backend.h). `sql` must hold no other '?' (in a string
// literal or an operator).
std::string PgPlaceholders(std::string_view sql);

// A prepared statement. Bind indices are 1-based ($1 is index 1), column indices 0-based.
// Step() runs the statement on its first call and then walks the rows of its result.
class PgStatement {
 public:
  PgStatement() = default;
  PgStatement(PgConnection* conn, const char* sql) { (void)Prepare(conn, sql); }
  PgStatement(const PgStatement&) = delete;
  PgStatement& operator=(const PgStatement&) = delete;
  ~PgStatement() { Clear(); }

  // Remembers `sql` for `conn` (once; later calls are no-ops). Preparing happens on first Step.
  Status Prepare(PgConnection* conn, const char* sql);

  PgStatement& Bind(int i, int64_t v) { return Set(i, std::to_string(v), false); }
  PgStatement& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  PgStatement& Bind(int i, double v);
  PgStatement& Bind(int i, std::string_view v) { return Set(i, std::string(v), false); }
  PgStatement& Bind(int i, const std::string& v) { return Set(i, v, false); }
  PgStatement& Bind(int i, const char* v) { return Set(i, v, false); }
  PgStatement& BindBlob(int i, std::string_view v) { return Set(i, std::string(v), true); }
  PgStatement& BindNull(int i);
  PgStatement& Bind(int i, const std::optional<std::string>& v) {
    return v ? Bind(i, *v) : BindNull(i);
  }

  // Steps once. Returns true if a row is available, false when done.
  StatusOr<bool> Step();
  // Runs to completion (for statements without rows) and resets.
  Status Run();
  void Reset();
  // Rows changed by the last Run (INSERT/UPDATE/DELETE).
  int64_t changes() const { return changes_; }

  int64_t Int(int col) const;
  double Double(int col) const;
  bool IsNull(int col) const { return !result_ || PQgetisnull(result_, row_, col); }
  std::string Text(int col) const;
  std::string Blob(int col) const;  // a bytea column's bytes

 private:
  PgStatement& Set(int i, std::string value, bool binary);
  void Clear();

  PgConnection* conn_ = nullptr;
  std::string sql_;
  std::vector<std::optional<std::string>> params_;
  std::vector<bool> binary_;
  PGresult* result_ = nullptr;
  int row_ = -1;
  int64_t changes_ = 0;
};

// A bulk load with COPY … FROM STDIN (text format) on `conn`, in the caller's transaction: one
// round trip per megabyte instead of one per row. Rows are set with the same Bind calls as a
// PgStatement (so record_codec.h's Bind* templates fill both) and sent by EndRow. Finish ends
// the COPY and reports the server's verdict (constraints and triggers apply to every row).
// After an error the connection's transaction must be rolled back.
class PgCopyIn {
 public:
  // `copy_sql` is "COPY table(columns…) FROM STDIN" with `columns` columns.
  static StatusOr<PgCopyIn> Begin(PgConnection* conn, const std::string& copy_sql, int columns);

  PgCopyIn& Bind(int i, int64_t v) { return Set(i, std::to_string(v)); }
  PgCopyIn& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  PgCopyIn& Bind(int i, double v);
  PgCopyIn& Bind(int i, std::string_view v) { return Set(i, v); }
  PgCopyIn& Bind(int i, const std::string& v) { return Set(i, v); }
  PgCopyIn& Bind(int i, const char* v) { return Set(i, v); }
  PgCopyIn& BindNull(int i);
  PgCopyIn& Bind(int i, const std::optional<std::string>& v) {
    return v ? Bind(i, *v) : BindNull(i);
  }
  // Appends the row bound so far (every column; unbound ones are NULL) and clears it.
  Status EndRow();
  Status Finish(const std::string& what);

 private:
  PgCopyIn(PgConnection* conn, int columns) : conn_(conn), row_(static_cast<size_t>(columns)) {}
  PgCopyIn& Set(int i, std::string_view v);
  Status Flush();

  PgConnection* conn_;
  std::vector<std::optional<std::string>> row_;  // escaped values
  std::string buffer_;
};

}  // namespace gongkai::store_internal
