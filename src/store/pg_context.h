// Internal to the PostgreSQL backend: what the registries (documents.h, registry.h) borrow from
// the PgStore they are opened on, so that their writes share its connection, its transactions
// and its audit log — the PostgreSQL counterpart of sqlite_context.h. Stores added later
// (accounts, sessions, supervision) follow the same pattern: an Open…(CaseStore&) that asks
// PgContextOf for the connection.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "gongkai/documents.h"
#include "gongkai/registry.h"
#include "gongkai/status.h"
#include "gongkai/store.h"
#include "pg_db.h"

namespace gongkai::store_internal {

class PgContext {
 public:
  virtual ~PgContext() = default;
  virtual PgConnection* conn() = 0;
  // Runs `body` in one write transaction (the audit log's lock held, so the chain has one
  // writer at a time); rolls back if it fails.
  virtual Status RunInTransaction(const std::function<Status()>& body) = 0;
  // Appends one audit-log entry (inside the caller's transaction). `before` is "" for inserts.
  virtual Status AppendAudit(const std::string& actor, const char* action, const char* entity,
                             int64_t id, const std::string& before, const std::string& after) = 0;
};

// The context of a store made by OpenPostgresStore, or nullptr for any other CaseStore.
PgContext* PgContextOf(CaseStore& store);

// NotFound naming the agency unless an agency `agency_id` exists.
Status CheckAgencyExists(PgConnection* c, int64_t agency_id);

std::unique_ptr<Registry> NewPgRegistry(PgContext* ctx);
std::unique_ptr<DocumentRegistry> NewPgDocumentRegistry(PgContext* ctx);

}  // namespace gongkai::store_internal
