// The staff registries and the annual report page through a real server: another agency's ids
// answer 404 on every route, every POST needs the CSRF token, script and SQL in every field are
// stored as text and shown escaped, and a report published on the staff page is what the public
// 专栏 serves in every format.
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "gongkai/importer.h"
#include "gongkai/registry.h"
#include "gongkai/report_publication.h"
#include "staff_test_login.h"
#include "web_test_util.h"

namespace gongkai::web::testing {
namespace {

constexpr const char* kScript = "<script>alert(1)</script>";
constexpr const char* kSql = "'); DROP TABLE published_document; --";

class StaffRegistryWebTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer("staff_registry_test");
    auto store = OpenSqliteStore(server_->db());
    ASSERT_TRUE(store.ok());
    // The other agency (the region above the test agency) and its records.
    auto agencies = (*store)->ListAgencies();
    for (const Agency& a : *agencies) {
      if (a.id != server_->agency()) other_ = a.id;
    }
    auto docs = OpenDocumentRegistry(**store);
    PublishedDocument d;
    d.agency_id = other_;
    d.index_number = "REGION-1";
    d.title = "自治区的待发布稿";
    d.category = "政策文件";
    d.publisher = "自治区政府办";
    d.created = Date::FromYmd(2025, 4, 1);
    d.draft = true;
    other_document_ = *(*docs)->Add(d, "t");
    auto reg = OpenRegistry(**store);
    other_rule_ = *(*reg)->AddNormative(
        {0, other_, 1, "自治区某办法", "", Date::FromYmd(2025, 1, 1), std::nullopt}, "t");
    DisclosureCase c;
    c.c.agency_id = other_;
    c.c.filed = Date::FromYmd(2025, 2, 1);
    c.number = "内复〔2025〕1号";
    other_case_ = *(*reg)->AddCase(c, "t");
    clerk_ = new StaffLogin(server_->port(), server_->db(), "clerk1", "clerk", server_->agency());
    admin_ = new StaffLogin(server_->port(), server_->db(), "admin1", "admin", server_->agency());
  }
  static void TearDownTestSuite() {
    delete clerk_;
    delete admin_;
    delete server_;
  }
  static uint16_t port() { return server_->port(); }
  static std::string Base() { return "/agencies/" + std::to_string(server_->agency()); }

  static TestServer* server_;
  static StaffLogin *clerk_, *admin_;
  static int64_t other_, other_document_, other_rule_, other_case_;
};
TestServer* StaffRegistryWebTest::server_ = nullptr;
StaffLogin* StaffRegistryWebTest::clerk_ = nullptr;
StaffLogin* StaffRegistryWebTest::admin_ = nullptr;
int64_t StaffRegistryWebTest::other_ = 0;
int64_t StaffRegistryWebTest::other_document_ = 0;
int64_t StaffRegistryWebTest::other_rule_ = 0;
int64_t StaffRegistryWebTest::other_case_ = 0;

// True iff the DOCX `bytes`, read back by the importer, has `text` in its first section.
bool DocxContains(const std::string& bytes, const std::string& text) {
  StatusOr<ImportedReport> r = ImportReportBytes(bytes, "published.docx");
  return r.ok() && r->report.sections[0].text.find(text) != std::string::npos;
}

// The id at the end of a redirect's location ("/staff/documents/7" → 7).
int64_t RedirectId(const TestResponse& r) {
  const std::string loc = r.Header("location");
  return std::stoll(loc.substr(loc.rfind('/') + 1));
}

