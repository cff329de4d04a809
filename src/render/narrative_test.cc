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
  r.generated_from_ledger = true;
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
  r.generated_from_ledger = true;
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
  EXPECT_TRUE(PreambleParagraphs(r).empty());  // an office's report: nothing added
  r.generated_from_ledger = true;
  ASSERT_EQ(PreambleParagraphs(r).size(), 1u);
  EXPECT_NE(PreambleParagraphs(r)[0].find("2023年1月1日至2023年12月31日"), std::string::npos);
}

TEST(NarrativeTest, NothingIsAddedToAReportAnOfficeWrote) {
  AnnualReport r = render_test::NumberedReport();  // tables, no prose, not from the ledger
  r.sections[0].text = "本机关认真贯彻条例。";
  for (int s = 0; s < kSectionCount; ++s) {
    for (const std::string& p : SectionParagraphs(r, s)) {
      EXPECT_EQ(p.find("自动生成"), std::string::npos) << s << ": " << p;
      EXPECT_EQ(p.find("报告未提供"), std::string::npos) << s << ": " << p;
    }
  }
  EXPECT_EQ(SectionParagraphs(r, 0), (std::vector<std::string>{"本机关认真贯彻条例。"}));
  EXPECT_TRUE(SectionParagraphs(r, 2).empty());
}

TEST(NarrativeTest, WordMarkersAreNeverProse) {
  AnnualReport r;
  r.sections[5].text = "[bookmark: _Hlk155865410]（二）改进情况。\n[bookmark: _GoBack]\n无[comment: x]收费。";
  EXPECT_EQ(SectionParagraphs(r, 5), (std::vector<std::string>{"（二）改进情况。", "无收费。"}));
  r.sections[5].text = "数组[0]与[注]保留。";
  EXPECT_EQ(SectionParagraphs(r, 5), (std::vector<std::string>{"数组[0]与[注]保留。"}));
}

TEST(NarrativeTest, SignatureIsSplitOffTheLastSection) {
  AnnualReport r;
  r.sections[5].text = "本年度未收取信息处理费。\n沭阳县发展和改革局\n2024年1月17日";
  EXPECT_EQ(SectionParagraphs(r, 5), (std::vector<std::string>{"本年度未收取信息处理费。"}));
  EXPECT_EQ(SignatureLines(r), (std::vector<std::string>{"沭阳县发展和改革局", "2024年1月17日"}));
  r.sections[5].text = "本年度未收取信息处理费。\n2024年1月17日起施行。";
  EXPECT_TRUE(SignatureLines(r).empty());
  EXPECT_EQ(SectionParagraphs(r, 5).size(), 2u);
}

TEST(NarrativeTest, TitleBreaksAfterTheAgencyNeverInsideAWord) {
  AnnualReport r;
  r.agency = "某某局";
  r.year = 2023;
  EXPECT_EQ(TitleLines(r), (std::vector<std::string>{"某某局2023年政府信息公开工作年度报告"}));
  r.agency = "内蒙古自治区人民政府办公厅";
  EXPECT_EQ(TitleLines(r), (std::vector<std::string>{"内蒙古自治区人民政府办公厅", "2023年政府信息公开工作年度报告"}));
  r.agency = "内蒙古自治区鄂尔多斯市鄂托克前旗人民政府办公室";  // 23 characters: break inside the name
  EXPECT_EQ(TitleLines(r), (std::vector<std::string>{"内蒙古自治区鄂尔多斯市鄂托克前旗", "人民政府办公室2023年",
                                                      "政府信息公开工作年度报告"}));
}

}  // namespace
}  // namespace gongkai::render_internal
