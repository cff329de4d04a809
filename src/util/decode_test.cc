#include "gongkai/decode.h"

#include <gtest/gtest.h>
#include <iconv.h>

#include <string>
#include <vector>

namespace gongkai {
namespace {

std::string Convert(const std::string& utf8, const char* to) {
  iconv_t cd = iconv_open(to, "UTF-8");
  std::string out(utf8.size() * 4 + 8, '\0');
  char* in = const_cast<char*>(utf8.data());
  size_t inleft = utf8.size(), outleft = out.size();
  char* o = out.data();
  iconv(cd, &in, &inleft, &o, &outleft);
  iconv_close(cd);
  out.resize(out.size() - outleft);
  return out;
}

const std::string kSample = "一、总体情况\n本年新收政府信息公开申请数量\t3\n";

TEST(DecodeTest, PlainUtf8PassesThrough) {
  auto r = DecodeToUtf8(kSample, "a.txt");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->utf8, kSample);
  EXPECT_EQ(r->encoding, "UTF-8");
}

TEST(DecodeTest, Utf8BomIsStripped) {
  auto r = DecodeToUtf8("\xEF\xBB\xBF" + kSample, "a.txt");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->utf8, kSample);
  EXPECT_EQ(r->encoding, "UTF-8 (BOM)");
}

TEST(DecodeTest, Utf16WithBom) {
  auto le = DecodeToUtf8("\xFF\xFE" + Convert(kSample, "UTF-16LE"), "le.txt");
  ASSERT_TRUE(le.ok()) << le.status().message();
  EXPECT_EQ(le->utf8, kSample);
  EXPECT_EQ(le->encoding, "UTF-16LE");
  auto be = DecodeToUtf8("\xFE\xFF" + Convert(kSample, "UTF-16BE"), "be.txt");
  ASSERT_TRUE(be.ok());
  EXPECT_EQ(be->utf8, kSample);
}

TEST(DecodeTest, GbkIsDetected) {
  std::string gbk = Convert(kSample, "GBK");
  ASSERT_NE(gbk, kSample);
  auto r = DecodeToUtf8(gbk, "gbk.txt");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->utf8, kSample);
  EXPECT_EQ(r->encoding, "GB18030");
}

TEST(DecodeTest, UndecodableBytesNameFileAndOffset) {
  std::string bad = "abc\x80\xFF\xFF";
  auto r = DecodeToUtf8(bad, "bad.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("bad.txt"), std::string::npos);
  EXPECT_NE(r.status().message().find("3"), std::string::npos);
}

TEST(DecodeTest, FindInvalidUtf8) {
  EXPECT_EQ(FindInvalidUtf8("plain ascii text, long enough for the fast path"), std::string::npos);
  EXPECT_EQ(FindInvalidUtf8("中文"), std::string::npos);
  EXPECT_EQ(FindInvalidUtf8("ab\xC0\x80"), 2u);            // overlong
  EXPECT_EQ(FindInvalidUtf8("abcdefgh\xED\xA0\x80"), 8u);  // surrogate
  EXPECT_EQ(FindInvalidUtf8("\xE4\xB8"), 0u);              // truncated
}

TEST(NormalizeTest, FullWidthFormsBecomeAscii) {
  EXPECT_EQ(NormalizeForMatching("（一）予以公开：１２３，４"), "(一)予以公开:123,4");
  EXPECT_EQ(NormalizeForMatching("a\xE3\x80\x80"
                                 "b\xC2\xA0"
                                 "c"),
            "a b c");
  EXPECT_EQ(NormalizeForMatching("x\r\ny\rz"), "x\ny\nz");
  EXPECT_EQ(NormalizeForMatching("\xEF\xBB\xBF"
                                 "a\xE2\x80\x8B"
                                 "b"),
            "ab");
  EXPECT_EQ(NormalizeForMatching("“三安全一稳定”、。"), "“三安全一稳定”、。");
}

}  // namespace
}  // namespace gongkai

namespace gongkai {
namespace {

TEST(DecodeTest, UpToClauseBreakStopsAtTheFirstBreak) {
  EXPECT_EQ(UpToClauseBreak("收到申请12件，办结10件。"), "收到申请12件");
  EXPECT_EQ(UpToClauseBreak("政府信息公开行政复议;其他"), "政府信息公开行政复议");
  EXPECT_EQ(UpToClauseBreak("一句话。后文"), "一句话");
  EXPECT_EQ(UpToClauseBreak("a:b"), "a");
  EXPECT_EQ(UpToClauseBreak("没有分隔"), "没有分隔");
  EXPECT_EQ(UpToClauseBreak("甲；乙"), "甲");
  EXPECT_EQ(UpToClauseBreak(""), "");
}

}  // namespace
}  // namespace gongkai

namespace gongkai {
namespace {

TEST(DecodeTest, FindTextAgreesWithStringViewFind) {
  const std::string_view text = "本年度收到申请12件，办理申请10件，办理完毕。";
  for (std::string_view needle : {"办理", "申请", "件", "。", "不存在", "", "本年度收到申请12件，办理申请10件，办理完毕。x"}) {
    for (size_t from = 0; from <= text.size() + 1; ++from) {
      EXPECT_EQ(FindText(text, needle, from), text.find(needle, from)) << needle << " " << from;
    }
  }
  // Short texts and needles, repeated and overlapping characters, a lone lead byte.
  const std::vector<std::string> texts = {
      "", "勾", "勾稽", "表中勾稽关系", "勾勾稽稽勾稽", "abc", "上年结转上年结转", "3.其他3、其他",
      "行政复议、行政诉讼", "\xE5\x8B\xBE"};
  const std::vector<std::string> needles = {"", "a", "ab", "abc", "勾稽", "勾", "稽", "上年结转",
                                            "3.其他", "、", "行政诉讼", "复议、行"};
  for (const std::string& t : texts) {
    for (const std::string& w : needles) {
      for (size_t from = 0; from <= t.size() + 1; ++from) {
        EXPECT_EQ(FindText(t, w, from), std::string_view(t).find(w, from))
            << t << " / " << w << " from " << from;
      }
    }
  }
}

TEST(DecodeTest, AsciiLowerChangesOnlyAsciiCapitals) {
  EXPECT_EQ(AsciiLower("Content-Type: TEXT/Html; Charset=GB2312"),
            "content-type: text/html; charset=gb2312");
  // UTF-8 bytes are never letters, whatever the locale: 公开 and a full-width Ａ stay as they are.
  EXPECT_EQ(AsciiLower("公开ＡBz@[`{"), "公开Ａbz@[`{");
  EXPECT_EQ(AsciiLower(std::string_view("A\0B", 3)), std::string("a\0b", 3));
  static_assert(AsciiLower('Q') == 'q' && AsciiLower('q') == 'q' && AsciiLower('\xC3') == '\xC3');
}

}  // namespace
}  // namespace gongkai
