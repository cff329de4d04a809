// Internal to the web server: an agency's 政府信息公开指南 (条例 Art. 12) and 政府信息公开制度,
// generated from what the ledger knows of the agency (its name, kind and the agency above it)
// and the rules the ledger enforces. Facts the ledger does not hold (street address, telephone,
// office hours) are said to be unregistered, never invented.
#pragma once

#include <string>
#include <vector>

#include "gongkai/store.h"

namespace gongkai::web {

struct GuideSection {
  std::string heading;
  std::vector<std::string> paragraphs;
};

// `parent` is the agency above (nullptr for a top-level agency).
std::vector<GuideSection> BuildGuide(const Agency& agency, const Agency* parent);
// The 政府信息公开制度 page: the rules the agency's disclosure work follows.
std::vector<GuideSection> BuildRules(const Agency& agency);
// The sections as plain text (for the search index).
std::string GuideText(const std::vector<GuideSection>& sections);

}  // namespace gongkai::web
