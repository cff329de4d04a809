#include "gongkai/query_codes.h"

#include <gtest/gtest.h>

#include <set>

namespace gongkai {
namespace {

TEST(QueryCodeTest, CodesAreTwentyCrockfordCharactersAndDistinct) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    std::string c = NewQueryCode();
    ASSERT_EQ(c.size(), 20u);
    ASSERT_EQ(NormalizeQueryCode(c), c);
    seen.insert(c);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(QueryCodeTest, NormalisesWhatPeopleType) {
  EXPECT_EQ(NormalizeQueryCode("abcd-efgh-jkmn-pqrs-tvwx"), "ABCDEFGHJKMNPQRSTVWX");
  EXPECT_EQ(NormalizeQueryCode("0o1i l000 0000 0000 0000"), "00111000000000000000");
  EXPECT_EQ(FormatQueryCode("ABCDEFGHJKMNPQRSTVWX"), "ABCD-EFGH-JKMN-PQRS-TVWX");
  EXPECT_FALSE(NormalizeQueryCode("ABCD"));
  EXPECT_FALSE(NormalizeQueryCode("ABCDEFGHJKMNPQRSTVWXY"));
  EXPECT_FALSE(NormalizeQueryCode("ABCDEFGHJKMNPQRSTVW<"));
  EXPECT_FALSE(NormalizeQueryCode("查询码查询码查询码查询码查询码查询码查询码"));
}

TEST(QueryCodeTest, OnlyTheLowercaseSha256IsStored) {
  EXPECT_EQ(QueryCodeHash("ABCD"),
            "e12e115acf4552b2568b55e93cbd39394c4ef81c82447fafc997882a02d23677");
}

}  // namespace
}  // namespace gongkai
