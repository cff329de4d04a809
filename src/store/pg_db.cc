#include "pg_db.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace gongkai::store_internal {
namespace {

// SQLSTATE classes and codes (PostgreSQL appendix A).
bool StateIs(const char* state, const char* prefix) {
  return state && std::strncmp(state, prefix, std::strlen(prefix)) == 0;
}

std::string Trimmed(const char* m) {
  std::string s = m ? m : "";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace

Status PgError(const PGresult* result, PGconn* conn, const std::string& what) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string msg =
      what + ": " + Trimmed(result ? PQresultErrorMessage(result) : PQerrorMessage(conn));
  if (StateIs(state, "23") || StateIs(state, "P0001")) {
    return FailedPreconditionError("违反数据约束 (constraint failed): " + msg);
  }
  if (StateIs(state, "40") || StateIs(state, "55P03")) {  // serialisation, deadlock, lock
    return FailedPreconditionError("数据库忙 (database busy): " + msg);
  }
  if (StateIs(state, "25006")) {
    return FailedPreconditionError("只读连接不能写入 (read-only connection): " + msg);
  }
  if (StateIs(state, "54")) {
    return ResourceExhaustedError("值超过数据库的长度上限 (value too large for the database): " +
                                  msg);
  }
  if (StateIs(state, "22021")) return InvalidArgumentError("编码错误 (bad encoding): " + msg);
  return IoError("数据库错误 (database error): " + msg);
}

std::string PgPlaceholders(std::string_view sql) {
  std::string out(sql);
  for (size_t i = 0; i + 1 < out.size(); ++i) {
    if (out[i] == '?' && out[i + 1] >= '1' && out[i + 1] <= '9') out[i] = '$';
  }
  return out;
}

StatusOr<std::unique_ptr<PgConnection>> PgConnection::Connect(const std::string& url) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (!conn) return IoError("连接 PostgreSQL 失败 (cannot connect): out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string m = Trimmed(PQerrorMessage(conn));
    PQfinish(conn);
    return IoError("连接 PostgreSQL 失败 (cannot connect to PostgreSQL): " + m);
  }
  std::unique_ptr<PgConnection> c(new PgConnection(conn));
  GONGKAI_RETURN_IF_ERROR(
      c->Exec("SET client_encoding = 'UTF8'; SET datestyle = 'ISO, YMD'; SET timezone = 'UTC'; "
              "SET client_min_messages = 'warning'"));
  return c;
}

Status PgConnection::Exec(const std::string& sql) {
  PGresult* r = PQexec(conn_, sql.c_str());
  ExecStatusType st = PQresultStatus(r);
  Status s = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK
                 ? Status::Ok()
                 : PgError(r, conn_, "执行 (exec) " + sql.substr(0, 60));
  PQclear(r);
  return s;
}

StatusOr<std::string> PgConnection::Prepared(const std::string& sql) {
  auto it = prepared_.find(sql);
  if (it != prepared_.end()) return it->second;
  std::string name = "gk" + std::to_string(prepared_.size() + 1);
  PGresult* r = PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr);
  Status s = PQresultStatus(r) == PGRES_COMMAND_OK
                 ? Status::Ok()
                 : PgError(r, conn_, "准备语句 (prepare) " + sql.substr(0, 80));
  PQclear(r);
  if (!s.ok()) return s;
  prepared_.emplace(sql, name);
  return name;
}

Status PgStatement::Prepare(PgConnection* conn, const char* sql) {
  if (conn_) return Status::Ok();
  conn_ = conn;
  sql_ = sql;
  return Status::Ok();
}

PgStatement& PgStatement::Bind(int i, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return Set(i, buf, false);
}

PgStatement& PgStatement::BindNull(int i) {
  Set(i, "", false);
  params_[static_cast<size_t>(i - 1)].reset();
  return *this;
}

PgStatement& PgStatement::Set(int i, std::string value, bool binary) {
  const size_t at = static_cast<size_t>(i - 1);
  if (params_.size() <= at) {
    params_.resize(at + 1);
    binary_.resize(at + 1, false);
  }
  params_[at] = std::move(value);
  binary_[at] = binary;
  return *this;
}

