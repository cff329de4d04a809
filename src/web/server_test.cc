// The public site through a real server: every page and API route, the application flow and
// the security headers.
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "gongkai/query_codes.h"
#include "web_test_util.h"

namespace gongkai::web::testing {
namespace {

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    WebOptions options;
    options.search_refresh_seconds = 1;
    server_ = new TestServer("server_test", options);
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static uint16_t port() { return server_->port(); }
  static TestServer* server_;
};
TestServer* ServerTest::server_ = nullptr;

std::string Field(const std::string& html, const std::string& id) {
  std::smatch m;
  std::regex re("id=\"" + id + "\">([^<]*)<");
  return std::regex_search(html, m, re) ? m[1].str() : "";
}

// Submits the online form; returns the receipt page.
TestResponse Apply(uint16_t port, int64_t agency, std::map<std::string, std::string> fields,
                   const std::vector<std::array<std::string, 3>>& files = {}) {
  const std::string path = "/agencies/" + std::to_string(agency) + "/apply";
  TestResponse form = Send(port, "GET", path);
  std::string token = CsrfCookie(form);
  fields.emplace("csrf", token);
  return Send(port, "POST", path, Multipart(fields, files),
              {{"Content-Type", "multipart/form-data; boundary=XyZb0undary"},
               {"Cookie", "gk_csrf=" + token}});
}

std::map<std::string, std::string> GoodForm() {
  return {{"name", "张三"},
          {"kind", "natural"},
          {"id_type", "居民身份证"},
          {"id_number", "150102"},
          {"phone", "13800000000"},
          {"content", "2025年部门预算"},
          {"form", "electronic_email"}};
}

TEST_F(ServerTest, HealthzAndSecurityHeaders) {
  TestResponse r = Send(port(), "GET", "/healthz");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"status":"ok"})");
  EXPECT_EQ(r.Header("x-content-type-options"), "nosniff");
  EXPECT_NE(r.Header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(r.Header("content-security-policy").find("unsafe-inline"), std::string::npos);
}

TEST_F(ServerTest, DirectoryFollowsTheHierarchyAndEscapesNames) {
  TestResponse r = Send(port(), "GET", "/");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("lang=\"zh-CN\""), std::string::npos);
  EXPECT_NE(r.body.find("内蒙古自治区人民政府"), std::string::npos);
  EXPECT_NE(r.body.find("&lt;script&gt;alert(1)&lt;/script&gt;民族事务委员会"), std::string::npos);
  EXPECT_EQ(r.body.find("<script>alert"), std::string::npos);
  // The department is nested under the region.
  EXPECT_LT(r.body.find("内蒙古自治区人民政府"), r.body.find("民族事务委员会"));
}

TEST_F(ServerTest, AgencyColumnPages) {
  const std::string base = "/agencies/" + std::to_string(server_->agency());
  for (const char* page : {"", "/guide", "/rules", "/documents", "/reports", "/apply"}) {
    TestResponse r = Send(port(), "GET", base + page);
    EXPECT_EQ(r.status, 200) << page;
    EXPECT_EQ(r.body.find("<script>alert"), std::string::npos) << page;
  }
  TestResponse guide = Send(port(), "GET", base + "/guide");
  EXPECT_NE(guide.body.find("20个工作日"), std::string::npos);
  EXPECT_NE(guide.body.find("向内蒙古自治区人民政府"), std::string::npos);  // the agency above
  EXPECT_EQ(Send(port(), "GET", "/agencies/999").status, 404);
  EXPECT_EQ(Send(port(), "GET", "/agencies/abc").status, 404);
}

TEST_F(ServerTest, DocumentsShowOnlyProactiveOnes) {
  TestResponse list =
      Send(port(), "GET", "/agencies/" + std::to_string(server_->agency()) + "/documents");
  EXPECT_NE(list.body.find("MB001-2025-00001"), std::string::npos);
  EXPECT_EQ(list.body.find("不予公开的内部文件"), std::string::npos);
  EXPECT_NE(list.body.find("共 1 条"), std::string::npos);  // the withheld one is not counted
  TestResponse doc = Send(port(), "GET", "/documents/" + std::to_string(server_->document()));
  EXPECT_EQ(doc.status, 200);
  EXPECT_NE(doc.body.find("资金使用"), std::string::npos);
  EXPECT_EQ(Send(port(), "GET", "/documents/" + std::to_string(server_->document() + 1)).status,
            404);
}

