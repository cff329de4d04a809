// Query codes (query_codes.h): generation, normalisation and the SQLite table of their hashes.
#include "gongkai/query_codes.h"

#include <sodium.h>
#include <sqlite3.h>

#include <cstdlib>
#include <mutex>

#include "sqlite_db.h"

namespace gongkai {
namespace {

using store_internal::Exec;
using store_internal::Statement;

constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford base32

std::string Sha256Hex(const std::string& s) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(s.data()), s.size());
  char hex[2 * crypto_hash_sha256_BYTES + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

class SqliteQueryCodeStore final : public QueryCodeStore {
 public:
  explicit SqliteQueryCodeStore(sqlite3* db) : db_(db) {}
  ~SqliteQueryCodeStore() override { sqlite3_close_v2(db_); }

  Status Init() {
    sqlite3_busy_timeout(db_, 10000);
    GONGKAI_RETURN_IF_ERROR(Exec(db_, "PRAGMA journal_mode=WAL"));
    GONGKAI_RETURN_IF_ERROR(Exec(db_, "PRAGMA synchronous=FULL"));
    return Exec(db_,
                "CREATE TABLE IF NOT EXISTS query_code("
                "code_sha256 TEXT PRIMARY KEY, request_id INTEGER NOT NULL UNIQUE)");
  }

  Status Put(const std::string& code, int64_t request_id) override {
    std::lock_guard<std::mutex> lock(mu_);
    (void)put_.Prepare(db_, "INSERT INTO query_code(code_sha256, request_id) VALUES (?1, ?2)");
    put_.Bind(1, Sha256Hex(code)).Bind(2, request_id);
    return put_.Run().WithContext("保存查询码 (store query code)");
  }

  StatusOr<std::optional<int64_t>> Find(const std::string& code) override {
    std::lock_guard<std::mutex> lock(mu_);
    (void)find_.Prepare(db_, "SELECT request_id FROM query_code WHERE code_sha256 = ?1");
    find_.Bind(1, Sha256Hex(code));
    StatusOr<bool> row = find_.Step();
    std::optional<int64_t> id;
    if (row.ok() && *row) id = find_.Int(0);
    find_.Reset();
    if (!row.ok()) return row.status();
    return id;
  }

 private:
  std::mutex mu_;
  sqlite3* db_;
  Statement put_, find_;
};

}  // namespace

std::string NewQueryCode() {
  if (sodium_init() < 0) std::abort();  // no CSPRNG: never hand out guessable codes
  std::string code;
  for (int i = 0; i < query_code_config::kChars; ++i) {
    code += kAlphabet[randombytes_uniform(32)];
  }
  return code;
}

std::string FormatQueryCode(std::string_view code) {
  std::string out;
  for (size_t i = 0; i < code.size(); ++i) {
    if (i && i % 4 == 0) out += '-';
    out += code[i];
  }
  return out;
}

std::optional<std::string> NormalizeQueryCode(std::string_view typed) {
  std::string code;
  for (char c : typed) {
    if (c == ' ' || c == '-') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == 'O') c = '0';
    if (c == 'I' || c == 'L') c = '1';
    bool ok = false;
    for (const char* a = kAlphabet; *a; ++a) ok |= *a == c;
    if (!ok) return std::nullopt;
    code += c;
    if (code.size() > static_cast<size_t>(query_code_config::kChars)) return std::nullopt;
  }
  if (code.size() != static_cast<size_t>(query_code_config::kChars)) return std::nullopt;
  return code;
}

StatusOr<std::unique_ptr<QueryCodeStore>> OpenSqliteQueryCodeStore(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    Status s = IoError("打开数据库 " + path + " 失败 (cannot open database): " +
                       (db ? sqlite3_errmsg(db) : "out of memory"));
    sqlite3_close_v2(db);
    return s;
  }
  auto store = std::make_unique<SqliteQueryCodeStore>(db);
  GONGKAI_RETURN_IF_ERROR(store->Init().WithContext("打开查询码表 (open query codes) " + path));
  return std::unique_ptr<QueryCodeStore>(std::move(store));
}

}  // namespace gongkai
