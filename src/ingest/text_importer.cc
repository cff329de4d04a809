#include <algorithm>
#include <sstream>

#include "gongkai/decode.h"
#include "gongkai/importer.h"
#include "gongkai/rules.h"
#include "artefacts.h"
#include "importers.h"
#include "sections.h"
#include "tables.h"
#include "layout_size.h"
#include "tokens.h"

namespace gongkai {

using ingest_internal::Line;
using ingest_internal::Token;

namespace {

// Splits as SplitLines does after NormalizeForMatching: at "\n", "\r\n" and a lone "\r".
// The lines view into `utf8`.
std::vector<std::string_view> OriginalLines(std::string_view utf8) {
  std::vector<std::string_view> out;
  size_t start = 0;
  const size_t n = utf8.size();
  const bool has_cr = utf8.find('\r') != std::string_view::npos;
  for (size_t i = 0; i <= n; ++i) {
    if (!has_cr) {
      i = std::min(utf8.find('\n', i), n);
    } else if (i < n && utf8[i] != '\n' && utf8[i] != '\r') {
      continue;
    }
    out.emplace_back(utf8.substr(start, i - start));
    if (i < n && utf8[i] == '\r' && i + 1 < n && utf8[i + 1] == '\n') ++i;
    start = i + 1;
  }
  return out;
}

// Recognises formats the text importer must not read as text.
std::string_view BinaryFormatName(std::string_view bytes) {
  if (bytes.substr(0, 5) == "%PDF-") return "PDF";
  if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)) return "ZIP/DOCX";
  if (bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
    return "DOC/WPS (OLE)";
  }
  return "";
}

bool HasNul(std::string_view s) { return s.find('\0') != std::string_view::npos; }

// Checks the limits on the size of `normalized`; its measures (lines, a bound on its tokens) go
// to `*measured`, so that the lines and tokens are allocated once.
Status CheckLayoutLimits(std::string_view normalized, const std::string& name,
                         ingest_internal::LayoutSize* measured) {
  const ingest_internal::LayoutSize size = ingest_internal::MeasureLayout(normalized);
  *measured = size;
  if (size.lines > kMaxLayoutLines) {
    return ResourceExhaustedError(name + ": 文本行数过多（" + std::to_string(size.lines) + " 行，上限 " +
                                  std::to_string(kMaxLayoutLines) + "） (too many lines: limit " +
                                  std::to_string(kMaxLayoutLines) + ")");
  }
  if (size.longest_line > kMaxLayoutLineBytes) {
    return ResourceExhaustedError(name + ": 有一行过长（" + std::to_string(size.longest_line) +
                                  " 字节，上限 " + std::to_string(kMaxLayoutLineBytes) +
                                  "） (a line is too long: limit " +
                                  std::to_string(kMaxLayoutLineBytes) + " bytes)");
  }
  if (size.tokens > kMaxLayoutTokens) {
    return ResourceExhaustedError(name + ": 文本中的数字和单元格过多（约 " + std::to_string(size.tokens) +
                                  " 个，上限 " + std::to_string(kMaxLayoutTokens) +
                                  "） (too many numbers and cells: limit " +
                                  std::to_string(kMaxLayoutTokens) + " tokens)");
  }
  return Status::Ok();
}

}  // namespace

