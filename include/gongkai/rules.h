// The catalogue of findings: every rule an importer or the validator can report, with a stable
// id, a severity and a description in Chinese and English. `gongkai rules` prints it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gongkai/finding.h"

namespace gongkai {

struct RuleInfo {
  std::string_view id;
  Severity severity;
  std::string_view title;     // Chinese
  std::string_view title_en;  // English
};

// All rules, in a stable order. The returned reference is valid for the program's lifetime.
const std::vector<RuleInfo>& RuleCatalogue();

// The rule with this id. REQUIRES: the id is in the catalogue (checked; aborts otherwise, as an
// unknown id is a programming error).
const RuleInfo& Rule(std::string_view id);

// Builds a finding of rule `id` with its catalogue severity.
Finding MakeFinding(std::string_view id, std::string message, std::string message_en,
                    SourceLocation location);

}  // namespace gongkai
