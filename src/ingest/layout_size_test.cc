#include "layout_size.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace gongkai::ingest_internal {
namespace {

void ExpectSame(const std::string& s) {
  const LayoutSize fast = MeasureLayout(s), slow = MeasureLayoutBytewise(s);
  EXPECT_EQ(fast.lines, slow.lines) << s;
  EXPECT_EQ(fast.longest_line, slow.longest_line) << s;
  EXPECT_EQ(fast.tokens, slow.tokens) << s;
}

TEST(LayoutSize, CountsLinesCellsAndDigitRuns) {
  const LayoutSize size = MeasureLayout("ab 12\t3|x\n45");
  EXPECT_EQ(size.lines, 2u);
  EXPECT_EQ(size.longest_line, 9u);
  // digit runs: 12, 3, 45; cells: 1 + tab + pipe + newline.
  EXPECT_EQ(size.tokens, 2u * 3 + 2u * 4);
  EXPECT_EQ(MeasureLayout("").tokens, 2u);
}

TEST(LayoutSize, RunsAcrossWordBoundariesAndNonAscii) {
  // A digit run straddling the 8-byte boundary counts once; bytes like 0xB0..0xB9 (digits with
  // the high bit set) and '/' ':' next to the digits are not digits.
  ExpectSame("1234567890123");
  ExpectSame("abcdefg12345678");
  ExpectSame("\xB0\xB1\xB9/0:9\xE4\xB8\x80" "12");
  ExpectSame(std::string("\0\t|\n\x7F\x80\xFF", 7) + "0123456789");
}

TEST(LayoutSize, SwarEqualsBytewiseOnRandomText) {
  std::mt19937 rng(3);
  static const char kBytes[] = "0123456789/:\t|\n ab\x80\xB5\xFF\x7F";
  const std::string alphabet = std::string(kBytes, sizeof kBytes);  // with the '\0'

  for (int n = 0; n < 2000; ++n) {
    std::string s(std::uniform_int_distribution<size_t>(0, 70)(rng), ' ');
    for (char& c : s) c = alphabet[std::uniform_int_distribution<size_t>(0, alphabet.size() - 1)(rng)];
    ExpectSame(s);
    if (HasFailure()) return;
  }
}

}  // namespace
}  // namespace gongkai::ingest_internal