// Memory: the normalized copy, the lines (views into it and into `utf8`, with a source location
// each), the tokens and the sections' text (a copy each once more): at most ~7x the UTF-8 text plus ~70 MB
// at the limits kMaxLayoutLines and kMaxLayoutTokens, which are checked before any of it is
// allocated (measured: 34 MB of text at 199,000 lines peaks at 301 MB, the whole process).
StatusOr<ImportedReport> ImportLayoutText(std::string_view utf8, const std::string& name,
                                          const std::vector<SourceLocation>& line_sources) {
  std::string without_bookmarks;
  ingest_internal::StrippedArtefacts artefacts =
      ingest_internal::StripWordBookmarks(utf8, &without_bookmarks);
  if (artefacts.bookmarks > 0) utf8 = without_bookmarks;
  std::string normalized = NormalizeForMatching(utf8);
  ingest_internal::LayoutSize measured;
  GONGKAI_RETURN_IF_ERROR(CheckLayoutLimits(normalized, name, &measured));
  std::vector<Line> lines = ingest_internal::SplitLines(normalized, name, line_sources, measured.lines);
  std::vector<std::string_view> original = OriginalLines(utf8);
  original.resize(lines.size());
  ingest_internal::JoinedTexts joined;
  std::vector<Token> tokens = ingest_internal::Tokenize(lines, &joined, measured.tokens);

  ImportedReport out;
  out.format = "text";
  AnnualReport& report = out.report;
  ingest_internal::FindTitle(lines, original, &report);
  ingest_internal::FindSections(lines, original, &report);
  ingest_internal::TableRegions regions = ingest_internal::FindTableRegions(tokens);
  ingest_internal::ParseTable2(tokens, lines, regions, &report.table2, &out.findings);
  ingest_internal::ParseTable3(tokens, lines, regions, &report.table3, &out.findings);
  ingest_internal::ParseTable4(tokens, lines, regions, &report.table4, &out.findings);
  if (artefacts.bookmarks > 0) {
    SourceLocation loc;
    loc.file = name;
    out.findings.push_back(MakeFinding(
        "IMPORT-ARTEFACT",
        "已删除 " + std::to_string(artefacts.bookmarks) + " 处转换遗留的 Word 书签标记（如 " +
            artefacts.example + "）",
        "removed " + std::to_string(artefacts.bookmarks) + " Word bookmark markers left by a converter",
        loc));
  }

  bool any_section = false;
  for (const Section& s : report.sections) any_section = any_section || s.present;
  bool any_table = regions.t2_begin != regions.t2_end || regions.t3_begin != regions.t3_end ||
                   regions.t4_begin != regions.t4_end;
  if (!any_section && !any_table) {
    return InvalidArgumentError(name +
                                ": 不是政府信息公开工作年度报告（未找到规定的章节或表格）"
                                " (not an annual disclosure report: no section or table found)");
  }
  return out;
}

namespace ingest_internal {

StatusOr<ImportedReport> ImportText(std::string_view bytes, const std::string& name) {
  if (bytes.empty()) {
    return InvalidArgumentError(name + ": 文件为空 (empty file)");
  }
  if (bytes.size() > kMaxReportBytes) {
    return ResourceExhaustedError(name + ": 文件过大（" + std::to_string(bytes.size()) +
                                  " 字节，上限 " + std::to_string(kMaxReportBytes) +
                                  "） (file too large)");
  }
  std::string_view binary = BinaryFormatName(bytes);
  if (!binary.empty()) {
    return UnimplementedError(name + ": " + std::string(binary) +
                              " 文件不能按文本读取，请使用对应格式的导入器 (a " +
                              std::string(binary) + " file, not text)");
  }
  GONGKAI_ASSIGN_OR_RETURN(DecodedText text, DecodeToUtf8(bytes, name));
  if (HasNul(text.utf8)) {
    return DataLossError(name + ": 含有 NUL 字节，不是文本文件 (binary data: NUL bytes)");
  }
  GONGKAI_ASSIGN_OR_RETURN(ImportedReport out, ImportLayoutText(text.utf8, name));
  out.encoding = text.encoding;
  if (text.encoding != "UTF-8" && text.encoding != "UTF-8 (BOM)") {
    SourceLocation loc;
    loc.file = name;
    out.findings.push_back(MakeFinding("IMPORT-ENCODING", "文件编码为 " + text.encoding + "，已转换为 UTF-8",
                                       "file encoding " + text.encoding + " converted to UTF-8", loc));
  }
  return out;
}

}  // namespace ingest_internal
}  // namespace gongkai
