#include "gongkai/file.h"

#include <sys/stat.h>

#include <cstdio>
#include <fstream>

#include <gtest/gtest.h>

namespace gongkai {
namespace {

TEST(ReadFileToStringTest, ReadsBytesAndNamesErrors) {
  std::string path = ::testing::TempDir() + "/file_test.bin";
  {
    std::ofstream out(path, std::ios::binary);
    out << std::string("a\0b\xE4\xB8\xAD", 6);
  }
  auto r = ReadFileToString(path);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, std::string("a\0b\xE4\xB8\xAD", 6));
  auto big = ReadFileToString(path, 5);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(big.status().message().find(path), std::string::npos);
  auto missing = ReadFileToString(path + ".missing");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  std::remove(path.c_str());
  {
    std::ofstream out(path, std::ios::binary);
  }
  auto empty = ReadFileToString(path);
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
  std::remove(path.c_str());
}

// Issue 8: `mkfifo f.txt; gongkai check f.txt` blocked forever in open(). A FIFO, a device or a
// directory is refused at once, naming the path.
TEST(ReadFileToStringTest, RefusesFifosDevicesAndDirectoriesWithoutBlocking) {
  std::string fifo = ::testing::TempDir() + "/file_test.fifo";
  std::remove(fifo.c_str());
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  auto r = ReadFileToString(fifo);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find(fifo), std::string::npos);
  EXPECT_NE(r.status().message().find("not a regular file"), std::string::npos);
  std::remove(fifo.c_str());
  EXPECT_FALSE(ReadFileToString("/dev/zero").ok());
  EXPECT_FALSE(ReadFileToString(::testing::TempDir()).ok());
}

}  // namespace
}  // namespace gongkai
