#include "gongkai/supervision.h"

#include <gtest/gtest.h>

#include "gongkai/sha256.h"
#include "supervise_test_util.h"

namespace gongkai {
namespace {

using supervise_test::D;
using supervise_test::kSeed004;
using supervise_test::Region;
using supervise_test::Seed;

using SupervisionTest = Region;

TEST_F(SupervisionTest, SeedsAreMatchedByTheNameInTheirTitleAndStoredWithTheirHash) {
  auto sup = Open(region_);
  auto r = sup->Upload(Seed(kSeed004), "004.txt", D("2024-01-20"));
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->items.size(), 1u);
  const UploadItem& item = r->items[0];
  EXPECT_EQ(item.match.agency_id, Id("满洲里市人民政府办公室"));
  EXPECT_EQ(item.match.kind, SubmissionMatch::kExact);
  EXPECT_EQ(item.year, 2021);
  EXPECT_EQ(item.errors, 2);  // T3-BALANCE and T3-RESULT-TOTAL
  auto versions = sup->Versions(Id("满洲里市人民政府办公室"), 2021);
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 1u);
  EXPECT_EQ((*versions)[0].sha256, Sha256Hex(Seed(kSeed004)));
  EXPECT_EQ((*versions)[0].format, "text");
  EXPECT_EQ((*versions)[0].filed, D("2024-01-20"));
  EXPECT_EQ((*versions)[0].uploaded_by, "user:wang");
  auto audit = store_->ListAudit("supervision_submission", item.submission_id);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ((*audit)[0].actor, "user:wang");
}

TEST_F(SupervisionTest, ReUploadsKeepEveryVersionAndTheNewestCounts) {
  auto sup = Open(region_);
  ASSERT_TRUE(sup->Upload(Seed(kSeed004), "v1.txt", D("2024-01-20")).ok());
  ASSERT_TRUE(sup->Upload(Seed(kSeed004) + "\n", "v2.txt", D("2024-01-25")).ok());
  auto versions = sup->Versions(Id("满洲里市人民政府办公室"), 2021);
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[0].version, 1);
  EXPECT_EQ((*versions)[1].version, 2);
  EXPECT_NE((*versions)[0].sha256, (*versions)[1].sha256);
  auto tree = sup->Tree(2021);
  ASSERT_TRUE(tree.ok());
  for (const AgencyFiling& row : tree->rows) {
    if (row.agency.id != Id("满洲里市人民政府办公室")) continue;
    EXPECT_EQ(row.versions, 2);
    EXPECT_EQ(row.submission_id, (*versions)[1].id);
    EXPECT_EQ(row.filed, D("2024-01-25"));
  }
}

TEST_F(SupervisionTest, AZipOfTheCorpusListsUnmatchedReportsForAssignment) {
  auto sup = Open(region_);
  auto r = sup->Upload(supervise_test::CorpusZip(), "corpus.zip", D("2024-02-01"));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->items.size(), 4u);
  EXPECT_EQ(r->stored, 4);
  EXPECT_EQ(r->unassigned, 4);  // none of the corpus's agencies is in 内蒙古自治区
  EXPECT_EQ(r->items[0].name, "corpus.zip!/corpus/pingtan-2021.txt");
  auto waiting = sup->Unassigned();
  ASSERT_TRUE(waiting.ok());
  ASSERT_EQ(waiting->size(), 4u);
  // No agency chosen (the form's blank choice) is refused, naming what is missing.
  Status none = sup->Assign((*waiting)[0].id, 0, 0);
  EXPECT_EQ(none.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(none.message().find("请选择"), std::string::npos) << none.message();
  EXPECT_EQ(sup->Unassigned()->size(), 4u);
  ASSERT_TRUE(sup->Assign((*waiting)[0].id, Id("鄂托克前旗"), 0).ok());
  EXPECT_EQ(sup->Unassigned()->size(), 3u);
  auto tree = sup->Tree(2021);
  ASSERT_TRUE(tree.ok());
  for (const AgencyFiling& row : tree->rows) {
    if (row.agency.id == Id("鄂托克前旗")) {
      EXPECT_EQ(row.source, ReportSource::kUpload);
    }
  }
  // The audit log records the assignment, before and after.
  auto audit = store_->ListAudit("supervision_submission", (*waiting)[0].id);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_EQ((*audit)[1].action, "update");
  EXPECT_NE((*audit)[1].before_json.find("\"agency_id\":0"), std::string::npos);
}

TEST_F(SupervisionTest, TheCorpusReportMatchesUnderTheRightSupervisor) {
  auto fujian = Open(fujian_, "user:lin");
  auto r = fujian->Upload(supervise_test::Corpus("pingtan-2021.txt"), "p.txt", D("2022-02-08"));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->items[0].match.agency_id, Id("平潭综合实验区"));
}

