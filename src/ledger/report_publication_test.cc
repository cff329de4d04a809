// The annual report an office publishes: its own text in the placeholders only, publication
// refused while a section waits or a rule fails or the year runs, versions stored and audited —
// on each backend (store_test_backend.h).
#include "gongkai/report_publication.h"

#include <gtest/gtest.h>

#include "gongkai/registry.h"
#include "gongkai/report_json.h"
#include "gongkai/stores.h"
#include "ledger_test_util.h"
#include "store_test_backend.h"

namespace gongkai {
namespace {

using ledger_test::D;
using ledger_test::TestCalendar;

class ReportPublicationTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<store_testing::TestDatabase>(GetParam());
    GONGKAI_REQUIRE_TEST_DATABASE(*db_);
    auto s = OpenCaseStore(db_->url(), {.durable = false});
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(s).value();
    agency_ = *store_->AddAgency({0, "科左中旗人民政府", 0, AgencyKind::kCounty}, "admin");
    Ledger ledger(store_.get(), &TestCalendar());
    int64_t applicant =
        *store_->AddApplicant({0, ApplicantKind::kNatural, "王某"}, {"1", "2", "3"}, "t");
    NewRequest n;
    n.agency_id = agency_;
    n.applicant_id = applicant;
    n.dates.confirmed = D("2025-03-03");
    n.content = "2024年部门决算";
    n.form = "电子邮件";
    n.actor = "t";
    auto id = ledger.Register(n);
    ASSERT_TRUE(id.ok()) << id.status().message();
    ASSERT_TRUE(
        ledger.Reply(*id, {D("2025-03-20"), "t", {"granted"}, "第三十六条", "予以公开。"}).ok());
  }

  // Text for every section that waits for the office.
  SectionTexts Complete() {
    auto d = DraftAnnualReport(*store_, agency_, 2025);
    EXPECT_TRUE(d.ok()) << d.status().message();
    SectionTexts t;
    for (int s = 0; s < kSectionCount; ++s) {
      if (d->editable[static_cast<size_t>(s)]) {
        t[static_cast<size_t>(s)] = "本机关撰写的第" + std::to_string(s + 1) + "部分。";
      }
    }
    return t;
  }

  void TearDown() override {
    store_.reset();
    db_.reset();
  }

  std::unique_ptr<store_testing::TestDatabase> db_;
  std::unique_ptr<CaseStore> store_;
  int64_t agency_ = 0;
};

TEST_P(ReportPublicationTest, DraftMarksTheSectionsTheOfficeWrites) {
  auto d = DraftAnnualReport(*store_, agency_, 2025);
  ASSERT_TRUE(d.ok()) << d.status().message();
  // 一、总体情况, 五、问题及改进 and 六、其他事项 hold placeholders; 二–四 come from the records.
  EXPECT_EQ(d->editable, (std::array<bool, kSectionCount>{true, false, false, false, true, true}));
  EXPECT_EQ(d->missing, d->editable);
  EXPECT_EQ(d->findings.size(), d->finding_cells.size());
}

TEST_P(ReportPublicationTest, OfficeTextReplacesOnlyThePlaceholder) {
  SectionTexts t = Complete();
  ASSERT_TRUE(SaveReportText(*store_, agency_, 2025, t, "user:wang").ok());
  auto d = DraftAnnualReport(*store_, agency_, 2025);
  ASSERT_TRUE(d.ok());
  const std::string& one = d->report.sections[0].text;
  EXPECT_EQ(one.rfind("本机关撰写的第1部分。", 0), 0u) << one;
  EXPECT_EQ(one.find(kOfficeTextMark), std::string::npos);
  // The generated sentences after the placeholder stay.
  EXPECT_NE(one.find("政府信息公开台账"), std::string::npos) << one;
  EXPECT_EQ(d->missing, (std::array<bool, kSectionCount>{}));
  EXPECT_EQ(d->office, t);

  auto audit = store_->ListAudit("report_text", agency_ * 10000 + 2025);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ((*audit)[0].actor, "user:wang");
  EXPECT_NE((*audit)[0].after_json.find("本机关撰写的第5部分"), std::string::npos);
}

TEST_P(ReportPublicationTest, RefusesTextForGeneratedSectionsAndBadText) {
  SectionTexts t;
  t[2] = "改写表三。";
  Status s = SaveReportText(*store_, agency_, 2025, t, "u");
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("三、收到和处理政府信息公开申请情况"), std::string::npos);
  t = {};
  t[0] = "控制字符\x1b[2J";
  s = SaveReportText(*store_, agency_, 2025, t, "u");
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("一、总体情况"), std::string::npos) << s.message();
  t[0] = std::string(kMaxOfficeTextBytes + 1, 'a');
  EXPECT_EQ(SaveReportText(*store_, agency_, 2025, t, "u").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(SaveReportText(*store_, 999, 2025, Complete(), "u").code(), StatusCode::kNotFound);
}

TEST_P(ReportPublicationTest, PublishRefusesUnfinishedYearsAndMissingText) {
  Status s = PublishAnnualReport(*store_, agency_, 2025, D("2025-12-31"), "u").status();
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(s.message().find("年度尚未结束"), std::string::npos);
  s = PublishAnnualReport(*store_, agency_, 2025, D("2026-01-20"), "u").status();
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(s.message().find("五、存在的主要问题及改进情况"), std::string::npos) << s.message();
  auto pubs = OpenReportPublications(*store_);
  ASSERT_TRUE(pubs.ok());
  EXPECT_EQ(*(*pubs)->PublishedId(agency_, 2025), 0);
}