TEST_F(StaffRegistryWebTest, AnotherAgencysIdsAre404OnEveryRoute) {
  const std::string doc = std::to_string(other_document_), rule = std::to_string(other_rule_),
                    kase = std::to_string(other_case_);
  for (const std::string& path :
       {"/staff/documents/" + doc, "/staff/rules/" + rule, "/staff/review-cases/" + kase}) {
    TestResponse r = admin_->Get(path);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_EQ(r.body.find("自治区"), std::string::npos) << path;
  }
  const std::map<std::string, std::map<std::string, std::string>> posts = {
      {"/staff/documents/" + doc + "/publish",
       {{"drafter", "甲"},
        {"reviewer", "乙"},
        {"approver", "丙"},
        {"review_date", "2025-04-02"},
        {"secrecy_checked", "1"},
        {"published", "2025-04-03"}}},
      {"/staff/rules/" + rule + "/amend", {{"date", "2025-05-01"}, {"note", "改"}}},
      {"/staff/rules/" + rule + "/repeal", {{"date", "2025-05-01"}}},
      {"/staff/review-cases/" + kase + "/decide", {{"result", "upheld"}, {"date", "2025-05-01"}}},
  };
  for (const auto& [path, fields] : posts) {
    TestResponse r = admin_->Post(path, fields);
    EXPECT_EQ(r.status, 404) << path;
  }
  // Linking one's case to another agency's review is refused the same way.
  TestResponse link = admin_->Post("/staff/review-cases", {{"group", "suit_after_review"},
                                                           {"number", "x"},
                                                           {"filed", "2025-06-01"},
                                                           {"review_id", kase}});
  EXPECT_EQ(link.status, 404);
  // Nothing of theirs changed.
  auto store = OpenSqliteStore(server_->db());
  auto reg = OpenRegistry(**store);
  EXPECT_FALSE((*reg)->GetNormative(other_rule_)->doc.abolished);
  EXPECT_FALSE((*reg)->GetCase(other_case_)->c.decided);
  EXPECT_TRUE((*OpenDocumentRegistry(**store))->Get(other_document_)->draft);
}

TEST_F(StaffRegistryWebTest, EveryPostNeedsTheCsrfToken) {
  for (const char* path :
       {"/staff/documents", "/staff/documents/1/publish", "/staff/rules", "/staff/rules/1/amend",
        "/staff/rules/1/repeal", "/staff/actions", "/staff/review-cases",
        "/staff/review-cases/1/decide", "/staff/report/2025", "/staff/report/2025/publish"}) {
    TestResponse r = admin_->PostWithoutCsrf(path, {{"title", "x"}});
    EXPECT_EQ(r.status, 403) << path;
  }
}

