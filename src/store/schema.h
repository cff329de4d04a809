// Internal to the SQLite backend: versioned schema migrations.
#pragma once

#include <sqlite3.h>

#include "gongkai/status.h"

namespace gongkai::store_internal {

// The schema version this build writes.
int LatestSchemaVersion();

// Applies every migration newer than the database's schema_version, each in its own
// transaction. Fails if the database is newer than this build.
Status Migrate(sqlite3* db);

}  // namespace gongkai::store_internal
