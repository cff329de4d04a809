#include "narrative.h"

#include <gtest/gtest.h>

#include "render_test_util.h"

namespace gongkai::render_internal {
namespace {

TEST(NarrativeTest, GivenTextIsKept) {
  AnnualReport r;
  r.sections[0].text = "第一段。\n第二段。\n3";
  EXPECT_EQ(SectionParagraphs(r, 0), (std::vector<std::string>{"第一段。", "第二段。"}));
  EXPECT_TRUE(SectionHasText(r, 0));
}

TEST(NarrativeTest, TableTextInTableSectionsIsDropped) {
  AnnualReport r;
  r.sections[1].text = "第二十条第（一）项\n信息内容\n规章\n3\n8\n本年度主动公开文件12件。";
  EXPECT_EQ(SectionParagraphs(r, 1), (std::vector<std::string>{"本年度主动公开文件12件。"}));
}

TEST(NarrativeTest, GeneratedFromTheTables) {
  AnnualReport r = render_test::NumberedReport();
  std::vector<std::string> p = SectionParagraphs(r, 2);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_FALSE(SectionHasText(r, 2));
  EXPECT_NE(p[0].find("自动生成"), std::string::npos);
  EXPECT_NE(p[0].find("本年新收政府信息公开申请6件"), std::string::npos) << p[0];
  EXPECT_NE(p[0].find("上年结转16件"), std::string::npos) << p[0];
  EXPECT_NE(p[0].find("办理结果总计236件"), std::string::npos) << p[0];
  EXPECT_NE(p[0].find("结转下年度继续办理246件"), std::string::npos) << p[0];
  std::vector<std::string> t4 = SectionParagraphs(r, 3);
  EXPECT_NE(t4[0].find("行政复议304件（结果维持300件"), std::string::npos) << t4[0];
  std::vector<std::string> t2 = SectionParagraphs(r, 1);
  EXPECT_NE(t2[0].find("行政事业性收费本年收费金额1.25万元"), std::string::npos) << t2[0];
}

TEST(NarrativeTest, NothingToSayIsSaidPlainly) {
  AnnualReport r;
  for (int s = 0; s < kSectionCount; ++s) {
    std::vector<std::string> p = SectionParagraphs(r, s);
    ASSERT_EQ(p.size(), 1u);
    EXPECT_EQ(p[0], "（报告未提供本部分内容。）") << s;
  }
}

TEST(NarrativeTest, PreambleDropsTheTitleLines) {
  AnnualReport r;
  r.agency = "某某局";
  r.year = 2023;
  r.preamble = "某某局\n2023年政府信息公开工作年度报告\n本报告依据条例编制。";
  EXPECT_EQ(PreambleParagraphs(r), (std::vector<std::string>{"本报告依据条例编制。"}));
  r.preamble.clear();
  ASSERT_EQ(PreambleParagraphs(r).size(), 1u);
  EXPECT_NE(PreambleParagraphs(r)[0].find("2023年1月1日至2023年12月31日"), std::string::npos);
}

}  // namespace
}  // namespace gongkai::render_internal
