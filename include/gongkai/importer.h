// Importers: reading an annual report, in whatever form it was published, into an AnnualReport.
//
// Every importer transcribes and never repairs: a number that does not add up stays as written
// and the validator reports it. What an importer noticed while reading (glued digits it split,
// rows it could not place) comes back as findings. Only input that cannot be read at all (bad
// bytes, an empty file, something that is not a report) is an error. Thread-safe.
//
// Example:
//   StatusOr<ImportedReport> r = ImportReportFile("report.txt");
//   if (!r.ok()) { std::cerr << r.status().message(); return; }
//   Findings f = Validate(r->report);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gongkai/finding.h"
#include "gongkai/report.h"
#include "gongkai/status.h"

namespace gongkai {

struct ImportedReport {
  AnnualReport report;
  Findings findings;     // the importer's own notes (see the IMPORT-* and STRUCT-* rules)
  std::string format;    // "text"
  std::string encoding;  // as detected, e.g. "UTF-8", "GB18030"
};

// Limits that keep hostile input bounded.
inline constexpr size_t kMaxReportBytes = 64u << 20;

// Reads and imports a file. `display_name` (default: `path`) names it in locations and errors.
StatusOr<ImportedReport> ImportReportFile(const std::string& path);

// Imports a report held in memory; `name` is used in locations and errors.
StatusOr<ImportedReport> ImportReportBytes(std::string_view bytes, const std::string& name);

// Imports text that is already UTF-8, laid out as lines with table rows as tab-separated cells.
// `line_sources`, when given, holds each line's source location (for structured formats whose
// importers render their content to this layout). Returns an error when the text holds no
// recognisable report (no table and no section).
StatusOr<ImportedReport> ImportLayoutText(std::string_view utf8, const std::string& name,
                                          const std::vector<SourceLocation>& line_sources = {});

}  // namespace gongkai
