#include "html_page.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace gongkai::ingest_internal {
namespace {

HtmlPage Parse(const std::string& html) {
  auto page = ParseHtmlPage(html, "t.html");
  EXPECT_TRUE(page.ok()) << page.status().message();
  return page.ok() ? std::move(page).value() : HtmlPage{};
}

std::vector<const HtmlNode*> Children(const HtmlPage& page, const HtmlNode& n) {
  std::vector<const HtmlNode*> out;
  for (uint32_t c = n.first_child; c != 0; c = page.nodes[c].next) out.push_back(&page.nodes[c]);
  return out;
}

// The first element (in document order) whose flags hold all of `flags`.
const HtmlNode* FirstWith(const HtmlPage& page, unsigned flags) {
  for (const HtmlNode& n : page.nodes) {
    if (n.kind == HtmlNode::Kind::kElement && (n.flags & flags) == flags) return &n;
  }
  return nullptr;
}

TEST(HtmlPage, SkippedContentIsNotKeptButItsTableIsNoted) {
  HtmlPage page = Parse(
      "<table><tr><td><div style='Display : NONE'><table><tr><td>隐藏</td></tr></table></div>"
      "可见</td></tr></table>");
  const HtmlNode* hidden = FirstWith(page, kHtmlSkipped);
  ASSERT_NE(hidden, nullptr);
  EXPECT_TRUE(hidden->flags & kHtmlBlock);
  EXPECT_TRUE(hidden->flags & kHtmlHoldsTable);
  EXPECT_EQ(hidden->first_child, 0u);
  EXPECT_EQ(page.text.find("隐藏"), std::string::npos);
  EXPECT_NE(page.text.find("可见"), std::string::npos);
  const HtmlNode* outer = FirstWith(page, kHtmlTable);
  ASSERT_NE(outer, nullptr);
  EXPECT_TRUE(outer->flags & kHtmlHoldsTable);
}

TEST(HtmlPage, ChromeAndHiddenAreSkippedOrdinaryStylesAreNot) {
  HtmlPage page = Parse(
      "<div class='top-nav'>a</div><div id='Copyright'>b</div><p hidden>c</p>"
      "<p style='border:none;visibility: HIDDEN'>d</p><p style='border:none;display:block'>e</p>"
      "<p class='content main-text'>f</p>");
  std::vector<bool> skipped;
  for (const HtmlNode& n : page.nodes) {
    if (n.kind == HtmlNode::Kind::kElement) skipped.push_back(n.flags & kHtmlSkipped);
  }
  EXPECT_EQ(skipped, (std::vector<bool>{true, true, true, true, false, false}));
  EXPECT_EQ(page.text, "ef");
}

TEST(HtmlPage, AdjacentTextIsOneNodeACommentPartsIt) {
  HtmlPage page = Parse("<p>一&amp;二<!-- 注释 -->三</p>");
  const HtmlNode* p = FirstWith(page, kHtmlBlock);
  ASSERT_NE(p, nullptr);
  std::vector<const HtmlNode*> kids = Children(page, *p);
  ASSERT_EQ(kids.size(), 3u);
  EXPECT_EQ(page.TextOf(*kids[0]), "一&二");
  EXPECT_EQ(kids[1]->kind, HtmlNode::Kind::kOther);
  EXPECT_EQ(page.TextOf(*kids[2]), "三");
}

TEST(HtmlPage, LinesSpansAndTitle) {
  HtmlPage page = Parse(
      "<html>\n<head>\n<title>年度\n报告</title></head>\n<body><title>不是标题</title>\n"
      "<table>\n<tr><td rowspan='3x' colspan=2>甲</td></tr></table></body></html>");
  EXPECT_TRUE(page.has_title);
  EXPECT_EQ(page.title, "年度\n报告");
  EXPECT_EQ(page.title_line, 3);
  const HtmlNode* td = FirstWith(page, kHtmlCell);
  ASSERT_NE(td, nullptr);
  EXPECT_EQ(td->line, 7);
  EXPECT_EQ(td->rowspan, 3);
  EXPECT_EQ(td->colspan, 2);
}

TEST(HtmlPage, NestingPastLibxml2sLimitIsRefused) {
  auto nested = [](int depth) {
    std::string s;
    for (int i = 0; i < depth; ++i) s += "<div>";
    s += "深";
    for (int i = 0; i < depth; ++i) s += "</div>";
    return s;
  };
  EXPECT_TRUE(ParseHtmlPage(nested(257), "t.html").ok());
  auto deep = ParseHtmlPage(nested(258), "t.html");
  ASSERT_FALSE(deep.ok());
  EXPECT_EQ(deep.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(deep.status().message().find("t.html"), std::string::npos);
}

// --- The tree has libxml2's shape -------------------------------------------------------------

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

bool HasTableBelow(const xmlNode* n) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type == XML_ELEMENT_NODE &&
        (std::strcmp(reinterpret_cast<const char*>(c->name), "table") == 0 || HasTableBelow(c))) {
      return true;
    }
  }
  return false;
}

