// Internal to the SearchIndex backends (search.h): what they share beyond the public helpers.
#pragma once

#include <string>
#include <string_view>

namespace gongkai::store_internal {

// A LIKE pattern matching any text that contains `term`, with %, _ and \ escaped by a backslash
// (SQLite: ESCAPE '\'; PostgreSQL's default escape).
std::string ContainsLikePattern(std::string_view term);

}  // namespace gongkai::store_internal
