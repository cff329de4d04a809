#include "sqlite_db.h"

namespace gongkai::store_internal {

Status SqliteError(sqlite3* db, const std::string& what) {
  int code = sqlite3_extended_errcode(db);
  std::string msg = what + ": " + sqlite3_errmsg(db);
  if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED) {
    return FailedPreconditionError("数据库忙 (database busy): " + msg);
  }
  if ((code & 0xff) == SQLITE_CONSTRAINT) {
    return FailedPreconditionError("违反数据约束 (constraint failed): " + msg);
  }
  return IoError("数据库错误 (database error): " + msg);
}

Status Exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string m = err ? err : "unknown";
    sqlite3_free(err);
    return SqliteError(db, std::string("执行 (exec) ") + std::string(sql).substr(0, 60) + " " + m);
  }
  return Status::Ok();
}

Status Statement::Prepare(sqlite3* db, const char* sql) {
  if (stmt_) return Status::Ok();
  db_ = db;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) {
    sqlite3_finalize(stmt_);
    stmt_ = nullptr;
    Status s = SqliteError(db, std::string("准备语句 (prepare) ") + std::string(sql).substr(0, 80));
    prepare_error_ = s.message();
    return s;
  }
  return Status::Ok();
}

Statement& Statement::Bind(int i, int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}
Statement& Statement::Bind(int i, double v) {
  sqlite3_bind_double(stmt_, i, v);
  return *this;
}
Statement& Statement::Bind(int i, std::string_view v) {
  // The 64-bit binds: no size is truncated; SQLite refuses what exceeds its limit (SQLITE_TOOBIG),
  // which the next Step() reports.
  NoteBind(sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  return *this;
}
Statement& Statement::BindBlob(int i, std::string_view v) {
  NoteBind(sqlite3_bind_blob64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT));
  return *this;
}
Statement& Statement::BindNull(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}

void Statement::NoteBind(int rc) {
  if (rc == SQLITE_OK || bind_error_ != SQLITE_OK) return;
  bind_error_ = rc;
}

StatusOr<bool> Statement::Step() {
  if (!stmt_) return Status(StatusCode::kInternal, prepare_error_);
  if (bind_error_ != SQLITE_OK) {
    int rc = bind_error_;
    Reset();
    if (rc == SQLITE_TOOBIG) {
      return ResourceExhaustedError("值超过数据库的长度上限 (value too large for the database)");
    }
    return IoError(std::string("数据库绑定参数失败 (bind failed): ") + sqlite3_errstr(rc));
  }
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Status s =
      SqliteError(db_, std::string("执行 (step) ") + std::string(sqlite3_sql(stmt_)).substr(0, 60));
  Reset();
  return s;
}

Status Statement::Run() {
  StatusOr<bool> r = Step();
  Reset();
  return r.ok() ? Status::Ok() : r.status();
}

void Statement::Reset() {
  bind_error_ = SQLITE_OK;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Statement::Text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  int n = sqlite3_column_bytes(stmt_, col);
  return p ? std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(n)) : "";
}

}  // namespace gongkai::store_internal
