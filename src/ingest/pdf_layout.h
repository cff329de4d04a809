// Internal: rebuilding lines and table columns from the positioned words of a PDF's text layer.
//
// Words whose vertical extents overlap form a line; on a line, a horizontal gap wider than
// kColumnGap × the line's height separates table cells (a TAB), a smaller one a word (a space, or
// nothing between CJK characters). Page numbers in the top and bottom margins are dropped. Pages
// follow one another, so a table cut by a page break continues as one table. Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gongkai/importer.h"
#include "layout.h"

namespace gongkai::ingest_internal {

struct PdfWord {
  std::string text;  // UTF-8
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // bounding box, y growing downwards
  bool space_after = false;
};

struct PdfPage {
  double width = 0, height = 0;
  std::vector<PdfWord> words;
};

// Horizontal gap, in line heights, from which two words are in different table cells.
inline constexpr double kColumnGap = 1.2;

// Reads the words of every page with poppler. Errors: not a PDF, encrypted, too many pages or
// words (kMaxPdfPages, kMaxPdfTextBoxes), no text layer at all (a scanned PDF).
StatusOr<std::vector<PdfPage>> ExtractPdfWords(std::string_view bytes, const std::string& name);

// Renders pages to layout text; each line's source has its `page`.
void PdfPagesToLayout(const std::vector<PdfPage>& pages, LayoutText* out);

}  // namespace gongkai::ingest_internal
