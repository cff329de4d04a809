// Format detection by content, and the entry points that dispatch to each format's importer.

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <functional>
#include <memory>
#include <mutex>

#include "gongkai/decode.h"
#include "gongkai/file.h"
#include "gongkai/importer.h"
#include "gongkai/report_json.h"
#include "gongkai/rules.h"
#include "gongkai/sha256.h"
#include "importers.h"
#include "zip_reader.h"

namespace gongkai {
namespace {

using ingest_internal::ZipReader;

constexpr std::string_view kOleMagic("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
// How far into a file "%PDF-" may start (the PDF reference allows leading junk).
constexpr size_t kPdfMagicWindow = 1024;
// How far into a file an HTML tag is looked for.
constexpr size_t kHtmlSniffBytes = 4096;

bool IsZip(std::string_view b) {
  return b.substr(0, 4) == std::string_view("PK\x03\x04", 4) ||
         b.substr(0, 4) == std::string_view("PK\x05\x06", 4);
}

// Markup: the first non-blank character is '<' and an HTML tag appears early on, or the file
// declares itself HTML anywhere in its first bytes.
bool LooksLikeHtml(std::string_view b) {
  std::string head = AsciiLower(b.substr(0, kHtmlSniffBytes));
  if (head.find("<!doctype html") != std::string::npos || head.find("<html") != std::string::npos) {
    return true;
  }
  size_t i = head.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) ++i;
  if (i >= head.size() || head[i] != '<') return false;
  for (std::string_view tag : {"<body", "<head", "<meta", "<table", "<div", "<p>", "<p ", "<br",
                               "<h1", "<h2", "<span"}) {
    if (head.find(tag) != std::string::npos) return true;
  }
  return false;
}

// A JSON object: '{' first, after an optional UTF-8 BOM and whitespace. No report text starts so.
bool LooksLikeJsonObject(std::string_view b) {
  if (b.substr(0, 3) == "\xEF\xBB\xBF") b.remove_prefix(3);
  size_t i = b.find_first_not_of(" \t\r\n");
  return i != std::string_view::npos && b[i] == '{';
}

std::string TooLarge(const std::string& name, size_t size) {
  return name + ": 文件过大（" + std::to_string(size) + " 字节，上限 " +
         std::to_string(kMaxReportBytes) + "） (file too large)";
}

// The interchange JSON (what `gongkai extract --json` and `report generate` print): read as is;
// its "findings" are not carried over, the validator runs afresh.
StatusOr<ImportedReport> ImportInterchangeJson(std::string_view bytes, const std::string& name) {
  GONGKAI_ASSIGN_OR_RETURN(DecodedText text, DecodeToUtf8(bytes, name));
  GONGKAI_ASSIGN_OR_RETURN(AnnualReport report, ReportFromJson(text.utf8, name));
  ImportedReport out;
  out.report = std::move(report);
  out.format = "json";
  out.encoding = text.encoding;
  return out;
}

StatusOr<ImportedReport> ImportSingle(std::string_view bytes, const std::string& name,
                                      ReportFormat format) {
  switch (format) {
    case ReportFormat::kPdf:
      return ingest_internal::ImportPdf(bytes, name);
    case ReportFormat::kDocx:
      return ingest_internal::ImportDocx(bytes, name);
    case ReportFormat::kXlsx:
      return ingest_internal::ImportXlsx(bytes, name);
    case ReportFormat::kHtml:
      return ingest_internal::ImportHtml(bytes, name);
    case ReportFormat::kLegacyOffice:
      return UnimplementedError(name +
                                ": 旧版 Word/WPS 文档（OLE 格式）无法读取，请转换为 DOCX "
                                "(legacy .doc/.wps file: convert to DOCX)");
    case ReportFormat::kZip:
      return UnimplementedError(name + ": 不读取嵌套在压缩包中的压缩包 (nested archives are not read)");
    case ReportFormat::kJson:
      return ImportInterchangeJson(bytes, name);
    case ReportFormat::kText:
      break;
  }
  return ingest_internal::ImportText(bytes, name);
}

bool SkippedMember(const std::string& path) {
  if (path.empty() || path.back() == '/') return true;
  if (path.starts_with("__MACOSX/")) return true;
  size_t slash = path.rfind('/');
  std::string_view base = slash == std::string::npos ? std::string_view(path)
                                                      : std::string_view(path).substr(slash + 1);
  return base.empty() || base[0] == '.' || base.ends_with(".expected.json");
}

// Memory: the archive, plus one member inflated at a time (<= kMaxReportBytes, and the whole
// archive's inflated bytes <= kMaxUncompressedBytes, both checked while inflating) and that
// member's importer bound; members are imported one after another.
// Hands every report of the archive `bytes` to `sink`, in the archive's order (see
// ImportReportsBytes); returns how many it handed over.
size_t ImportArchive(std::string_view bytes, const std::string& name,
                     const std::function<void(NamedImport)>& sink) {
  auto reader = ZipReader::Open(bytes, name);
  if (!reader.ok()) {
    sink({name, reader.status()});
    return 1;
  }
  ZipReader& zip = **reader;
  size_t handed = 0;
  for (size_t i = 0; i < zip.entries().size(); ++i) {
    const ZipReader::Entry& e = zip.entries()[i];
    if (e.directory || SkippedMember(e.name)) continue;
    std::string member = name + "!/" + e.name;
    auto data = zip.Read(static_cast<int>(i), kMaxReportBytes);
    ++handed;
    if (!data.ok()) {
      const bool budget_spent = data.status().code() == StatusCode::kResourceExhausted;
      sink({member, data.status()});
      if (budget_spent) break;
      continue;
    }
    if (data->empty()) {
      sink({member, InvalidArgumentError(member + ": 文件为空 (empty file)")});
      continue;
    }
    sink({member, ImportSingle(*data, member, DetectFormat(*data)), Sha256Hex(*data)});
  }
  if (handed == 0) {
    sink({name, InvalidArgumentError(name + ": 压缩包中没有报告 (no report in the archive)")});
    handed = 1;
  }
  return handed;
}

}  // namespace

std::string_view ReportFormatName(ReportFormat format) {
  switch (format) {
    case ReportFormat::kText: return "text";
    case ReportFormat::kHtml: return "html";
    case ReportFormat::kDocx: return "docx";
    case ReportFormat::kXlsx: return "xlsx";
    case ReportFormat::kPdf: return "pdf";
    case ReportFormat::kZip: return "zip";
    case ReportFormat::kLegacyOffice: return "ole";
    case ReportFormat::kJson: return "json";
  }
  return "text";
}

ReportFormat DetectFormat(std::string_view bytes) {
  if (bytes.substr(0, kPdfMagicWindow).find("%PDF-") != std::string_view::npos) {
    return ReportFormat::kPdf;
  }
  if (bytes.substr(0, 8) == kOleMagic) return ReportFormat::kLegacyOffice;
  if (IsZip(bytes)) {
    auto reader = ZipReader::Open(bytes, "");
    if (reader.ok() && (*reader)->Find("word/document.xml") >= 0) return ReportFormat::kDocx;
    if (reader.ok() && (*reader)->Find("xl/workbook.xml") >= 0) return ReportFormat::kXlsx;
    return ReportFormat::kZip;
  }
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    auto text = DecodeToUtf8(bytes.substr(0, kHtmlSniffBytes * 2 & ~size_t{1}), "");
    if (text.ok() && LooksLikeHtml(text->utf8)) return ReportFormat::kHtml;
    return ReportFormat::kText;
  }
  if (LooksLikeJsonObject(bytes)) return ReportFormat::kJson;
  return LooksLikeHtml(bytes) ? ReportFormat::kHtml : ReportFormat::kText;
}