StatusOr<bool> PgStatement::Step() {
  if (!conn_) return Status(StatusCode::kInternal, "statement not prepared");
  if (!result_) {
    StatusOr<std::string> name = conn_->Prepared(sql_);
    if (!name.ok()) {
      Reset();
      return name.status();
    }
    const int n = static_cast<int>(params_.size());
    std::vector<const char*> values(params_.size());
    std::vector<int> lengths(params_.size()), formats(params_.size());
    for (size_t i = 0; i < params_.size(); ++i) {
      values[i] = params_[i] ? params_[i]->data() : nullptr;
      lengths[i] = params_[i] ? static_cast<int>(params_[i]->size()) : 0;
      formats[i] = binary_[i] ? 1 : 0;
    }
    result_ = PQexecPrepared(conn_->raw(), name->c_str(), n, values.data(), lengths.data(),
                             formats.data(), 0);
    ExecStatusType st = PQresultStatus(result_);
    if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
      Status s = PgError(result_, conn_->raw(), "执行 (step) " + sql_.substr(0, 60));
      Reset();
      return s;
    }
    const char* tuples = PQcmdTuples(result_);
    changes_ = tuples && *tuples ? std::strtoll(tuples, nullptr, 10) : 0;
    row_ = -1;
  }
  ++row_;
  return row_ < PQntuples(result_);
}

Status PgStatement::Run() {
  StatusOr<bool> r = Step();
  Reset();
  return r.ok() ? Status::Ok() : r.status();
}

void PgStatement::Clear() {
  if (result_) PQclear(result_);
  result_ = nullptr;
  row_ = -1;
}

void PgStatement::Reset() {
  Clear();
  params_.clear();
  binary_.clear();
}

int64_t PgStatement::Int(int col) const {
  if (IsNull(col)) return 0;
  const char* v = PQgetvalue(result_, row_, col);
  if (v[0] == 't' && v[1] == '\0') return 1;  // boolean true
  return std::strtoll(v, nullptr, 10);
}

double PgStatement::Double(int col) const {
  return IsNull(col) ? 0 : std::strtod(PQgetvalue(result_, row_, col), nullptr);
}

std::string PgStatement::Text(int col) const {
  if (IsNull(col)) return "";
  return std::string(PQgetvalue(result_, row_, col),
                     static_cast<size_t>(PQgetlength(result_, row_, col)));
}

std::string PgStatement::Blob(int col) const {
  if (IsNull(col)) return "";
  size_t n = 0;
  unsigned char* bytes =
      PQunescapeBytea(reinterpret_cast<const unsigned char*>(PQgetvalue(result_, row_, col)), &n);
  if (!bytes) return "";
  std::string out(reinterpret_cast<const char*>(bytes), n);
  PQfreemem(bytes);
  return out;
}

StatusOr<PgCopyIn> PgCopyIn::Begin(PgConnection* conn, const std::string& copy_sql,
                                   int columns) {
  PGresult* r = PQexec(conn->raw(), copy_sql.c_str());
  Status s = PQresultStatus(r) == PGRES_COPY_IN
                 ? Status::Ok()
                 : PgError(r, conn->raw(), "批量写入 (copy) " + copy_sql.substr(0, 60));
  PQclear(r);
  if (!s.ok()) return s;
  return PgCopyIn(conn, columns);
}

PgCopyIn& PgCopyIn::Bind(int i, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", v);  // as PgStatement::Bind
  return Set(i, buf);
}

PgCopyIn& PgCopyIn::BindNull(int i) {
  row_[static_cast<size_t>(i - 1)].reset();
  return *this;
}

// COPY's text format: backslash, tab, newline and carriage return escaped; NULL is \N.
PgCopyIn& PgCopyIn::Set(int i, std::string_view v) {
  std::string out;
  out.reserve(v.size());
  for (char c : v) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
  row_[static_cast<size_t>(i - 1)] = std::move(out);
  return *this;
}

Status PgCopyIn::EndRow() {
  for (size_t i = 0; i < row_.size(); ++i) {
    if (i) buffer_ += '\t';
    buffer_ += row_[i] ? *row_[i] : "\\N";
    row_[i].reset();
  }
  buffer_ += '\n';
  return buffer_.size() >= (1 << 20) ? Flush() : Status::Ok();
}

Status PgCopyIn::Flush() {
  if (!buffer_.empty() &&
      PQputCopyData(conn_->raw(), buffer_.data(), static_cast<int>(buffer_.size())) != 1) {
    return IoError("批量写入失败 (copy failed): " + Trimmed(PQerrorMessage(conn_->raw())));
  }
  buffer_.clear();
  return Status::Ok();
}

Status PgCopyIn::Finish(const std::string& what) {
  Status s = Flush();
  if (PQputCopyEnd(conn_->raw(), s.ok() ? nullptr : "aborted") != 1 && s.ok()) {
    s = IoError(what + ": " + Trimmed(PQerrorMessage(conn_->raw())));
  }
  while (PGresult* r = PQgetResult(conn_->raw())) {
    if (s.ok() && PQresultStatus(r) != PGRES_COMMAND_OK) s = PgError(r, conn_->raw(), what);
    PQclear(r);
  }
  return s;
}

}  // namespace gongkai::store_internal