TEST_F(ServerTest, ReportPageShowsTable3AndDownloadsAreAttachments) {
  const std::string base = "/agencies/" + std::to_string(server_->agency()) + "/reports/2025";
  TestResponse page = Send(port(), "GET", base);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("收到和处理政府信息公开申请情况"), std::string::npos);
  EXPECT_EQ(page.body.find("<style"), std::string::npos);  // CSP: no inline style
  for (const char* ext : {".docx", ".xlsx"}) {
    TestResponse dl = Send(port(), "GET", base + ext);
    EXPECT_EQ(dl.status, 200) << ext;
    EXPECT_EQ(dl.Header("content-disposition").rfind("attachment;", 0), 0u) << ext;
    EXPECT_EQ(dl.body.substr(0, 2), "PK") << ext;
  }
  EXPECT_EQ(Send(port(), "GET", base + ".exe").status, 404);
  // The current year is not finished: no report.
  EXPECT_EQ(Send(port(), "GET", "/agencies/" + std::to_string(server_->agency()) + "/reports/2026")
                .status,
            404);
}

TEST_F(ServerTest, SearchFindsTwoCharacterWordsAndPaginates) {
  TestResponse r = Send(port(), "GET", "/search?q=%E8%8D%89%E5%8E%9F");  // 草原
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<mark>草原</mark>"), std::string::npos);
  EXPECT_NE(r.body.find("/documents/" + std::to_string(server_->document())), std::string::npos);
  EXPECT_EQ(Send(port(), "GET", "/search?q=%E8%8D%89").status, 400);  // one character
  TestResponse api = Send(port(), "GET", "/api/v1/search?q=%E8%8D%89%E5%8E%9F");
  EXPECT_EQ(nlohmann::json::parse(api.body)["total"], 1);
}

TEST_F(ServerTest, DocumentsAddedWhileServingReachTheSearchIndex) {
  const std::string camel = "/search?q=%E9%AA%86%E9%A9%BC";  // 骆驼
  EXPECT_NE(Send(port(), "GET", camel).body.find("共找到 0 条结果"), std::string::npos);
  {
    auto store = OpenSqliteStore(server_->db());
    ASSERT_TRUE(store.ok());
    auto registry = OpenDocumentRegistry(**store);
    PublishedDocument d;
    d.agency_id = server_->agency();
    d.index_number = "MB001-2025-00099";
    d.title = "关于骆驼产业发展的通知";
    d.category = "产业";
    d.publisher = "民族事务委员会";
    d.created = Date::FromYmd(2025, 9, 1);
    d.body = "发展骆驼产业。";
    d.review = {"张拟稿", "李审核", "赵签发", d.created, true};
    ASSERT_TRUE((*registry)->Add(d, "t").ok());
  }
  bool found = false;
  for (int i = 0; i < 50 && !found; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    found = Send(port(), "GET", camel).body.find("<mark>骆驼</mark>") != std::string::npos;
  }
  EXPECT_TRUE(found);
}

