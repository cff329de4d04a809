// Internal to the renderers: a libxlsxwriter workbook written to bytes. libxlsxwriter 1.1.4
// (Debian 12) writes only to a file, so the workbook goes through a private temporary directory
// that is removed afterwards. Thread-safe (each call has its own directory).
#pragma once

#include <xlsxwriter.h>

#include <functional>
#include <string>

#include "gongkai/render.h"
#include "gongkai/status.h"

namespace gongkai::render_internal {

// Creates a workbook, lets `fill` add its sheets, closes it and returns the file's bytes.
// `fill`'s error is returned as it is (the workbook is still closed and removed).
StatusOr<std::string> WriteWorkbook(const RenderOptions& options,
                                    const std::function<Status(lxw_workbook*)>& fill);

// OK for LXW_NO_ERROR, else an internal error naming `what` and libxlsxwriter's message.
Status CheckXlsx(lxw_error err, const std::string& what);

}  // namespace gongkai::render_internal
