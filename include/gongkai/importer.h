// Importers: reading an annual report, in whatever form it was published, into an AnnualReport.
//
// Every importer transcribes and never repairs: a number that does not add up stays as written
// and the validator reports it. What an importer noticed while reading (glued digits it split,
// rows it could not place) comes back as findings. Only input that cannot be read at all (bad
// bytes, an empty file, something that is not a report) is an error. Thread-safe.
//
// Formats are recognised by content (magic bytes and structure), never by file name: plain text
// or markdown, HTML, DOCX, XLSX (the tables only), PDF with a text layer, and ZIP archives
// holding several reports.
// Legacy .doc/.wps and scanned PDFs are refused with an error that says what to do.
//
// Example:
//   StatusOr<ImportedReport> r = ImportReportFile("report.docx");
//   if (!r.ok()) { std::cerr << r.status().message(); return; }
//   Findings f = Validate(r->report);
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "gongkai/finding.h"
#include "gongkai/report.h"
#include "gongkai/status.h"

namespace gongkai {

struct ImportedReport {
  AnnualReport report;
  Findings findings;     // the importer's own notes (see the IMPORT-* and STRUCT-* rules)
  std::string format;    // "text", "html", "docx", "xlsx", "pdf" or "json"
  std::string encoding;  // as detected, e.g. "UTF-8", "GB18030" (for DOCX and PDF: "UTF-8")
};

// Provenance (SourceLocation) by format: text gives the line and the cell on it; HTML gives the
// line of the HTML source, and for table cells also table, row and cell (0-based, in the grid
// with spans expanded); DOCX gives table/row/cell for table cells and, as `line`, the paragraph's
// number (1-based) for text; XLSX gives table (the sheet's index), the sheet's row number as
// `line`, and row/cell; PDF gives the page.

// Limits that keep hostile input bounded. Each is checked before the memory it guards is
// allocated; input past a limit is refused with kResourceExhausted, naming the file and the limit.
// With them, peak memory while importing one file stays within a small multiple of its size plus
// a fixed amount (the bound of each importer is stated at its entry point). A real report is far
// below every limit: ~100 KB, a few thousand lines and tokens, a few thousand markup nodes.
inline constexpr size_t kMaxReportBytes = 64u << 20;          // a file, or a member of a ZIP
inline constexpr size_t kMaxArchiveEntries = 4096;            // entries of a ZIP (or DOCX)
inline constexpr uint64_t kMaxUncompressedBytes = 256u << 20;  // inflated bytes of a ZIP (or DOCX)
inline constexpr int kMaxPdfPages = 2000;                     // pages of a PDF
inline constexpr size_t kMaxPdfTextBoxes = 2000000;           // words of a PDF's text layer
// Lines of the text every importer reduces a report to (a line costs ~150 bytes beyond its text:
// its copy, source location and original form), so at most ~30 MB for line bookkeeping.
inline constexpr size_t kMaxLayoutLines = 200000;
// Bytes of one such line. A paragraph is a few KB; a longer line is not a report's text, and the
// heading and label searches are not meant for lines of many megabytes.
inline constexpr size_t kMaxLayoutLineBytes = 1u << 20;
// Tokens (numbers, text runs, empty cells) of that text, counted from an upper bound before
// tokenizing (a token costs ~80 bytes), so at most ~40 MB for tokens.
inline constexpr size_t kMaxLayoutTokens = 500000;
// Elements and text nodes of an HTML page or a DOCX part, counted from '<' before libxml2 builds
// its tree (a node costs libxml2 ~120–200 bytes), so at most ~200 MB for a tree.
inline constexpr size_t kMaxMarkupNodes = 1000000;
// XML inside DOCX is parsed without XML_PARSE_HUGE, so libxml2's nesting limit (256) applies,
// with no network access and no entity substitution; a DOCX with a DTD is refused.

// What a report's bytes are, judged by content.
enum class ReportFormat {
  kText,          // anything else that decodes as text
  kHtml,          // markup starting with an HTML tag
  kDocx,          // a ZIP with word/document.xml
  kXlsx,          // a ZIP with xl/workbook.xml (a workbook, not a bundle of reports)
  kPdf,           // "%PDF-" in the first 1 KiB
  kZip,           // another ZIP archive: a bundle of reports
  kLegacyOffice,  // OLE compound file (.doc, .wps, .xls): not read
  kJson,          // the interchange JSON of domain.md A.2 (a JSON object)
};

ReportFormat DetectFormat(std::string_view bytes);
std::string_view ReportFormatName(ReportFormat format);  // "text", "html", …, "zip", "ole"

// Reads and imports a file. `display_name` (default: `path`) names it in locations and errors.
StatusOr<ImportedReport> ImportReportFile(const std::string& path);

// Imports a report held in memory; `name` is used in locations and errors. A ZIP archive is
// accepted when it holds exactly one report (see ImportReportsBytes for bundles).
StatusOr<ImportedReport> ImportReportBytes(std::string_view bytes, const std::string& name);

// One report of a file that may hold several: `name` is the file, or for a member of a ZIP
// archive "archive.zip!/inner/path.docx".
struct NamedImport {
  std::string name;
  StatusOr<ImportedReport> result;
  // Lowercase hex SHA-256 of the bytes this report was read from (the file, or the member of the
  // ZIP archive); empty when those bytes could not be read.
  std::string sha256 = {};
};

// Imports every report in `bytes`: one entry for a single report (its error included), one per
// member for a ZIP archive (directories, hidden files, __MACOSX/ and *.expected.json skipped;
// archives nested inside it are not opened). A damaged or oversized archive gives one entry
// holding the error. Never returns an empty vector.
std::vector<NamedImport> ImportReportsBytes(std::string_view bytes, const std::string& name);
// As ImportReportsBytes, handing each report to `sink` as soon as it is read, in the same order,
// so that a caller can act on one report (store it) while the next is read.
void ForEachReportInBytes(std::string_view bytes, const std::string& name,
                          const std::function<void(NamedImport)>& sink);
// As ImportReportsBytes, for a file on disk.
std::vector<NamedImport> ImportReportsFile(const std::string& path);

// Imports text that is already UTF-8, laid out as lines with table rows as tab-separated cells.
// `line_sources`, when given, holds each line's source location (for structured formats whose
// importers render their content to this layout). Returns an error when the text holds no
// recognisable report (no table and no section).
StatusOr<ImportedReport> ImportLayoutText(std::string_view utf8, const std::string& name,
                                          const std::vector<SourceLocation>& line_sources = {});

}  // namespace gongkai
