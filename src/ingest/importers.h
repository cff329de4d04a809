// Internal: the importer of each format, and what they share.
//
// ImportReportBytes (format.cc) detects the format by content and calls one of these. Every
// structured importer renders its input to layout text (layout.h) and finishes with
// ImportLayoutText, so that all table logic is shared. All are thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "gongkai/importer.h"
#include "layout.h"

namespace gongkai::ingest_internal {

// Plain text or markdown, in any encoding DecodeToUtf8 knows.
StatusOr<ImportedReport> ImportText(std::string_view bytes, const std::string& name);
// HTML, with the encoding from its BOM, its <meta> declaration, or detection.
StatusOr<ImportedReport> ImportHtml(std::string_view bytes, const std::string& name);

// An HTML page reduced to layout text: ImportHtml's first step (decoding, libxml2's tree, the walk
// that renders paragraphs and tables), shown on its own by the extraction bench.
struct HtmlLayoutText {
  LayoutText layout;
  std::string encoding;  // as detected, e.g. "UTF-8", "GB18030"
};
StatusOr<HtmlLayoutText> RenderHtmlLayout(std::string_view bytes, const std::string& name);
// A Word 2007+ document (a ZIP holding word/document.xml).
StatusOr<ImportedReport> ImportDocx(std::string_view bytes, const std::string& name);
// An Excel 2007+ workbook (a ZIP holding xl/workbook.xml): its sheets' tables.
StatusOr<ImportedReport> ImportXlsx(std::string_view bytes, const std::string& name);
// A PDF with a text layer.
StatusOr<ImportedReport> ImportPdf(std::string_view bytes, const std::string& name);

// Runs ImportLayoutText on `layout` and sets the format and encoding.
StatusOr<ImportedReport> FinishLayout(const LayoutText& layout, const std::string& name,
                                      std::string format, std::string encoding);

// Refuses markup (HTML, or an XML part of a DOCX) that would give libxml2 more than
// kMaxMarkupNodes nodes, counted from its '<' before any tree is built. `name` names it.
Status CheckMarkupSize(std::string_view markup, const std::string& name);

// Initialises libxml2 once per process. libxml2 asks for this before threads use it, and the
// batch importer runs importers on several threads. Call before any libxml2 function. Also
// silences libxml2: its own messages never reach stderr (errors are read from the parser context
// and reported as Status).
void InitLibxml();

}  // namespace gongkai::ingest_internal
