// Internal to the PostgreSQL backend: versioned schema migrations (pg_schema.cc).
#pragma once

#include "gongkai/status.h"
#include "pg_db.h"

namespace gongkai::store_internal {

// The PostgreSQL schema version this build writes.
int LatestPgSchemaVersion();

// Applies every migration newer than the database's schema_version, each in its own
// transaction, under an advisory lock (several servers may start at once). Fails if the
// database is newer than this build. The current schema (search_path) must not hold another
// application's tables: CheckPgSchemaCurrent's kInvalidArgument case is checked first by callers.
Status MigratePg(PgConnection* c);

// OK iff the current schema holds a gongkai ledger at this build's version: kNotFound for an
// empty schema, kInvalidArgument for another application's tables, kFailedPrecondition for
// another version.
Status CheckPgSchemaCurrent(PgConnection* c);

}  // namespace gongkai::store_internal
