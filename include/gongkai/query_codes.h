// Query codes (查询码) of online applications: the applicant's only key to the status of a request.
//
// A code is 20 characters of Crockford base32 (100 random bits from the operating system's
// CSPRNG, via libsodium), shown in groups of four. Only its SHA-256 is stored, so a copy of the
// database does not reveal codes. Typed codes are normalised: case, spaces and dashes ignored,
// O read as 0, I and L as 1.
//
// The hash is stored with its request, in the same transaction (NewRequest::query_code_sha256,
// CaseStore::FindRequestByQueryCode): a request registered online never lacks its code.
#pragma once

#include <optional>
#include <string>
#include <string_view>

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

// The SHA-256 (lowercase hex) of a canonical code: the only form in which a code is stored.
std::string QueryCodeHash(std::string_view code);

}  // namespace gongkai
