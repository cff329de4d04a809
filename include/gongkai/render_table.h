// Rendering a plain table — a title, a header row and rows of text — as a download: CSV for any
// program, XLSX for Excel/WPS. Used for work lists and registry exports. Thread-safe.
//
// Example:
//   PlainTable t{"待办申请", {"编号", "申请内容"}, {{"1", "2025年部门预算"}}};
//   std::string csv = RenderTableCsv(t);
//   StatusOr<std::string> xlsx = RenderTableXlsx(t);
#pragma once

#include <string>
#include <vector>

#include "gongkai/render.h"
#include "gongkai/status.h"

namespace gongkai {

struct PlainTable {
  std::string title;                           // the sheet's title (XLSX only)
  std::vector<std::string> header;             // column names
  std::vector<std::vector<std::string>> rows;  // cells as text; short rows are padded
};

// RFC 4180 CSV: a UTF-8 byte order mark (Excel reads UTF-8 only with it), the header, then the
// rows, CRLF line ends, every cell quoted. Each cell goes through SpreadsheetSafe (no formula
// runs when the file is opened) and invalid UTF-8 becomes U+FFFD. The title is not written.
std::string RenderTableCsv(const PlainTable& table);

// One worksheet: the title in the first row, the header (bold) in the second, then the rows,
// every cell a string (never a formula), characters XML forbids removed.
StatusOr<std::string> RenderTableXlsx(const PlainTable& table, const RenderOptions& options = {});

}  // namespace gongkai
