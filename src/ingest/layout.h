// Internal: building the "layout text" that every structured importer hands to ImportLayoutText.
//
// Layout text is UTF-8 lines; a table row is one line of cells (TAB-separated, or a markdown
// pipe row for the grids that HTML and DOCX tables are rebuilt into). Each line carries
// its SourceLocation. The structured importers (HTML, DOCX, PDF) reduce their input to this shape
// so that all table logic (label matching, row alignment, glued digits) is shared.
//
// TextRun collapses whitespace the way a browser would for Chinese text: a run of whitespace
// between two non-ASCII characters disappears (a line break inside "本年新收\n申请" is not a
// word break), elsewhere it becomes one space. Thread-compatible.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gongkai/report.h"

namespace gongkai::ingest_internal {

// Accumulates the text of one line or one table cell.
class TextRun {
 public:
  // Appends text, collapsing whitespace (ASCII whitespace and U+00A0).
  void Append(std::string_view text);
  // Marks a boundary between two blocks inside one cell ("<p>1</p><p>2</p>"): digits and ASCII
  // letters on both sides get a space, anything else joins directly.
  void SoftBreak();
  // A hard separator that always keeps a space (a <br> or a tab inside a paragraph).
  void Space() { pending_space_ = !text_.empty(); }
  bool empty() const { return text_.empty(); }
  // Returns the text (trimmed) and resets.
  std::string Take();
  size_t size() const { return text_.size(); }

 private:
  std::string text_;
  bool pending_space_ = false;
  bool pending_soft_ = false;
};

// A table rebuilt as a grid: a spanned cell's text appears at its top-left position; a text
// (non-numeric) cell also fills the other columns it spans in its first row, so the cells after
// a merged label line up with the form's value columns. Positions covered from rows above stay
// empty.
class GridBuilder {
 public:
  // Limits that keep hostile spans bounded.
  static constexpr int kMaxColumns = 256;
  static constexpr size_t kMaxCells = 1u << 20;

  void StartRow();
  // Places a cell in the current row at the first free column. Spans < 1 count as 1.
  // `rowspan` is clamped to `rows_left` (the rows of the table not yet started, this one included)
  // when that is known (> 0).
  void AddCell(std::string text, int rowspan, int colspan, int rows_left = 0);
  // Returns the rows, each padded to the table's width.
  std::vector<std::vector<std::string>> Finish();

 private:
  std::vector<std::vector<std::string>> rows_;
  std::vector<std::vector<bool>> taken_;  // positions covered by a span from an earlier cell
  size_t cells_ = 0;
};

// The layout text being built, with one SourceLocation per line.
class LayoutText {
 public:
  explicit LayoutText(std::string file) : file_(std::move(file)) {}

  // Adds one line (no '\n' inside; any is replaced by a space). Empty lines are skipped.
  void AddLine(std::string_view text, SourceLocation source);
  // Adds a table's rows as markdown pipe rows ("| a | b |", '|' inside a cell becomes '¦'); row r gets `source` with row = r (and, when
  // `row_lines` is given, line = row_lines[r]). Rows without any text are skipped.
  void AddTable(const std::vector<std::vector<std::string>>& rows, SourceLocation source,
                const std::vector<int>* row_lines = nullptr);

  const std::string& text() const { return text_; }
  const std::vector<SourceLocation>& sources() const { return sources_; }
  size_t lines() const { return sources_.size(); }
  const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::string text_;
  std::vector<SourceLocation> sources_;
};

// True if `c` starts or continues a multi-byte UTF-8 character.
inline bool IsNonAscii(char c) { return (static_cast<unsigned char>(c) & 0x80) != 0; }

}  // namespace gongkai::ingest_internal
