// Internal to the web server: CSRF tokens for every form (signed double submit).
//
// A token is "<nonce>.<tag>": 16 random bytes and their HMAC-SHA-512/256 under the server's key,
// both hex. The page sets it in a SameSite=Strict cookie and in a hidden field; a POST is
// accepted only if the field equals the cookie and the tag verifies, so another site can neither
// read nor forge it. Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace gongkai::web {

class CsrfGuard {
 public:
  CsrfGuard();  // a fresh random key per server process
  std::string NewToken() const;
  // True iff `field` == `cookie` and the token is one this guard signed.
  bool Verify(std::string_view field, std::string_view cookie) const;

 private:
  unsigned char key_[32];
};

inline constexpr const char* kCsrfCookie = "gk_csrf";
inline constexpr const char* kCsrfField = "csrf";

}  // namespace gongkai::web
