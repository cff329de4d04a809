// The HTML renderer: one self-contained page, accessible and printable.
//
// 适老化 and accessibility: lang="zh-CN"; a large base font in relative units (rem/em), so the
// page reflows at 200% zoom; tables with <caption>, <th scope> and rowspan/colspan as on the
// form; the meaning of a cell never depends on colour; borders use currentColor and the page
// keeps working under forced colours (Windows high contrast); print CSS for A4.
#include "escape.h"
#include "form_layout.h"
#include "gongkai/render.h"
#include "narrative.h"

namespace gongkai {
namespace {

using render_internal::EscapeMarkup;
using render_internal::FormCell;
using render_internal::FormGrid;

constexpr const char* kStyle = R"css(
:root { color-scheme: light dark; }
html { font-size: 112.5%; }
body { font-family: "FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong",
       "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "宋体", serif;
       line-height: 1.8; max-width: 60em; margin: 0 auto; padding: 1em 1.25em; }
h1 { font-family: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "SimSun", "宋体", "Noto Serif CJK SC", serif;
     font-size: 1.6rem; text-align: center; line-height: 1.5; margin: 1em 0; }
h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 1.2rem; margin: 1.5em 0 0.5em; }
p { text-indent: 2em; margin: 0.4em 0; }
p.generated { font-style: italic; }
p.signature { text-indent: 0; text-align: right; margin-right: 2em; }
.table-wrap { overflow-x: auto; margin: 0.75em 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; line-height: 1.4; }
caption { font-weight: bold; text-align: center; padding: 0.4em; }
th, td { border: 1px solid currentColor; padding: 0.3em 0.4em; vertical-align: middle; }
th { font-weight: bold; text-align: center; }
th[scope="row"] { text-align: left; font-weight: normal; }
th.group { text-align: center; }
td { text-align: center; font-variant-numeric: tabular-nums; }
@media (forced-colors: active) { th, td { border-color: CanvasText; } }
@media print {
  @page { size: A4; margin: 2.5cm 2cm; }
  html { font-size: 12pt; }
  body { max-width: none; padding: 0; }
  .table-wrap { overflow: visible; }
  table { page-break-inside: auto; font-size: 10pt; }
  tr, th, td { page-break-inside: avoid; }
  h2 { page-break-after: avoid; }
}
)css";

void AppendGrid(const FormGrid& grid, const std::string& caption_label, std::string* out) {
  *out += "<div class=\"table-wrap\"><table id=\"" + grid.id + "\">\n<caption>" +
          EscapeMarkup(caption_label) + "</caption>\n";
  for (size_t r = 0; r < grid.rows.size(); ++r) {
    if (r == 0 && grid.header_rows > 0) *out += "<thead>\n";
    if (static_cast<int>(r) == grid.header_rows) *out += "<tbody>\n";
    *out += "<tr>";
    for (const FormCell& c : grid.rows[r]) {
      std::string attrs;
      if (c.row_span > 1) attrs += " rowspan=\"" + std::to_string(c.row_span) + "\"";
      if (c.col_span > 1) attrs += " colspan=\"" + std::to_string(c.col_span) + "\"";
      if (c.numeric) {
        // An absent value is an empty cell (never 0); screen readers say it was not given.
        if (!c.value) attrs += " class=\"absent\" aria-label=\"未填报\"";
        *out += "<td" + attrs + ">" + EscapeMarkup(c.text) + "</td>";
      } else if (c.header) {
        const char* scope = c.col_span > 1 ? "colgroup" : "col";
        *out += std::string("<th scope=\"") + scope + "\"" + attrs + ">" + EscapeMarkup(c.text) + "</th>";
      } else {
        // scope="row" on a cell spanning rows heads every row it spans (rowgroup would claim
        // the rest of the tbody).
        std::string cls = c.row_span > 1 ? " class=\"group\"" : "";
        *out += "<th scope=\"row\"" + cls + attrs + ">" + EscapeMarkup(c.text) + "</th>";
      }
    }
    *out += "</tr>\n";
    if (grid.header_rows > 0 && static_cast<int>(r) + 1 == grid.header_rows) *out += "</thead>\n";
  }
  *out += "</tbody>\n</table></div>\n";
}

void AppendParagraphs(const std::vector<std::string>& paragraphs, bool generated, std::string* out) {
  for (const std::string& p : paragraphs) {
    *out += generated ? "<p class=\"generated\">" : "<p>";
    *out += EscapeMarkup(p);
    *out += "</p>\n";
  }
}

}  // namespace

std::string RenderHtml(const AnnualReport& report) {
  std::string title = ReportTitle(report);
  std::string out;
  out.reserve(64 << 10);
  out += "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\"Gongkai\">\n<title>";
  out += EscapeMarkup(title);
  out += "</title>\n<style>";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n<main>\n<h1>";
  out += EscapeMarkup(title);
  out += "</h1>\n";
  AppendParagraphs(render_internal::PreambleParagraphs(report), false, &out);
  for (int s = 0; s < kSectionCount; ++s) {
    out += "<section aria-labelledby=\"s" + std::to_string(s + 1) + "\">\n<h2 id=\"s" +
           std::to_string(s + 1) + "\">" + EscapeMarkup(SectionTitle(s)) + "</h2>\n";
    if (s == 1) AppendGrid(render_internal::Table2Grid(report.table2), "主动公开政府信息情况", &out);
    if (s == 2) AppendGrid(render_internal::Table3Grid(report.table3), "收到和处理政府信息公开申请情况", &out);
    if (s == 3) AppendGrid(render_internal::Table4Grid(report.table4), "政府信息公开行政复议、行政诉讼情况", &out);
    AppendParagraphs(render_internal::SectionParagraphs(report, s),
                     !render_internal::SectionHasText(report, s), &out);
    if (s + 1 == kSectionCount) {
      for (const std::string& line : render_internal::SignatureLines(report)) {
        out += "<p class=\"signature\">" + EscapeMarkup(line) + "</p>\n";
      }
    }
    out += "</section>\n";
  }
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace gongkai
