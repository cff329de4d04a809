// Internal to the renderers: the prose of the report (title, preamble, each section's text).
//
// A section's text comes from the model. Sections 二 to 四 of an imported report often carry
// the text of their table as well (an importer keeps everything between two headings), so for
// those sections only prose paragraphs (with a full stop "。") are kept; the tables are drawn
// from the model's cells. A section with no prose gets a short paragraph generated from the
// tables, which opens with a note saying so.
#pragma once

#include <string>
#include <vector>

#include "gongkai/report.h"

namespace gongkai::render_internal {

// The paragraphs of the preamble (the text between the title and section 一), without the
// title's own lines. Generated from the year when the model has no preamble.
std::vector<std::string> PreambleParagraphs(const AnnualReport& report);

// The paragraphs of section `section` (0-based). Never empty.
// REQUIRES: 0 <= section < kSectionCount
std::vector<std::string> SectionParagraphs(const AnnualReport& report, int section);

// True iff section `section` has prose of its own in the model (not generated).
bool SectionHasText(const AnnualReport& report, int section);

}  // namespace gongkai::render_internal
