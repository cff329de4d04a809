// Internal: finding a word (most often Chinese) in UTF-8 text.
//
// std::string_view::find calls memchr for the word's first byte and compares at each hit. In
// Chinese text the first byte of a character is one of a handful of lead bytes (0xE4–0xE9 for
// nearly all of them), so memchr stops every few characters. FindWord looks for the word's third
// byte instead: of a Chinese character, a continuation byte spread over 64 values, so that
// memchr skips long stretches and the comparisons are few. Same results as find.
#pragma once

#include <cstring>
#include <string_view>

namespace gongkai::ingest_internal {

// The first position >= `from` where `word` occurs in `s`, or npos (`from` for an empty word).
inline size_t FindWord(std::string_view s, std::string_view word, size_t from = 0) {
  if (word.size() < 3) return s.find(word, from);
  constexpr size_t kAnchor = 2;  // the byte memchr looks for
  const char anchor = word[kAnchor];
  for (size_t pos = from; pos + word.size() <= s.size();) {
    const void* hit = std::memchr(s.data() + pos + kAnchor, anchor, s.size() - word.size() - pos + 1);
    if (!hit) return std::string_view::npos;
    const size_t start = static_cast<size_t>(static_cast<const char*>(hit) - s.data()) - kAnchor;
    if (s.compare(start, word.size(), word) == 0) return start;
    pos = start + 1;
  }
  return std::string_view::npos;
}

inline bool ContainsWord(std::string_view s, std::string_view word) {
  return FindWord(s, word) != std::string_view::npos;
}

}  // namespace gongkai::ingest_internal
