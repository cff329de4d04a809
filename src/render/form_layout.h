// Internal to the renderers: the official layout of tables 2, 3 and 4 as grids of cells.
//
// Every renderer draws the same grids, so the merged cells of the form (domain.md B.2) are
// decided in one place. A grid lists, for each row, only the cells that start in that row, in
// column order, as HTML does; CoveredGrid() gives the full rectangle for formats that need
// every position (DOCX vMerge, XLSX merge ranges).
//
// Invariant: for every grid, the cells of each row, with the spans of cells from earlier rows
// reaching into it, cover exactly `columns` positions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "gongkai/report.h"

namespace gongkai::render_internal {

struct FormCell {
  std::string text;  // a label, or the formatted value ("" when absent)
  int row_span = 1;
  int col_span = 1;
  bool header = false;                // a column heading (th scope=col) or group caption
  bool row_header = false;            // a row label (th scope=row)
  bool numeric = false;               // a value cell of the form
  std::optional<double> value;        // the value of a numeric cell, when present
  bool decimal = false;               // the fee (万元), which may be fractional
};

struct FormGrid {
  std::string id;       // "table2", "table3", "table4"
  std::string caption;  // e.g. "收到和处理政府信息公开申请情况"
  int columns = 0;
  int header_rows = 0;  // leading rows that form the column header
  std::vector<std::vector<FormCell>> rows;
  // Relative column widths (sum arbitrary), one per column.
  std::vector<int> widths;
};

// One position of the full rectangle.
struct Covered {
  const FormCell* cell = nullptr;  // the cell covering this position
  bool origin = false;             // true at the cell's top-left position
  int origin_row = 0;
  int origin_col = 0;
};

// Table 2 as four blocks (第二十条第（一）（五）（六）（八）项), each with a caption row.
FormGrid Table2Grid(const Table2& table);
// Table 3 with its merged header and group cells; 3 header rows and 25 data rows.
FormGrid Table3Grid(const Table3& table);
// Table 4: 行政复议 and 行政诉讼 (未经复议直接起诉, 复议后起诉); 3 header rows and one data row.
FormGrid Table4Grid(const Table4& table);

// The full rectangle [row][column] of `grid`.
std::vector<std::vector<Covered>> CoveredGrid(const FormGrid& grid);

// A value as printed in a cell: integers without decimals, the fee with up to 4 decimals
// (trailing zeros dropped); "" when absent.
std::string FormatValue(const std::optional<double>& value);

// The note in the top-left cell of table 3, as printed on the form.
inline constexpr const char* kT3BalanceNote =
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

}  // namespace gongkai::render_internal
