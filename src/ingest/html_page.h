// Internal: an HTML page as the HTML importer reads it, built from libxml2's SAX events.
//
// libxml2's forgiving HTML parser does the tokenizing and the tree repair (implied and auto-closed
// elements); instead of libxml2's own tree (a node, a name, a property list and a text copy per
// piece of markup, each freed again), its events fill this compact tree: one flat array of nodes
// and one buffer holding the page's text. An element keeps only what the layout walk reads — the
// class of its tag (one lookup per distinct tag name, by libxml2's interned name), whether it is
// skipped (its tag, page chrome by class or id, hidden), its spans and its source line — and the
// content of a skipped element is never stored (only whether it held a table).
//
// The tree has the shape libxml2's tree would have: the same nodes in the same places, adjacent
// text joined into one node, comments kept as nodes that hold nothing. Thread-compatible.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gongkai/status.h"

namespace gongkai::ingest_internal {

// What the layout walk knows of an element (HtmlNode::flags).
enum HtmlElementFlag : unsigned {
  kHtmlBlock = 1u << 0,     // a block: breaks the line (or the cell's text) before and after
  kHtmlBr = 1u << 1,
  kHtmlTable = 1u << 2,
  kHtmlTr = 1u << 3,
  kHtmlCell = 1u << 4,      // td or th
  kHtmlRowGroup = 1u << 5,  // thead, tbody or tfoot
  kHtmlCaption = 1u << 6,
  // Skipped: a tag whose content is never report text (script, nav, head, …), or page chrome by
  // its class or id, or hidden.
  kHtmlSkipped = 1u << 7,
  kHtmlHoldsTable = 1u << 8,  // a table is among its descendants (skipped ones included)
  kHtmlHead = 1u << 9,
  kHtmlTitle = 1u << 10,
};

// One node. Links are indices into HtmlPage::nodes; 0 means none (node 0 is the document, which
// is nobody's child or sibling).
struct HtmlNode {
  enum class Kind : uint8_t { kDocument, kElement, kText, kOther };
  Kind kind = Kind::kOther;
  unsigned flags = 0;  // HtmlElementFlags, for elements
  uint32_t parent = 0, first_child = 0, last_child = 0, next = 0;
  uint32_t text_begin = 0, text_size = 0;  // a text node's bytes in HtmlPage::text
  int line = 0;                            // source line (1-based), 0 if unknown
  int rowspan = 0, colspan = 0;            // as written; 0 if absent or not a number
};

struct HtmlPage {
  std::vector<HtmlNode> nodes;  // nodes[0] is the document
  std::string text;
  // The text of the page's title (the first <title> in the first <head>), and its line.
  std::string title;
  int title_line = 0;
  bool has_title = false;

  std::string_view TextOf(const HtmlNode& n) const {
    return std::string_view(text).substr(n.text_begin, n.text_size);
  }
};

// Parses UTF-8 HTML. Fails with ResourceExhausted past libxml2's nesting limit (256 open
// elements), whose rest would otherwise be lost, and with DataLoss if libxml2 cannot read it.
// `name` names the file in errors.
StatusOr<HtmlPage> ParseHtmlPage(std::string_view utf8, const std::string& name);

}  // namespace gongkai::ingest_internal
