// Turning the bytes of a text file into UTF-8.
//
// Detection, in order: a BOM (UTF-8, UTF-16LE, UTF-16BE); valid UTF-8; GB18030 (a superset of GBK
// and GB2312). Bytes that fit none of these are an error naming the byte offset; nothing is
// guessed silently. Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "gongkai/status.h"

namespace gongkai {

struct DecodedText {
  std::string utf8;
  std::string encoding;  // "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE", "GB18030"
};

// Decodes `bytes`. `name` is used only in error messages.
StatusOr<DecodedText> DecodeToUtf8(std::string_view bytes, const std::string& name);

// Converts `bytes` from `charset` (an iconv name such as "GB18030") to UTF-8. Errors name `name`
// and the byte offset of the first undecodable byte; an unknown charset is kInvalidArgument.
StatusOr<std::string> ConvertToUtf8(std::string_view bytes, const std::string& charset,
                                    const std::string& name);

// Returns the offset of the first byte that is not part of valid UTF-8, or npos if all valid.
size_t FindInvalidUtf8(std::string_view s);

// Folds text for matching: full-width ASCII forms (Ａ-ｚ, ０-９, （）：，．) to ASCII, ideographic
// and no-break spaces to ' ', CR and CRLF to '\n'; drops BOMs and zero-width characters.
// Line structure is preserved, so line numbers stay valid. REQUIRES: valid UTF-8.
std::string NormalizeForMatching(std::string_view utf8);

// True if a byte may start a character that NormalizeForMatching changes; every other byte is
// copied unchanged (so byte offsets agree up to the first such byte).
constexpr bool MayNormalize(unsigned char c) {
  return c == '\r' || c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xEF;
}

// The offset of `needle` in `s` at or after `from`, or npos: std::string_view::find's contract.
// For Chinese needles: string_view::find runs memchr for the needle's first byte, one of the few
// lead bytes nearly every Chinese character starts with, so it stops and compares at nearly
// every character; FindText runs memchr for the needle's third byte instead (for a Chinese
// character, a continuation byte spread over 64 values), which skips long stretches. Cheap to
// set up, so as good on a token or a line as on a whole text.
size_t FindText(std::string_view s, std::string_view needle, size_t from = 0);

// `c` with A–Z lowercased; every other byte (UTF-8 included) as it is. Locale-free.
constexpr char AsciiLower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// `s` with A–Z lowercased, as AsciiLower(char) does byte by byte: for tag names, header names,
// charset labels and other ASCII keywords inside text that may hold Chinese.
std::string AsciiLower(std::string_view s);

// The start of `s` up to its first clause break ("。", "，", "；", ",", ";", ":"), or all of `s`.
// One pass that stops at the break, for scanning many clauses of a long text.
std::string_view UpToClauseBreak(std::string_view s);

// Normalizes the one character starting at byte `i` of `s` as NormalizeForMatching does,
// appending the result to `*out` when `out` is not null. Returns the bytes consumed (>= 1).
size_t NormalizeChar(std::string_view s, size_t i, std::string* out);

}  // namespace gongkai
