// Opening the stores by database URL: the one place that chooses a backend.
//
// A database is named by what `--db` takes:
//   sqlite:PATH or a bare PATH   an SQLite file (the embedded default; store.h OpenSqliteStore)
//   postgres://… postgresql://…  a PostgreSQL 15 database (libpq URL: user, host, port, dbname,
//                                ?sslmode=… and the other libpq parameters)
// Every backend keeps the contracts of store.h, registry.h, documents.h and search.h; the same
// conformance tests run on each. Stores added later (accounts, supervision) get a backend the
// same way: an Open…(CaseStore&) that asks the store for its connection (sqlite_context.h,
// pg_context.h), and a member of Stores.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "gongkai/documents.h"
#include "gongkai/registry.h"
#include "gongkai/search.h"
#include "gongkai/status.h"
#include "gongkai/store.h"

namespace gongkai {

enum class Backend { kSqlite, kPostgres };

struct DatabaseUrl {
  Backend backend = Backend::kSqlite;
  std::string target;  // the SQLite path, or the PostgreSQL URL as given
};

// Splits a --db value; kInvalidArgument for an empty value, an empty sqlite: path or another
// scheme (mysql://, …).
StatusOr<DatabaseUrl> ParseDatabaseUrl(std::string_view db);

// The options of every backend (the name is historical). On PostgreSQL: kCreate and kExisting
// migrate the database (which must exist: the server's CREATE DATABASE makes it), kReadOnly makes
// every transaction read-only and refuses a database not at this build's schema; durable=false
// sets synchronous_commit=off.
using StoreOptions = SqliteOptions;

// Opens the CaseStore that `db` names.
StatusOr<std::unique_ptr<CaseStore>> OpenCaseStore(const std::string& db,
                                                   const StoreOptions& options = {});

// Opens a PostgreSQL ledger at `url` and, unless read-only, applies pending migrations
// (pg_schema.cc) under an advisory lock. Refuses a database holding another application's tables.
StatusOr<std::unique_ptr<CaseStore>> OpenPostgresStore(const std::string& url,
                                                       const StoreOptions& options = {});

// The search index for the public site of `db`: for SQLite a private in-memory FTS5 index (the
// site fills it from the ledger), for PostgreSQL the database's search_doc table shared by every
// server, on its own connection (thread-safe).
StatusOr<std::unique_ptr<SearchIndex>> OpenSearchIndex(const std::string& db);
StatusOr<std::unique_ptr<SearchIndex>> OpenPgSearchIndex(const std::string& url);

// Every store of one database. `cases` owns the connection the registries use: they are declared
// after it and destroyed before it. Not thread-safe (except `search`): open one per thread.
struct Stores {
  std::unique_ptr<CaseStore> cases;
  std::unique_ptr<Registry> registry;
  std::unique_ptr<DocumentRegistry> documents;
  std::unique_ptr<SearchIndex> search;
};
StatusOr<Stores> OpenStores(const std::string& db, const StoreOptions& options = {});

// What CopyLedger copied: rows per table, and the audit verification of both ends.
struct CopyReport {
  std::map<std::string, int64_t> rows;
  AuditVerification source, target;
};

// Copies the SQLite ledger `from` (sqlite:PATH or PATH) into the PostgreSQL database `to`
// (postgres://…), which is migrated and must hold no ledger data: every table row for row with
// its ids, the audit log with its hash chain unchanged, in one transaction (all or nothing).
// Refuses a source whose audit log does not verify. The caller checks report.target.intact
// (and that report.target.rows == report.source.rows).
StatusOr<CopyReport> CopyLedger(const std::string& from, const std::string& to);

}  // namespace gongkai
