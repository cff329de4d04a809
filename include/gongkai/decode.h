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

// Returns the offset of the first byte that is not part of valid UTF-8, or npos if all valid.
size_t FindInvalidUtf8(std::string_view s);

// Folds text for matching: full-width ASCII forms (Ａ-ｚ, ０-９, （）：，．) to ASCII, ideographic
// and no-break spaces to ' ', CR and CRLF to '\n'; drops BOMs and zero-width characters.
// Line structure is preserved, so line numbers stay valid. REQUIRES: valid UTF-8.
std::string NormalizeForMatching(std::string_view utf8);

}  // namespace gongkai
