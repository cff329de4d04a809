// Query codes (查询码) of online applications: the applicant's only key to the status of a request.
//
// A code is 20 characters of Crockford base32 (100 random bits from the operating system's
// CSPRNG, via libsodium), shown in groups of four. Only its SHA-256 is stored, so a copy of the
// database does not reveal codes. Typed codes are normalised: case, spaces and dashes ignored,
// O read as 0, I and L as 1.
//
// A QueryCodeStore is thread-safe (one connection behind a mutex); several processes may open
// the same SQLite file.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "gongkai/status.h"

namespace gongkai {

namespace query_code_config {
inline constexpr int kChars = 20;  // 5 bits each: 100 bits
}

// A new random code, 20 characters without separators. Aborts if the CSPRNG cannot be initialised.
std::string NewQueryCode();
// "ABCD-EFGH-JKMN-PQRS-TVWX" for display.
std::string FormatQueryCode(std::string_view code);
// The canonical form of a typed code, or nullopt if it cannot be one.
std::optional<std::string> NormalizeQueryCode(std::string_view typed);

class QueryCodeStore {
 public:
  virtual ~QueryCodeStore() = default;
  // Records that `code` (canonical) opens request `request_id`. Fails if the code is taken.
  virtual Status Put(const std::string& code, int64_t request_id) = 0;
  // The request opened by `code` (canonical), or nullopt.
  virtual StatusOr<std::optional<int64_t>> Find(const std::string& code) = 0;
};

// Opens (creating its table if needed) the query codes kept in the SQLite file at `path` (the
// ledger's database).
StatusOr<std::unique_ptr<QueryCodeStore>> OpenSqliteQueryCodeStore(const std::string& path);

}  // namespace gongkai
