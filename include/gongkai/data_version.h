// DataVersion: a name for the committed state of a ledger database, for caches of values computed
// from it (the supervisor's tree, supervision.h).
//
// Every change any store makes appends an audit row in its own transaction (store.h), and both
// backends append those rows one writer at a time, each linked to the one before by its hash
// (audit_chain.h). So the newest audit row's id and hash change with every committed change, made
// by this process or by any other process or server on the same database, and a version never
// comes back: the hash covers the whole history. Values computed from reads made AFTER reading a
// version V are at least as new as V; a cache that keeps them under V and serves them only while
// ReadDataVersion still answers V never shows a state older than the last acknowledged write.
#pragma once

#include <cstdint>
#include <string>

#include "gongkai/status.h"
#include "gongkai/store.h"

namespace gongkai {

struct DataVersion {
  // Which database: the SQLite file's path, or PostgreSQL's host, port and database name.
  std::string database;
  int64_t audit_id = 0;    // the newest audit row's id; 0 for a database without one
  std::string audit_hash;  // its hash; "" for a database without one
  bool operator==(const DataVersion&) const = default;
};

// The version of `store`'s database now (one indexed read). kUnimplemented for a store not made
// by OpenSqliteStore or OpenPostgresStore.
StatusOr<DataVersion> ReadDataVersion(CaseStore& store);

}  // namespace gongkai
