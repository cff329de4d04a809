// The tree as an XLSX workbook (TreeXlsx), with libxlsxwriter: the same columns as TreeCsv.
#include <xlsxwriter.h>

#include <string>

#include "../render/temp_dir.h"
#include "gongkai/file.h"
#include "gongkai/supervision.h"
#include "gongkai/text_safety.h"

namespace gongkai {
namespace {

constexpr const char* kHeaders[] = {"机关编号", "机关名称", "上级机关编号", "层级",         "年度",
                                    "状态",     "错误数",   "警告数",       "提交日期",     "来源",
                                    "版本数",   "未提交",   "已提交有错误", "已提交有警告", "通过"};

// Text from agencies and reports is untrusted: only characters XML allows reach the sheet.
void Text(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, std::string_view s) {
  worksheet_write_string(ws, row, col, XmlSafe(s).c_str(), nullptr);
}

}  // namespace

StatusOr<std::string> TreeXlsx(const SupervisionTree& tree) {
  GONGKAI_ASSIGN_OR_RETURN(render_internal::TempDir dir, render_internal::TempDir::Create(""));
  const std::string path = dir.path() + "/tree.xlsx";
  lxw_workbook_options options = {};
  options.tmpdir = const_cast<char*>(dir.path().c_str());
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (wb == nullptr) return Status(StatusCode::kInternal, "生成 XLSX 失败 (creating the workbook)");
  lxw_worksheet* ws = workbook_add_worksheet(wb, (std::to_string(tree.year) + "年度").c_str());
  if (ws == nullptr) {
    (void)workbook_close(wb);
    return Status(StatusCode::kInternal, "生成 XLSX 失败 (adding the sheet)");
  }
  lxw_col_t col = 0;
  for (const char* h : kHeaders) worksheet_write_string(ws, 0, col++, h, nullptr);
  lxw_row_t row = 1;
  for (const AgencyFiling& r : tree.rows) {
    worksheet_write_number(ws, row, 0, static_cast<double>(r.agency.id), nullptr);
    Text(ws, row, 1, r.agency.name);
    worksheet_write_number(ws, row, 2, static_cast<double>(r.agency.parent_id), nullptr);
    worksheet_write_number(ws, row, 3, r.depth, nullptr);
    worksheet_write_number(ws, row, 4, tree.year, nullptr);
    Text(ws, row, 5, FilingStatusLabel(r.status));
    worksheet_write_number(ws, row, 6, r.errors, nullptr);
    worksheet_write_number(ws, row, 7, r.warnings, nullptr);
    Text(ws, row, 8, r.filed ? r.filed->ToString() : "");
    Text(ws, row, 9, ReportSourceLabel(r.source));
    worksheet_write_number(ws, row, 10, r.versions, nullptr);
    for (int k = 0; k < kFilingStatusCount; ++k) {
      worksheet_write_number(ws, row, static_cast<lxw_col_t>(11 + k),
                             r.subtree[static_cast<size_t>(k)], nullptr);
    }
    ++row;
  }
  worksheet_set_column(ws, 1, 1, 36, nullptr);
  if (workbook_close(wb) != LXW_NO_ERROR) {
    return Status(StatusCode::kInternal, "生成 XLSX 失败 (writing the workbook)");
  }
  return ReadFileToString(path);
}

}  // namespace gongkai
