// Internal to the web server: CSRF tokens for every form (signed double submit).
//
// A token is "<nonce>.<tag>": 16 random bytes and their HMAC-SHA-512/256 under the server's key,
// both hex. The page sets it in a SameSite=Strict cookie and in a hidden field; a POST is
// accepted only if the field equals the cookie and the tag verifies, so another site can neither
// read nor forge it. Thread-safe.
//
// Several servers behind one load balancer (scripts/cluster-up) must share the key, or a form
// served by one would be refused by the other: they read it from one key file (--secret-file),
// kept outside the database so that a dump or copy of the ledger never carries it. The first
// server to find the file missing creates it (mode 0600, atomically: the others read the same
// key); servers on several hosts get a copy of one file, as with a TLS key.
#pragma once

#include <string>
#include <string_view>

#include "gongkai/status.h"

namespace gongkai::web {

class CsrfGuard {
 public:
  CsrfGuard();  // a fresh random key per server process
  // The key in `path`: 64 hex digits (32 bytes) and an optional newline. A missing file is
  // created with a fresh key (mode 0600; if two servers race, both read the winner's key).
  // Errors name the file: unreadable, readable by group or others, or not such a key.
  static StatusOr<CsrfGuard> FromKeyFile(const std::string& path);
  std::string NewToken() const;
  // True iff `field` == `cookie` and the token is one this guard signed.
  bool Verify(std::string_view field, std::string_view cookie) const;

 private:
  unsigned char key_[32];
};

inline constexpr const char* kCsrfCookie = "gk_csrf";
inline constexpr const char* kCsrfField = "csrf";

}  // namespace gongkai::web