TEST_F(SupervisionTest, AnotherSupervisorsDataIsNotFound) {
  auto sup = Open(region_);
  auto r = sup->Upload(Seed(kSeed004), "004.txt", D("2024-01-20"));
  ASSERT_TRUE(r.ok());
  int64_t id = r->items[0].submission_id;
  auto fujian = Open(fujian_, "user:lin");
  EXPECT_EQ(fujian->Report(id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(fujian->Assign(id, Id("平潭综合实验区"), 2021).code(), StatusCode::kNotFound);
  EXPECT_EQ(fujian->Versions(Id("满洲里市人民政府办公室"), 2021).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(sup->Assign(id, Id("平潭综合实验区"), 2021).code(), StatusCode::kNotFound);
  // A county supervisor sees its own subtree only.
  auto county = Open(Id("满洲里市"));
  EXPECT_TRUE(county->Report(id).ok());
  EXPECT_EQ(county->agencies().size(), 2u);
  EXPECT_FALSE(county->Sees(Id("通辽市")));
}

TEST_F(SupervisionTest, OnlyASupervisorActorOpensItsSubtree) {
  Actor clerk;
  clerk.role = Role::kClerk;
  clerk.agency_id = region_;
  clerk.login = "li";
  EXPECT_EQ(Supervision::Open(*store_, clerk).status().code(), StatusCode::kFailedPrecondition);
  Actor boss = clerk;
  boss.role = Role::kSupervisor;
  boss.agency_id = Id("呼伦贝尔市");
  auto sup = Supervision::Open(*store_, boss);
  ASSERT_TRUE(sup.ok());
  EXPECT_EQ((*sup)->agencies().size(), 3u);
  auto r = (*sup)->Upload(Seed(kSeed004), "004.txt", D("2024-01-20"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*sup)->Versions(Id("满洲里市人民政府办公室"), 2021)->at(0).uploaded_by, "user:li");
}

// Seed 004 breaks the table-3 balance: the finding must point at the cells it is about.
TEST_F(SupervisionTest, Seed004ReportPinsTheBalanceErrorToItsCells) {
  auto sup = Open(region_);
  auto r = sup->Upload(Seed(kSeed004), "004.txt", D("2024-01-20"));
  ASSERT_TRUE(r.ok());
  auto page = sup->Report(r->items[0].submission_id);
  ASSERT_TRUE(page.ok()) << page.status().message();
  EXPECT_EQ(page->filing.status, FilingStatus::kErrors);
  const Finding* balance = nullptr;
  for (const Finding& f : page->findings) {
    if (f.rule == "T3-BALANCE") balance = &f;
  }
  ASSERT_NE(balance, nullptr);
  EXPECT_EQ(balance->severity, Severity::kError);
  ASSERT_GT(balance->location.line, 0);
  bool pinned = false;
  for (const auto& row : page->report.table3.cells) {
    for (const Cell& c : row)
      pinned = pinned || (c.present() && c.source.line == balance->location.line);
  }
  EXPECT_TRUE(pinned) << "no table-3 cell on line " << balance->location.line;
  EXPECT_EQ(page->report.table3.cells[kResultTotal][kTotal].source.file, "004.txt");
}

TEST_F(SupervisionTest, LastYearsReportAndTheCarryOverCheckComeWithTheReport) {
  auto fujian = Open(fujian_, "user:lin");
  ASSERT_TRUE(
      fujian->Upload(supervise_test::Corpus("pingtan-2021.txt"), "p21.txt", D("2022-02-08")).ok());
  auto r = fujian->Upload(supervise_test::Corpus("pingtan-2022.txt"), "p22.txt", D("2023-02-20"));
  ASSERT_TRUE(r.ok());
  auto page = fujian->Report(r->items[0].submission_id);
  ASSERT_TRUE(page.ok()) << page.status().message();
  ASSERT_TRUE(page->previous.has_value());
  EXPECT_EQ(page->previous_source, ReportSource::kUpload);
  EXPECT_NE(page->previous_submission_id, 0);
  // The check compares last year's carried_forward with this year's carried_over.
  bool equal = page->previous->table3.cells[kCarriedForward][kTotal].value ==
               page->report.table3.cells[kCarriedOver][kTotal].value;
  EXPECT_EQ(page->carry_over.empty(), equal);
}

TEST_F(SupervisionTest, FilesThatAreNotReportsAreListedNotStored) {
  auto sup = Open(region_);
  auto r = sup->Upload("这不是年度报告", "note.txt", D("2024-01-20"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->unreadable, 1);
  EXPECT_EQ(r->stored, 0);
  EXPECT_FALSE(r->items[0].status.ok());
  EXPECT_TRUE(sup->Unassigned()->empty());
}

}  // namespace
}  // namespace gongkai
