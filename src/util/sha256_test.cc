#include "gongkai/sha256.h"

#include <gtest/gtest.h>

namespace gongkai {
namespace {

TEST(Sha256Test, IncrementalEqualsOneShotForEverySplit) {
  std::string data;
  for (int i = 0; i < 300; ++i) data.push_back(static_cast<char>(i * 7));
  const std::string whole = Sha256Hex(data);
  for (size_t a = 0; a <= data.size(); a += 13) {
    for (size_t b = a; b <= data.size(); b += 29) {
      Sha256 h;
      h.Update(std::string_view(data).substr(0, a));
      h.Update(std::string_view(data).substr(a, b - a));
      h.Update(std::string_view(data).substr(b));
      EXPECT_EQ(h.HexDigest(), whole) << a << " " << b;
    }
  }
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace gongkai
