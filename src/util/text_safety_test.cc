#include "gongkai/text_safety.h"

#include <gtest/gtest.h>

namespace gongkai {
namespace {

TEST(TerminalSafe, RemovesEscapeSequencesAndControls) {
  EXPECT_EQ(TerminalSafe("a\x1b[31mred\x1b[0m b"), "ared b");
  EXPECT_EQ(TerminalSafe("x\x1b]0;title\ay"), "xy");
  EXPECT_EQ(TerminalSafe("tab\there\nline\rcr\x07"), "tab\there\nlinecr");
  EXPECT_EQ(TerminalSafe("c1\xC2\x9B"
                         "2J"),
            "c12J");  // U+009B is a C1 CSI
  EXPECT_EQ(TerminalSafe("公开"), "公开");
}

TEST(TerminalSafe, ReplacesInvalidUtf8) {
  EXPECT_EQ(TerminalSafe("a\xff"
                         "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(TerminalSafe("\xE5\x85"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // truncated 公
}

TEST(XmlSafe, DropsCharactersXml10Forbids) {
  EXPECT_EQ(XmlSafe("a\x01"
                    "b\x1f"
                    "c"),
            "abc");
  EXPECT_EQ(XmlSafe("x\xEF\xBF\xBEy\xEF\xBF\xBFz"), "xyz");  // U+FFFE, U+FFFF
  EXPECT_EQ(XmlSafe("keep\t\n\r公开"), "keep\t\n\r公开");
  EXPECT_EQ(XmlSafe("\xc0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong NUL is not UTF-8
}

TEST(SpreadsheetSafe, PrefixesFormulaStarts) {
  for (std::string s : {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"}) {
    EXPECT_EQ(SpreadsheetSafe(s), "'" + s) << s;
  }
  EXPECT_EQ(SpreadsheetSafe("公开 = 1"), "公开 = 1");
  EXPECT_EQ(SpreadsheetSafe(""), "");
}

TEST(CsvCell, NeutralisesQuotesAndKeepsOneRecordPerLine) {
  EXPECT_EQ(CsvCell("满洲里市"), "满洲里市");
  EXPECT_EQ(CsvCell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
  EXPECT_EQ(CsvCell("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvCell("line\nnext"), "\"line next\"");
  EXPECT_EQ(CsvCell("\x1b[31mred"), "red");
}

TEST(CheckTextField, NamesTheFieldAndByte) {
  EXPECT_EQ(CheckTextField("--name", "公开"), "");
  std::string e = CheckTextField("--name", "ab\xff");
  EXPECT_NE(e.find("--name"), std::string::npos);
  EXPECT_NE(e.find("3"), std::string::npos);
  EXPECT_NE(CheckTextField("--content", "a\x01").find("control"), std::string::npos);
  EXPECT_EQ(CheckTextField("--content", "line\nnext\ttab"), "");
}

}  // namespace
}  // namespace gongkai
