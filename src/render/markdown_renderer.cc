// The Markdown renderer: the report as plain text with pipe tables, for review and diffs.
//
// Pipe tables have one header row and no merged cells, so group labels repeat on every row
// they cover and merged column headings are joined ("法人或其他组织：商业企业"). The text
// importer reads the result back to the same cells (tested in markdown_renderer_test.cc);
// section prose follows each table so that its numbers cannot be taken for table cells.
#include <algorithm>

#include "escape.h"
#include "form_layout.h"
#include "gongkai/render.h"
#include "narrative.h"

namespace gongkai {
namespace {

using render_internal::EscapeMarkdownCell;
using render_internal::EscapeMarkdownInline;
using render_internal::EscapeMarkdownProse;
using render_internal::FormatValue;

void Row(const std::vector<std::string>& cells, std::string* out) {
  *out += "|";
  for (const std::string& c : cells) *out += " " + EscapeMarkdownCell(c) + " |";
  *out += "\n";
}

void Separator(size_t n, std::string* out) {
  *out += "|";
  for (size_t i = 0; i < n; ++i) *out += "---|";
  *out += "\n";
}

void AppendTable2(const Table2& t, std::string* out) {
  auto block = [&](const char* caption, const std::vector<std::string>& header) {
    *out += std::string("**") + caption + "**\n\n";
    Row(header, out);
    Separator(header.size(), out);
  };
  block("第二十条第（一）项", {"信息内容", std::string(DocColumnLabel(0)), std::string(DocColumnLabel(1)),
                              std::string(DocColumnLabel(2))});
  for (int k = 0; k < kDocKindCount; ++k) {
    const auto& d = t.docs[static_cast<size_t>(k)];
    Row({std::string(DocKindLabel(k)), FormatValue(d[0].value), FormatValue(d[1].value),
         FormatValue(d[2].value)},
        out);
  }
  *out += "\n";
  block("第二十条第（五）项", {"信息内容", "本年处理决定数量"});
  Row({std::string(DecisionKindLabel(0)), FormatValue(t.decisions[0].value)}, out);
  *out += "\n";
  block("第二十条第（六）项", {"信息内容", "本年处理决定数量"});
  for (int k = 1; k < kDecisionKindCount; ++k) {
    Row({std::string(DecisionKindLabel(k)), FormatValue(t.decisions[static_cast<size_t>(k)].value)}, out);
  }
  *out += "\n";
  block("第二十条第（八）项", {"信息内容", "本年收费金额（单位：万元）"});
  Row({"行政事业性收费", FormatValue(t.fees_10k_yuan.value)}, out);
  *out += "\n";
}

void AppendTable3(const Table3& t, std::string* out) {
  // The label columns of each row, from the grid of the form (group cells repeated).
  render_internal::FormGrid grid = render_internal::Table3Grid(t);
  auto covered = render_internal::CoveredGrid(grid);
  std::vector<std::string> header = {render_internal::kT3BalanceNote, "", ""};
  header.push_back("申请人情况：" + std::string(T3ColumnLabel(kNatural)));
  for (int c = kCommercial; c <= kOther; ++c) {
    header.push_back("申请人情况：法人或其他组织：" + std::string(T3ColumnLabel(c)));
  }
  header.push_back("申请人情况：" + std::string(T3ColumnLabel(kTotal)));
  Row(header, out);
  Separator(header.size(), out);
  for (int r = 0; r < kT3Rows; ++r) {
    const auto& line = covered[static_cast<size_t>(grid.header_rows + r)];
    std::vector<std::string> cells;
    const render_internal::FormCell* previous = nullptr;
    for (int c = 0; c < 3; ++c) {
      const render_internal::FormCell* cell = line[static_cast<size_t>(c)].cell;
      cells.push_back(cell != previous ? cell->text : "");
      previous = cell;
    }
    for (int c = 0; c < kT3Columns; ++c) {
      cells.push_back(FormatValue(t.cells[static_cast<size_t>(r)][static_cast<size_t>(c)].value));
    }
    Row(cells, out);
  }
  *out += "\n";
}

void AppendTable4(const Table4& t, std::string* out) {
  std::vector<std::string> header, values;
  for (int g = 0; g < kT4Groups; ++g) {
    const char* group = g == kReview ? "行政复议" : g == kSuitDirect ? "行政诉讼：未经复议直接起诉"
                                                                     : "行政诉讼：复议后起诉";
    for (int c = 0; c < kT4Columns; ++c) {
      header.push_back(std::string(group) + "：" + std::string(T4ColumnLabel(c)));
      values.push_back(FormatValue(t.cells[static_cast<size_t>(g)][static_cast<size_t>(c)].value));
    }
  }
  Row(header, out);
  Separator(header.size(), out);
  Row(values, out);
  *out += "\n";
}

}  // namespace

std::string RenderMarkdown(const AnnualReport& report) {
  std::string out;
  out.reserve(32 << 10);
  // A setext heading: the title line stays free of markup for readers that look for it.
  std::string title = EscapeMarkdownInline(ReportTitle(report));
  out += title + "\n" + std::string(std::max<size_t>(3, title.size() / 3 * 2), '=') + "\n\n";
  for (const std::string& p : render_internal::PreambleParagraphs(report)) {
    out += EscapeMarkdownProse(p) + "\n\n";
  }
  for (int s = 0; s < kSectionCount; ++s) {
    out += "## " + std::string(SectionTitle(s)) + "\n\n";
    if (s == 1) AppendTable2(report.table2, &out);
    if (s == 2) AppendTable3(report.table3, &out);
    if (s == 3) AppendTable4(report.table4, &out);
    for (const std::string& p : render_internal::SectionParagraphs(report, s)) {
      out += EscapeMarkdownProse(p) + "\n\n";
    }
  }
  return out;
}

}  // namespace gongkai
