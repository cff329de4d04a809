// Query parsing and snippets shared by every SearchIndex backend (search.h).
#include <algorithm>

#include "gongkai/decode.h"
#include "gongkai/search.h"
#include "search_internal.h"

namespace gongkai {
namespace {

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

int64_t CountChars(std::string_view s) {
  return std::count_if(s.begin(), s.end(), [](char c) { return !IsContinuationByte(c); });
}

// Moves `pos` back over `chars` characters (not before 0).
size_t BackChars(std::string_view s, size_t pos, int chars) {
  while (pos > 0 && chars > 0) {
    --pos;
    while (pos > 0 && IsContinuationByte(s[pos])) --pos;
    --chars;
  }
  return pos;
}

// Moves `pos` forward over `chars` characters (not past the end).
size_t ForwardChars(std::string_view s, size_t pos, int chars) {
  while (pos < s.size() && chars > 0) {
    ++pos;
    while (pos < s.size() && IsContinuationByte(s[pos])) ++pos;
    --chars;
  }
  return pos;
}

}  // namespace

StatusOr<std::vector<std::string>> ParseSearchQuery(std::string_view query) {
  if (query.size() > search_config::kMaxQueryBytes) {
    return InvalidArgumentError("检索词过长 (query too long)");
  }
  if (FindInvalidUtf8(query) != std::string_view::npos) {
    return InvalidArgumentError("检索词不是有效的 UTF-8 (query is not valid UTF-8)");
  }
  std::string folded = NormalizeForMatching(query);
  std::vector<std::string> terms;
  size_t i = 0;
  while (i < folded.size()) {
    size_t end = folded.find_first_of(" \t\n", i);
    if (end == std::string::npos) end = folded.size();
    if (end > i) terms.push_back(folded.substr(i, end - i));
    i = end + 1;
  }
  if (terms.empty()) return InvalidArgumentError("请输入检索词 (empty query)");
  if (static_cast<int>(terms.size()) > search_config::kMaxTerms) {
    return InvalidArgumentError("检索词最多 " + std::to_string(search_config::kMaxTerms) +
                                " 个 (too many terms)");
  }
  for (const std::string& t : terms) {
    if (CountChars(t) < search_config::kMinTermChars) {
      return InvalidArgumentError("每个检索词至少 " + std::to_string(search_config::kMinTermChars) +
                                  " 个字 (a term is too short): " + t);
    }
  }
  return terms;
}

void CutSnippet(std::string_view text, std::string_view term, SearchHit* hit) {
  const int context = search_config::kSnippetContextChars;
  size_t at = term.empty() ? std::string_view::npos : text.find(term);
  if (at == std::string_view::npos) {
    hit->before.clear();
    hit->match.clear();
    hit->after = std::string(text.substr(0, ForwardChars(text, 0, 2 * context)));
    return;
  }
  size_t from = BackChars(text, at, context);
  size_t to = ForwardChars(text, at + term.size(), context);
  hit->before = std::string(text.substr(from, at - from));
  hit->match = std::string(text.substr(at, term.size()));
  hit->after = std::string(text.substr(at + term.size(), to - at - term.size()));
  for (std::string* part : {&hit->before, &hit->after}) {
    std::replace(part->begin(), part->end(), '\n', ' ');
  }
}

std::string store_internal::ContainsLikePattern(std::string_view term) {
  std::string out = "%";
  for (char c : term) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

}  // namespace gongkai
