// Internal to the CLI: importing and validating a batch of report files (files and directories,
// recursively), in parallel, streamed in order, with the cross-year carry-over check between one
// agency's reports.
//
// Memory does not grow with the number of files: at most kMaxPendingPerThread finished items per
// worker wait for their predecessors, the bytes of the files being imported at once are bounded
// by kMaxBytesInFlight (so the peak does not multiply by the number of threads), and of each
// report only what the carry-over check needs (agency, year, the two carry-over rows) is kept.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "gongkai/importer.h"
#include "gongkai/status.h"

namespace gongkai::cli {

namespace batch_config {
// Input bytes imported at the same time across all workers, counted from when a file is taken
// until its items are given out. A file larger than this runs alone.
// Importers need a small multiple of their input (importer.h), so this bounds the batch's peak
// at about that of one maximal file.
inline constexpr size_t kMaxBytesInFlight = kMaxReportBytes;
// Files at least this large are followed by malloc_trim, returning freed memory to the system.
inline constexpr size_t kTrimAfterBytes = 1u << 20;
// Finished items a worker may run ahead of the oldest unfinished one.
inline constexpr size_t kMaxPendingPerThread = 32;
}  // namespace batch_config

struct BatchItem {
  std::string path;
  Status status;            // not OK: the file could not be read as a report
  ImportedReport imported;  // valid when status.ok()
  Findings findings;        // importer findings + validator findings (+ cross-year)
  size_t sequence = 0;      // position in the batch, 0-based, in the order items are given
  // True for an item given after all others: carry-over findings of the earlier item `sequence`,
  // found only when the previous year's report came later in the batch. Only `path`, `sequence`
  // and `findings` are set.
  bool late_carry_over = false;
};

struct ExpandedInputs {
  std::vector<std::string> paths;  // files to import, in order
  std::vector<BatchItem> missing;  // inputs that do not exist, as items with their error
  size_t skipped_sidecars = 0;     // *.expected.json files skipped inside directories
};

// Expands directories (recursively, sorted) into report files; skips *.expected.json and hidden
// files inside directories. Files named directly are kept whatever they are (the importer
// refuses what is not a regular file). Errors name the path that does not exist.
ExpandedInputs ExpandInputs(const std::vector<std::string>& inputs);

// Imports and validates every file (using `threads` workers; 0 = one per core) and calls `emit`
// on the calling thread with each item, in the order of `paths` (a ZIP bundle's members in
// archive order, named "bundle.zip!/inner/path"), as soon as it and every item before it are
// done. A report whose previous year (same agency) came earlier gets its XYEAR-CARRY-OVER
// findings before it is given; otherwise they come in a late_carry_over item after all others.
// An exception inside an importer becomes that file's error; the batch goes on.
void RunBatch(const std::vector<std::string>& paths, const std::function<void(BatchItem&)>& emit,
              unsigned threads = 0);

}  // namespace gongkai::cli
