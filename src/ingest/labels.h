// Internal: recognising the form's row labels in text, whatever the numbering, spacing,
// punctuation or line breaks of the source.
#pragma once

#include <string_view>
#include <vector>

namespace gongkai::ingest_internal {

// Rows of table 2 in the form's order.
enum T2Row : int { kT2Rules = 0, kT2Normative, kT2Licensing, kT2Penalty, kT2Coercion, kT2Fees };
inline constexpr int kT2Rows = 6;

// Table-3 rows whose label keys occur in `text` (whitespace removed, normalized), in order of
// occurrence, without repeats. A key is a distinctive part of a label that survives the ways real
// reports break labels (line and page breaks, typos such as 预期 for 逾期).
std::vector<int> FindT3Labels(std::string_view text);

// A block of table 3 whose heading stands over sub-rows: （三）不予公开 over 1.–8., （四）无法提供,
// （五）不予处理 and （六）其他处理. The model has no row of its own for these headings.
struct T3Block {
  int first;                   // its first and last sub-row
  int last;
  std::string_view number;     // "(六)", as normalized text writes it
  std::string_view name;       // "其他处理"
  std::string_view display;    // "（六）", as a finding writes it
};

// The block whose heading occurs in `text` (normalized, whitespace removed), or -1.
int FindT3Block(std::string_view text);
const T3Block& T3BlockAt(int block);

// The standard label of a table-2 row, e.g. "行政许可".
std::string_view T2LabelName(int row);

// The table-2 row whose label `text` ends with, or -1.
int T2LabelAtEnd(std::string_view text);

}  // namespace gongkai::ingest_internal
