// The account model: role ids, the actor's scope and the password policy.
#include <gtest/gtest.h>

#include "gongkai/accounts.h"

namespace gongkai {
namespace {

TEST(RoleTest, IdsRoundTrip) {
  for (Role r : {Role::kClerk, Role::kApprover, Role::kAdmin, Role::kSupervisor}) {
    auto back = RoleFromId(RoleId(r));
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, r);
    EXPECT_FALSE(RoleLabel(r).empty());
  }
  EXPECT_FALSE(RoleFromId("root").ok());
  EXPECT_FALSE(RoleFromId("").ok());
}

TEST(ActorTest, SeesOnlyItsAgencies) {
  Actor a{7, "clerk-3", Role::kClerk, 3, {3, 5, 9}};
  EXPECT_TRUE(a.Sees(3));
  EXPECT_TRUE(a.Sees(9));
  EXPECT_FALSE(a.Sees(4));
  EXPECT_FALSE(a.Sees(0));
  EXPECT_EQ(a.AuditName(), "user:clerk-3");
}

TEST(PasswordStrengthTest, RefusesWeakPasswordsInChinese) {
  struct Case {
    const char* password;
    const char* says;
  } weak[] = {{"", "不能为空"},
              {"Ab1-short", "太短"},
              {"abcdefghijkl", "两类"},
              {"12345678901", "两类"},
              {"Password123", "常见"},
              {"xx-clerk-1-2026", "登录名"},
              {"XX-CLERK-1-2026", "登录名"}};
  for (const Case& c : weak) {
    Status s = CheckPasswordStrength("clerk-1", c.password);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << c.password;
    EXPECT_NE(s.message().find(c.says), std::string::npos) << c.password << ": " << s.message();
  }
  EXPECT_FALSE(CheckPasswordStrength("a", std::string(257, 'x') + "1").ok());
  EXPECT_TRUE(CheckPasswordStrength("clerk-1", "Grassland-2026").ok());
  EXPECT_TRUE(CheckPasswordStrength("clerk-1", "草原生态保护补助2026").ok());  // 10+ characters
  EXPECT_FALSE(CheckPasswordStrength("clerk-1", "草原生态保护补助").ok());     // 8 characters
}

}  // namespace
}  // namespace gongkai
