#include "layout_size.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

namespace gongkai::ingest_internal {
namespace {

constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
constexpr uint64_t kHigh = ~kLow7;
constexpr uint64_t kOnes = 0x0101010101010101ULL;

// Bit 7 of each byte of `w` that is an ASCII digit. Adding to the low seven bits cannot carry
// into the next byte (at most 0x7F + 0x50); a byte with its high bit set is never a digit.
uint64_t DigitBytes(uint64_t w) {
  const uint64_t low = w & kLow7;
  const uint64_t at_least_0 = low + kOnes * (0x80 - '0');
  const uint64_t above_9 = low + kOnes * (0x80 - '9' - 1);
  return at_least_0 & ~above_9 & ~w & kHigh;
}

// Bit 7 of each byte of `w` equal to `c`.
uint64_t BytesEqual(uint64_t w, unsigned char c) {
  const uint64_t x = w ^ (kOnes * c);                 // zero bytes where equal
  const uint64_t nonzero = ((x & kLow7) + kLow7) | x;  // bit 7 set iff the byte is not zero
  return ~nonzero & kHigh;
}

// The number of bytes of a BytesEqual/DigitBytes mask that are set (a multiply rather than
// std::popcount, which is a library call on baseline x86-64).
size_t CountMarked(uint64_t mask) { return static_cast<size_t>(((mask >> 7) * kOnes) >> 56); }

size_t LongestLine(std::string_view s) {
  size_t longest = 0;
  for (size_t start = 0;;) {
    const size_t end = s.find('\n', start);
    if (end == std::string_view::npos) return std::max(longest, s.size() - start);
    longest = std::max(longest, end - start);
    start = end + 1;
  }
}

LayoutSize FromCounts(size_t newlines, size_t breaks, size_t digit_runs, size_t longest) {
  LayoutSize size;
  size.lines = 1 + newlines;
  size.longest_line = longest;
  size.tokens = 2 * digit_runs + 2 * (1 + newlines + breaks);
  return size;
}

}  // namespace

LayoutSize MeasureLayout(std::string_view s) {
  size_t newlines = 0, breaks = 0, digit_runs = 0;
  size_t line_start = 0, longest = 0;  // the current line's first byte; the longest line so far
  uint64_t previous_digits = 0;  // DigitBytes of the previous word (its top byte matters)
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);  // little-endian: byte k of the text is byte k of w
    const uint64_t digits = DigitBytes(w);
    const uint64_t digit_before = (digits << 8) | (previous_digits >> 56);
    digit_runs += CountMarked(digits & ~digit_before);
    // Each newline ends a line (bit 7 of byte k is bit 8k + 7 of the mask).
    for (uint64_t ends = BytesEqual(w, '\n'); ends != 0; ends &= ends - 1) {
      const size_t end = i + static_cast<size_t>(std::countr_zero(ends)) / 8;
      longest = std::max(longest, end - line_start);
      line_start = end + 1;
      ++newlines;
    }
    breaks += CountMarked(BytesEqual(w, '\t') | BytesEqual(w, '|'));
    previous_digits = digits;
  }
  bool in_digits = (previous_digits >> 63) != 0;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    const bool digit = c >= '0' && c <= '9';
    digit_runs += digit && !in_digits;
    in_digits = digit;
    if (c == '\n') {
      longest = std::max(longest, i - line_start);
      line_start = i + 1;
      ++newlines;
    }
    breaks += c == '\t' || c == '|';
  }
  longest = std::max(longest, s.size() - line_start);
  static_assert(std::endian::native == std::endian::little, "MeasureLayout loads little-endian words");
  return FromCounts(newlines, breaks, digit_runs, longest);
}

LayoutSize MeasureLayoutBytewise(std::string_view s) {
  size_t newlines = 0, breaks = 0, digit_runs = 0;
  bool in_digits = false;
  for (char c : s) {
    const bool digit = c >= '0' && c <= '9';
    digit_runs += digit && !in_digits;
    in_digits = digit;
    newlines += c == '\n';
    breaks += c == '\t' || c == '|';
  }
  return FromCounts(newlines, breaks, digit_runs, LongestLine(s));
}

}  // namespace gongkai::ingest_internal
