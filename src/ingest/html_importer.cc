// The HTML importer: libxml2's forgiving HTML parser, then a walk of the tree that renders
// paragraphs as lines and tables as grids (rowspan/colspan honoured) of TAB-separated cells.
//
// Page chrome (scripts, styles, navigation, share buttons, footers, hidden elements) is skipped.
// A table whose cells hold other tables is a layout table: its cells are read as paragraphs.
// Provenance: every line carries the HTML source line; table rows also carry table and row.
#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "gongkai/decode.h"
#include "importers.h"

namespace gongkai::ingest_internal {
namespace {

// Tables nested deeper than this are read as plain blocks.
constexpr int kMaxTableNesting = 16;
// How far into the document a <meta> charset declaration is looked for.
constexpr size_t kCharsetSniffBytes = 64 * 1024;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// The offset of the next "<meta" (any case) in `s` at or after `from`, or npos.
size_t FindMetaTag(std::string_view s, size_t from) {
  for (size_t p = s.find('<', from); p != std::string_view::npos; p = s.find('<', p + 1)) {
    if (s.size() - p >= 5 && Lower(s.substr(p + 1, 4)) == "meta") return p;
  }
  return std::string_view::npos;
}

// The charset a <meta> tag declares, lowercased, or "".
std::string SniffMetaCharset(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, kCharsetSniffBytes);
  for (size_t p = FindMetaTag(head, 0); p != std::string_view::npos; p = FindMetaTag(head, p + 5)) {
    size_t end = head.find('>', p);
    if (end == std::string_view::npos) break;
    const std::string lowered_tag = Lower(head.substr(p, end - p));
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
    if (r.ok()) return HtmlText{std::move(r).value(), Lower(declared)};
  }
  // Declared UTF-8 (or nothing, or a declaration that does not fit): BOM, UTF-8, GB18030.
  GONGKAI_ASSIGN_OR_RETURN(DecodedText t, DecodeToUtf8(bytes, name));
  return HtmlText{std::move(t.utf8), std::move(t.encoding)};
}

// What the walk needs to know of an element, worked out once per element (ElementKind): the
// class of its tag, looked up in one table instead of a chain of name comparisons, and whether
// it is skipped (its tag, or page chrome by its class, id or style).
enum ElementFlag : unsigned {
  kKnown = 1u << 0,     // the flags below have been worked out
  kSkipTag = 1u << 1,   // a tag whose content is never report text (script, nav, head, …)
  kBlock = 1u << 2,     // a block: breaks the line (or the cell's text) before and after
  kBr = 1u << 3,
  kTableTag = 1u << 4,
  kTr = 1u << 5,
  kCell = 1u << 6,      // td or th
  kRowGroup = 1u << 7,  // thead, tbody or tfoot
  kCaption = 1u << 8,
  kSkipped = 1u << 9,   // kSkipTag, or chrome by class/id, or hidden
};

// The flags of a tag name. libxml2's HTML parser lowercases names, so the match is exact.
unsigned TagFlags(const xmlChar* name) {
  static const auto* const kTags = [] {
    auto* tags = new std::unordered_map<std::string_view, unsigned>;
    for (std::string_view t : {"script", "style", "noscript", "template", "nav", "footer", "aside",
                               "button", "select", "option", "textarea", "iframe", "object", "embed",
                               "svg", "canvas", "map", "audio", "video", "head", "title", "meta",
                               "link"}) {
      (*tags)[t] |= kSkipTag;
    }
    for (std::string_view t : {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl",
                               "dt", "dd", "section", "article", "blockquote", "pre", "center",
                               "address", "hr", "header", "main", "figure", "figcaption", "caption",
                               "form", "fieldset", "legend", "tr", "td", "th", "thead", "tbody",
                               "tfoot", "body", "html"}) {
      (*tags)[t] |= kBlock;
    }
    (*tags)["br"] |= kBr;
    (*tags)["table"] |= kTableTag;
    (*tags)["tr"] |= kTr;
    (*tags)["td"] |= kCell;
    (*tags)["th"] |= kCell;
    for (std::string_view t : {"thead", "tbody", "tfoot"}) (*tags)[t] |= kRowGroup;
    (*tags)["caption"] |= kCaption;
    return tags;
  }();
  if (!name) return 0;
  auto it = kTags->find(reinterpret_cast<const char*>(name));
  return it == kTags->end() ? 0 : it->second;
}

std::string Attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!v) return "";
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