TEST_F(ServerTest, ApplyOnlineThenQueryStatusByCode) {
  TestResponse receipt =
      Apply(port(), server_->agency(), GoodForm(), {{"attachment", "身份证.pdf", "%PDF-1.4 test"}});
  ASSERT_EQ(receipt.status, 201) << receipt.body;
  std::string code = Field(receipt.body, "query-code");
  ASSERT_EQ(code.size(), 24u);  // 20 characters in groups of 4
  EXPECT_EQ(Field(receipt.body, "received"), "2026-03-02");
  EXPECT_EQ(Field(receipt.body, "due"), "2026-03-30");

  TestResponse form = Send(port(), "GET", "/status");
  std::string token = CsrfCookie(form);
  TestResponse status =
      Send(port(), "POST", "/status", "csrf=" + token + "&code=" + code,
           {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", "gk_csrf=" + token}});
  ASSERT_EQ(status.status, 200);
  EXPECT_EQ(Field(status.body, "due"), "2026-03-30");
  EXPECT_NE(status.body.find("收到申请，登记受理"), std::string::npos);
  EXPECT_EQ(status.body.find("150102"), std::string::npos);  // no ID number on the page

  TestResponse api = Send(port(), "GET", "/api/v1/applications/" + code);
  ASSERT_EQ(api.status, 200);
  auto j = nlohmann::json::parse(api.body);
  EXPECT_EQ(j["due"], "2026-03-30");
  EXPECT_EQ(j["received"], "2026-03-02");
}

TEST_F(ServerTest, UnknownAndMalformedCodesLookAlike) {
  TestResponse form = Send(port(), "GET", "/status");
  std::string token = CsrfCookie(form);
  auto lookup = [&](const std::string& code) {
    return Send(
        port(), "POST", "/status", "csrf=" + token + "&code=" + code,
        {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", "gk_csrf=" + token}});
  };
  TestResponse unknown = lookup("ABCD-EFGH-JKMN-PQRS-TVWX");
  TestResponse malformed = lookup("nonsense");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(malformed.status, 404);
  auto main = [](const std::string& b) { return b.substr(b.find("<main")); };
  EXPECT_EQ(main(unknown.body), main(malformed.body));
  EXPECT_EQ(Send(port(), "GET", "/api/v1/applications/ABCDEFGHJKMNPQRSTVWX").body,
            Send(port(), "GET", "/api/v1/applications/x").body);
}

TEST_F(ServerTest, ApiRegistersApplications) {
  nlohmann::json body = {{"agency_id", server_->agency()},
                         {"name", "某律师事务所"},
                         {"kind", "legal"},
                         {"id_type", "统一社会信用代码"},
                         {"id_number", "91150000"},
                         {"phone", "0471"},
                         {"content", "行政处罚决定书"},
                         {"form", "paper_post"},
                         {"attachments", {{{"name", "a.txt"}, {"content_base64", "aGVsbG8="}}}}};
  TestResponse r = Send(port(), "POST", "/api/v1/applications", body.dump(),
                        {{"Content-Type", "application/json"}});
  ASSERT_EQ(r.status, 201) << r.body;
  auto j = nlohmann::json::parse(r.body);
  EXPECT_EQ(j["received"], "2026-03-02");
  EXPECT_EQ(j["due"], "2026-03-30");
  EXPECT_EQ(
      Send(port(), "GET", "/api/v1/applications/" + j["query_code"].get<std::string>()).status,
      200);
  // The code was stored with its request and audited: `gongkai audit verify` still passes.
  auto store = OpenSqliteStore(server_->db(), {.mode = OpenMode::kReadOnly});
  ASSERT_TRUE(store.ok()) << store.status().message();
  auto verified = (*store)->VerifyAuditLog();
  ASSERT_TRUE(verified.ok()) << verified.status().message();
  EXPECT_TRUE(verified->intact) << verified->problem;
  std::string hash = QueryCodeHash(*NormalizeQueryCode(j["query_code"].get<std::string>()));
  auto found = (*store)->FindRequestByQueryCode(hash);
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*store)->ListAudit("query_code", (*found)->request.id)->size(), 1u);
  EXPECT_EQ(Send(port(), "GET", "/api/openapi.json").status, 200);
  EXPECT_EQ(nlohmann::json::parse(Send(port(), "GET", "/api/openapi.json").body)["openapi"],
            "3.0.3");
}

TEST_F(ServerTest, DisplaySwitchPersistsInACookie) {
  TestResponse page = Send(port(), "GET", "/");
  std::string token = CsrfCookie(page);
  TestResponse r =
      Send(port(), "POST", "/display", "csrf=" + token + "&mode=large&return=/search",
           {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", "gk_csrf=" + token}});
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.Header("location"), "/search");
  EXPECT_EQ(r.Header("set-cookie").rfind("gk_display=large", 0), 0u);
  TestResponse large = Send(port(), "GET", "/", "", {{"Cookie", "gk_display=large"}});
  EXPECT_NE(large.body.find("<html lang=\"zh-CN\" class=\"large\">"), std::string::npos);
  // Never an open redirect.
  r = Send(port(), "POST", "/display", "csrf=" + token + "&mode=large&return=//evil.example",
           {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", "gk_csrf=" + token}});
  EXPECT_EQ(r.Header("location"), "/");
}

TEST_F(ServerTest, StaticAssetsAreVersionedAndCached) {
  TestResponse page = Send(port(), "GET", "/");
  std::smatch m;
  ASSERT_TRUE(
      std::regex_search(page.body, m, std::regex("href=\"(/static/site\\.[0-9a-f]{12}\\.css)\"")));
  TestResponse css = Send(port(), "GET", m[1].str());
  EXPECT_EQ(css.status, 200);
  EXPECT_NE(css.Header("cache-control").find("immutable"), std::string::npos);
  EXPECT_EQ(Send(port(), "GET", "/static/site.css").status, 404);
}

TEST_F(ServerTest, CachedPagesCarryEachClientsOwnToken) {
  std::set<std::string> tokens;
  for (int i = 0; i < 3; ++i) {
    TestResponse r = Send(port(), "GET", "/agencies/" + std::to_string(server_->agency()));
    std::string cookie = CsrfCookie(r);
    EXPECT_NE(r.body.find("name=\"csrf\" value=\"" + cookie + "\""), std::string::npos);
    tokens.insert(cookie);
  }
  EXPECT_EQ(tokens.size(), 3u);
  // A client with a valid token keeps it.
  TestResponse again = Send(port(), "GET", "/agencies/" + std::to_string(server_->agency()), "",
                            {{"Cookie", "gk_csrf=" + *tokens.begin()}});
  EXPECT_EQ(CsrfCookie(again), *tokens.begin());
  EXPECT_NE(again.body.find(*tokens.begin()), std::string::npos);
}

TEST_F(ServerTest, WrongMethodIs405AndUnknownPathIs404) {
  EXPECT_EQ(Send(port(), "DELETE", "/healthz").status, 405);
  EXPECT_EQ(Send(port(), "GET", "/no/such/page").status, 404);
}

}  // namespace
}  // namespace gongkai::web::testing
