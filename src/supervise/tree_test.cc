#include <gtest/gtest.h>

#include <algorithm>

#include "gongkai/importer.h"
#include "gongkai/ledger.h"
#include "gongkai/supervision.h"
#include "supervise_test_util.h"

namespace gongkai {
namespace {

using supervise_test::D;
using supervise_test::Region;

using TreeTest = Region;

const AgencyFiling& Row(const SupervisionTree& t, int64_t id) {
  for (const AgencyFiling& r : t.rows) {
    if (r.agency.id == id) return r;
  }
  ADD_FAILURE() << "no row for agency " << id;
  return t.rows[0];
}

TEST_F(TreeTest, EveryAgencyWithItsStatusAndTheCountsAtEachLevel) {
  auto sup = Open(region_);
  UploadSeeds(*sup);
  auto tree = sup->Tree(2021);
  ASSERT_TRUE(tree.ok()) << tree.status().message();
  ASSERT_EQ(tree->rows.size(), 10u);  // 内蒙古自治区 and the nine below it, not 福建省
  EXPECT_EQ(tree->rows[0].agency.id, region_);
  EXPECT_EQ(tree->rows[0].depth, 0);
  // Depth-first: every row's parent comes before it, one level up.
  for (size_t i = 1; i < tree->rows.size(); ++i) {
    bool parent_before = false;
    for (size_t j = 0; j < i; ++j) {
      parent_before = parent_before || (tree->rows[j].agency.id == tree->rows[i].agency.parent_id &&
                                        tree->rows[j].depth + 1 == tree->rows[i].depth);
    }
    EXPECT_TRUE(parent_before) << tree->rows[i].agency.name;
  }
  const AgencyFiling& manzhouli = Row(*tree, Id("满洲里市人民政府办公室"));
  EXPECT_EQ(manzhouli.status, FilingStatus::kErrors);
  EXPECT_EQ(manzhouli.errors, 2);
  EXPECT_EQ(manzhouli.filed, D("2024-01-20"));
  EXPECT_EQ(FilingStatusLabel(manzhouli.status), "已提交有错误");
  const AgencyFiling& tongliao = Row(*tree, Id("通辽市民族事务委员会"));
  EXPECT_NE(tongliao.status, FilingStatus::kNotFiled);
  EXPECT_EQ(tongliao.source, ReportSource::kUpload);
  // The 2022 and 2023 seeds do not count for 2021.
  EXPECT_EQ(Row(*tree, Id("鄂托克前旗")).status, FilingStatus::kNotFiled);
  // Counts per status: the region sums all ten rows; 呼伦贝尔市 its three.
  const auto& all = tree->rows[0].subtree;
  EXPECT_EQ(all[0] + all[1] + all[2] + all[3], 10);
  EXPECT_EQ(all[static_cast<size_t>(FilingStatus::kErrors)], 1);
  EXPECT_EQ(all[static_cast<size_t>(FilingStatus::kNotFiled)], 8);
  const auto& hulunbuir = Row(*tree, Id("呼伦贝尔市")).subtree;
  EXPECT_EQ(hulunbuir[static_cast<size_t>(FilingStatus::kErrors)], 1);
  EXPECT_EQ(hulunbuir[static_cast<size_t>(FilingStatus::kNotFiled)], 2);
}

TEST_F(TreeTest, TheCsvExportHasEveryRowAndNeutralisesFormulas) {
  Add("=cmd|' /C calc'!A0", region_, AgencyKind::kDepartment);
  auto sup = Open(region_);
  UploadSeeds(*sup);
  auto tree = sup->Tree(2021);
  ASSERT_TRUE(tree.ok());
  std::string csv = TreeCsv(*tree);
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBF机关编号,", 0), 0u);
  EXPECT_EQ(static_cast<size_t>(std::count(csv.begin(), csv.end(), '\n')), tree->rows.size() + 1);
  EXPECT_NE(csv.find(",'=cmd|' /C calc'!A0,"), std::string::npos);
  EXPECT_NE(csv.find("满洲里市人民政府办公室,"), std::string::npos);
  EXPECT_NE(csv.find(",已提交有错误,2,"), std::string::npos);
}

TEST_F(TreeTest, TheXlsxExportIsAWorkbookTheImporterReadsBack) {
  auto sup = Open(region_);
  UploadSeeds(*sup);
  auto tree = sup->Tree(2021);
  ASSERT_TRUE(tree.ok());
  auto xlsx = TreeXlsx(*tree);
  ASSERT_TRUE(xlsx.ok()) << xlsx.status().message();
  EXPECT_EQ(xlsx->substr(0, 2), "PK");
  EXPECT_EQ(DetectFormat(*xlsx), ReportFormat::kXlsx);
}

// An agency in the system gets its status from the report the ledger generates.
TEST_F(TreeTest, AnAgencyInTheSystemTakesItsReportFromTheLedger) {
  LedgerOptions options;
  options.today = D("2021-12-31");
  Ledger ledger(store_.get(), &ledger_test::TestCalendar(), options);
  Applicant person;
  person.name = "张三";
  auto applicant = store_->AddApplicant(person, {}, "test");
  ASSERT_TRUE(applicant.ok());
  NewRequest n;
  n.agency_id = Id("鄂托克前旗");
  n.applicant_id = *applicant;
  n.dates.confirmed = D("2021-03-01");
  n.content = "2020年财政预算";
  n.actor = "王科员";
  auto id = ledger.Register(n);
  ASSERT_TRUE(id.ok()) << id.status().message();
  ReplyInput reply;
  reply.date = D("2021-03-05");
  reply.actor = "王科员";
  reply.outcomes = {"granted"};
  reply.basis = "《条例》第三十六条第（二）项";
  reply.letter = "予以公开。";
  Status replied = ledger.Reply(*id, reply);
  ASSERT_TRUE(replied.ok()) << replied.message();
  auto sup = Open(region_);
  auto tree = sup->Tree(2021);
  ASSERT_TRUE(tree.ok()) << tree.status().message();
  const AgencyFiling& row = Row(*tree, Id("鄂托克前旗"));
  EXPECT_EQ(row.source, ReportSource::kLedger);
  EXPECT_NE(row.status, FilingStatus::kNotFiled);
  EXPECT_FALSE(row.filed.has_value());
  auto report = sup->EffectiveReport(Id("鄂托克前旗"), 2021);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->second, ReportSource::kLedger);
  EXPECT_EQ(report->first.table3.cells[kNew][kTotal].value, 1);
  EXPECT_EQ(Row(*sup->Tree(2020), Id("鄂托克前旗")).status, FilingStatus::kNotFiled);
}

}  // namespace
}  // namespace gongkai
