// Internal to the ledger: the text of the six sections of a report generated from records.
//
// Every generated sentence states only what the figures and facts hold; where the records have
// nothing to say (the office's own account of its work, problems and improvements), the text is
// a placeholder starting with kPlaceholderMark, for the office to replace, never boilerplate.
#pragma once

#include <array>
#include <string>

#include "gongkai/registry.h"
#include "gongkai/report.h"
#include "gongkai/report_publication.h"
#include "gongkai/store.h"

namespace gongkai::ledger_internal {

inline constexpr const char* kPlaceholderMark = kOfficeTextMark;

// The sections' texts. `facts` may be null (a store without registries): sentences that need
// facts are then left out or replaced by placeholders.
std::array<std::string, kSectionCount> ReportSectionTexts(const std::string& name, int year,
                                                          const YearFigures& figures,
                                                          const YearFacts* facts);

}  // namespace gongkai::ledger_internal
