// Internal to the renderers: the binary formats, each in its own file.
// All are thread-safe and return the document bytes or an error naming the step that failed.
#pragma once

#include <string>
#include <vector>

#include "gongkai/render.h"

namespace gongkai::render_internal {

// A WordprocessingML package (docx_renderer.cc).
StatusOr<std::string> RenderDocx(const AnnualReport& report);

// An XLSX workbook with one sheet per table (xlsx_renderer.cc).
StatusOr<std::string> RenderXlsx(const AnnualReport& report, const RenderOptions& options);

// The DOCX converted to PDF by LibreOffice (pdf_renderer.cc).
StatusOr<std::string> RenderPdf(const AnnualReport& report, const RenderOptions& options);
// Any DOCX package converted to PDF by LibreOffice (pdf_renderer.cc).
StatusOr<std::string> DocxToPdf(const std::string& docx, const RenderOptions& options);

// Every report's PDF, in order, from one LibreOffice process (pdf_renderer.cc).
std::vector<StatusOr<std::string>> RenderPdfBatch(const std::vector<const AnnualReport*>& reports,
                                                  const RenderOptions& options);

// Each DOCX package (or the error that stood in for it) converted to PDF, in order, by one
// LibreOffice process (pdf_renderer.cc).
std::vector<StatusOr<std::string>> DocxToPdfBatch(const std::vector<StatusOr<std::string>>& docx,
                                                  const RenderOptions& options);

}  // namespace gongkai::render_internal
