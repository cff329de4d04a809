// Internal to the SQLite backend: what the registries (documents.h, registry.h) borrow from the
// SqliteStore they are opened on, so that their writes share its connection, its transactions
// and its audit log (one audit function for every change).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "gongkai/documents.h"
#include "gongkai/registry.h"
#include "gongkai/status.h"
#include "gongkai/store.h"

namespace gongkai::store_internal {

class SqliteContext {
 public:
  virtual ~SqliteContext() = default;
  virtual sqlite3* db() = 0;
  // Runs `body` in one BEGIN IMMEDIATE … COMMIT transaction; rolls back if it fails.
  virtual Status RunInTransaction(const std::function<Status()>& body) = 0;
  // Appends one audit-log entry (inside the caller's transaction). `before` is "" for inserts.
  virtual Status AppendAudit(const std::string& actor, const char* action, const char* entity,
                             int64_t id, const std::string& before, const std::string& after) = 0;
};

// The context of a store made by OpenSqliteStore, or nullptr for any other CaseStore.
SqliteContext* SqliteContextOf(CaseStore& store);

std::unique_ptr<Registry> NewSqliteRegistry(SqliteContext* ctx);
std::unique_ptr<DocumentRegistry> NewSqliteDocumentRegistry(SqliteContext* ctx);

// Returns an InvalidArgument error naming the first field that is not clean text
// (CheckTextField), or OK. `fields` are {name, value} pairs.
Status CheckTextFields(std::initializer_list<std::pair<const char*, const std::string*>> fields);

// NotFound naming the agency unless an agency `agency_id` exists.
Status CheckAgencyExists(sqlite3* db, int64_t agency_id);

}  // namespace gongkai::store_internal
