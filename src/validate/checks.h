// Internal: the families of validator rules, one file each. Each appends its findings.
#pragma once

#include <string>

#include "gongkai/finding.h"
#include "gongkai/report.h"

namespace gongkai::validate_internal {

void CheckTable2(const AnnualReport& r, Findings* out);
void CheckTable3(const AnnualReport& r, Findings* out);
void CheckTable4(const AnnualReport& r, Findings* out);
void CheckValues(const AnnualReport& r, Findings* out);
void CheckStructure(const AnnualReport& r, Findings* out);
void CheckNarrative(const AnnualReport& r, Findings* out);

// Formats a cell value for messages: integers without decimals.
std::string Num(double v);

// The location of the first present cell among `cells`, or the report's title location.
SourceLocation FirstSource(const AnnualReport& r, std::initializer_list<const Cell*> cells);

}  // namespace gongkai::validate_internal
