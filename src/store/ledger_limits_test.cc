#include "gongkai/ledger_limits.h"

#include <gtest/gtest.h>

namespace gongkai {
namespace {

TEST(CheckTextFieldsTest, NamesTheFirstBadField) {
  EXPECT_TRUE(CheckTextFields({{"名称 (name)", "通辽市人民政府"}, {"备注", "a\tb\nc"}}).ok());
  Status s = CheckTextFields({{"名称 (name)", "ok"}, {"批准人 (approver)", "\xff"}});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("批准人 (approver)"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("UTF-8"), std::string::npos);
  EXPECT_FALSE(CheckTextFields({{"x", std::string_view("a\0b", 3)}}).ok());
  EXPECT_FALSE(CheckTextFields({{"x", "\x1b[31m"}}).ok());
  std::string huge(ledger_limits::kMaxTextFieldBytes + 1, 'a');
  Status t = CheckTextFields({{"内容 (content)", huge}});
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.message().find("过长"), std::string::npos);
}

TEST(EscapeFileNameTest, KeepsUtf8AndEscapesEverythingElse) {
  EXPECT_EQ(EscapeFileName("申请表.pdf"), "申请表.pdf");
  // "申请" in GBK: C9 EA C7 EB — not UTF-8.
  EXPECT_EQ(EscapeFileName("\xc9\xea\xc7\xeb.txt"), "\\xC9\\xEA\\xC7\\xEB.txt");
  EXPECT_EQ(EscapeFileName("a\\xff"), "a\\x5Cxff");  // a typed backslash stays distinguishable
  EXPECT_EQ(EscapeFileName("a\nb\x7f"), "a\\x0Ab\\x7F");
  EXPECT_EQ(EscapeFileName("表\xe8"), "表\\xE8");  // truncated sequence at the end
  EXPECT_TRUE(CheckTextFields({{"f", EscapeFileName("\xff\xfe\x01\xc0\x80")}}).ok());
}

}  // namespace
}  // namespace gongkai