namespace ingest_internal {

namespace {
// libxml2's error handlers: discard. Every caller reads the parser context's last error instead.
void IgnoreGenericError(void*, const char*, ...) {}
void IgnoreStructuredError(void*, xmlErrorPtr) {}
}  // namespace

void InitLibxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
  // The handlers are per thread in libxml2 (thread-local globals), so every thread sets them.
  thread_local bool silenced = false;
  if (!silenced) {
    xmlSetGenericErrorFunc(nullptr, IgnoreGenericError);
    xmlSetStructuredErrorFunc(nullptr, IgnoreStructuredError);
    silenced = true;
  }
}

Status CheckMarkupSize(std::string_view markup, const std::string& name) {
  // Each '<' opens at most one element and one text node after it.
  size_t opens = 0;
  for (const char* p = markup.data(), *end = p + markup.size();
       (p = static_cast<const char*>(std::memchr(p, '<', static_cast<size_t>(end - p)))); ++p) {
    ++opens;
  }
  size_t nodes = 2 * opens + 1;
  if (nodes <= kMaxMarkupNodes) return Status::Ok();
  return ResourceExhaustedError(name + ": 标记过多（约 " + std::to_string(nodes) + " 个节点，上限 " +
                                std::to_string(kMaxMarkupNodes) + "） (too many markup nodes: limit " +
                                std::to_string(kMaxMarkupNodes) + ")");
}

