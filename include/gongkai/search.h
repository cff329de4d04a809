// Full-text search over what the public 专栏 publishes: agencies' guides, annual reports and
// documents. Chinese has no spaces between words, so the index matches substrings: the SQLite
// backend uses FTS5's trigram tokenizer (queries of three or more characters use the index, two
// characters a scan of the same table); PostgreSQL will implement the same interface with
// pg_trgm. Snippets are cut in C++ so that every backend returns the same shape.
//
// A SearchIndex is thread-safe (the SQLite backend serialises calls on one connection).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "gongkai/status.h"

namespace gongkai {

// One searchable page. `key` identifies it ("report/3/2025"); Upsert replaces by key.
struct SearchDocument {
  std::string key;
  std::string kind;  // "guide", "report", "document"
  int64_t agency_id = 0;
  std::string title;
  std::string url;   // where the page is served, e.g. "/agencies/3/reports/2025"
  std::string body;  // plain text
};

// A hit: the document (without its body) and a snippet around the first match, in three parts
// so that a page can mark the match without building HTML from text.
struct SearchHit {
  std::string key, kind, title, url;
  int64_t agency_id = 0;
  std::string before, match, after;
};

struct SearchResults {
  int64_t total = 0;  // hits in all pages
  std::vector<SearchHit> hits;
};

namespace search_config {
// Shortest query term in characters (code points); shorter terms are refused.
inline constexpr int kMinTermChars = 2;
// Longest query in bytes and most terms (space-separated) in one query.
inline constexpr size_t kMaxQueryBytes = 200;
inline constexpr int kMaxTerms = 5;
// Characters of context on each side of the match in a snippet.
inline constexpr int kSnippetContextChars = 40;
}  // namespace search_config

class SearchIndex {
 public:
  virtual ~SearchIndex() = default;
  virtual Status Upsert(const SearchDocument& doc) = 0;
  virtual Status Remove(const std::string& key) = 0;
  // Documents containing every term of `query` (terms separated by white space), best first,
  // `limit` of them from `offset`. kInvalidArgument for an empty query, a term shorter than
  // kMinTermChars, invalid UTF-8 or a query over the limits.
  virtual StatusOr<SearchResults> Search(std::string_view query, int64_t offset, int64_t limit) = 0;
};

// Opens (creating) a SQLite FTS5 index at `path`; ":memory:" for a private in-memory index.
StatusOr<std::unique_ptr<SearchIndex>> OpenSqliteSearchIndex(const std::string& path);

// Splits a query into its terms; errors as for SearchIndex::Search. Shared by the backends.
StatusOr<std::vector<std::string>> ParseSearchQuery(std::string_view query);

// The snippet of `text` around the first occurrence of `term` (empty match if none), cut at
// character boundaries. Shared by the backends.
void CutSnippet(std::string_view text, std::string_view term, SearchHit* hit);

}  // namespace gongkai
