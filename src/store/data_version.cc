// ReadDataVersion (data_version.h) on either backend: the newest audit row, read through the
// audit log's primary key.
#include "gongkai/data_version.h"

#include <libpq-fe.h>

#include "store_backend.h"

namespace gongkai {
namespace {

constexpr const char* kNewestAudit = "SELECT id, row_hash FROM audit_log ORDER BY id DESC LIMIT 1";

template <class Backend>
StatusOr<DataVersion> ReadOn(typename Backend::Context* ctx, std::string database) {
  typename Backend::Stmt q;
  GONGKAI_RETURN_IF_ERROR(Backend::Prepare(ctx, q, kNewestAudit));
  DataVersion v;
  v.database = std::move(database);
  GONGKAI_ASSIGN_OR_RETURN(bool row, q.Step());
  if (row) {
    v.audit_id = q.Int(0);
    v.audit_hash = q.Text(1);
  }
  q.Reset();
  return v;
}

}  // namespace

StatusOr<DataVersion> ReadDataVersion(CaseStore& store) {
  if (auto* ctx = store_internal::SqliteContextOf(store)) {
    const char* file = sqlite3_db_filename(ctx->db(), "main");
    return ReadOn<store_internal::SqliteBackend>(ctx,
                                                 std::string("sqlite:") + (file ? file : ""));
  }
  if (auto* ctx = store_internal::PgContextOf(store)) {
    PGconn* c = ctx->conn()->raw();
    auto text = [](const char* s) { return std::string(s ? s : ""); };
    return ReadOn<store_internal::PgBackend>(
        ctx, "postgres:" + text(PQhost(c)) + ":" + text(PQport(c)) + "/" + text(PQdb(c)));
  }
  return UnimplementedError("数据版本需要 SQLite 或 PostgreSQL 台账 (data version needs a ledger store)");
}

}  // namespace gongkai
