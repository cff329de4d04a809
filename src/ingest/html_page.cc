#include "html_page.h"

#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "gongkai/decode.h"
#include "importers.h"

namespace gongkai::ingest_internal {
namespace {

// libxml2's limit of open elements without HTML_PARSE_HUGE (xmlParserMaxDepth): the tree builder
// stops the parse when an element would open with more than this many already open.
constexpr size_t kMaxOpenElements = 256;
// How deep below the document a <head>, and below the head a <title>, is looked for.
constexpr int kMaxTitleDepth = 3;

std::string_view View(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

// The flags of a tag name (libxml2's HTML parser lowercases names, so the match is exact).
unsigned TagFlags(std::string_view name) {
  static const auto* const kTags = [] {
    auto* tags = new std::unordered_map<std::string_view, unsigned>;
    for (std::string_view t : {"script", "style", "noscript", "template", "nav", "footer", "aside",
                               "button", "select", "option", "textarea", "iframe", "object", "embed",
                               "svg", "canvas", "map", "audio", "video", "head", "title", "meta",
                               "link"}) {
      (*tags)[t] |= kHtmlSkipped;
    }
    for (std::string_view t : {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl",
                               "dt", "dd", "section", "article", "blockquote", "pre", "center",
                               "address", "hr", "header", "main", "figure", "figcaption", "caption",
                               "form", "fieldset", "legend", "tr", "td", "th", "thead", "tbody",
                               "tfoot", "body", "html"}) {
      (*tags)[t] |= kHtmlBlock;
    }
    (*tags)["br"] |= kHtmlBr;
    (*tags)["table"] |= kHtmlTable;
    (*tags)["tr"] |= kHtmlTr;
    (*tags)["td"] |= kHtmlCell;
    (*tags)["th"] |= kHtmlCell;
    for (std::string_view t : {"thead", "tbody", "tfoot"}) (*tags)[t] |= kHtmlRowGroup;
    (*tags)["caption"] |= kHtmlCaption;
    (*tags)["head"] |= kHtmlHead;
    (*tags)["title"] |= kHtmlTitle;
    return tags;
  }();
  auto it = kTags->find(name);
  return it == kTags->end() ? 0 : it->second;
}

// A class or id word that marks page chrome (lowercase).
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

// True if a class or id value holds a chrome word (its ASCII letters and digits, any case).
bool HasChromeWord(std::string_view value) {
  std::string word;
  for (size_t i = 0; i <= value.size(); ++i) {
    if (i < value.size() && std::isalnum(static_cast<unsigned char>(value[i]))) {
      word.push_back(AsciiLower(value[i]));
    } else if (!word.empty()) {
      if (IsChromeWord(word)) return true;
      word.clear();
    }
  }
  return false;
}

// True if a style value hides the element: it holds "display:none" or "visibility:hidden" once
// spaces are removed, in any case. Matched in place, without a folded copy of the value (Word
// gives nearly every element a long style).
bool IsHidingStyle(std::string_view value) {
  auto contains_folded = [](std::string_view haystack, std::string_view needle) {
    // needle: lowercase, no spaces; haystack is matched ignoring case and spaces.
    for (size_t start = 0; start < haystack.size(); ++start) {
      if (AsciiLower(haystack[start]) != needle[0]) continue;
      size_t h = start, k = 0;
      while (h < haystack.size() && k < needle.size()) {
        if (haystack[h] == ' ') {
          ++h;
          continue;
        }
        if (AsciiLower(haystack[h]) != needle[k]) break;
        ++h;
        ++k;
      }
      if (k == needle.size()) return true;
    }
    return false;
  };
  return contains_folded(value, "display:none") || contains_folded(value, "visibility:hidden");
}

// A number attribute as the grid reads it: its leading digits, capped at 100000.
int LeadingNumber(std::string_view v) {
  int out = 0;
  for (char c : v) {
    if (c < '0' || c > '9') break;
    out = std::min(out * 10 + (c - '0'), 100000);
  }
  return out;
}

// Receives libxml2's SAX events (its user data is the parser context, whose _private points
// here) and builds the page.
class PageBuilder {
 public:
  explicit PageBuilder(HtmlPage* page) : page_(page) {
    page_->nodes.emplace_back();
    page_->nodes[0].kind = HtmlNode::Kind::kDocument;
  }

  bool too_deep() const { return too_deep_; }

  static void OnStartElement(void* ctx, const xmlChar* name, const xmlChar** atts) {
    Of(ctx).StartElement(static_cast<htmlParserCtxtPtr>(ctx), name, atts);
  }
  static void OnEndElement(void* ctx, const xmlChar*) { Of(ctx).EndElement(); }
  static void OnCharacters(void* ctx, const xmlChar* ch, int len) {
    Of(ctx).Characters(static_cast<htmlParserCtxtPtr>(ctx), ch, len);
  }
  static void OnComment(void* ctx, const xmlChar*) { Of(ctx).AddOther(); }
  static void OnProcessingInstruction(void* ctx, const xmlChar*, const xmlChar*) {
    Of(ctx).AddOther();
  }
  static void OnInternalSubset(void* ctx, const xmlChar* name, const xmlChar* external_id,
                               const xmlChar* system_id) {
    xmlSAX2InternalSubset(ctx, name, external_id, system_id);
    Of(ctx).AddDoctype();
  }

 private:
  // One open element. `node` is 0 inside a skipped element, whose content is not kept.
  struct Open {
    uint32_t node = 0;
    bool in_skipped = false;  // this element or an ancestor is skipped
    bool holds_table = false;
    int depth = 0;  // in the tree: 0 for a child of the document
  };

  static PageBuilder& Of(void* ctx) {
    return *static_cast<PageBuilder*>(static_cast<htmlParserCtxtPtr>(ctx)->_private);
  }

  static int LineOf(htmlParserCtxtPtr ctxt) {
    return ctxt->input && ctxt->input->line > 0 ? ctxt->input->line : 0;
  }

  // The parent a new element gets where libxml2's tree builder would put it: the open element;
  // with none open, the document while it is empty, and afterwards its first child if that is an
  // element (the root), else (a document type declaration, a comment) the document.
  uint32_t ParentOfNewElement() const {
    if (!open_.empty()) return open_.back().node;
    if (doctype_ != 0) return 0;
    const uint32_t first = page_->nodes[0].first_child;
    return first != 0 && page_->nodes[first].kind == HtmlNode::Kind::kElement ? first : 0;
  }

  uint32_t AddNode(uint32_t parent, HtmlNode::Kind kind, int line) {
    const auto index = static_cast<uint32_t>(page_->nodes.size());
    HtmlNode& n = page_->nodes.emplace_back();
    n.kind = kind;
    n.parent = parent;
    n.line = line;
    HtmlNode& p = page_->nodes[parent];
    if (p.last_child != 0) page_->nodes[p.last_child].next = index;
    else p.first_child = index;
    p.last_child = index;
    return index;
  }

  // The flags of a tag, looked up once per libxml2's interned name.
  unsigned TagFlagsOf(const xmlChar* name) {
    auto [it, fresh] = tag_flags_.try_emplace(name, 0u);
    if (fresh) it->second = TagFlags(View(name));
    return it->second;
  }

  // kHtmlSkipped if the attributes mark page chrome (a chrome word in the class or id, the
  // hidden attribute, a style that hides); the spans are read on the way.
  static unsigned AttributeFlags(const xmlChar** atts, int* rowspan, int* colspan) {
    bool skipped = false;
    for (size_t i = 0; atts && atts[i]; i += 2) {
      const std::string_view attr = View(atts[i]);
      const std::string_view value = View(atts[i + 1]);
      if (attr == "hidden") skipped = true;
      else if (attr == "class" || attr == "id") skipped = skipped || HasChromeWord(value);
      else if (attr == "style") skipped = skipped || IsHidingStyle(value);
      else if (attr == "rowspan") *rowspan = LeadingNumber(value);
      else if (attr == "colspan") *colspan = LeadingNumber(value);
    }
    return skipped ? kHtmlSkipped : 0u;
  }

  void StartElement(htmlParserCtxtPtr ctxt, const xmlChar* name, const xmlChar** atts) {
    if (too_deep_) return;
    if (open_.size() > kMaxOpenElements) {
      too_deep_ = true;
      xmlStopParser(ctxt);
      return;
    }
    const int line = LineOf(ctxt);
    const unsigned tag = TagFlagsOf(name);
    const uint32_t parent = ParentOfNewElement();
    if (open_.empty()) stray_root_ = parent;
    Open entry;
    entry.depth = !open_.empty() ? open_.back().depth + 1 : parent == 0 ? 0 : 1;
    entry.in_skipped = !open_.empty() && open_.back().in_skipped;
    NoteTitleStart(tag, entry.depth, line);
    if (!entry.in_skipped) {
      int rowspan = 0, colspan = 0;
      const unsigned flags = tag | AttributeFlags(atts, &rowspan, &colspan);
      entry.node = AddNode(parent, HtmlNode::Kind::kElement, line);
      HtmlNode& n = page_->nodes[entry.node];
      n.flags = flags;
      n.rowspan = rowspan;
      n.colspan = colspan;
      entry.in_skipped = (flags & kHtmlSkipped) != 0;
    }
    open_.push_back(entry);
    if (tag & kHtmlTable) MarkTableInAncestors();
  }

  void EndElement() {
    if (open_.empty()) return;
    const Open closed = open_.back();
    open_.pop_back();
    if (closed.node != 0 && closed.holds_table) page_->nodes[closed.node].flags |= kHtmlHoldsTable;
    if (title_open_ == open_.size()) title_open_ = kNone;
    if (head_open_ == open_.size()) head_open_ = kNone;
  }

  // Marks every ancestor of the table just opened (the last open element) as holding a table:
  // the open elements, and the closed root when the open ones hang from it.
  void MarkTableInAncestors() {
    for (size_t i = open_.size() - 1; i-- > 0;) {
      if (open_[i].holds_table) break;  // its ancestors were marked with it
      open_[i].holds_table = true;
    }
    if (stray_root_ != 0) page_->nodes[stray_root_].flags |= kHtmlHoldsTable;
  }

  void Characters(htmlParserCtxtPtr ctxt, const xmlChar* ch, int len) {
    if (open_.empty() || len <= 0) return;  // libxml2's tree drops text outside any element
    const std::string_view chars(reinterpret_cast<const char*>(ch), static_cast<size_t>(len));
    if (title_open_ != kNone && title_open_ + 1 == open_.size()) page_->title.append(chars);
    const Open& parent = open_.back();
    if (parent.in_skipped) return;
    HtmlNode& p = page_->nodes[parent.node];
    if (p.last_child != 0 && page_->nodes[p.last_child].kind == HtmlNode::Kind::kText) {
      // The last text node of the page: its bytes end the buffer.
      page_->nodes[p.last_child].text_size += static_cast<uint32_t>(chars.size());
      page_->text.append(chars);
      return;
    }
    const uint32_t index = AddNode(parent.node, HtmlNode::Kind::kText, LineOf(ctxt));
    page_->nodes[index].text_begin = static_cast<uint32_t>(page_->text.size());
    page_->nodes[index].text_size = static_cast<uint32_t>(chars.size());
    page_->text.append(chars);
  }

  // A comment or processing instruction: a node that holds nothing but parts adjacent text.
  void AddOther() {
    if (!open_.empty() && open_.back().in_skipped) return;
    AddNode(open_.empty() ? 0 : open_.back().node, HtmlNode::Kind::kOther, 0);
  }

  // A document type declaration: libxml2 makes it the document's first child wherever it
  // comes (a second one replaces the first), after which elements opened at the top level stay
  // there instead of joining the root element.
  void AddDoctype() {
    if (doctype_ != 0) return;
    const uint32_t first = page_->nodes[0].first_child;
    doctype_ = AddNode(0, HtmlNode::Kind::kOther, 0);
    if (first == 0) return;
    // Move it from the end of the document's children to their front.
    HtmlNode& d = page_->nodes[0];
    uint32_t before_last = first;
    while (page_->nodes[before_last].next != doctype_) before_last = page_->nodes[before_last].next;
    page_->nodes[before_last].next = 0;
    d.last_child = before_last;
    page_->nodes[doctype_].next = first;
    d.first_child = doctype_;
  }

  // The title is the first <title> at most kMaxTitleDepth below the first <head> at most
  // kMaxTitleDepth below the document.
  void NoteTitleStart(unsigned tag, int depth, int line) {
    if ((tag & kHtmlHead) && !head_seen_ && depth <= kMaxTitleDepth) {
      head_seen_ = true;
      head_open_ = open_.size();
      head_depth_ = depth;
    } else if ((tag & kHtmlTitle) && head_open_ != kNone && !page_->has_title &&
               depth - head_depth_ - 1 <= kMaxTitleDepth) {
      page_->has_title = true;
      page_->title_line = line;
      title_open_ = open_.size();
    }
  }

  static constexpr size_t kNone = SIZE_MAX;

  HtmlPage* page_;
  std::vector<Open> open_;
  std::unordered_map<const xmlChar*, unsigned> tag_flags_;  // by libxml2's interned name
  uint32_t doctype_ = 0;     // the document type declaration's node, if any
  uint32_t stray_root_ = 0;  // the closed root element the open elements hang from, if any
  bool too_deep_ = false;
  bool head_seen_ = false;
  size_t head_open_ = kNone;  // index in open_ of the head being read
  int head_depth_ = 0;
  size_t title_open_ = kNone;  // index in open_ of the title being read
};

}  // namespace

StatusOr<HtmlPage> ParseHtmlPage(std::string_view utf8, const std::string& name) {
  InitLibxml();
  if (utf8.size() > static_cast<size_t>(INT_MAX)) {
    return ResourceExhaustedError(name + ": HTML 过大 (HTML too large)");
  }
  GONGKAI_RETURN_IF_ERROR(CheckMarkupSize(utf8, name));
  std::unique_ptr<htmlParserCtxt, void (*)(htmlParserCtxtPtr)> ctxt(htmlNewParserCtxt(),
                                                                     htmlFreeParserCtxt);
  if (!ctxt) return Status(StatusCode::kInternal, name + ": out of memory");
  HtmlPage page;
  page.nodes.reserve(utf8.size() / 32 + 16);
  page.text.reserve(utf8.size() / 4);
  PageBuilder builder(&page);
  xmlSAXHandler* sax = ctxt->sax;
  sax->startElement = PageBuilder::OnStartElement;
  sax->endElement = PageBuilder::OnEndElement;
  sax->characters = PageBuilder::OnCharacters;
  sax->cdataBlock = PageBuilder::OnCharacters;  // script and style content, skipped
  sax->comment = PageBuilder::OnComment;
  sax->processingInstruction = PageBuilder::OnProcessingInstruction;
  sax->internalSubset = PageBuilder::OnInternalSubset;
  ctxt->_private = &builder;
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                      HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NOIMPLIED;
  // The document libxml2 returns holds no content (the events went to the builder); it only
  // tells that the parse ran.
  xmlDocPtr doc = htmlCtxtReadMemory(ctxt.get(), utf8.data(), static_cast<int>(utf8.size()),
                                     nullptr, "UTF-8", options);
  if (!doc) return DataLossError(name + ": 无法解析 HTML (cannot parse HTML)");
  xmlFreeDoc(doc);
  if (builder.too_deep()) {
    return ResourceExhaustedError(name + ": HTML 元素嵌套过深（超过 256 层），无法完整读取 "
                                         "(HTML nesting deeper than 256 levels)");
  }
  return page;
}

}  // namespace gongkai::ingest_internal
