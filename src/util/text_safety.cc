#include "gongkai/text_safety.h"

#include "gongkai/decode.h"

namespace gongkai {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the valid UTF-8 sequence starting at s[i], or 0 if it is not one.
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  size_t valid = FindInvalidUtf8(s.substr(i, 4));
  unsigned char c = s[i];
  size_t want = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (want == 0 || i + want > s.size()) return 0;
  // FindInvalidUtf8 on the window reports the first bad byte; a whole sequence must come before it.
  if (valid != std::string_view::npos && valid < want) return 0;
  return want;
}

// Decodes the code point of a valid sequence of length `n` at s[i].
char32_t CodePoint(std::string_view s, size_t i, size_t n) {
  auto b = [&](size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k])); };
  switch (n) {
    case 1:
      return b(0);
    case 2:
      return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
    case 3:
      return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    default:
      return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
  }
}

// Skips an ANSI escape sequence starting with ESC at s[i]; returns the index after it.
size_t SkipEscapeSequence(std::string_view s, size_t i) {
  size_t j = i + 1;
  if (j >= s.size()) return j;
  if (s[j] == '[') {  // CSI: parameters and intermediates, then one final byte 0x40..0x7E
    for (++j; j < s.size(); ++j) {
      unsigned char c = s[j];
      if (c >= 0x40 && c <= 0x7E) return j + 1;
      if (c < 0x20 || c > 0x7E) return j;
    }
    return j;
  }
  if (s[j] == ']' || s[j] == 'P' || s[j] == '_' || s[j] == '^') {  // OSC/DCS/APC/PM: to BEL or ST
    for (++j; j < s.size(); ++j) {
      if (s[j] == '\a') return j + 1;
      if (s[j] == '\x1b' && j + 1 < s.size() && s[j + 1] == '\\') return j + 2;
    }
    return j;
  }
  return j + 1;  // two-byte sequence such as ESC c
}

template <typename Keep>
std::string Filter(std::string_view s, bool skip_escapes, Keep keep) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (skip_escapes && s[i] == '\x1b') {
      i = SkipEscapeSequence(s, i);
      continue;
    }
    size_t n = Utf8SequenceLength(s, i);
    if (n == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    if (keep(CodePoint(s, i, n))) out.append(s.substr(i, n));
    i += n;
  }
  return out;
}

}  // namespace

std::string TerminalSafe(std::string_view s) {
  return Filter(s, true, [](char32_t c) {
    if (c == '\t' || c == '\n') return true;
    return !(c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F));
  });
}

std::string XmlSafe(std::string_view s) {
  return Filter(s, false, [](char32_t c) {
    if (c == '\t' || c == '\n' || c == '\r') return true;
    return !(c < 0x20 || c == 0xFFFE || c == 0xFFFF);
  });
}

std::string SpreadsheetSafe(std::string_view cell) {
  if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' ||
                        cell[0] == '\t' || cell[0] == '\r')) {
    return "'" + std::string(cell);
  }
  return std::string(cell);
}

std::string CsvCell(std::string_view raw) {
  std::string s = SpreadsheetSafe(TerminalSafe(raw));
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') {
      out += "\"\"";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string CheckTextField(std::string_view field, std::string_view s) {
  size_t bad = FindInvalidUtf8(s);
  if (bad != std::string_view::npos) {
    return std::string(field) + " 不是有效的 UTF-8 文本（第 " + std::to_string(bad + 1) +
           " 字节）(" + std::string(field) + " is not valid UTF-8 at byte " +
           std::to_string(bad + 1) + ")";
  }
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = s[i];
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      return std::string(field) + " 含有控制字符（第 " + std::to_string(i + 1) + " 字节）(" +
             std::string(field) + " contains a control character at byte " + std::to_string(i + 1) +
             ")";
    }
  }
  return {};
}

}  // namespace gongkai
