// The HTML importer: the page read by libxml2's forgiving HTML parser into a compact tree
// (html_page.h), then a walk of the tree that renders paragraphs as lines and tables as grids
// (rowspan/colspan honoured) of TAB-separated cells.
//
// Page chrome (scripts, styles, navigation, share buttons, footers, hidden elements) is skipped.
// A table whose cells hold other tables is a layout table: its cells are read as paragraphs.
// Provenance: every line carries the HTML source line; table rows also carry table and row.
#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gongkai/decode.h"
#include "html_page.h"
#include "importers.h"

namespace gongkai::ingest_internal {
namespace {

// Tables nested deeper than this are read as plain blocks.
constexpr int kMaxTableNesting = 16;
// How far into the document a <meta> charset declaration is looked for.
constexpr size_t kCharsetSniffBytes = 64 * 1024;

// The offset of the next "<meta" (any case) in `s` at or after `from`, or npos.
size_t FindMetaTag(std::string_view s, size_t from) {
  for (size_t p = s.find('<', from); p != std::string_view::npos; p = s.find('<', p + 1)) {
    if (s.size() - p >= 5 && AsciiLower(s.substr(p + 1, 4)) == "meta") return p;
  }
  return std::string_view::npos;
}

// The charset a <meta> tag declares, lowercased, or "".
std::string SniffMetaCharset(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, kCharsetSniffBytes);
  for (size_t p = FindMetaTag(head, 0); p != std::string_view::npos; p = FindMetaTag(head, p + 5)) {
    size_t end = head.find('>', p);
    if (end == std::string_view::npos) break;
    const std::string lowered_tag = AsciiLower(head.substr(p, end - p));
    std::string_view tag = lowered_tag;
    size_t c = tag.find("charset");
    if (c == std::string_view::npos) continue;
    c += 7;
    while (c < tag.size() && (tag[c] == ' ' || tag[c] == '=' || tag[c] == '"' || tag[c] == '\'')) ++c;
    size_t e = c;
    while (e < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[e])) || tag[e] == '-' ||
                              tag[e] == '_' || tag[e] == ':' || tag[e] == '.')) {
      ++e;
    }
    if (e > c) return std::string(tag.substr(c, e - c));
  }
  return "";
}

struct HtmlText {
  std::string utf8;
  std::string encoding;
};

StatusOr<HtmlText> DecodeHtml(std::string_view bytes, const std::string& name) {
  bool bom = bytes.substr(0, 3) == "\xEF\xBB\xBF" || bytes.substr(0, 2) == "\xFF\xFE" ||
             bytes.substr(0, 2) == "\xFE\xFF";
  std::string declared = bom ? "" : SniffMetaCharset(bytes);
  if (declared == "gb2312" || declared == "gbk" || declared == "x-gbk" || declared == "cp936" ||
      declared == "gb18030" || declared == "euc-cn") {
    auto r = ConvertToUtf8(bytes, "GB18030", name);
    if (r.ok()) return HtmlText{std::move(r).value(), "GB18030"};
  } else if (!declared.empty() && declared != "utf-8" && declared != "utf8" &&
             declared != "us-ascii" && declared != "iso-8859-1") {
    auto r = ConvertToUtf8(bytes, declared, name);
    if (r.ok()) return HtmlText{std::move(r).value(), AsciiLower(declared)};
  }
  // Declared UTF-8 (or nothing, or a declaration that does not fit): BOM, UTF-8, GB18030.
  GONGKAI_ASSIGN_OR_RETURN(DecodedText t, DecodeToUtf8(bytes, name));
  return HtmlText{std::move(t.utf8), std::move(t.encoding)};
}

const HtmlNode* Child(const HtmlPage& page, uint32_t index) {
  return index != 0 ? &page.nodes[index] : nullptr;
}

// Visits the descendants of `root` in document order without recursion, so that any depth of
// nesting is safe. `enter(n)` returns whether to descend into n; `leave(n)` runs after n's
// subtree (also for nodes not descended into).
template <typename Enter, typename Leave>
void WalkTree(const HtmlPage& page, const HtmlNode& root, Enter enter, Leave leave) {
  const HtmlNode* n = Child(page, root.first_child);
  while (n) {
    if (enter(*n) && n->first_child != 0) {
      n = &page.nodes[n->first_child];
      continue;
    }
    leave(*n);
    while (n->next == 0) {
      if (n->parent == 0 || &page.nodes[n->parent] == &root) return;
      n = &page.nodes[n->parent];
      leave(*n);
    }
    n = &page.nodes[n->next];
  }
}

bool Has(const HtmlNode& n, unsigned flag) { return (n.flags & flag) != 0; }
bool IsSkipped(const HtmlNode& n) { return Has(n, kHtmlSkipped); }

class HtmlLayout {
 public:
  HtmlLayout(const HtmlPage& page, LayoutText* out) : page_(page), out_(out) {}

  void Title() {
    if (!page_.has_title) return;
    TextRun run;
    run.Append(page_.title);
    SourceLocation s;
    s.line = page_.title_line;
    out_->AddLine(run.Take(), s);
  }

