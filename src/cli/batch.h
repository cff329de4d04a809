// Internal to the CLI: importing and validating a batch of report files (files and directories,
// recursively), in parallel, with the cross-year carry-over check between one agency's reports.
#pragma once

#include <string>
#include <vector>

#include "gongkai/importer.h"
#include "gongkai/status.h"

namespace gongkai::cli {

struct BatchItem {
  std::string path;
  Status status;            // not OK: the file could not be read as a report
  ImportedReport imported;  // valid when status.ok()
  Findings findings;        // importer findings + validator findings (+ cross-year)
};

// Expands directories (recursively, sorted) into report files; skips *.expected.json and hidden
// files inside directories. Errors name the path that does not exist.
std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs,
                                      std::vector<BatchItem>* missing);

// Imports and validates every file (using `threads` workers; 0 = one per core) and runs the
// carry-over check between consecutive years of the same agency. Order follows `paths`; a ZIP
// bundle gives one item per report inside it, named "bundle.zip!/inner/path".
std::vector<BatchItem> RunBatch(const std::vector<std::string>& paths, unsigned threads = 0);

}  // namespace gongkai::cli
