// A Finding is something an importer or the validator noticed about a report: a rule id from the
// catalogue (see validator.h), a severity, a message in Chinese with its English translation, and
// the source location it points at.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gongkai/report.h"

namespace gongkai {

enum class Severity { kError, kWarning, kInfo };

std::string_view SeverityName(Severity s);  // "error", "warning", "info"

struct Finding {
  std::string rule;  // stable id, e.g. "T3-BALANCE"
  Severity severity = Severity::kWarning;
  std::string message;     // Chinese, for people
  std::string message_en;  // English, for developers
  SourceLocation location;
};

using Findings = std::vector<Finding>;

// Counts findings of the given severity.
int CountSeverity(const Findings& findings, Severity s);

}  // namespace gongkai