  // Walks the content under `root`; `cell` is the table cell being read, or null in the page's
  // flow. `tables` is how many tables enclose it.
  void Walk(const HtmlNode& root, TextRun* cell, int tables) {
    WalkTree(
        page_, root, [&](const HtmlNode& n) { return Enter(n, cell, tables); },
        [&](const HtmlNode& n) { Leave(n, cell); });
  }

  void Finish() { FlushLine(); }

 private:
  void FlushLine() {
    if (line_.empty()) return;
    SourceLocation s;
    s.line = line_src_;
    out_->AddLine(line_.Take(), s);
  }

  void Break(TextRun* cell) {
    if (cell) cell->SoftBreak();
    else FlushLine();
  }

  bool Enter(const HtmlNode& n, TextRun* cell, int tables) {
    if (n.kind == HtmlNode::Kind::kText) {
      if (!cell && line_.empty()) line_src_ = n.line;
      (cell ? cell : &line_)->Append(page_.TextOf(n));
      return false;
    }
    if (n.kind != HtmlNode::Kind::kElement || IsSkipped(n)) return false;
    if (Has(n, kHtmlBr)) {
      Break(cell);
      return false;
    }
    if (Has(n, kHtmlTable) && !cell && tables < kMaxTableNesting) {
      FlushLine();
      Table(n, tables + 1);
      return false;
    }
    if (Has(n, kHtmlBlock | kHtmlTable)) Break(cell);
    return true;
  }

  void Leave(const HtmlNode& n, TextRun* cell) {
    if (n.kind == HtmlNode::Kind::kElement && Has(n, kHtmlBlock | kHtmlTable) && !IsSkipped(n)) {
      Break(cell);
    }
  }

  // The rows of a table, in order (directly or inside thead/tbody/tfoot).
  std::vector<const HtmlNode*> TableRows(const HtmlNode& table) const {
    std::vector<const HtmlNode*> rows;
    for (const HtmlNode* c = Child(page_, table.first_child); c; c = Child(page_, c->next)) {
      if (Has(*c, kHtmlTr)) {
        rows.push_back(c);
      } else if (Has(*c, kHtmlRowGroup)) {
        for (const HtmlNode* r = Child(page_, c->first_child); r; r = Child(page_, r->next))
          if (Has(*r, kHtmlTr)) rows.push_back(r);
      }
    }
    return rows;
  }

  void Table(const HtmlNode& table, int tables) {
    std::vector<const HtmlNode*> rows = TableRows(table);
    for (const HtmlNode* c = Child(page_, table.first_child); c; c = Child(page_, c->next)) {
      if (Has(*c, kHtmlCaption) && !IsSkipped(*c)) {
        Walk(*c, nullptr, tables);
        FlushLine();
      }
    }
    if (Has(table, kHtmlHoldsTable)) {
      // A layout table: each cell is a block of the page.
      for (const HtmlNode* tr : rows) {
        if (IsSkipped(*tr)) continue;
        for (const HtmlNode* td = Child(page_, tr->first_child); td; td = Child(page_, td->next)) {
          if (!Has(*td, kHtmlCell) || IsSkipped(*td)) continue;
          FlushLine();
          Walk(*td, nullptr, tables);
          FlushLine();
        }
      }
      return;
    }
    GridBuilder grid;
    std::vector<int> row_lines;
    const int total = static_cast<int>(rows.size());
    for (int r = 0; r < total; ++r) {
      const HtmlNode& tr = *rows[static_cast<size_t>(r)];
      grid.StartRow();
      row_lines.push_back(tr.line);
      if (IsSkipped(tr)) continue;
      for (const HtmlNode* td = Child(page_, tr.first_child); td; td = Child(page_, td->next)) {
        if (!Has(*td, kHtmlCell)) continue;
        TextRun run;
        if (!IsSkipped(*td)) Walk(*td, &run, tables);
        grid.AddCell(run.Take(), td->rowspan, td->colspan, total - r);
      }
    }
    SourceLocation s;
    s.table = tables_++;
    out_->AddTable(grid.Finish(), s, &row_lines);
  }

  const HtmlPage& page_;
  LayoutText* out_;
  TextRun line_;
  int line_src_ = 0;
  int tables_ = 0;
};

}  // namespace

// Memory: the decoded page (~1-2x the bytes), the page's tree (bounded by kMaxMarkupNodes, checked
// before parsing) and the layout text (below the page's text); ImportHtml adds ImportLayoutText's
// bound.
StatusOr<HtmlLayoutText> RenderHtmlLayout(std::string_view bytes, const std::string& name) {
  GONGKAI_ASSIGN_OR_RETURN(HtmlText text, DecodeHtml(bytes, name));
  GONGKAI_ASSIGN_OR_RETURN(HtmlPage page, ParseHtmlPage(text.utf8, name));
  LayoutText layout(name);
  HtmlLayout walker(page, &layout);
  walker.Title();
  // Every top-level node: recovery may leave content beside <html>.
  walker.Walk(page.nodes[0], nullptr, 0);
  walker.Finish();
  return HtmlLayoutText{std::move(layout), std::move(text.encoding)};
}

StatusOr<ImportedReport> ImportHtml(std::string_view bytes, const std::string& name) {
  GONGKAI_ASSIGN_OR_RETURN(HtmlLayoutText html, RenderHtmlLayout(bytes, name));
  return FinishLayout(html.layout, name, "html", std::move(html.encoding));
}

}  // namespace gongkai::ingest_internal
