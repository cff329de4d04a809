#include "xlsx_workbook.h"

#include "gongkai/file.h"
#include "temp_dir.h"

namespace gongkai::render_internal {

Status CheckXlsx(lxw_error err, const std::string& what) {
  if (err == LXW_NO_ERROR) return Status::Ok();
  return Status(StatusCode::kInternal,
                "生成 XLSX 失败 (writing XLSX): " + what + ": " + lxw_strerror(err));
}

StatusOr<std::string> WriteWorkbook(const RenderOptions& options,
                                    const std::function<Status(lxw_workbook*)>& fill) {
  GONGKAI_ASSIGN_OR_RETURN(TempDir dir, TempDir::Create(options.temp_dir));
  const std::string path = dir.path() + "/workbook.xlsx";
  lxw_workbook_options wb_options = {};
  wb_options.tmpdir = const_cast<char*>(dir.path().c_str());
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &wb_options);
  if (wb == nullptr) return Status(StatusCode::kInternal, "生成 XLSX 失败 (creating the workbook)");
  Status filled = fill(wb);
  lxw_error closed = workbook_close(wb);  // frees the workbook in every case
  GONGKAI_RETURN_IF_ERROR(filled);
  GONGKAI_RETURN_IF_ERROR(CheckXlsx(closed, "workbook_close"));
  return ReadFileToString(path);
}

}  // namespace gongkai::render_internal
