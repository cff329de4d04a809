#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "gongkai/documents.h"
#include "gongkai/store.h"
#include "gongkai/stores.h"
#include "store_test_backend.h"

namespace gongkai {
namespace {

// Runs on each backend (store_test_backend.h).
class DocumentRegistryTest : public store_testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (!Opened()) return;
    auto r = OpenDocumentRegistry(*store_);
    ASSERT_TRUE(r.ok()) << r.status().message();
    registry_ = std::move(r).value();
    agency_ = *store_->AddAgency({0, "科左中旗人民政府", 0, AgencyKind::kCounty}, "admin");
    other_ = *store_->AddAgency({0, "科左中旗教育局", agency_, AgencyKind::kDepartment}, "admin");
  }
  void TearDown() override {
    registry_.reset();
    StoreTest::TearDown();
  }

  PublishedDocument Doc(int64_t agency, const std::string& index, const char* created,
                        const std::string& category = "政策文件") {
    PublishedDocument d;
    d.agency_id = agency;
    d.index_number = index;
    d.title = "关于印发" + index + "的通知";
    d.category = category;
    d.publisher = "科左中旗人民政府办公室";
    d.created = *Date::Parse(created);
    d.body = "各苏木镇人民政府：\n现将有关事项通知如下。";
    d.review = {"张拟稿", "李审核", "赵签发", d.created, true};
    return d;
  }

  std::unique_ptr<DocumentRegistry> registry_;
  int64_t agency_ = 0, other_ = 0;
};

GONGKAI_TEST_ON_EVERY_BACKEND(DocumentRegistryTest);

TEST_P(DocumentRegistryTest, AddsAndReadsBackEveryFieldAndAudits) {
  PublishedDocument d = Doc(agency_, "11152326MB1597430X/2025-00017", "2025-03-04");
  d.published = *Date::Parse("2025-03-10");
  d.mode = DisclosureMode::kOnRequest;
  auto id = registry_->Add(d, "王科员");
  ASSERT_TRUE(id.ok()) << id.status().message();
  auto got = registry_->Get(*id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->id, *id);
  EXPECT_EQ(got->agency_id, agency_);
  EXPECT_EQ(got->index_number, d.index_number);
  EXPECT_EQ(got->title, d.title);
  EXPECT_EQ(got->category, "政策文件");
  EXPECT_EQ(got->publisher, d.publisher);
  EXPECT_EQ(got->created.ToString(), "2025-03-04");
  ASSERT_TRUE(got->published);
  EXPECT_EQ(got->published->ToString(), "2025-03-10");
  EXPECT_EQ(got->mode, DisclosureMode::kOnRequest);
  EXPECT_EQ(got->body, d.body);

  auto audit = store_->ListAudit("published_document", *id);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ((*audit)[0].actor, "王科员");
  EXPECT_EQ((*audit)[0].action, "insert");
  EXPECT_NE((*audit)[0].after_json.find("11152326MB1597430X/2025-00017"), std::string::npos);
}

TEST_P(DocumentRegistryTest, RefusesBadInputNamingTheField) {
  PublishedDocument d = Doc(agency_, "A-1", "2025-01-02");
  d.category.clear();
  auto r = registry_->Add(d, "x");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("分类"), std::string::npos);

  d = Doc(agency_, "A-1", "2025-01-02");
  d.title = "bad\x1b[31m";
  r = registry_->Add(d, "x");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("名称"), std::string::npos);

  d = Doc(agency_, "A-1", "2025-01-02");
  d.body = std::string("\xff\xfe", 2);
  EXPECT_FALSE(registry_->Add(d, "x").ok());

  d = Doc(agency_, "A-1", "2025-01-02");
  d.published = *Date::Parse("2025-01-01");
  r = registry_->Add(d, "x");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("公开日期"), std::string::npos);

  EXPECT_EQ(registry_->Add(Doc(999, "A-1", "2025-01-02"), "x").status().code(),
            StatusCode::kNotFound);

  ASSERT_TRUE(registry_->Add(Doc(agency_, "A-1", "2025-01-02"), "x").ok());
  r = registry_->Add(Doc(agency_, "A-1", "2025-02-02"), "x");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("索引号 A-1"), std::string::npos);
  // Another agency may use the same index number.
  EXPECT_TRUE(registry_->Add(Doc(other_, "A-1", "2025-02-02"), "x").ok());
  EXPECT_EQ(registry_->Get(12345).status().code(), StatusCode::kNotFound);
}

