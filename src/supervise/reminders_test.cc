#include <gtest/gtest.h>

#include <algorithm>

#include "gongkai/render_letter.h"
#include "gongkai/supervision.h"
#include "supervise_test_util.h"

namespace gongkai {
namespace {

using supervise_test::D;
using supervise_test::Region;

using RemindersTest = Region;

TEST_F(RemindersTest, AgenciesNotFiledOrWithErrorsWithTheirProblems) {
  Add("=HYPERLINK(\"http://x\")", region_, AgencyKind::kDepartment);
  auto sup = Open(region_);
  UploadSeeds(*sup);
  auto list = sup->Reminders(2021);
  ASSERT_TRUE(list.ok()) << list.status().message();
  ASSERT_EQ(list->size(), 10u);  // 9 of the 11 not filed, seed 004 with errors (not seed 003)
  const Reminder* manzhouli = nullptr;
  for (const Reminder& r : *list) {
    if (r.agency.id == Id("满洲里市人民政府办公室")) manzhouli = &r;
    EXPECT_NE(r.agency.id, Id("通辽市民族事务委员会"));
  }
  ASSERT_NE(manzhouli, nullptr);
  EXPECT_EQ(manzhouli->status, FilingStatus::kErrors);
  EXPECT_EQ(manzhouli->parent_name, "满洲里市");
  ASSERT_FALSE(manzhouli->first_errors.empty());
  EXPECT_NE(manzhouli->first_errors[0].find("表三"), std::string::npos);
  EXPECT_EQ(manzhouli->due, D("2022-01-31"));  // a department
  std::string csv = RemindersCsv(*list, 2021);
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBF机关编号,", 0), 0u);
  EXPECT_NE(csv.find(",\"'=HYPERLINK(\"\"http://x\"\")\","), std::string::npos);
  EXPECT_NE(csv.find("已提交有错误"), std::string::npos);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 11);
}

TEST_F(RemindersTest, ThePrintableNoticeNamesTheAgencyTheProblemsAndTheDate) {
  auto sup = Open(region_);
  UploadSeeds(*sup);
  auto list = sup->Reminders(2021);
  ASSERT_TRUE(list.ok());
  for (const Reminder& r : *list) {
    Letter l = ReminderNotice(r, "内蒙古自治区政务公开办公室", 2021, D("2022-02-10"));
    EXPECT_EQ(l.title, "政府信息公开工作年度报告督办通知");
    EXPECT_EQ(l.paragraphs[0], r.agency.name + "：");
    if (r.status == FilingStatus::kErrors) {
      EXPECT_NE(l.paragraphs[1].find("2处错误"), std::string::npos);
      EXPECT_NE(l.paragraphs[1].find(r.first_errors[0]), std::string::npos);
    } else {
      EXPECT_NE(l.paragraphs[1].find("尚未收到"), std::string::npos);
    }
    EXPECT_NE(l.paragraphs.back().find("2022年2月10日"), std::string::npos);
  }
  Letter l = ReminderNotice((*list)[0], "内蒙古自治区政务公开办公室", 2021, D("2022-02-10"));
  auto docx = RenderLetter(l, RenderFormat::kDocx);
  ASSERT_TRUE(docx.ok()) << docx.status().message();
  EXPECT_EQ(docx->substr(0, 2), "PK");
}

}  // namespace
}  // namespace gongkai
