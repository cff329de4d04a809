// Internal to the store backends: the audit log's hash chain.
//
// Every audit_log row stores prev_hash (the row_hash of the row before it; for the first row 64
// zeros) and row_hash = lowercase hex SHA-256 of the row's canonical serialisation:
//
//   for each field in the order prev_hash, id, at, actor, action, entity, entity_id,
//   before_json, after_json: the field's byte length in decimal ASCII, ':', the bytes, '\n'
//
// where id and entity_id are written as decimal integers (e.g. "3:412\n"). Length prefixes make
// the serialisation unambiguous whatever the fields contain. Changing any field of any row, or
// removing or inserting a row, breaks the chain from that row on; VerifyAuditChain finds it.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>

#include "gongkai/status.h"
#include "gongkai/store.h"

namespace gongkai::store_internal {

inline constexpr const char* kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

struct AuditRow {
  int64_t id = 0;
  std::string at, actor, action, entity;
  int64_t entity_id = 0;
  std::string before_json, after_json;
  std::string prev_hash;
};

// The canonical serialisation above, and its SHA-256.
std::string CanonicalAuditRow(const AuditRow& row);
std::string AuditRowHash(const AuditRow& row);

// Registers the SQL function gongkai_audit_hash(prev_hash, id, at, actor, action, entity,
// entity_id, before_json, after_json) = AuditRowHash on `db` (used by schema migration 2 to
// chain rows written before the chain existed).
Status RegisterAuditHashFunction(sqlite3* db);

// The walk of the chain, row by row in id order, for any backend.
class AuditChainWalker {
 public:
  // Checks one row against the chain so far. Returns false at the first broken link, whose
  // description result() then holds; rows after it must not be passed.
  bool Next(const AuditRow& row, const std::string& stored_hash);
  const AuditVerification& result() const { return v_; }

 private:
  AuditVerification v_;
  std::string expected_prev_ = kGenesisHash;
};

// Walks the whole audit log in id order and returns the first broken link, if any.
StatusOr<AuditVerification> VerifyAuditChain(sqlite3* db);

}  // namespace gongkai::store_internal