int IntAttr(const xmlNode* n, const char* name) {
  std::string v = Attr(n, name);
  int out = 0;
  for (char c : v) {
    if (c < '0' || c > '9') break;
    out = std::min(out * 10 + (c - '0'), 100000);
  }
  return out;
}

// The value of an attribute, as xmlGetProp gives it: its one text child's content read in place,
// else its children's text joined.
std::string AttrValue(const xmlAttr* a) {
  const xmlNode* c = a->children;
  if (!c) return "";
  if (!c->next && (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)) {
    return c->content ? std::string(reinterpret_cast<const char*>(c->content)) : std::string();
  }
  xmlChar* v = xmlNodeListGetString(a->doc, c, 1);
  if (!v) return "";
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

// A class or id word that marks page chrome.
bool IsChromeWord(std::string_view w) {
  static constexpr std::array<std::string_view, 10> kWords = {
      "nav", "menu", "footer", "share", "breadcrumb", "crumb", "sidebar", "copyright", "toolbar",
      "topbar"};
  for (std::string_view k : kWords) {
    if (w == k) return true;
  }
  for (std::string_view k : {"nav", "menu", "footer", "share"}) {
    if (w.size() > k.size() && (w.ends_with(k) || w.starts_with(k))) return true;
  }
  return w.starts_with("bdshare");
}

// True if a class or id value holds a chrome word.
bool HasChromeWord(std::string_view value) {
  std::string v = Lower(value);
  size_t i = 0;
  while (i < v.size()) {
    while (i < v.size() && !std::isalnum(static_cast<unsigned char>(v[i]))) ++i;
    size_t j = i;
    while (j < v.size() && std::isalnum(static_cast<unsigned char>(v[j]))) ++j;
    if (j > i && IsChromeWord(std::string_view(v).substr(i, j - i))) return true;
    i = j;
  }
  return false;
}

// True if a style value hides the element.
// (Read for every style of a page: the value is folded, lowercase without spaces, into a buffer
// this thread reuses.)
bool IsHidingStyle(std::string_view value) {
  thread_local std::string style;
  style.clear();
  for (char c : value) {
    if (c == ' ') continue;
    style.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

// Page chrome by attributes: a chrome word in its class or id, the hidden attribute, or a style
// that hides it. One pass over the element's attributes (most have none).
bool IsChromeOrHidden(const xmlNode* n) {
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    if (!a->name) continue;
    std::string_view name(reinterpret_cast<const char*>(a->name));
    if (name == "hidden") return true;
    if ((name == "class" || name == "id") && HasChromeWord(AttrValue(a))) return true;
    if (name == "style" && IsHidingStyle(AttrValue(a))) return true;
  }
  return false;
}

// libxml2's startElement callback, building the tree as its default (xmlSAX2StartElement) does
// but with only the attributes the walk reads: class, id, hidden (ElementKind), rowspan and
// colspan (the grid), and style only when it hides the element. Word's pages give nearly every
// element a long style, which would otherwise become an attribute node, a text node and a copy
// of the value, each read once to learn that it hides nothing.
void StartElementKeepingReadAttributes(void* ctx, const xmlChar* name, const xmlChar** atts) {
  constexpr size_t kMaxKept = 8;  // more than the names kept (the parser drops repeated ones)
  std::array<const xmlChar*, 2 * kMaxKept + 1> kept{};
  size_t k = 0;
  for (size_t i = 0; atts && atts[i]; i += 2) {
    std::string_view attr(reinterpret_cast<const char*>(atts[i]));
    const char* value = reinterpret_cast<const char*>(atts[i + 1]);
    bool keep = attr == "class" || attr == "id" || attr == "hidden" || attr == "rowspan" ||
                attr == "colspan" || (attr == "style" && value && IsHidingStyle(value));
    if (!keep) continue;
    if (k + 2 >= kept.size()) {  // cannot happen; if it did, keep everything
      xmlSAX2StartElement(ctx, name, atts);
      return;
    }
    kept[k++] = atts[i];
    kept[k++] = atts[i + 1];
  }
  xmlSAX2StartElement(ctx, name, atts ? kept.data() : nullptr);
}

// The ElementFlags of `n` (0 for anything but an element). Worked out on the first call and kept
// in the node's _private field, which libxml2 leaves to the application: the walk asks several
// times per element (entering, leaving, the table's rows and cells), and the document is this
// importer's own, freed when the import ends.
unsigned ElementKind(const xmlNode* n) {
  if (n->type != XML_ELEMENT_NODE) return 0;
  if (auto memo = reinterpret_cast<uintptr_t>(n->_private); memo & kKnown) {
    return static_cast<unsigned>(memo);
  }
  unsigned flags = kKnown | TagFlags(n->name);
  if ((flags & kSkipTag) || IsChromeOrHidden(n)) flags |= kSkipped;
  const_cast<xmlNode*>(n)->_private = reinterpret_cast<void*>(static_cast<uintptr_t>(flags));
  return flags;
}

bool Has(const xmlNode* n, unsigned flag) { return (ElementKind(n) & flag) != 0; }
bool IsSkipped(const xmlNode* n) { return Has(n, kSkipped); }

bool Is(const xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE && n->name &&
         std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

int LineOf(const xmlNode* n) {
  long l = xmlGetLineNo(n);
  return l > 0 && l < (1L << 30) ? static_cast<int>(l) : 0;
}

// The rows of a table, in order (directly or inside thead/tbody/tfoot).
std::vector<const xmlNode*> TableRows(const xmlNode* table) {
  std::vector<const xmlNode*> rows;
  for (const xmlNode* c = table->children; c; c = c->next) {
    if (Has(c, kTr)) {
      rows.push_back(c);
    } else if (Has(c, kRowGroup)) {
      for (const xmlNode* r = c->children; r; r = r->next)
        if (Has(r, kTr)) rows.push_back(r);
    }
  }
  return rows;
}

// Visits the descendants of `root` in document order without recursion, so that any depth of
// nesting is safe. `enter(n)` returns whether to descend into n; `leave(n)` runs after n's
// subtree (also for nodes not descended into).
template <typename Enter, typename Leave>
void WalkTree(const xmlNode* root, Enter enter, Leave leave) {
  const xmlNode* n = root->children;
  while (n) {
    if (enter(n) && n->children) {
      n = n->children;
      continue;
    }
    leave(n);
    while (!n->next) {
      n = n->parent;
      if (!n || n == root) return;
      leave(n);
    }
    n = n->next;
  }
}

bool HasDescendantTable(const xmlNode* n) {
  bool found = false;
  WalkTree(
      n,
      [&](const xmlNode* c) {
        if (Has(c, kTableTag)) found = true;
        return !found && c->type == XML_ELEMENT_NODE;
      },
      [](const xmlNode*) {});
  return found;
}

class HtmlLayout {
 public:
  explicit HtmlLayout(LayoutText* out) : out_(out) {}

  void Title(const xmlNode* title) {
    TextRun run;
    WalkTree(
        title,
        [&](const xmlNode* n) {
          if (n->type == XML_TEXT_NODE && n->content) run.Append(reinterpret_cast<const char*>(n->content));
          return false;
        },
        [](const xmlNode*) {});
    SourceLocation s;
    s.line = LineOf(title);
    out_->AddLine(run.Take(), s);
  }

  // Walks the content under `root`; `cell` is the table cell being read, or null in the page's
  // flow. `tables` is how many tables enclose it.
  void Walk(const xmlNode* root, TextRun* cell, int tables) {
    WalkTree(
        root, [&](const xmlNode* n) { return Enter(n, cell, tables); },
        [&](const xmlNode* n) { Leave(n, cell); });
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

  bool Enter(const xmlNode* n, TextRun* cell, int tables) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (!n->content) return false;
      if (!cell && line_.empty()) line_src_ = LineOf(n);
      (cell ? cell : &line_)->Append(reinterpret_cast<const char*>(n->content));
      return false;
    }
    if (n->type != XML_ELEMENT_NODE || IsSkipped(n)) return false;
    if (Has(n, kBr)) {
      Break(cell);
      return false;
    }
    if (Has(n, kTableTag) && !cell && tables < kMaxTableNesting) {
      FlushLine();
      Table(n, tables + 1);
      return false;
    }
    if (Has(n, kBlock | kTableTag)) Break(cell);
    return true;
  }

  void Leave(const xmlNode* n, TextRun* cell) {
    if (Has(n, kBlock | kTableTag) && !IsSkipped(n)) Break(cell);
  }

  void Table(const xmlNode* table, int tables) {
    std::vector<const xmlNode*> rows = TableRows(table);
    for (const xmlNode* c = table->children; c; c = c->next) {
      if (Has(c, kCaption) && !IsSkipped(c)) {
        Walk(c, nullptr, tables);
        FlushLine();
      }
    }
    if (HasDescendantTable(table)) {
      // A layout table: each cell is a block of the page.
      for (const xmlNode* tr : rows) {
        if (IsSkipped(tr)) continue;
        for (const xmlNode* td = tr->children; td; td = td->next) {
          if (!Has(td, kCell) || IsSkipped(td)) continue;
          FlushLine();
          Walk(td, nullptr, tables);
          FlushLine();
        }
      }
      return;
    }
    GridBuilder grid;
    std::vector<int> row_lines;
    const int total = static_cast<int>(rows.size());
    for (int r = 0; r < total; ++r) {
      const xmlNode* tr = rows[static_cast<size_t>(r)];
      grid.StartRow();
      row_lines.push_back(LineOf(tr));
      if (IsSkipped(tr)) continue;
      for (const xmlNode* td = tr->children; td; td = td->next) {
        if (!Has(td, kCell)) continue;
        TextRun run;
        if (!IsSkipped(td)) Walk(td, &run, tables);
        grid.AddCell(run.Take(), IntAttr(td, "rowspan"), IntAttr(td, "colspan"), total - r);
      }
    }
    SourceLocation s;
    s.table = tables_++;
    out_->AddTable(grid.Finish(), s, &row_lines);
  }

  LayoutText* out_;
  TextRun line_;
  int line_src_ = 0;
  int tables_ = 0;
};

const xmlNode* FindElement(const xmlNode* n, const char* name, int depth) {
  for (; n; n = n->next) {
    if (Is(n, name)) return n;
    if (n->type == XML_ELEMENT_NODE && depth < 3) {
      if (const xmlNode* f = FindElement(n->children, name, depth + 1)) return f;
    }
  }
  return nullptr;
}

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

}  // namespace

// Memory: the decoded page (~1-2x the bytes), libxml2's tree (bounded by kMaxMarkupNodes, checked
// before parsing) and the layout text (below the page's text); ImportHtml adds ImportLayoutText's
// bound.
StatusOr<HtmlLayoutText> RenderHtmlLayout(std::string_view bytes, const std::string& name) {
  InitLibxml();
  GONGKAI_ASSIGN_OR_RETURN(HtmlText text, DecodeHtml(bytes, name));
  if (text.utf8.size() > static_cast<size_t>(INT32_MAX)) {
    return ResourceExhaustedError(name + ": HTML 过大 (HTML too large)");
  }
  GONGKAI_RETURN_IF_ERROR(CheckMarkupSize(text.utf8, name));
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                      HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NOIMPLIED;
  std::unique_ptr<htmlParserCtxt, void (*)(htmlParserCtxtPtr)> ctxt(htmlNewParserCtxt(),
                                                                     htmlFreeParserCtxt);
  if (!ctxt) return Status(StatusCode::kInternal, name + ": out of memory");
  ctxt->sax->startElement = StartElementKeepingReadAttributes;
  std::unique_ptr<xmlDoc, DocFree> doc(htmlCtxtReadMemory(
      ctxt.get(), text.utf8.data(), static_cast<int>(text.utf8.size()), nullptr, "UTF-8", options));
  if (!doc) return DataLossError(name + ": 无法解析 HTML (cannot parse HTML)");
  // libxml2 stops reading at its nesting limit (256 levels without HTML_PARSE_HUGE); what
  // follows would be lost silently, so the page is refused instead.
  const xmlError* err = xmlCtxtGetLastError(ctxt.get());
  if (err && err->message && std::strstr(err->message, "Excessive depth")) {
    return ResourceExhaustedError(name + ": HTML 元素嵌套过深（超过 256 层），无法完整读取 "
                                         "(HTML nesting deeper than 256 levels)");
  }
  LayoutText layout(name);
  HtmlLayout walker(&layout);
  if (const xmlNode* head = FindElement(doc->children, "head", 0)) {
    if (const xmlNode* title = FindElement(head->children, "title", 0)) walker.Title(title);
  }
  // Every top-level node: recovery may leave content beside <html>.
  walker.Walk(reinterpret_cast<const xmlNode*>(doc.get()), nullptr, 0);
  walker.Finish();
  return HtmlLayoutText{std::move(layout), std::move(text.encoding)};
}

StatusOr<ImportedReport> ImportHtml(std::string_view bytes, const std::string& name) {
  GONGKAI_ASSIGN_OR_RETURN(HtmlLayoutText html, RenderHtmlLayout(bytes, name));
  return FinishLayout(html.layout, name, "html", std::move(html.encoding));
}

}  // namespace gongkai::ingest_internal