TEST_P(DocumentRegistryTest, NothingIsMadePublicWithoutTheThreeReviewsAndTheSecrecyCheck) {
  PublishedDocument d = Doc(agency_, "R-1", "2025-03-01");
  d.review.secrecy_checked = false;
  auto r = registry_->Add(d, "x");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(r.status().message().find("未完成三审和保密审查"), std::string::npos);
  EXPECT_NE(r.status().message().find("缺少保密审查"), std::string::npos);
  d = Doc(agency_, "R-1", "2025-03-01");
  d.review.approver.clear();
  d.review.date.reset();
  r = registry_->Add(d, "x");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("缺少签发人、审查日期"), std::string::npos);
  d = Doc(agency_, "R-1", "2025-03-01");
  d.review.approver = d.review.drafter;
  r = registry_->Add(d, "x");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("三个不同的人"), std::string::npos);
  d = Doc(agency_, "R-1", "2025-03-01");
  d.published = *Date::Parse("2025-03-02");
  d.review.date = *Date::Parse("2025-03-05");
  r = registry_->Add(d, "x");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("晚于公开日期"), std::string::npos);
  // Documents that are not made public need no review.
  d = Doc(agency_, "R-1", "2025-03-01");
  d.review = {};
  d.mode = DisclosureMode::kNotDisclosed;
  EXPECT_TRUE(registry_->Add(d, "x").ok());
  EXPECT_TRUE(registry_->List({agency_, 0, 10})->total == 1);
}

TEST_P(DocumentRegistryTest, DraftsStayOutOfThePublicUntilPublishedWithTheirReviews) {
  PublishedDocument d = Doc(agency_, "D-1", "2025-03-01");
  d.review = {"张拟稿", "", "", std::nullopt, false};
  d.draft = true;
  auto id = registry_->Add(d, "clerk");
  ASSERT_TRUE(id.ok()) << id.status().message();
  EXPECT_EQ(registry_->List({agency_, 0, 10})->total, 0);
  DocumentQuery staff{agency_, 0, 10};
  staff.with_drafts = true;
  EXPECT_EQ(registry_->List(staff)->total, 1);
  EXPECT_TRUE(registry_->CountByCategory(agency_, 2025)->empty());
  EXPECT_FALSE(registry_->Get(*id)->IsPublic());
  // The annual report's tally (Registry::TallyFacts) leaves the draft out as well, for all
  // agencies and for the one.
  auto tally = OpenRegistry(*store_);
  ASSERT_TRUE(tally.ok());
  for (int64_t scope : {int64_t{0}, agency_}) {
    auto facts = (*tally)->TallyFacts(2025, scope);
    ASSERT_TRUE(facts.ok()) << facts.status().message();
    EXPECT_TRUE((*facts)[agency_].documents.empty()) << "scope " << scope;
  }

  const Date day = *Date::Parse("2025-03-06");
  Status s = registry_->Publish(*id, d.review, day, "admin");
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(s.message().find("缺少审核人、签发人、审查日期、保密审查"), std::string::npos);
  DocumentReview full{"张拟稿", "李审核", "赵签发", *Date::Parse("2025-03-05"), true};
  EXPECT_EQ(registry_->Publish(*id, full, *Date::Parse("2025-02-01"), "admin").code(),
            StatusCode::kInvalidArgument);  // before it was created
  ASSERT_TRUE(registry_->Publish(*id, full, day, "admin").ok());
  auto got = registry_->Get(*id);
  ASSERT_TRUE(got.ok());
  EXPECT_TRUE(got->IsPublic());
  EXPECT_EQ(got->published->ToString(), "2025-03-06");
  EXPECT_EQ(got->review.reviewer, "李审核");
  EXPECT_EQ(got->review.date->ToString(), "2025-03-05");
  EXPECT_TRUE(got->review.secrecy_checked);
  EXPECT_EQ(registry_->List({agency_, 0, 10})->total, 1);
  auto published_facts = (*tally)->TallyFacts(2025, 0);
  ASSERT_TRUE(published_facts.ok());
  ASSERT_EQ((*published_facts)[agency_].documents.size(), 1u);
  EXPECT_EQ((*published_facts)[agency_].documents[0].count, 1);
  EXPECT_EQ(registry_->Publish(*id, full, day, "admin").code(), StatusCode::kFailedPrecondition);
  auto audit = store_->ListAudit("published_document", *id);
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_EQ((*audit)[1].actor, "admin");
  EXPECT_NE((*audit)[1].before_json.find("\"draft\":true"), std::string::npos);
  EXPECT_NE((*audit)[1].after_json.find("\"approver\":\"赵签发\""), std::string::npos);

  PublishedDocument odd = Doc(agency_, "D-2", "2025-03-01");
  odd.draft = true;
  odd.mode = DisclosureMode::kOnRequest;
  EXPECT_EQ(registry_->Add(odd, "x").status().code(), StatusCode::kInvalidArgument);
}

