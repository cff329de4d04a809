#include "gongkai/query_codes.h"

#include <gtest/gtest.h>

#include <filesystem>
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

TEST(QueryCodeStoreTest, FindsStoredCodesOnlyAndRefusesDuplicates) {
  std::string path = testing::TempDir() + "/query_codes_test.db";
  std::filesystem::remove(path);
  auto store = OpenSqliteQueryCodeStore(path);
  ASSERT_TRUE(store.ok()) << store.status().message();
  std::string code = NewQueryCode();
  ASSERT_TRUE((*store)->Put(code, 42).ok());
  EXPECT_EQ(*(*store)->Find(code), 42);
  EXPECT_FALSE((*store)->Find(NewQueryCode())->has_value());
  EXPECT_FALSE((*store)->Put(code, 43).ok());
  // Reopened: the codes persist.
  store = OpenSqliteQueryCodeStore(path);
  EXPECT_EQ(*(*store)->Find(code), 42);
}

}  // namespace
}  // namespace gongkai
