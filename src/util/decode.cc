#include "gongkai/decode.h"

#include <errno.h>
#include <iconv.h>

#include <cstring>
#include <memory>

namespace gongkai {
namespace {

// Converts with iconv; on failure reports the input byte offset.
StatusOr<std::string> Iconv(std::string_view in, const char* from, const std::string& name) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return Status(StatusCode::kInternal, name + ": 不支持的编码 " + from);
  }
  std::unique_ptr<void, int (*)(iconv_t)> closer(cd, iconv_close);
  std::string out(in.size() * 2 + 16, '\0');
  char* inp = const_cast<char*>(in.data());
  size_t inleft = in.size();
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
    size_t offset = in.size() - inleft;
    return DataLossError(name + ": 字节偏移 " + std::to_string(offset) + " 处无法按 " + from +
                         " 解码 (cannot decode as " + from + " at byte offset " +
                         std::to_string(offset) + ")");
  }
  out.resize(static_cast<size_t>(outp - out.data()));
  return out;
}

}  // namespace

size_t FindInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    // Fast path: 8 ASCII bytes at a time.
    if (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if ((w & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t min;
    if ((c & 0xE0) == 0xC0) {
      len = 2, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4, min = 0x10000;
    } else {
      return i;
    }
    if (i + len > n) return i;
    uint32_t cp = c & (0xFF >> (len + 1));
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
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
    GONGKAI_ASSIGN_OR_RETURN(out.utf8, Iconv(bytes.substr(2), "UTF-16LE", name));
    out.encoding = "UTF-16LE";
    return out;
  }
  if (bytes.size() >= 2 && (static_cast<unsigned char>(bytes[0]) == 0xFE &&
                            static_cast<unsigned char>(bytes[1]) == 0xFF)) {
    GONGKAI_ASSIGN_OR_RETURN(out.utf8, Iconv(bytes.substr(2), "UTF-16BE", name));
    out.encoding = "UTF-16BE";
    return out;
  }
  size_t bad = FindInvalidUtf8(bytes);
  if (bad == std::string_view::npos) {
    out.utf8.assign(bytes);
    out.encoding = "UTF-8";
    return out;
  }
  auto gb = Iconv(bytes, "GB18030", name);
  if (!gb.ok()) {
    return DataLossError(name + ": 既不是有效的 UTF-8（字节偏移 " + std::to_string(bad) +
                         "），也不是有效的 GB18030 (neither UTF-8, invalid at byte offset " +
                         std::to_string(bad) + ", nor GB18030: " + gb.status().message() + ")");
  }
  out.utf8 = std::move(gb).value();
  out.encoding = "GB18030";
  return out;
}

std::string NormalizeForMatching(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  for (size_t i = 0; i < n;) {
    unsigned char c = p[i];
    if (c < 0x80) {
      if (c == '\r') {
        out.push_back('\n');
        i += (i + 1 < n && p[i + 1] == '\n') ? 2 : 1;
        continue;
      }
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    if (c == 0xC2 && i + 1 < n && p[i + 1] == 0xA0) {  // U+00A0
      out.push_back(' ');
      i += 2;
      continue;
    }
    if (c == 0xE3 && i + 2 < n && p[i + 1] == 0x80 && p[i + 2] == 0x80) {  // U+3000
      out.push_back(' ');
      i += 3;
      continue;
    }
    if (c == 0xEF && i + 2 < n) {
      uint32_t cp = ((c & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu);
      if (cp >= 0xFF01 && cp <= 0xFF5E) {  // full-width ASCII
        out.push_back(static_cast<char>(cp - 0xFEE0));
        i += 3;
        continue;
      }
      if (cp == 0xFEFF) {
        i += 3;
        continue;
      }
    }
    if (c == 0xE2 && i + 2 < n && p[i + 1] == 0x80 && p[i + 2] >= 0x8B && p[i + 2] <= 0x8D) {
      i += 3;  // zero-width space / joiners
      continue;
    }
    out.push_back(static_cast<char>(c));
    ++i;
  }
  return out;
}

}  // namespace gongkai
