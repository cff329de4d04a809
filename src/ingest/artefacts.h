// Internal: artefacts of conversion tools that are not part of a report's text.
//
// Word bookmarks exported as text by converters ("[bookmark: _GoBack]", "[bookmark: _Hlk155865410]",
// also with markdown escapes "\[bookmark: _GoBack\]") are removed before a report is read, so that
// they never reach section text; the caller notes the removal as an info finding.
#pragma once

#include <string>
#include <string_view>

namespace gongkai::ingest_internal {

struct StrippedArtefacts {
  size_t bookmarks = 0;   // how many were removed
  std::string example;    // the first one, as written
};

// Copies `text` to `out` without Word bookmark markers; lines (and so line numbers) are kept.
// Returns what was removed. When `text` holds none, `out` is left empty and nothing is copied.
StrippedArtefacts StripWordBookmarks(std::string_view text, std::string* out);

}  // namespace gongkai::ingest_internal
