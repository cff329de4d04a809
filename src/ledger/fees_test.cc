#include <gtest/gtest.h>

#include "gongkai/ledger.h"

namespace gongkai {
namespace {

TEST(FeesTest, PerRequestBracketsByRankInTheMonth) {
  EXPECT_EQ(PerRequestFeeYuan(1), 0);
  EXPECT_EQ(PerRequestFeeYuan(10), 0);
  EXPECT_EQ(PerRequestFeeYuan(11), 100);
  EXPECT_EQ(PerRequestFeeYuan(30), 100);
  EXPECT_EQ(PerRequestFeeYuan(31), 200);
  EXPECT_EQ(PerRequestFeeYuan(40), 200);
  EXPECT_EQ(PerRequestFeeYuan(41), 300);
  EXPECT_EQ(PerRequestFeeYuan(51), 400);
}

TEST(FeesTest, PerPageIsMarginal) {
  EXPECT_EQ(PerPageFeeYuan(0), 0);
  EXPECT_EQ(PerPageFeeYuan(30), 0);
  EXPECT_EQ(PerPageFeeYuan(31), 10);
  EXPECT_EQ(PerPageFeeYuan(100), 700);          // 70 pages at 10
  EXPECT_EQ(PerPageFeeYuan(101), 720);          // + 1 page at 20
  EXPECT_EQ(PerPageFeeYuan(200), 2700);         // 700 + 100 at 20
  EXPECT_EQ(PerPageFeeYuan(250), 2700 + 2000);  // + 50 at 40
}

TEST(ReceiptTest, FollowsArticle31PerChannel) {
  Date d1 = *Date::Parse("2024-03-01"), d2 = *Date::Parse("2024-03-04");
  EXPECT_EQ(*ReceiptDate(Channel::kInPerson, {d1, std::nullopt, std::nullopt}), d1);
  EXPECT_EQ(*ReceiptDate(Channel::kLetterSigned, {d1, d2, std::nullopt}), d2);
  EXPECT_FALSE(ReceiptDate(Channel::kLetterSigned, {d1, std::nullopt, std::nullopt}).ok());
  EXPECT_EQ(*ReceiptDate(Channel::kOnline, {d1, std::nullopt, d2}), d2);
  EXPECT_FALSE(ReceiptDate(Channel::kOnline, {d1, std::nullopt, std::nullopt}).ok());
  EXPECT_FALSE(ReceiptDate(Channel::kFax, {}).ok());
  EXPECT_EQ(*ReceiptDate(Channel::kEmail, {std::nullopt, std::nullopt, d1}), d1);
  EXPECT_EQ(*ReceiptDate(Channel::kLetterOrdinary, {d1, std::nullopt, d1}), d1);
  EXPECT_EQ(*ReceiptDate(Channel::kLetterOrdinary, {d1, std::nullopt, d2}), d2);  // late, flagged
  EXPECT_FALSE(ReceiptDate(Channel::kLetterOrdinary, {d2, std::nullopt, d1}).ok());
}

TEST(Sha256Test, KnownVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(Sha256Hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

}  // namespace
}  // namespace gongkai
