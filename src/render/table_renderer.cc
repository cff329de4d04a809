// Plain tables as CSV and XLSX (render_table.h).
#include <algorithm>

#include "gongkai/render_table.h"
#include "gongkai/text_safety.h"
#include "xlsx_workbook.h"

namespace gongkai {
namespace {

using render_internal::CheckXlsx;

// One CSV field: formula-safe, valid UTF-8 (XmlSafe replaces invalid bytes and drops the C0
// controls a spreadsheet would not show), quoted with inner quotes doubled.
std::string CsvField(const std::string& cell) {
  std::string safe = SpreadsheetSafe(XmlSafe(cell));
  std::string out = "\"";
  for (char c : safe) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void AppendCsvRow(const std::vector<std::string>& cells, size_t columns, std::string* out) {
  for (size_t c = 0; c < columns; ++c) {
    if (c > 0) *out += ',';
    *out += CsvField(c < cells.size() ? cells[c] : "");
  }
  *out += "\r\n";
}

size_t ColumnCount(const PlainTable& t) {
  size_t n = t.header.size();
  for (const auto& row : t.rows) n = std::max(n, row.size());
  return n;
}

// Excel's limits: a sheet holds 1,048,576 rows; longer tables are refused, not cut.
constexpr size_t kMaxXlsxRows = 1048576 - 2;

}  // namespace

std::string RenderTableCsv(const PlainTable& table) {
  const size_t columns = ColumnCount(table);
  std::string out = "\xEF\xBB\xBF";
  AppendCsvRow(table.header, columns, &out);
  for (const auto& row : table.rows) AppendCsvRow(row, columns, &out);
  return out;
}

StatusOr<std::string> RenderTableXlsx(const PlainTable& table, const RenderOptions& options) {
  if (table.rows.size() > kMaxXlsxRows) {
    return InvalidArgumentError("表格有 " + std::to_string(table.rows.size()) +
                                " 行，超过 XLSX 的上限，请用 CSV (too many rows for XLSX)");
  }
  const size_t columns = std::max<size_t>(ColumnCount(table), 1);
  return render_internal::WriteWorkbook(options, [&](lxw_workbook* wb) -> Status {
    lxw_format* title_format = workbook_add_format(wb);
    format_set_bold(title_format);
    format_set_font_size(title_format, 14);
    lxw_format* header_format = workbook_add_format(wb);
    format_set_bold(header_format);
    format_set_border(header_format, LXW_BORDER_THIN);
    lxw_format* cell_format = workbook_add_format(wb);
    format_set_border(cell_format, LXW_BORDER_THIN);
    format_set_text_wrap(cell_format);
    lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
    if (ws == nullptr) return Status(StatusCode::kInternal, "生成 XLSX 失败 (adding the sheet)");
    worksheet_set_paper(ws, 9);  // A4
    if (columns > 6) worksheet_set_landscape(ws);
    const std::string title = XmlSafe(table.title);
    GONGKAI_RETURN_IF_ERROR(
        CheckXlsx(worksheet_write_string(ws, 0, 0, title.c_str(), title_format), "title"));
    auto write_row = [&](lxw_row_t row, const std::vector<std::string>& cells,
                         lxw_format* f) -> Status {
      for (size_t c = 0; c < columns; ++c) {
        const std::string text = XmlSafe(c < cells.size() ? cells[c] : "");
        GONGKAI_RETURN_IF_ERROR(CheckXlsx(
            worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), text.c_str(), f), "cell"));
      }
      return Status::Ok();
    };
    GONGKAI_RETURN_IF_ERROR(write_row(1, table.header, header_format));
    lxw_row_t row = 2;
    for (const auto& cells : table.rows)
      GONGKAI_RETURN_IF_ERROR(write_row(row++, cells, cell_format));
    worksheet_freeze_panes(ws, 2, 0);
    return Status::Ok();
  });
}

}  // namespace gongkai
