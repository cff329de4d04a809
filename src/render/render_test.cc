#include "gongkai/render.h"

#include <gtest/gtest.h>

#include "escape.h"
#include "gongkai/report_json.h"
#include "render_test_util.h"

namespace gongkai {
namespace {

TEST(RenderTest, FormatNames) {
  for (RenderFormat f : {RenderFormat::kHtml, RenderFormat::kMarkdown, RenderFormat::kJson,
                         RenderFormat::kDocx, RenderFormat::kXlsx, RenderFormat::kPdf}) {
    StatusOr<RenderFormat> parsed = ParseRenderFormat(RenderFormatName(f));
    ASSERT_TRUE(parsed.ok()) << RenderFormatName(f);
    EXPECT_EQ(*parsed, f);
  }
  EXPECT_EQ(*ParseRenderFormat("markdown"), RenderFormat::kMarkdown);
  EXPECT_EQ(RenderFormatExtension(RenderFormat::kMarkdown), "md");
  StatusOr<RenderFormat> bad = ParseRenderFormat("rtf");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("rtf"), std::string::npos);
}

TEST(RenderTest, Title) {
  AnnualReport r;
  EXPECT_EQ(ReportTitle(r), "政府信息公开工作年度报告");
  r.agency = "某县人民政府";
  r.year = 2025;
  EXPECT_EQ(ReportTitle(r), "某县人民政府2025年政府信息公开工作年度报告");
}

TEST(RenderTest, JsonIsTheInterchangeShape) {
  AnnualReport r = render_test::NumberedReport();
  r.table3.cells[kNew][kLegal].value.reset();
  StatusOr<std::string> json = RenderReport(r, RenderFormat::kJson);
  ASSERT_TRUE(json.ok());
  EXPECT_EQ(*json, RenderJson(r));
  StatusOr<AnnualReport> back = ReportFromJson(*json, "rendered.json");
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->agency, r.agency);
  EXPECT_EQ(back->year, r.year);
  render_test::ExpectSameCells(r, *back, "json");
}

TEST(RenderTest, Escaping) {
  using render_internal::EscapeMarkdownCell;
  using render_internal::EscapeMarkup;
  EXPECT_EQ(EscapeMarkup("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
  EXPECT_EQ(EscapeMarkup(std::string("x\x01y\tz\n", 7)), "xy\tz\n");
  EXPECT_EQ(EscapeMarkup("局（一）"), "局（一）");
  EXPECT_EQ(EscapeMarkdownCell("a|b\nc"), "a\\|b c");
}

}  // namespace
}  // namespace gongkai
