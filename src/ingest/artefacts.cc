#include "artefacts.h"

namespace gongkai::ingest_internal {
namespace {

bool IsBookmarkNameChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.';
}

// The length of a bookmark marker starting at `pos` ("[" or "\[" there), or 0 if none starts.
size_t BookmarkAt(std::string_view text, size_t pos) {
  size_t i = pos;
  if (text[i] == '\\') ++i;
  constexpr std::string_view kOpen = "[bookmark:";
  if (text.substr(i, kOpen.size()) != kOpen) return 0;
  i += kOpen.size();
  while (i < text.size() && text[i] == ' ') ++i;
  size_t name = i;
  while (i < text.size() && IsBookmarkNameChar(text[i])) ++i;
  if (i == name) return 0;
  if (i < text.size() && text[i] == '\\') ++i;
  if (i >= text.size() || text[i] != ']') return 0;
  return i + 1 - pos;
}

}  // namespace

StrippedArtefacts StripWordBookmarks(std::string_view text, std::string* out) {
  StrippedArtefacts result;
  out->clear();
  if (text.find("[bookmark:") == std::string_view::npos) return result;
  out->reserve(text.size());
  size_t copied = 0;
  for (size_t pos = text.find('['); pos != std::string_view::npos; pos = text.find('[', pos + 1)) {
    size_t start = pos > 0 && text[pos - 1] == '\\' ? pos - 1 : pos;
    if (start < copied) start = pos;
    size_t len = BookmarkAt(text, start);
    if (len == 0) continue;
    if (result.bookmarks++ == 0) result.example = std::string(text.substr(start, len));
    out->append(text.substr(copied, start - copied));
    copied = start + len;
    pos = copied - 1;
  }
  out->append(text.substr(copied));
  return result;
}

}  // namespace gongkai::ingest_internal
