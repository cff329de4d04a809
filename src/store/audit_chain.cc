#include "audit_chain.h"

#include "gongkai/sha256.h"
#include "sqlite_db.h"

namespace gongkai::store_internal {
namespace {

void AppendField(std::string* out, std::string_view field) {
  *out += std::to_string(field.size());
  *out += ':';
  *out += field;
  *out += '\n';
}

void HashFunction(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  if (argc != 9) {
    sqlite3_result_error(ctx, "gongkai_audit_hash takes 9 arguments", -1);
    return;
  }
  auto text = [&](int i) {
    const unsigned char* p = sqlite3_value_text(argv[i]);
    int n = sqlite3_value_bytes(argv[i]);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(n)) : "";
  };
  AuditRow row;
  row.prev_hash = text(0);
  row.id = sqlite3_value_int64(argv[1]);
  row.at = text(2);
  row.actor = text(3);
  row.action = text(4);
  row.entity = text(5);
  row.entity_id = sqlite3_value_int64(argv[6]);
  row.before_json = text(7);
  row.after_json = text(8);
  std::string h = AuditRowHash(row);
  sqlite3_result_text(ctx, h.data(), static_cast<int>(h.size()), SQLITE_TRANSIENT);
}

// What differs between a stored row and what the chain expects, "" if nothing.
std::string Mismatch(const AuditRow& row, const std::string& stored_hash,
                     const std::string& expected_prev, std::string* en) {
  if (row.prev_hash != expected_prev) {
    *en = "prev_hash is " + row.prev_hash + ", the previous row's hash is " + expected_prev +
          " (a row was removed, inserted or rewritten before it)";
    return "prev_hash 与上一条记录的哈希不符（此前有记录被删除、插入或改写）";
  }
  std::string computed = AuditRowHash(row);
  if (stored_hash != computed) {
    *en = "row_hash is " + stored_hash + ", its content hashes to " + computed +
          " (the row's content was changed)";
    return "row_hash 与本条内容的哈希不符（本条内容被改动）";
  }
  return "";
}

}  // namespace

std::string CanonicalAuditRow(const AuditRow& row) {
  std::string out;
  AppendField(&out, row.prev_hash);
  AppendField(&out, std::to_string(row.id));
  AppendField(&out, row.at);
  AppendField(&out, row.actor);
  AppendField(&out, row.action);
  AppendField(&out, row.entity);
  AppendField(&out, std::to_string(row.entity_id));
  AppendField(&out, row.before_json);
  AppendField(&out, row.after_json);
  return out;
}

std::string AuditRowHash(const AuditRow& row) { return Sha256Hex(CanonicalAuditRow(row)); }

Status RegisterAuditHashFunction(sqlite3* db) {
  if (sqlite3_create_function_v2(db, "gongkai_audit_hash", 9,
                                 SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, HashFunction,
                                 nullptr, nullptr, nullptr) != SQLITE_OK) {
    return SqliteError(db, "注册审计哈希函数 (register audit hash)");
  }
  return Status::Ok();
}

bool AuditChainWalker::Next(const AuditRow& row, const std::string& stored_hash) {
  std::string en;
  std::string zh = Mismatch(row, stored_hash, expected_prev_, &en);
  if (!zh.empty()) {
    v_.intact = false;
    v_.broken_row = row.id;
    v_.problem = "审计日志第 " + std::to_string(row.id) + " 条（" + row.entity + " " +
                 std::to_string(row.entity_id) + "）：" + zh + " (audit log row " +
                 std::to_string(row.id) + ": " + en + ")";
    return false;
  }
  expected_prev_ = stored_hash;
  ++v_.rows;
  return true;
}

StatusOr<AuditVerification> VerifyAuditChain(sqlite3* db) {
  Statement s;
  GONGKAI_RETURN_IF_ERROR(s.Prepare(db,
                                    "SELECT id, at, actor, action, entity, entity_id, "
                                    "before_json, after_json, prev_hash, row_hash "
                                    "FROM audit_log ORDER BY id"));
  AuditChainWalker walker;
  for (;;) {
    GONGKAI_ASSIGN_OR_RETURN(bool more, s.Step());
    if (!more) break;
    AuditRow row{s.Int(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4),
                 s.Int(5), s.Text(6), s.Text(7), s.Text(8)};
    if (!walker.Next(row, s.Text(9))) break;
  }
  s.Reset();
  return walker.result();
}

}  // namespace gongkai::store_internal
