#include "gongkai/attachment_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "ledger_test_util.h"

namespace gongkai {
namespace {

TEST(ReadAttachmentTest, ReadsARegularFileWithinTheLimit) {
  ledger_test::TempDir dir;
  std::string path = dir.File("申请表.txt");
  std::ofstream(path) << "hello";
  auto a = ReadAttachment(path, 5);
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->name, "申请表.txt");
  EXPECT_EQ(a->content, "hello");
  EXPECT_EQ(a->size, 5);
  auto big = ReadAttachment(path, 4);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(big.status().message().find("超过上限"), std::string::npos);
}

TEST(ReadAttachmentTest, RefusesAFifoWithoutBlocking) {
  ledger_test::TempDir dir;
  std::string path = dir.File("f.pdf");
  ASSERT_EQ(mkfifo(path.c_str(), 0600), 0);
  auto a = ReadAttachment(path, 1000);  // would block forever if it opened for a blocking read
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.status().message().find("不是普通文件"), std::string::npos) << a.status().message();
  EXPECT_FALSE(ReadAttachment(dir.File("."), 1000).ok());
  EXPECT_EQ(ReadAttachment(dir.File("missing"), 1000).status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace gongkai
