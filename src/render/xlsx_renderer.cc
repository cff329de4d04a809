// The XLSX renderer (libxlsxwriter): one worksheet per table, the form's merged headers as
// merged ranges, values as numbers, absent values as blank cells.
// The workbook is written through xlsx_workbook.h.
#include "form_layout.h"
#include "gongkai/render.h"
#include "gongkai/text_safety.h"
#include "renderers.h"
#include "xlsx_workbook.h"

namespace gongkai::render_internal {
namespace {

struct Formats {
  lxw_format* title;
  lxw_format* header;
  lxw_format* label;
  lxw_format* group;
  lxw_format* number;
  lxw_format* decimal;
};

lxw_format* NewFormat(lxw_workbook* wb, bool bold, bool border, lxw_format_alignments align) {
  lxw_format* f = workbook_add_format(wb);
  format_set_font_name(f, "宋体");
  format_set_font_size(f, bold && !border ? 14 : 10.5);
  if (bold) format_set_bold(f);
  if (border) format_set_border(f, LXW_BORDER_THIN);
  format_set_align(f, align);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap(f);
  return f;
}

lxw_format* CellFormat(const Formats& f, const FormCell& cell) {
  if (cell.numeric) return cell.decimal ? f.decimal : f.number;
  if (cell.header) return f.header;
  return cell.row_span > 1 ? f.group : f.label;
}

Status Check(lxw_error err, const std::string& what) { return CheckXlsx(err, what); }

Status WriteSheet(lxw_workbook* wb, const Formats& fmt, const std::string& name,
                  const std::string& title, const FormGrid& grid) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
  if (ws == nullptr) return Status(StatusCode::kInternal, "生成 XLSX 失败 (adding sheet " + name + ")");
  worksheet_set_paper(ws, 9);  // A4
  if (grid.columns > 10) worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);
  int total = 0;
  for (int w : grid.widths) total += w;
  const double sheet_width = grid.columns > 10 ? 150 : 110;  // characters
  for (size_t c = 0; c < grid.widths.size(); ++c) {
    double width = sheet_width * grid.widths[c] / total;
    GONGKAI_RETURN_IF_ERROR(Check(worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                                       width, nullptr),
                                  "column width"));
  }
  const lxw_col_t last_col = static_cast<lxw_col_t>(grid.columns - 1);
  GONGKAI_RETURN_IF_ERROR(Check(worksheet_merge_range(ws, 0, 0, 0, last_col, title.c_str(), fmt.title), "title"));
  worksheet_set_row(ws, 0, 30, nullptr);
  constexpr lxw_row_t kFirstRow = 1;
  if (grid.header_rows > 0) {
    worksheet_repeat_rows(ws, kFirstRow, kFirstRow + static_cast<lxw_row_t>(grid.header_rows) - 1);
  }
  auto covered = CoveredGrid(grid);
  for (size_t r = 0; r < covered.size(); ++r) {
    for (size_t c = 0; c < covered[r].size(); ++c) {
      const Covered& pos = covered[r][c];
      if (!pos.origin || pos.cell == nullptr) continue;
      const FormCell& cell = *pos.cell;
      lxw_row_t row = kFirstRow + static_cast<lxw_row_t>(r);
      lxw_col_t col = static_cast<lxw_col_t>(c);
      lxw_format* f = CellFormat(fmt, cell);
      if (cell.row_span > 1 || cell.col_span > 1) {
        GONGKAI_RETURN_IF_ERROR(Check(
            worksheet_merge_range(ws, row, col, row + static_cast<lxw_row_t>(cell.row_span - 1),
                                  col + static_cast<lxw_col_t>(cell.col_span - 1),
                                  cell.numeric ? "" : XmlSafe(cell.text).c_str(), f),
            "merge"));
      } else if (!cell.numeric) {
        const std::string text = XmlSafe(cell.text);
        GONGKAI_RETURN_IF_ERROR(Check(worksheet_write_string(ws, row, col, text.c_str(), f), text));
      }
      if (cell.numeric) {
        if (cell.value) {
          GONGKAI_RETURN_IF_ERROR(Check(worksheet_write_number(ws, row, col, *cell.value, f), "number"));
        } else if (cell.col_span == 1) {
          GONGKAI_RETURN_IF_ERROR(Check(worksheet_write_blank(ws, row, col, f), "blank"));
        }
      }
    }
  }
  return Status::Ok();
}

}  // namespace

StatusOr<std::string> RenderXlsx(const AnnualReport& report, const RenderOptions& options) {
  return WriteWorkbook(options, [&](lxw_workbook* wb) -> Status {
    Formats fmt;
    fmt.title = NewFormat(wb, true, false, LXW_ALIGN_CENTER);
    fmt.header = NewFormat(wb, true, true, LXW_ALIGN_CENTER);
    fmt.label = NewFormat(wb, false, true, LXW_ALIGN_LEFT);
    fmt.group = NewFormat(wb, false, true, LXW_ALIGN_CENTER);
    fmt.number = NewFormat(wb, false, true, LXW_ALIGN_CENTER);
    format_set_num_format(fmt.number, "0");
    fmt.decimal = NewFormat(wb, false, true, LXW_ALIGN_CENTER);
    format_set_num_format(fmt.decimal, "0.####");
    // The title holds the agency's name, untrusted text: only characters XML allows.
    std::string title = XmlSafe(ReportTitle(report));
    lxw_doc_properties props = {};
    props.title = const_cast<char*>(title.c_str());
    props.author = const_cast<char*>("Gongkai");
    workbook_set_properties(wb, &props);
    GONGKAI_RETURN_IF_ERROR(WriteSheet(wb, fmt, "表二 主动公开",
                                       title + " 表二 主动公开政府信息情况",
                                       Table2Grid(report.table2)));
    GONGKAI_RETURN_IF_ERROR(WriteSheet(wb, fmt, "表三 依申请公开",
                                       title + " 表三 收到和处理政府信息公开申请情况",
                                       Table3Grid(report.table3)));
    return WriteSheet(wb, fmt, "表四 复议诉讼", title + " 表四 政府信息公开行政复议、行政诉讼情况",
                      Table4Grid(report.table4));
  });
}

}  // namespace gongkai::render_internal
