#include "escape.h"

#include "gongkai/text_safety.h"

namespace gongkai::render_internal {
namespace {

// Line breaks and tabs as single spaces.
std::string OneLine(std::string_view text) {
  std::string out = XmlSafe(text);
  for (char& c : out)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return out;
}

bool MarkdownSpecial(char c) {
  switch (c) {
    case '\\': case '`': case '*': case '_': case '#': case '[': case ']':
    case '<': case '>': case '|': case '!':
      return true;
    default:
      return false;
  }
}

// '<' that a Markdown viewer could take for an HTML tag or an autolink: followed by an ASCII
// letter, '/', '!' or '?'. ("<中华人民共和国…>" in Chinese prose is left as it is.)
bool OpensTag(std::string_view line, size_t i) {
  if (line[i] != '<' || i + 1 >= line.size()) return false;
  char n = line[i + 1];
  return (n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z') || n == '/' || n == '!' || n == '?';
}

}  // namespace

std::string EscapeMarkup(std::string_view text) {
  const std::string safe = XmlSafe(text);
  std::string out;
  out.reserve(safe.size() + safe.size() / 8);
  for (char ch : safe) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(ch);
    }
  }
  return out;
}

std::string EscapeMarkdownInline(std::string_view text) {
  std::string out;
  for (char c : OneLine(text)) {
    if (MarkdownSpecial(c)) out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

std::string EscapeMarkdownCell(std::string_view text) { return EscapeMarkdownInline(text); }

std::string EscapeMarkdownProse(std::string_view text) {
  std::string line = OneLine(text);
  std::string out;
  out.reserve(line.size() + 2);
  size_t start = line.find_first_not_of(' ');
  if (start == std::string::npos) start = line.size();
  std::string_view head = std::string_view(line).substr(start);
  bool structural = !head.empty() && (head[0] == '#' || head[0] == '>' || head[0] == '-' ||
                                      head[0] == '*' || head[0] == '+' || head[0] == '|' ||
                                      head[0] == '=' || head[0] == '`' || head[0] == '~');
  size_t digits = 0;
  while (digits < head.size() && head[digits] >= '0' && head[digits] <= '9') ++digits;
  bool list_number = digits > 0 && digits < head.size() && (head[digits] == '.' || head[digits] == ')');
  for (size_t i = 0; i < line.size(); ++i) {
    if (i == start && structural) out.push_back('\\');
    if (list_number && i == start + digits) out.push_back('\\');
    if (!(i == start && structural) && OpensTag(line, i)) out.push_back('\\');
    out.push_back(line[i]);
  }
  return out;
}

std::string WithoutWordMarkers(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    size_t open = text.find('[', i);
    if (open == std::string_view::npos) break;
    size_t close = text.find(']', open);
    std::string_view inner = close == std::string_view::npos ? std::string_view{} : text.substr(open + 1, close - open - 1);
    bool marker = false;
    for (std::string_view kind : {"bookmark:", "comment:", "footnote:", "endnote:"}) {
      if (inner.substr(0, kind.size()) == kind) marker = true;
    }
    if (!marker) {
      out.append(text.substr(i, open + 1 - i));
      i = open + 1;
      continue;
    }
    out.append(text.substr(i, open - i));
    i = close + 1;
    if (i < text.size() && text[i] == ' ' && !out.empty() && out.back() == ' ') ++i;
  }
  out.append(text.substr(i));
  return out;
}

}  // namespace gongkai::render_internal