// Compares the children of libxml2's node `x` with those of the page's node `n`, recursively;
// the content of a skipped element is absent from the page by design.
void ExpectSameShape(const HtmlPage& page, const xmlNode* x, const HtmlNode& n,
                     const std::string& html) {
  std::vector<const HtmlNode*> kids = Children(page, n);
  size_t i = 0;
  for (const xmlNode* c = x->children; c; c = c->next) {
    if (c->type == XML_DTD_NODE) {
      // libxml2 adds a default one after the parse when the page declares none.
      if (html.find("<!DOCTYPE") == std::string::npos) continue;
      ASSERT_LT(i, kids.size()) << html;
      EXPECT_EQ(kids[i++]->kind, HtmlNode::Kind::kOther) << html;
      continue;
    }
    ASSERT_LT(i, kids.size()) << "missing node in " << html;
    const HtmlNode& k = *kids[i++];
    switch (c->type) {
      case XML_ELEMENT_NODE:
        ASSERT_EQ(k.kind, HtmlNode::Kind::kElement) << c->name << " in " << html;
        EXPECT_EQ(k.line, c->line) << c->name << " in " << html;
        EXPECT_EQ((k.flags & kHtmlHoldsTable) != 0, HasTableBelow(c)) << c->name << " in " << html;
        if (!(k.flags & kHtmlSkipped)) ExpectSameShape(page, c, k, html);
        break;
      case XML_TEXT_NODE:
        ASSERT_EQ(k.kind, HtmlNode::Kind::kText) << html;
        EXPECT_EQ(page.TextOf(k), reinterpret_cast<const char*>(c->content)) << html;
        EXPECT_EQ(k.line, c->line) << html;
        break;
      case XML_CDATA_SECTION_NODE:
        ASSERT_EQ(k.kind, HtmlNode::Kind::kText) << html;
        break;
      default:
        EXPECT_EQ(k.kind, HtmlNode::Kind::kOther) << c->type << " in " << html;
    }
  }
  EXPECT_EQ(i, kids.size()) << "extra nodes in " << html;
}

void ExpectShapeOfLibxml2(const std::string& html) {
  auto page = ParseHtmlPage(html, "t.html");
  ASSERT_TRUE(page.ok()) << page.status().message() << " for " << html;
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                      HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NOIMPLIED;
  std::unique_ptr<xmlDoc, DocFree> doc(
      htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8", options));
  ASSERT_TRUE(doc) << html;
  ExpectSameShape(*page, reinterpret_cast<const xmlNode*>(doc.get()), page->nodes[0], html);
}

TEST(HtmlPage, ShapeOfLibxml2sTreeOnRepairedMarkup) {
  for (const char* html : {
           "<!DOCTYPE html><!-- c --><html><head><title>T</title></head><body><p>a</p></body>"
           "</html><p>after</p> tail <table><tr><td>1</td></tr></table>",
           "<p>first</p><div>second</div><p>third",
           "<html><body><p>a<p>b<table><td>c<td>d<tr><th>e</table><li>f<li>g</body></html>",
           "<?xml version='1.0'?><html><body>\n<p class=MsoNormal>a<o:p></o:p></p>\n\n"
           "<p>b<o:p>&nbsp;</o:p></p></body></html>",
           "text before any tag<b>bold</b>",
           "<table><caption>cap</caption><thead><tr><th>h1<th>h2</thead><tbody><tr><td>1<td>2"
           "</tbody></table>",
           "<body><script>var a = '<p>';</script><style>p {}</style><nav><table></table></nav></body>",
       }) {
    ExpectShapeOfLibxml2(html);
  }
}

// Random tag soup: unclosed, misnested and stray tags, comments, entities, whitespace and
// CJK text, tables without rows, skipped and hidden elements.
std::string RandomSoup(std::mt19937* rng) {
  static const std::vector<std::string> kPieces = {
      "<p>", "</p>", "<div>", "</div>", "<span>", "</span>", "<b>", "</b>", "<table>", "</table>",
      "<tr>", "</tr>", "<td>", "</td>", "<th rowspan=2>", "<tbody>", "</tbody>", "<caption>",
      "<br>", "<ul>", "<li>", "</ul>", "<h1>", "</h1>", "<script>x<y</script>", "<nav>", "</nav>",
      "<head>", "<title>题</title>", "</head>", "<html>", "</html>", "<body>", "</body>",
      "<o:p>", "</o:p>", "<font>", "<div style='display:none'>", "<p class=menu>", "<!-- c -->",
      "&nbsp;", "&amp;", " ", "\n", "  \n ", "一", "二〇二三", "12", "年", "<?php x ?>",
      "<!DOCTYPE html>", "<td colspan=3>", "<hr>", "<select><option>o</select>"};
  std::uniform_int_distribution<size_t> piece(0, kPieces.size() - 1);
  std::uniform_int_distribution<int> length(1, 60);
  std::string html;
  for (int i = length(*rng); i > 0; --i) html += kPieces[piece(*rng)];
  return html;
}

TEST(HtmlPage, ShapeOfLibxml2sTreeOnRandomTagSoup) {
  std::mt19937 rng(20261203);
  for (int i = 0; i < 3000; ++i) {
    ExpectShapeOfLibxml2(RandomSoup(&rng));
    if (HasFailure()) return;
  }
}

}  // namespace
}  // namespace gongkai::ingest_internal
