// SHA-256 (FIPS 180-4): attachment hashes and the audit log's hash chain.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace gongkai {

// Incremental hashing, for data that arrives in pieces (a file read in chunks). Not thread-safe.
class Sha256 {
 public:
  Sha256();
  void Update(std::string_view bytes);
  // Lowercase hex digest of everything given to Update. Call once; the object is then spent.
  std::string HexDigest();

 private:
  std::array<uint32_t, 8> h_;
  unsigned char buffer_[64];
  size_t buffered_ = 0;
  uint64_t total_ = 0;
};

// Lowercase hex SHA-256 of `bytes`.
std::string Sha256Hex(std::string_view bytes);

}  // namespace gongkai
