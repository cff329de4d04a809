#include <gtest/gtest.h>
#include <libxml/HTMLparser.h>

#include "gongkai/importer.h"
#include "gongkai/render.h"
#include "render_test_util.h"

namespace gongkai {
namespace {

size_t Count(const std::string& s, const std::string& part) {
  size_t n = 0;
  for (size_t p = s.find(part); p != std::string::npos; p = s.find(part, p + part.size())) ++n;
  return n;
}

TEST(HtmlRendererTest, AccessiblePageInTheOfficialLayout) {
  AnnualReport r = render_test::NumberedReport();
  std::string html = RenderHtml(r);
  EXPECT_NE(html.find("<html lang=\"zh-CN\">"), std::string::npos);
  EXPECT_NE(html.find("<h1>测试市人民政府办公室2024年政府信息公开工作年度报告</h1>"), std::string::npos);
  EXPECT_EQ(Count(html, "<caption>"), 3u);
  EXPECT_NE(html.find("<th scope=\"row\" class=\"group\" rowspan=\"22\">三、本年度办理结果</th>"),
            std::string::npos);
  EXPECT_NE(html.find("rowspan=\"8\">（三）不予公开</th>"), std::string::npos);
  EXPECT_NE(html.find("colspan=\"5\">法人或其他组织</th>"), std::string::npos);
  EXPECT_NE(html.find("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
  EXPECT_NE(html.find("forced-colors"), std::string::npos);
  // Sections in order.
  size_t last = 0;
  for (int s = 0; s < kSectionCount; ++s) {
    size_t at = html.find(std::string(SectionTitle(s)) + "</h2>");
    ASSERT_NE(at, std::string::npos) << SectionTitle(s);
    EXPECT_GT(at, last);
    last = at;
  }
  // Parses as HTML without errors.
  htmlDocPtr doc = htmlReadMemory(html.data(), static_cast<int>(html.size()), "x.html", "UTF-8",
                                  HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  ASSERT_NE(doc, nullptr);
  xmlFreeDoc(doc);
}

TEST(HtmlRendererTest, EscapesEverything) {
  AnnualReport r;
  r.agency = "<script>alert('x')</script>&局";
  r.year = 2023;
  r.sections[0].text = "第一段<b>不是标签</b>。\n\"引号\" & 'single'。";
  std::string html = RenderHtml(r);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;局"), std::string::npos);
  EXPECT_NE(html.find("&quot;引号&quot; &amp; &#39;single&#39;"), std::string::npos);
}

TEST(HtmlRendererTest, AbsentValuesAreEmptyCells) {
  AnnualReport r;
  r.table3.cells[kNew][kNatural].value = 7;
  std::string html = RenderHtml(r);
  EXPECT_NE(html.find("<td>7</td>"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"absent\" aria-label=\"未填报\"></td>"), std::string::npos);
  EXPECT_EQ(html.find("<td>0</td>"), std::string::npos);
}

// The HTML importer reads the page back to the same cells, for every seed.
TEST(HtmlRendererTest, RoundTripThroughTheImporter) {
  for (const std::string& path : render_test::SeedPaths()) {
    AnnualReport seed = render_test::ImportOrDie(path);
    std::string html = RenderHtml(seed);
    StatusOr<ImportedReport> back = ImportReportBytes(html, path + ".html");
    ASSERT_TRUE(back.ok()) << back.status().message();
    EXPECT_EQ(back->report.agency, seed.agency) << path;
    EXPECT_EQ(back->report.year, seed.year) << path;
    render_test::ExpectSameCells(seed, back->report, path + " (html)");
  }
}

}  // namespace
}  // namespace gongkai
