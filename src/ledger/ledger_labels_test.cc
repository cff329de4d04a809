#include <gtest/gtest.h>

#include "gongkai/ledger.h"
#include "gongkai/ledger_labels.h"

namespace gongkai {
namespace {

TEST(LabelsTest, StatesKindsOutcomesAndBreachesInChinese) {
  EXPECT_EQ(RequestStateLabel(RequestState::kOpen), "办理中");
  EXPECT_EQ(RequestStateLabel(RequestState::kAwaitingCorrection), "待补正");
  EXPECT_EQ(RequestStateLabel(RequestState::kConsulting), "征求意见中");
  EXPECT_EQ(RequestStateLabel(RequestState::kAwaitingFee), "待缴费");
  EXPECT_EQ(RequestStateLabel(RequestState::kConcluded), "已办结");
  EXPECT_EQ(ApplicantKindLabel(ApplicantKind::kLegal), "法律服务机构");
  EXPECT_EQ(OutcomeLabel("granted"), "予以公开");
  EXPECT_EQ(OutcomeLabel("denied_state_secret"), "不予公开（属于国家秘密）");
  EXPECT_EQ(OutcomeLabel("unable_no_info"), "无法提供（本机关不掌握相关政府信息）");
  EXPECT_EQ(OutcomeLabel("other_other"), "其他处理（其他）");
  EXPECT_EQ(OutcomeLabel("nonsense"), "nonsense");
  EXPECT_EQ(OutcomeIds().size(), 21u);
  EXPECT_EQ(BreachLabel(kBreachLateReply), "逾期答复（超过条例第三十三条规定的期限）");
  EXPECT_EQ(EventKindLabel("consultation_start"), "征求意见");
  EXPECT_EQ(EventKindLabel("extension"), "延长答复期限");
}

TEST(LabelsTest, EventsAreSentencesWithoutJson) {
  Event e{0,
          1,
          "extension",
          *Date::Parse("2025-10-20"),
          "王",
          "材料较多",
          R"({"days":20,"approver":"赵主任"})",
          ""};
  EXPECT_EQ(EventSentence(e),
            "2025-10-20，王延长答复期限20个工作日，经赵主任批准；理由：材料较多。");
  Event r{0,
          1,
          "reply",
          *Date::Parse("2025-11-01"),
          "李",
          "",
          R"({"outcome":"partial","basis":"《条例》第三十七条"})",
          kBreachLateReply};
  std::string s = EventSentence(r);
  EXPECT_NE(s.find("部分公开"), std::string::npos);
  EXPECT_NE(s.find("逾期答复"), std::string::npos);
  EXPECT_EQ(s.find('{'), std::string::npos);
  Event bad{0, 1, "fee_paid", *Date::Parse("2025-11-01"), "李", "", "not json", ""};
  EXPECT_EQ(EventSentence(bad).find("not json"), std::string::npos);
}

TEST(LabelsTest, FormsOfArticles29And40OrMarkedFreeText) {
  EXPECT_TRUE(CheckForm("").ok());
  EXPECT_TRUE(CheckForm("纸质").ok());
  EXPECT_TRUE(CheckForm("电子文档、电子邮件").ok());
  EXPECT_TRUE(CheckForm("光盘，邮寄").ok());
  EXPECT_TRUE(CheckForm("其他：刻录在申请人提供的U盘上").ok());
  EXPECT_FALSE(CheckForm("其他：").ok());
  Status s = CheckForm("飞鸽传书");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("纸质"), std::string::npos);
  EXPECT_NE(s.message().find("其他："), std::string::npos);
  EXPECT_FALSE(CheckForm("纸质、").ok());
}

}  // namespace
}  // namespace gongkai
