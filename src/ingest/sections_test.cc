#include "sections.h"

#include <gtest/gtest.h>

#include "gongkai/decode.h"

namespace gongkai::ingest_internal {
namespace {

AnnualReport Read(const std::string& text) {
  std::string norm = NormalizeForMatching(text);
  static const std::string kFile = "t.txt";  // the lines point at it
  std::vector<Line> lines = SplitLines(norm, kFile, {});
  std::vector<std::string_view> original;
  size_t start = 0;
  while (true) {
    size_t end = text.find('\n', start);
    original.push_back(
        std::string_view(text).substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  original.resize(lines.size());
  AnnualReport r;
  FindTitle(lines, original, &r);
  FindSections(lines, original, &r);
  return r;
}

TEST(SectionsTest, HeadingsWithAnyNumbering) {
  AnnualReport r = Read(
      "某局2022年政府信息公开工作年度报告\n"
      "1、 总体情况\n正文一\n"
      "二、主动公开政府信息情况\n表二\n"
      "3、收到和处理政府信息公开申请情况\n表三\n"
      "四、政府信息公开行政复议、行政诉讼情况\n表四\n"
      "五、存在的主要问题及改进情况\n问题\n"
      "六、其他需要报告的事项\n其他\n");
  for (int s = 0; s < kSectionCount; ++s) EXPECT_TRUE(r.sections[s].present) << s;
  EXPECT_EQ(r.sections[0].heading, "1、 总体情况");
  EXPECT_EQ(r.sections[0].text, "正文一");
  EXPECT_EQ(r.sections[5].text, "其他");
  EXPECT_EQ(r.sections[2].order, 2);
}

TEST(SectionsTest, ListsOfSectionNamesAreNotHeadings) {
  AnnualReport r = Read("本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等。\n");
  for (int s = 0; s < kSectionCount; ++s) EXPECT_FALSE(r.sections[s].present) << s;
}

TEST(SectionsTest, HeadingsInsideOneLongLine) {
  std::string filler(200, 'x');
  AnnualReport r = Read(filler + "。一、总体情况全年收到申请70件。二、主动公开政府信息情况第二十条");
  EXPECT_TRUE(r.sections[0].present);
  EXPECT_TRUE(r.sections[1].present);
  EXPECT_EQ(r.sections[0].text, "全年收到申请70件。");
}

TEST(SectionsTest, TitleYearAndAgencyVariants) {
  AnnualReport a = Read("内蒙古自治区人民政府办公厅\n2023年政府信息公开工作年度报告\n");
  EXPECT_EQ(a.year, 2023);
  EXPECT_EQ(a.agency, "内蒙古自治区人民政府办公厅");
  AnnualReport b = Read("\n鄂托克前旗 2022 年政府信息公开工作报告\n");
  EXPECT_EQ(b.year, 2022);
  EXPECT_EQ(b.agency, "鄂托克前旗");
  AnnualReport c = Read("正文\n2024 年上海市科委政府信息公开工作\n年度报告\n");
  EXPECT_EQ(c.year, 2024);
  EXPECT_EQ(c.agency, "上海市科委");
  AnnualReport d = Read("标题: 平潭综合实验区2021年度政府信息公开工作年度报告\n");
  EXPECT_EQ(d.year, 2021);
  EXPECT_EQ(d.agency, "平潭综合实验区");
  AnnualReport e = Read("某委员会２０２１年政府信息公开年度报告\n");
  EXPECT_EQ(e.year, 2021);
}

TEST(SectionsTest, YearFromStatisticalPeriodWithoutTitle) {
  AnnualReport r = Read("本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。\n");
  EXPECT_EQ(r.year, 2021);
}

TEST(SectionsTest, OriginalOffsetMapsFullWidthText) {
  std::string original = "（一）予以公开";
  std::string norm = NormalizeForMatching(original);
  size_t pos = norm.find("予以");
  EXPECT_EQ(original.substr(OriginalOffset(original, pos)), "予以公开");
}

// Regression: shuyang-fgj-2023.html titles section five "存在的主要问题及整改措施"; it was
// reported missing.
TEST(SectionsTest, SectionFiveTitledWithCorrectiveMeasures) {
  AnnualReport r = Read(
      "五、存在的主要问题及整改措施\n（一）存在的主要问题。人员不足。\n"
      "六、其他需要报告的事项\n无\n");
  ASSERT_TRUE(r.sections[4].present);
  EXPECT_EQ(r.sections[4].heading, "五、存在的主要问题及整改措施");
  EXPECT_EQ(r.sections[4].text, "（一）存在的主要问题。人员不足。");
}

}  // namespace
}  // namespace gongkai::ingest_internal
