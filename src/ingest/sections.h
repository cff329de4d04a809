// Internal: finding the title (agency, year) and the six sections of a report in its lines.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gongkai/report.h"
#include "tokens.h"

namespace gongkai::ingest_internal {

// Fills report->sections from `lines` (normalized) and `original` (the same lines as written).
void FindSections(const std::vector<Line>& lines, const std::vector<std::string_view>& original,
                  AnnualReport* report);

// Fills report->agency, report->year and report->title_source from the title.
void FindTitle(const std::vector<Line>& lines, const std::vector<std::string_view>& original,
               AnnualReport* report);

// Maps a byte offset in NormalizeForMatching(original) back to a byte offset in `original`.
size_t OriginalOffset(std::string_view original, size_t normalized_offset);

}  // namespace gongkai::ingest_internal
