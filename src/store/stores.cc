// The backend chosen by database URL (stores.h).
#include "gongkai/stores.h"

#include "pg_context.h"
#include "sqlite_context.h"

namespace gongkai {

StatusOr<DatabaseUrl> ParseDatabaseUrl(std::string_view db) {
  auto starts = [&](std::string_view p) { return db.substr(0, p.size()) == p; };
  if (starts("postgres://") || starts("postgresql://")) {
    return DatabaseUrl{Backend::kPostgres, std::string(db)};
  }
  std::string_view path = starts("sqlite:") ? db.substr(7) : db;
  if (path.empty()) {
    return InvalidArgumentError(
        "--db 为空 (empty database name; sqlite:PATH, PATH or postgres://…)");
  }
  if (size_t colon = path.find("://"); colon != std::string_view::npos && !starts("sqlite:")) {
    return InvalidArgumentError("不支持的数据库“" + std::string(path.substr(0, colon)) +
                                "” (unsupported database; sqlite:PATH, PATH or postgres://…)");
  }
  return DatabaseUrl{Backend::kSqlite, std::string(path)};
}

StatusOr<std::unique_ptr<CaseStore>> OpenCaseStore(const std::string& db,
                                                   const StoreOptions& options) {
  GONGKAI_ASSIGN_OR_RETURN(DatabaseUrl url, ParseDatabaseUrl(db));
  if (url.backend == Backend::kPostgres) return OpenPostgresStore(url.target, options);
  return OpenSqliteStore(url.target, options);
}

StatusOr<std::unique_ptr<SearchIndex>> OpenSearchIndex(const std::string& db) {
  GONGKAI_ASSIGN_OR_RETURN(DatabaseUrl url, ParseDatabaseUrl(db));
  if (url.backend == Backend::kPostgres) return OpenPgSearchIndex(url.target);
  return OpenSqliteSearchIndex(":memory:");
}

StatusOr<std::unique_ptr<Registry>> OpenRegistry(CaseStore& store) {
  if (store_internal::SqliteContext* ctx = store_internal::SqliteContextOf(store)) {
    return store_internal::NewSqliteRegistry(ctx);
  }
  if (store_internal::PgContext* ctx = store_internal::PgContextOf(store)) {
    return store_internal::NewPgRegistry(ctx);
  }
  return UnimplementedError(
      "登记簿需要 SQLite 或 PostgreSQL 台账 (registry needs a database store)");
}

StatusOr<std::unique_ptr<DocumentRegistry>> OpenDocumentRegistry(CaseStore& store) {
  if (store_internal::SqliteContext* ctx = store_internal::SqliteContextOf(store)) {
    return store_internal::NewSqliteDocumentRegistry(ctx);
  }
  if (store_internal::PgContext* ctx = store_internal::PgContextOf(store)) {
    return store_internal::NewPgDocumentRegistry(ctx);
  }
  return UnimplementedError(
      "文件目录需要 SQLite 或 PostgreSQL 台账 (registry needs a database store)");
}

StatusOr<Stores> OpenStores(const std::string& db, const StoreOptions& options) {
  Stores s;
  GONGKAI_ASSIGN_OR_RETURN(s.cases, OpenCaseStore(db, options));
  GONGKAI_ASSIGN_OR_RETURN(s.registry, OpenRegistry(*s.cases));
  GONGKAI_ASSIGN_OR_RETURN(s.documents, OpenDocumentRegistry(*s.cases));
  GONGKAI_ASSIGN_OR_RETURN(s.search, OpenSearchIndex(db));
  return s;
}

}  // namespace gongkai
