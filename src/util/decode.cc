#include "gongkai/decode.h"

#include <errno.h>
#include <iconv.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>

namespace gongkai {

StatusOr<std::string> ConvertToUtf8(std::string_view bytes, const std::string& charset,
                                    const std::string& name) {
  iconv_t cd = iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return InvalidArgumentError(name + ": 不支持的编码 " + charset + " (unknown encoding)");
  }
  std::unique_ptr<void, int (*)(iconv_t)> closer(cd, iconv_close);
  std::string out(bytes.size() * 2 + 16, '\0');
  char* inp = const_cast<char*>(bytes.data());
  size_t inleft = bytes.size();
  char* outp = out.data();
  size_t outleft = out.size();
  while (inleft > 0) {
    size_t r = iconv(cd, &inp, &inleft, &outp, &outleft);
    if (r != static_cast<size_t>(-1)) break;
    if (errno == E2BIG) {
      size_t used = static_cast<size_t>(outp - out.data());
      out.resize(out.size() * 2);
      outp = out.data() + used;
      outleft = out.size() - used;
      continue;
    }
    size_t offset = bytes.size() - inleft;
    return DataLossError(name + ": 字节偏移 " + std::to_string(offset) + " 处无法按 " + charset +
                         " 解码 (cannot decode as " + charset + " at byte offset " +
                         std::to_string(offset) + ")");
  }
  out.resize(static_cast<size_t>(outp - out.data()));
  if (FindInvalidUtf8(out) != std::string::npos) {
    return DataLossError(name + ": 解码结果不是有效的 UTF-8 (decoding gave invalid UTF-8)");
  }
  return out;
}

size_t FindInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      // Skip ASCII eight bytes at a time.
      while (i + 8 <= n) {
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ULL) break;
        i += 8;
      }
      while (i < n && p[i] < 0x80) ++i;
      continue;
    }
    // Well-formed sequences (Unicode Table 3-7): no overlongs, surrogates or values > U+10FFFF.
    if (c >= 0xC2 && c <= 0xDF) {
      if (i + 1 >= n || (p[i + 1] & 0xC0) != 0x80) return i;
      i += 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      if (i + 2 >= n) return i;
      unsigned char c1 = p[i + 1];
      unsigned char lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
      if (c1 < lo || c1 > hi || (p[i + 2] & 0xC0) != 0x80) return i;
      i += 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      if (i + 3 >= n) return i;
      unsigned char c1 = p[i + 1];
      unsigned char lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
      if (c1 < lo || c1 > hi || (p[i + 2] & 0xC0) != 0x80 || (p[i + 3] & 0xC0) != 0x80) return i;
      i += 4;
    } else {
      return i;
    }
  }
  return std::string_view::npos;
}

StatusOr<DecodedText> DecodeToUtf8(std::string_view bytes, const std::string& name) {
  DecodedText out;
  if (bytes.size() >= 3 && std::memcmp(bytes.data(), "\xEF\xBB\xBF", 3) == 0) {
    std::string_view rest = bytes.substr(3);
    size_t bad = FindInvalidUtf8(rest);
    if (bad != std::string_view::npos) {
      return DataLossError(name + ": 字节偏移 " + std::to_string(bad + 3) +
                           " 处不是有效的 UTF-8 (invalid UTF-8 at byte offset " +
                           std::to_string(bad + 3) + ")");
    }
    out.utf8.assign(rest);
    out.encoding = "UTF-8 (BOM)";
    return out;
  }
  if (bytes.size() >= 2 && (static_cast<unsigned char>(bytes[0]) == 0xFF &&
                            static_cast<unsigned char>(bytes[1]) == 0xFE)) {
    GONGKAI_ASSIGN_OR_RETURN(out.utf8, ConvertToUtf8(bytes.substr(2), "UTF-16LE", name));
    out.encoding = "UTF-16LE";
    return out;
  }
  if (bytes.size() >= 2 && (static_cast<unsigned char>(bytes[0]) == 0xFE &&
                            static_cast<unsigned char>(bytes[1]) == 0xFF)) {
    GONGKAI_ASSIGN_OR_RETURN(out.utf8, ConvertToUtf8(bytes.substr(2), "UTF-16BE", name));
    out.encoding = "UTF-16BE";
    return out;
  }
  size_t bad = FindInvalidUtf8(bytes);
  if (bad == std::string_view::npos) {
    out.utf8.assign(bytes);
    out.encoding = "UTF-8";
    return out;
  }
  auto gb = ConvertToUtf8(bytes, "GB18030", name);
  if (!gb.ok()) {
    return DataLossError(name + ": 既不是有效的 UTF-8（字节偏移 " + std::to_string(bad) +
                         "），也不是有效的 GB18030 (neither UTF-8, invalid at byte offset " +
                         std::to_string(bad) + ", nor GB18030: " + gb.status().message() + ")");
  }
  out.utf8 = std::move(gb).value();
  out.encoding = "GB18030";
  return out;
}