TEST_P(DocumentRegistryTest, ListsPagesNewestFirst) {
  for (int i = 1; i <= 7; ++i) {
    char date[16];
    std::snprintf(date, sizeof date, "2025-0%d-01", i);
    ASSERT_TRUE(registry_->Add(Doc(agency_, "N-" + std::to_string(i), date), "x").ok());
  }
  ASSERT_TRUE(registry_->Add(Doc(other_, "O-1", "2025-12-01"), "x").ok());
  auto p1 = registry_->List({agency_, 0, 3});
  ASSERT_TRUE(p1.ok());
  EXPECT_EQ(p1->total, 7);
  ASSERT_EQ(p1->documents.size(), 3u);
  EXPECT_EQ(p1->documents[0].index_number, "N-7");
  EXPECT_EQ(p1->documents[2].index_number, "N-5");
  auto p3 = registry_->List({agency_, 6, 3});
  ASSERT_TRUE(p3.ok());
  ASSERT_EQ(p3->documents.size(), 1u);
  EXPECT_EQ(p3->documents[0].index_number, "N-1");
  auto all = registry_->List({0, 0, 50});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->total, 8);
  EXPECT_EQ(all->documents[0].index_number, "O-1");
  EXPECT_FALSE(registry_->List({agency_, 0, 0}).ok());
  EXPECT_FALSE(registry_->List({agency_, 0, kMaxDocumentPage + 1}).ok());
  EXPECT_FALSE(registry_->List({agency_, -1, 10}).ok());
}

TEST_P(DocumentRegistryTest, ListsAndCountsOneDisclosureModeWhenAsked) {
  ASSERT_TRUE(registry_->Add(Doc(agency_, "P-1", "2025-01-01"), "x").ok());
  PublishedDocument hidden = Doc(agency_, "H-1", "2025-02-01");
  hidden.mode = DisclosureMode::kNotDisclosed;
  ASSERT_TRUE(registry_->Add(hidden, "x").ok());
  ASSERT_TRUE(registry_->Add(Doc(other_, "P-2", "2025-03-01"), "x").ok());
  EXPECT_EQ(registry_->List({agency_, 0, 10})->total, 2);
  auto proactive = registry_->List({agency_, 0, 10, DisclosureMode::kProactive});
  ASSERT_TRUE(proactive.ok()) << proactive.status().message();
  EXPECT_EQ(proactive->total, 1);
  ASSERT_EQ(proactive->documents.size(), 1u);
  EXPECT_EQ(proactive->documents[0].index_number, "P-1");
  auto withheld = registry_->List({0, 0, 10, DisclosureMode::kNotDisclosed});
  EXPECT_EQ(withheld->total, 1);
  EXPECT_EQ(withheld->documents.at(0).index_number, "H-1");
  EXPECT_EQ(registry_->List({0, 0, 10, DisclosureMode::kProactive})->total, 2);
}

TEST_P(DocumentRegistryTest, CountsProactiveDocumentsOfTheYearByCategory) {
  ASSERT_TRUE(registry_->Add(Doc(agency_, "1", "2025-01-05", "政策文件"), "x").ok());
  ASSERT_TRUE(registry_->Add(Doc(agency_, "2", "2025-06-05", "政策文件"), "x").ok());
  ASSERT_TRUE(registry_->Add(Doc(agency_, "3", "2025-06-05", "人事信息"), "x").ok());
  // Created in 2024, published in 2025: counted in 2025.
  PublishedDocument late = Doc(agency_, "4", "2024-12-30", "人事信息");
  late.published = *Date::Parse("2025-01-06");
  ASSERT_TRUE(registry_->Add(late, "x").ok());
  ASSERT_TRUE(registry_->Add(Doc(agency_, "5", "2024-05-05", "政策文件"), "x").ok());
  PublishedDocument withheld = Doc(agency_, "6", "2025-05-05", "政策文件");
  withheld.mode = DisclosureMode::kNotDisclosed;
  ASSERT_TRUE(registry_->Add(withheld, "x").ok());
  ASSERT_TRUE(registry_->Add(Doc(other_, "7", "2025-05-05", "财政信息"), "x").ok());

  auto c = registry_->CountByCategory(agency_, 2025);
  ASSERT_TRUE(c.ok());
  ASSERT_EQ(c->size(), 2u);
  EXPECT_EQ((*c)[0].category, "人事信息");
  EXPECT_EQ((*c)[0].count, 2);
  EXPECT_EQ((*c)[1].category, "政策文件");
  EXPECT_EQ((*c)[1].count, 2);
  auto all = registry_->CountByCategory(0, 2025);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 3u);
  auto y2024 = registry_->CountByCategory(agency_, 2024);
  ASSERT_TRUE(y2024.ok());
  ASSERT_EQ(y2024->size(), 1u);
  EXPECT_EQ((*y2024)[0].count, 1);
}

TEST(DisclosureModeTest, IdsAndLabelsRoundTrip) {
  for (int i = 0; i < kDisclosureModeCount; ++i) {
    auto m = static_cast<DisclosureMode>(i);
    EXPECT_EQ(*DisclosureModeFromId(DisclosureModeId(m)), m);
    EXPECT_EQ(*DisclosureModeFromId(DisclosureModeLabel(m)), m);
  }
  EXPECT_FALSE(DisclosureModeFromId("公开").ok());
}

}  // namespace
}  // namespace gongkai