TEST_P(ReportPublicationTest, PublishStoresReadableVersionsAndAudits) {
  ASSERT_TRUE(SaveReportText(*store_, agency_, 2025, Complete(), "user:wang").ok());
  auto p = PublishAnnualReport(*store_, agency_, 2025, D("2026-01-20"), "user:li");
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_GT(p->id, 0);
  EXPECT_EQ(p->actor, "user:li");
  EXPECT_NE(p->text.find("本机关撰写的第6部分。"), std::string::npos);
  auto back = ReportFromJson(p->model_json, "published");
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->sections[0].text.rfind("本机关撰写的第1部分。", 0), 0u);
  EXPECT_EQ(*back->table3.cells[kNew][kTotal].value, 1);
  EXPECT_TRUE(back->generated_from_ledger);

  // A correction is a new version; the newest is served.
  SectionTexts t = Complete();
  t[0] = "更正后的总体情况。";
  ASSERT_TRUE(SaveReportText(*store_, agency_, 2025, t, "user:wang").ok());
  auto p2 = PublishAnnualReport(*store_, agency_, 2025, D("2026-01-21"), "user:li");
  ASSERT_TRUE(p2.ok());
  auto pubs = OpenReportPublications(*store_);
  auto newest = (*pubs)->GetPublished(agency_, 2025);
  ASSERT_TRUE(newest.ok() && *newest);
  EXPECT_EQ((*newest)->id, p2->id);
  EXPECT_NE((*newest)->text.find("更正后的总体情况。"), std::string::npos);
  EXPECT_EQ(*(*pubs)->PublishedYears(agency_), std::vector<int>{2025});
  auto audit = store_->ListAudit("published_report", p->id);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ((*audit)[0].actor, "user:li");
  // Published versions cannot be rewritten or removed behind the application's back.
  EXPECT_FALSE(db_->RawExec("UPDATE published_report SET text = 'x'"));
  EXPECT_FALSE(db_->RawExec("DELETE FROM published_report"));
  EXPECT_EQ(db_->CountRows("published_report"), 2);
  auto verified = store_->VerifyAuditLog();
  ASSERT_TRUE(verified.ok());
  EXPECT_TRUE(verified->intact) << verified->problem;
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportPublicationTest,
                         ::testing::ValuesIn(store_testing::AllBackends()),
                         store_testing::BackendName);

TEST(ReportPublicationUnitTest, FindingsNameTheirCells) {
  AnnualReport r;
  r.year = 2025;
  for (auto& row : r.table3.cells) {
    for (Cell& c : row) c.value = 0;
  }
  for (auto& g : r.table4.cells) {
    for (Cell& c : g) c.value = 0;
  }
  r.table3.cells[kNew][kNatural].value = 2;  // the natural column no longer balances
  r.table3.cells[kNew][kTotal].value = 2;
  r.table4.cells[kReview][4].value = 3;  // review total without parts
  std::vector<CellRef> cells;
  Findings f = ValidateWithCells(r, &cells);
  ASSERT_EQ(f.size(), cells.size());
  bool balance = false, t4 = false;
  for (size_t i = 0; i < f.size(); ++i) {
    EXPECT_TRUE(f[i].location.empty());
    if (f[i].rule == "T3-BALANCE") {
      balance = true;
      EXPECT_EQ(cells[i].table, 3);
      EXPECT_EQ(cells[i].column, kNatural);
    }
    if (f[i].rule == "T4-TOTAL") {
      t4 = true;
      EXPECT_EQ(cells[i], (CellRef{4, kReview, 4}));
    }
  }
  EXPECT_TRUE(balance);
  EXPECT_TRUE(t4);
}

TEST(ReportPublicationUnitTest, ParsesSectionTextsByHeading) {
  auto t = ParseSectionTexts(
      "\n一、总体情况\n\n第一段。\n第二段。\n\n五、存在的主要问题及改进情况\r\n问题。\n");
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ((*t)[0], "第一段。\n第二段。");
  EXPECT_EQ((*t)[4], "问题。");
  EXPECT_EQ((*t)[1], "");
  auto bad = ParseSectionTexts("前言\n一、总体情况\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("第 1 行"), std::string::npos);
  bad = ParseSectionTexts("一、总体情况\na\n一、总体情况\nb\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("第 3 行"), std::string::npos);
}

TEST(ReportPublicationUnitTest, OneTextReplacesEveryPlaceholderOfItsSection) {
  AnnualReport r;
  r.sections[5].text = std::string(kOfficeTextMark) + "甲\n已生成。\n" + kOfficeTextMark + "乙";
  SectionTexts t;
  t[5] = "本机关的文字。";
  EXPECT_TRUE(EditableSections(r)[5]);
  ApplyOfficeText(t, &r);
  EXPECT_EQ(r.sections[5].text, "本机关的文字。\n已生成。");
  EXPECT_FALSE(EditableSections(r)[5]);
}

}  // namespace
}  // namespace gongkai
