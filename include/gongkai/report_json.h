// The interchange JSON of domain.md A.2: what `gongkai extract --json` prints and what every
// importer and renderer reads and writes.
#pragma once

#include <string>
#include <string_view>

#include "gongkai/finding.h"
#include "gongkai/report.h"
#include "gongkai/status.h"

namespace gongkai {

struct JsonOptions {
  bool provenance = true;  // add "provenance": the source location of every cell
  bool sections = true;    // add "sections": each section's heading and text
  int indent = 1;          // -1 for one line
};

// Extra fields printed beside the report.
struct JsonExtras {
  std::string file;
  std::string format;
  std::string encoding;
};

std::string ReportToJson(const AnnualReport& report, const Findings& findings,
                         const JsonExtras& extras, const JsonOptions& options = {});

// Reads the interchange shape. Unknown keys are ignored; a wrong type names the field. The
// optional "provenance" and sections' "location" are read back into the cells' and sections'
// source (with the top-level "file"), so a report written by ReportToJson keeps its provenance.
StatusOr<AnnualReport> ReportFromJson(std::string_view json, const std::string& name);

// Reads the "findings" array of the same document (empty when absent).
StatusOr<Findings> FindingsFromJson(std::string_view json, const std::string& name);

// One finding as a JSON object string (used by `check --format json`).
std::string FindingToJson(const Finding& finding);

}  // namespace gongkai
