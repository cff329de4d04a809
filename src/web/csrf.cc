#include "csrf.h"

#include <sodium.h>

#include <cstdlib>

namespace gongkai::web {
namespace {

constexpr size_t kNonceBytes = 16;

std::string Hex(const unsigned char* bytes, size_t n) {
  std::string out(2 * n + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, n);
  out.pop_back();
  return out;
}

}  // namespace

CsrfGuard::CsrfGuard() {
  if (sodium_init() < 0) std::abort();
  crypto_auth_keygen(key_);
}

std::string CsrfGuard::NewToken() const {
  unsigned char nonce[kNonceBytes];
  randombytes_buf(nonce, sizeof nonce);
  unsigned char tag[crypto_auth_BYTES];
  crypto_auth(tag, nonce, sizeof nonce, key_);
  return Hex(nonce, sizeof nonce) + "." + Hex(tag, sizeof tag);
}

bool CsrfGuard::Verify(std::string_view field, std::string_view cookie) const {
  if (field.empty() || field.size() != cookie.size() ||
      sodium_memcmp(field.data(), cookie.data(), field.size()) != 0) {
    return false;
  }
  size_t dot = field.find('.');
  if (dot != 2 * kNonceBytes || field.size() != dot + 1 + 2 * crypto_auth_BYTES) return false;
  unsigned char nonce[kNonceBytes], tag[crypto_auth_BYTES];
  size_t n = 0;
  if (sodium_hex2bin(nonce, sizeof nonce, field.data(), dot, nullptr, &n, nullptr) != 0 ||
      n != sizeof nonce) {
    return false;
  }
  if (sodium_hex2bin(tag, sizeof tag, field.data() + dot + 1, 2 * crypto_auth_BYTES, nullptr, &n,
                     nullptr) != 0 ||
      n != sizeof tag) {
    return false;
  }
  return crypto_auth_verify(tag, nonce, sizeof nonce, key_) == 0;
}

}  // namespace gongkai::web
