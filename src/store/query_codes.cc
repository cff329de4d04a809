// Query codes (query_codes.h): generation, normalisation and the hash that is stored.
#include "gongkai/query_codes.h"

#include <sodium.h>

#include <cstdlib>

#include "gongkai/sha256.h"

namespace gongkai {
namespace {

constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford base32

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

std::string QueryCodeHash(std::string_view code) { return Sha256Hex(code); }

}  // namespace gongkai