TEST_F(StaffRegistryWebTest, ScriptAndSqlInEveryFieldAreStoredAsTextAndEscaped) {
  const std::string hostile = std::string(kScript) + kSql;
  TestResponse add = clerk_->Post("/staff/documents", {{"index_number", hostile},
                                                       {"title", hostile},
                                                       {"category", hostile},
                                                       {"publisher", hostile},
                                                       {"created", "2025-06-01"},
                                                       {"mode", "proactive"},
                                                       {"body", hostile},
                                                       {"drafter", hostile},
                                                       {"reviewer", hostile + "2"},
                                                       {"approver", hostile + "3"},
                                                       {"review_date", "2025-06-02"},
                                                       {"secrecy_checked", "1"}});
  ASSERT_EQ(add.status, 303) << add.body;
  const std::string doc_path = add.Header("location");
  TestResponse page = clerk_->Get(doc_path);
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.body.find("<script>alert"), std::string::npos);
  EXPECT_NE(page.body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(page.body.find("DROP TABLE published_document"), std::string::npos);
  EXPECT_EQ(page.body.find("name=\"published\""),
            std::string::npos);  // no publish form for a clerk

  TestResponse rule = clerk_->Post(
      "/staff/rules",
      {{"kind", "rules"}, {"title", hostile}, {"number", hostile}, {"made", "2025-02-01"}});
  ASSERT_EQ(rule.status, 303) << rule.body;
  TestResponse amend =
      clerk_->Post(rule.Header("location") + "/amend",
                   {{"date", "2025-03-01"}, {"number", hostile}, {"note", hostile}});
  EXPECT_EQ(amend.status, 303) << amend.body;
  TestResponse kase = clerk_->Post(
      "/staff/review-cases",
      {{"group", "review"}, {"number", hostile}, {"filed", "2025-03-01"}, {"note", hostile}});
  ASSERT_EQ(kase.status, 303) << kase.body;
  TestResponse actions = clerk_->Post("/staff/actions", {{"year", "2025"},
                                                         {"licensing", "12"},
                                                         {"penalty", "3"},
                                                         {"coercion", "0"},
                                                         {"fees_10k_yuan", "1.5"},
                                                         {"source", hostile}});
  EXPECT_EQ(actions.status, 303) << actions.body;
  for (const std::string& path : {std::string("/staff/documents"), std::string("/staff/rules"),
                                  rule.Header("location"), std::string("/staff/review-cases"),
                                  kase.Header("location"), std::string("/staff/actions")}) {
    TestResponse r = clerk_->Get(path);
    EXPECT_EQ(r.status, 200) << path;
    EXPECT_EQ(r.body.find("<script>alert"), std::string::npos) << path;
    EXPECT_NE(r.body.find("&lt;script&gt;"), std::string::npos) << path;
    EXPECT_NE(r.body.find("DROP TABLE"), std::string::npos) << path;
  }
  // Bad input: the page again with the library's message, nothing stored.
  TestResponse bad = clerk_->Post("/staff/actions", {{"year", "2025"},
                                                     {"licensing", "-1"},
                                                     {"penalty", "0"},
                                                     {"coercion", "0"},
                                                     {"fees_10k_yuan", "0"},
                                                     {"source", "x"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("行政许可应为非负整数"), std::string::npos);
  // Control characters are refused by the library, naming the field.
  TestResponse ctl = clerk_->Post(
      "/staff/rules", {{"kind", "rules"}, {"title", "a\x1b[2Jb"}, {"made", "2025-02-01"}});
  EXPECT_EQ(ctl.status, 400);
  EXPECT_NE(ctl.body.find("标题"), std::string::npos);
}

TEST_F(StaffRegistryWebTest, DocumentsArePublishedByAnAdminAfterTheReviews) {
  TestResponse add = clerk_->Post("/staff/documents", {{"index_number", "MB001-2025-00100"},
                                                       {"title", "关于牧区饮水工程的公告"},
                                                       {"category", "重大项目"},
                                                       {"publisher", "民族事务委员会"},
                                                       {"created", "2025-07-01"},
                                                       {"mode", "proactive"},
                                                       {"body", "牧区饮水工程。"}});
  ASSERT_EQ(add.status, 303) << add.body;
  const int64_t id = RedirectId(add);
  EXPECT_EQ(Send(port(), "GET", "/documents/" + std::to_string(id)).status, 404);  // a draft
  const std::string publish = "/staff/documents/" + std::to_string(id) + "/publish";
  std::map<std::string, std::string> review = {{"drafter", "甲"},
                                               {"reviewer", "乙"},
                                               {"approver", "丙"},
                                               {"review_date", "2025-07-02"},
                                               {"published", "2025-07-03"}};
  EXPECT_EQ(clerk_->Post(publish, review).status, 403);  // admins publish
  TestResponse unticked = admin_->Post(publish, review);
  EXPECT_EQ(unticked.status, 409);
  EXPECT_NE(unticked.body.find("保密审查"), std::string::npos);
  review["secrecy_checked"] = "1";
  TestResponse ok = admin_->Post(publish, review);
  EXPECT_EQ(ok.status, 303) << ok.body;
  TestResponse pub = Send(port(), "GET", "/documents/" + std::to_string(id));
  EXPECT_EQ(pub.status, 200);
  EXPECT_NE(pub.body.find("关于牧区饮水工程的公告"), std::string::npos);
}

TEST_F(StaffRegistryWebTest, PublishedReportIsWhatTheColumnServesInEveryFormat) {
  {
    // A 规范性文件 made and repealed in 2025: none in force, which the validator notes (a
    // warning, T2-NONE-IN-FORCE) at table 2's in-force cell.
    auto store = OpenSqliteStore(server_->db());
    auto reg = OpenRegistry(**store);
    int64_t id = *(*reg)->AddNormative(
        {0, server_->agency(), 1, "临时办法", "", Date::FromYmd(2025, 2, 1), std::nullopt}, "t");
    ASSERT_TRUE((*reg)->Repeal(id, Date::FromYmd(2025, 9, 1), "t").ok());
  }
  TestResponse page = clerk_->Get("/staff/report/2025");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("检查结果"), std::string::npos);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(page.body, m,
                                std::regex("<li id=\"finding-([0-9]+)\"[^>]*>[^<]*T2-NONE-IN-FORCE"
                                           "[^<]*（表二 行政规范性文件 / 现行有效件数）")))
      << page.body;
  EXPECT_NE(page.body.find("<td id=\"cell-2-1-2\" class=\"flagged\">0 <a href=\"#finding-" +
                           m[1].str() + "\">"),
            std::string::npos);
  EXPECT_NE(page.body.find("id=\"cell-3-0-6\""), std::string::npos);  // table 3, new, total
  EXPECT_NE(page.body.find("name=\"section0\""), std::string::npos);
  EXPECT_EQ(page.body.find("name=\"section1\""), std::string::npos);  // generated from records
  EXPECT_EQ(page.body.find("/staff/report/2025/publish"), std::string::npos);  // not for a clerk
  // Publishing before the office wrote its sections is refused.
  TestResponse early = admin_->Post("/staff/report/2025/publish", {});
  EXPECT_EQ(early.status, 409);
  EXPECT_NE(early.body.find("尚待本机关填写"), std::string::npos);
  TestResponse saved =
      clerk_->Post("/staff/report/2025", {{"section0", "本委认真落实条例，总体情况良好。"},
                                          {"section4", std::string("存在的问题") + kScript},
                                          {"section5", "无其他事项。"}});
  ASSERT_EQ(saved.status, 303) << saved.body;
  TestResponse rewrite = clerk_->Post("/staff/report/2025", {{"section2", "改写表三"}});
  EXPECT_EQ(rewrite.status, 400);
  EXPECT_EQ(clerk_->Post("/staff/report/2025/publish", {}).status, 403);
  TestResponse admin_page = admin_->Get("/staff/report/2025");
  EXPECT_NE(admin_page.body.find("/staff/report/2025/publish"), std::string::npos);
  EXPECT_EQ(admin_page.body.find(kScript), std::string::npos);
  TestResponse published = admin_->Post("/staff/report/2025/publish", {});
  ASSERT_EQ(published.status, 303) << published.body;

  // The public pages show the published version (the page cache keeps a page 2 s).
  const std::string url = Base() + "/reports/2025";
  std::string body;
  for (int i = 0; i < 40; ++i) {
    body = Send(port(), "GET", url).body;
    if (body.find("本委认真落实条例") != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_NE(body.find("本委认真落实条例，总体情况良好。"), std::string::npos);
  EXPECT_EQ(body.find(kScript), std::string::npos);
  EXPECT_EQ(body.find("【待本机关填写】"), std::string::npos);
  auto store = OpenSqliteStore(server_->db());
  auto pubs = OpenReportPublications(**store);
  auto stored = (*pubs)->GetPublished(server_->agency(), 2025);
  ASSERT_TRUE(stored.ok() && *stored);
  EXPECT_NE((*stored)->text.find("本委认真落实条例"), std::string::npos);
  for (const char* ext : {".docx", ".xlsx", ".pdf"}) {
    TestResponse dl = Send(port(), "GET", url + ext);
    ASSERT_EQ(dl.status, 200) << ext;
    EXPECT_EQ(dl.Header("content-disposition").rfind("attachment;", 0), 0u) << ext;
    if (std::string(ext) == ".pdf") {
      EXPECT_EQ(dl.body.substr(0, 5), "%PDF-");
    } else {
      EXPECT_EQ(dl.body.substr(0, 2), "PK") << ext;
    }
  }
  // The Word file carries the office's text (read back by the DOCX importer).
  TestResponse docx = Send(port(), "GET", url + ".docx");
  EXPECT_TRUE(DocxContains(docx.body, "本委认真落实条例"));
}

}  // namespace
}  // namespace gongkai::web::testing
