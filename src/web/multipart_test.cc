#include "multipart.h"

#include <gtest/gtest.h>

namespace gongkai::web {
namespace {

const char kType[] = "multipart/form-data; boundary=----b0undary";

TEST(MultipartTest, SplitsFieldsAndFiles) {
  std::string body =
      "------b0undary\r\n"
      "Content-Disposition: form-data; name=\"name\"\r\n\r\n"
      "张三\r\n"
      "------b0undary\r\n"
      "Content-Disposition: form-data; name=\"attachment\"; filename=\"a.txt\"\r\n"
      "Content-Type: text/plain\r\n\r\n"
      "hello\r\n"
      "------b0undary--\r\n";
  auto f = ParseMultipart(kType, body);
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_EQ(f->fields.find("name")->second, "张三");
  ASSERT_EQ(f->files.size(), 1u);
  EXPECT_EQ(f->files[0].filename, "a.txt");
  EXPECT_EQ(f->files[0].content, "hello");
}

TEST(MultipartTest, RefusesMalformedBodies) {
  EXPECT_FALSE(ParseMultipart("text/plain", "x").ok());
  EXPECT_FALSE(ParseMultipart("multipart/form-data", "x").ok());
  EXPECT_FALSE(ParseMultipart(kType, "no parts at all").ok());
  EXPECT_FALSE(
      ParseMultipart(kType, "------b0undary\r\nBroken header\r\n\r\nx\r\n------b0undary--\r\n")
          .ok());
}

}  // namespace
}  // namespace gongkai::web
