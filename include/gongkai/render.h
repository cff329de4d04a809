// Renderers: writing an AnnualReport in the official layout of 国办公开办函〔2021〕30号.
//
// Every format shows the same document: the title "<机关><年度>年政府信息公开工作年度报告",
// the six sections 一 to 六 in order, and tables 2, 3 and 4 with the form's exact labels and
// merged cells. An absent value renders as an empty cell, never as 0. A section without text
// gets a short paragraph generated from the tables and marked as generated. Numbers are
// transcribed as they are in the model; nothing is repaired.
//
// Thread-safe: every function only reads its arguments (the PDF renderer runs LibreOffice in a
// private temporary profile, so concurrent calls do not clash).
//
// Example:
//   StatusOr<ImportedReport> in = ImportReportFile("report.txt");
//   StatusOr<std::string> docx = RenderReport(in->report, RenderFormat::kDocx);
//   if (!docx.ok()) { std::cerr << docx.status().message(); return; }
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gongkai/report.h"
#include "gongkai/status.h"

namespace gongkai {

enum class RenderFormat {
  kHtml,      // one self-contained accessible page (UTF-8)
  kMarkdown,  // pipe tables, for review and diffs; the text importer reads it back
  kJson,      // the interchange JSON of domain.md A.2 (ReportToJson)
  kDocx,      // WordprocessingML package (bytes)
  kXlsx,      // one worksheet per table (bytes)
  kPdf,       // the DOCX converted by LibreOffice (bytes); needs `soffice`
};

struct RenderOptions {
  // The LibreOffice program used for PDF. Default: "soffice" found on PATH.
  std::string soffice = "soffice";
  // Directory for the PDF conversion's temporary files. Default (empty): $TMPDIR or /tmp.
  std::string temp_dir;
};

// "html", "md", "json", "docx", "xlsx", "pdf".
std::string_view RenderFormatName(RenderFormat format);
// The file extension without the dot (the same as the name, "md" for Markdown).
std::string_view RenderFormatExtension(RenderFormat format);
// Parses a name as given to `gongkai render --format` ("markdown" is accepted for "md").
StatusOr<RenderFormat> ParseRenderFormat(std::string_view name);

// Renders `report` in `format`. Returns the document's bytes (UTF-8 text for html, md, json).
// Errors: kFailedPrecondition when LibreOffice is missing (pdf), kInternal or kIoError when a
// library or the conversion fails.
StatusOr<std::string> RenderReport(const AnnualReport& report, RenderFormat format,
                                   const RenderOptions& options = {});

// Renders every report in `format`: one result per report, in order (a report that cannot be
// rendered has its own error). PDF: one LibreOffice process with one private profile converts
// the whole batch (much faster than one RenderReport per report, which starts LibreOffice
// each time), and no process of it is left running.
std::vector<StatusOr<std::string>> RenderReports(const std::vector<AnnualReport>& reports,
                                                 RenderFormat format, const RenderOptions& options = {});

// A font the DOCX asks for that this machine lacks, and the installed font the PDF uses instead
// (the closest kind: Noto Serif CJK for 仿宋/宋体/小标宋, Noto Sans CJK for 黑体).
struct FontSubstitution {
  std::string requested;  // e.g. "仿宋_GB2312"
  std::string used;       // e.g. "Noto Serif CJK SC"
};
// The substitutions PDF rendering makes on this machine (fontconfig); empty when every official
// font is installed. Thread-safe.
std::vector<FontSubstitution> PdfFontSubstitutions();

// The text formats cannot fail; these are what RenderReport returns for them.
std::string RenderHtml(const AnnualReport& report);
std::string RenderMarkdown(const AnnualReport& report);
std::string RenderJson(const AnnualReport& report);

// The document title, "<agency><year>年政府信息公开工作年度报告" (the parts that are known).
std::string ReportTitle(const AnnualReport& report);

}  // namespace gongkai