StatusOr<ImportedReport> FinishLayout(const LayoutText& layout, const std::string& name,
                                      std::string format, std::string encoding) {
  if (layout.lines() > kMaxLayoutLines) {
    return ResourceExhaustedError(name + ": 文本行数过多（" + std::to_string(layout.lines()) +
                                  "） (too many lines)");
  }
  GONGKAI_ASSIGN_OR_RETURN(ImportedReport out,
                           ImportLayoutText(layout.text(), name, layout.sources()));
  out.format = std::move(format);
  out.encoding = std::move(encoding);
  if (!out.encoding.starts_with("UTF-8")) {
    SourceLocation loc;
    loc.file = name;
    out.findings.push_back(MakeFinding("IMPORT-ENCODING",
                                       "文件编码为 " + out.encoding + "，已转换为 UTF-8",
                                       "file encoding " + out.encoding + " converted to UTF-8", loc));
  }
  return out;
}

}  // namespace ingest_internal

StatusOr<ImportedReport> ImportReportBytes(std::string_view bytes, const std::string& name) {
  if (bytes.empty()) return InvalidArgumentError(name + ": 文件为空 (empty file)");
  if (bytes.size() > kMaxReportBytes) return ResourceExhaustedError(TooLarge(name, bytes.size()));
  ReportFormat format = DetectFormat(bytes);
  if (format != ReportFormat::kZip) return ImportSingle(bytes, name, format);
  std::vector<NamedImport> all = ImportReportsBytes(bytes, name);
  if (all.size() == 1) return std::move(all[0].result);
  return InvalidArgumentError(name + ": 压缩包中有 " + std::to_string(all.size()) +
                              " 个文件，请逐个读取 (the archive holds " + std::to_string(all.size()) +
                              " files: read them one by one)");
}

void ForEachReportInBytes(std::string_view bytes, const std::string& name,
                          const std::function<void(NamedImport)>& sink) {
  if (!bytes.empty() && bytes.size() <= kMaxReportBytes && DetectFormat(bytes) == ReportFormat::kZip) {
    ImportArchive(bytes, name, sink);
    return;
  }
  sink({name, ImportReportBytes(bytes, name), Sha256Hex(bytes)});
}

std::vector<NamedImport> ImportReportsBytes(std::string_view bytes, const std::string& name) {
  std::vector<NamedImport> out;
  ForEachReportInBytes(bytes, name, [&out](NamedImport n) { out.push_back(std::move(n)); });
  return out;
}


StatusOr<ImportedReport> ImportReportFile(const std::string& path) {
  GONGKAI_ASSIGN_OR_RETURN(std::string bytes, ReadFileToString(path, kMaxReportBytes));
  return ImportReportBytes(bytes, path);
}

std::vector<NamedImport> ImportReportsFile(const std::string& path) {
  auto bytes = ReadFileToString(path, kMaxReportBytes);
  if (!bytes.ok()) {
    std::vector<NamedImport> out;
    out.push_back({path, bytes.status()});
    return out;
  }
  return ImportReportsBytes(*bytes, path);
}

}  // namespace gongkai
