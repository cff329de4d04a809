#include "labels.h"

#include <gtest/gtest.h>

#include "gongkai/report.h"

namespace gongkai::ingest_internal {
namespace {

TEST(LabelsTest, EveryStandardLabelIsRecognisedAsItsRow) {
  for (int row = 0; row < kT3Rows; ++row) {
    std::string label(T3RowLabel(row));
    // Labels arrive normalized (ASCII parentheses) and without spaces.
    for (auto [from, to] : {std::pair{"（", "("}, std::pair{"）", ")"}}) {
      for (size_t p = label.find(from); p != std::string::npos; p = label.find(from)) {
        label.replace(p, std::string(from).size(), to);
      }
    }
    std::vector<int> rows = FindT3Labels(label);
    ASSERT_EQ(rows.size(), 1u) << label;
    EXPECT_EQ(rows[0], row) << label;
  }
}

TEST(LabelsTest, BrokenAndMisspelledLabels) {
  EXPECT_EQ(FindT3Labels("5.属于三类内部事务信"), std::vector<int>{kDeniedInternal});
  EXPECT_EQ(FindT3Labels("2.其他法律行政法规禁"), std::vector<int>{kDeniedLawForbidden});
  EXPECT_EQ(FindT3Labels("1.申请人无正当理由预期不补正、行政机关不再处理其政府信息公开申请"),
            std::vector<int>{kOtherNoCorrection});
  EXPECT_EQ(FindT3Labels("5.要求行政机关确"), std::vector<int>{kIgnoredConfirm});
  EXPECT_EQ(FindT3Labels("认或重新出具已获取信息"), std::vector<int>{kIgnoredConfirm});
  // Two labels in one run of text come out in order.
  EXPECT_EQ(FindT3Labels("5.属于三类内部事务信息1.本机关不掌握相关政府信息"),
            (std::vector<int>{kDeniedInternal, kUnableNoInfo}));
}

TEST(LabelsTest, OtherIsOnlyALabelAtTheEnd) {
  EXPECT_EQ(FindT3Labels("3.其他"), std::vector<int>{kOtherOther});
  EXPECT_TRUE(FindT3Labels("其他").empty());
  // A block heading is no row of the model: （六）其他处理 is not other_other.
  EXPECT_TRUE(FindT3Labels("(六)其他处理").empty());
  EXPECT_EQ(FindT3Block("(六)其他处理"), 3);
  EXPECT_EQ(T3BlockAt(FindT3Block("(三)不予公开")).first, kDeniedStateSecret);
  EXPECT_EQ(T3BlockAt(FindT3Block("(五)")).last, kIgnoredConfirm);
  EXPECT_EQ(FindT3Block("1.属于国家秘密"), -1);
  EXPECT_TRUE(FindT3Labels("法人或其他组织").empty());
}

TEST(LabelsTest, HeadersAreNotRows) {
  EXPECT_TRUE(FindT3Labels("(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)").empty());
  EXPECT_TRUE(FindT3Labels("(三)不予公开").empty());
  EXPECT_TRUE(FindT3Labels("三、本年度办理结果").empty());
}

TEST(LabelsTest, Table2LabelsAtTheEnd) {
  EXPECT_EQ(T2LabelAtEnd("规章"), kT2Rules);
  EXPECT_EQ(T2LabelAtEnd("行政规范性文件"), kT2Normative);
  EXPECT_EQ(T2LabelAtEnd("规范性文件"), kT2Normative);
  EXPECT_EQ(T2LabelAtEnd("第二十条第(五)项信息内容本年处理决定数量行政许可"), kT2Licensing);
  EXPECT_EQ(T2LabelAtEnd("行政事业性收费"), kT2Fees);
  EXPECT_EQ(T2LabelAtEnd("本年收费金额(单位:万元)"), -1);
  EXPECT_EQ(T2LabelAtEnd("规章制度建设"), -1);
}

}  // namespace
}  // namespace gongkai::ingest_internal