size_t NormalizeChar(std::string_view s, size_t i, std::string* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  unsigned char c = p[i];
  auto emit = [out](char ch) {
    if (out) out->push_back(ch);
  };
  if (c < 0x80) {
    if (c == '\r') {
      emit('\n');
      return (i + 1 < n && p[i + 1] == '\n') ? 2 : 1;
    }
    emit(static_cast<char>(c));
    return 1;
  }
  if (c == 0xC2 && i + 1 < n && p[i + 1] == 0xA0) {  // U+00A0
    emit(' ');
    return 2;
  }
  if (c == 0xE3 && i + 2 < n && p[i + 1] == 0x80 && p[i + 2] == 0x80) {  // U+3000
    emit(' ');
    return 3;
  }
  if (c == 0xEF && i + 2 < n) {
    uint32_t cp = ((c & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu);
    if (cp >= 0xFF01 && cp <= 0xFF5E) {  // full-width ASCII
      emit(static_cast<char>(cp - 0xFEE0));
      return 3;
    }
    if (cp == 0xFEFF) return 3;  // BOM
  }
  if (c == 0xE2 && i + 2 < n && p[i + 1] == 0x80 && p[i + 2] >= 0x8B && p[i + 2] <= 0x8D) {
    return 3;  // zero-width space / joiners
  }
  size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
  len = std::min(len, n - i);
  if (out) out->append(s.data() + i, len);
  return len;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

size_t FindText(std::string_view s, std::string_view needle, size_t from) {
  constexpr size_t kAnchor = 2;  // the needle's byte that memchr looks for
  if (needle.size() <= kAnchor) return s.find(needle, from);
  const char anchor = needle[kAnchor];
  for (size_t pos = from; pos + needle.size() <= s.size();) {
    // Every start at which the needle would still fit: s.size() - needle.size() - pos + 1.
    const void* hit =
        std::memchr(s.data() + pos + kAnchor, anchor, s.size() - needle.size() - pos + 1);
    if (!hit) return std::string_view::npos;
    const size_t start = static_cast<size_t>(static_cast<const char*>(hit) - s.data()) - kAnchor;
    if (s.compare(start, needle.size(), needle) == 0) return start;
    pos = start + 1;
  }
  return std::string_view::npos;
}

std::string_view UpToClauseBreak(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ',' || c == ';' || c == ':') return s.substr(0, i);
    if (i + 2 < s.size()) {
      const unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
      const unsigned char c2 = static_cast<unsigned char>(s[i + 2]);
      if ((c == 0xE3 && c1 == 0x80 && c2 == 0x82) ||                 // 。
          (c == 0xEF && c1 == 0xBC && (c2 == 0x8C || c2 == 0x9B))) {  // ， ；
        return s.substr(0, i);
      }
    }
  }
  return s;
}

std::string NormalizeForMatching(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    // Copy runs of characters that normalization leaves alone in one append.
    // (MayNormalize read from a table: one load per byte instead of five comparisons.)
    static constexpr auto kMayNormalize = [] {
      std::array<bool, 256> may{};
      for (int c = 0; c < 256; ++c) may[c] = MayNormalize(static_cast<unsigned char>(c));
      return may;
    }();
    size_t run = i;
    while (run < n && !kMayNormalize[static_cast<unsigned char>(s[run])]) ++run;
    out.append(s.data() + i, run - i);
    i = run;
    if (i < n) i += NormalizeChar(s, i, &out);
  }
  return out;
}

}  // namespace gongkai
