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

// The title in lines for a centred title in the 小标宋 style of GB/T 9704: one line when it fits
// kTitleLineChars, else broken after the agency's name; a name too long for one line is broken
// after an administrative division (…市, …旗) and the year. Never inside a word.
inline constexpr double kTitleLineChars = 20;  // 二号 (22 pt) characters on an A4 line
std::vector<std::string> TitleLines(const AnnualReport& report);

// The paragraphs of the preamble (the text between the title and section 一), without the
// title's own lines. For a generated report without a preamble: the statistical period.
std::vector<std::string> PreambleParagraphs(const AnnualReport& report);

// The paragraphs of section `section` (0-based), without the 落款 (SignatureLines). Empty when
// the section has no text of its own and the report was not generated from the ledger.
// REQUIRES: 0 <= section < kSectionCount
std::vector<std::string> SectionParagraphs(const AnnualReport& report, int section);

// The 落款 at the end of the report (the agency's name and the date, "2024年1月17日"), which a
// renderer aligns right as in the source; empty when the last section does not end with a date.
std::vector<std::string> SignatureLines(const AnnualReport& report);

// True iff section `section` has prose of its own in the model (not generated).
bool SectionHasText(const AnnualReport& report, int section);

}  // namespace gongkai::render_internal
