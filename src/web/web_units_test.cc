// Unit tests of the web server's small parts: HTTP helpers, router, CSRF, rate limit, access
// log, static assets, templates escaping, report HTML extraction, query-code-free logs.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "access_log.h"
#include "csrf.h"
#include "http.h"
#include "page_cache.h"
#include "rate_limit.h"
#include "report_catalog.h"
#include "router.h"
#include "static_assets.h"
#include "templates.h"

namespace gongkai::web {
namespace {

TEST(HttpTest, PercentDecodingAndForms) {
  std::string out;
  EXPECT_TRUE(PercentDecode("%E8%8D%89+a", true, &out));
  EXPECT_EQ(out, "草 a");
  EXPECT_FALSE(PercentDecode("%E", false, &out));
  EXPECT_FALSE(PercentDecode("%ZZ", false, &out));
  std::multimap<std::string, std::string> form;
  EXPECT_TRUE(ParseUrlEncoded("a=1&b=%E8%8D%89&&c", &form));
  EXPECT_EQ(FormValue(form, "b"), "草");
  EXPECT_EQ(FormValue(form, "c"), "");
  EXPECT_EQ(PercentEncode("草 a"), "%E8%8D%89%20a");
  auto cookies = ParseCookies("a=1; gk_csrf=x.y ;=bad; b");
  EXPECT_EQ(cookies["gk_csrf"], "x.y");
  EXPECT_EQ(cookies.size(), 2u);
}

TEST(RouterTest, MatchesCapturesAndMethods) {
  Router r;
  int hit = 0;
  r.Add("GET", "/agencies/:id/reports/:year", [&](HttpRequest&) {
    hit = 1;
    return HttpResponse{};
  });
  r.Add("GET", "/", [&](HttpRequest&) {
    hit = 2;
    return HttpResponse{};
  });
  HttpRequest req;
  req.method = "GET";
  req.path = "/agencies/3/reports/2025.docx";
  bool known = false;
  const Handler* h = r.Match(&req, &known);
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(req.params, (std::vector<std::string>{"3", "2025.docx"}));
  req.method = "POST";
  EXPECT_EQ(r.Match(&req, &known), nullptr);
  EXPECT_TRUE(known);
  req.path = "/agencies//reports/2025";
  req.method = "GET";
  EXPECT_EQ(r.Match(&req, &known), nullptr);
  EXPECT_FALSE(known);
  req.path = "/";
  ASSERT_NE(r.Match(&req, &known), nullptr);
}

TEST(CsrfTest, OnlyTokensOfThisGuardMatchingTheCookieVerify) {
  CsrfGuard guard, other;
  std::string t = guard.NewToken();
  EXPECT_TRUE(guard.Verify(t, t));
  EXPECT_FALSE(guard.Verify(t, guard.NewToken()));
  EXPECT_FALSE(guard.Verify("", ""));
  std::string forged = other.NewToken();
  EXPECT_FALSE(guard.Verify(forged, forged));
  std::string tampered = t;
  tampered[0] = tampered[0] == 'a' ? 'b' : 'a';
  EXPECT_FALSE(guard.Verify(tampered, tampered));
}

// Two servers given one key file (one creating it, racing) sign and accept each other's tokens.
TEST(CsrfTest, ServersSharingAKeyFileAcceptEachOthersTokens) {
  std::filesystem::path dir = std::filesystem::temp_directory_path() /
                              ("gongkai_csrf_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "secret").string();
  StatusOr<CsrfGuard> a = CsrfGuard::FromKeyFile(path), b = CsrfGuard::FromKeyFile(path);
  ASSERT_TRUE(a.ok()) << a.status().message();
  ASSERT_TRUE(b.ok()) << b.status().message();
  EXPECT_EQ(std::filesystem::status(path).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  std::string t = a->NewToken();
  EXPECT_TRUE(b->Verify(t, t));
  std::string own = CsrfGuard().NewToken();
  EXPECT_FALSE(b->Verify(own, own));

  chmod(path.c_str(), 0644);  // a key others can read is refused, naming the file
  StatusOr<CsrfGuard> open_key = CsrfGuard::FromKeyFile(path);
  ASSERT_FALSE(open_key.ok());
  EXPECT_NE(open_key.status().message().find(path), std::string::npos);
  EXPECT_NE(open_key.status().message().find("chmod 600"), std::string::npos);

  const std::string bad = (dir / "bad").string();
  std::ofstream(bad) << "not a key\n";
  chmod(bad.c_str(), 0600);
  StatusOr<CsrfGuard> wrong = CsrfGuard::FromKeyFile(bad);
  ASSERT_FALSE(wrong.ok());
  EXPECT_NE(wrong.status().message().find("64"), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST(PageCacheTest, ServesEachClientItsOwnToken) {
  PageCache cache(std::chrono::milliseconds(60000), 10);
  HttpResponse r;
  r.body = "<input value=\"TOKEN1\"><input value=\"TOKEN1\">";
  r.headers.emplace_back("Set-Cookie", "gk_csrf=TOKEN1; Path=/");
  cache.Store("/", r, "TOKEN1");
  auto hit = cache.Find("/", "OTHER");
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->body, "<input value=\"OTHER\"><input value=\"OTHER\">");
  EXPECT_EQ(hit->headers[0].second, "gk_csrf=OTHER; Path=/");
  EXPECT_FALSE(cache.Find("/x", "OTHER").has_value());
  PageCache expired(std::chrono::milliseconds(0), 10);
  expired.Store("/", r, "TOKEN1");
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
  EXPECT_FALSE(expired.Find("/", "OTHER").has_value());
}

TEST(RateLimiterTest, BurstThenRefill) {
  RateLimiter limiter(2, 10);
  auto t0 = std::chrono::steady_clock::now();
  EXPECT_TRUE(limiter.Allow("a", t0));
  EXPECT_TRUE(limiter.Allow("a", t0));
  EXPECT_FALSE(limiter.Allow("a", t0));
  EXPECT_TRUE(limiter.Allow("b", t0));
  EXPECT_FALSE(limiter.Allow("a", t0 + std::chrono::seconds(5)));
  EXPECT_TRUE(limiter.Allow("a", t0 + std::chrono::seconds(11)));
}

TEST(AccessLogTest, OneJsonLineWithQueryCodesRedacted) {
  std::string line = FormatAccessRecord(
      {"127.0.0.1", "GET", "/api/v1/applications/ABCD-EFGH\x1b[31m", 200, 12, 345});
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_EQ(line.find("ABCD"), std::string::npos);
  EXPECT_NE(line.find("\"path\":\"/api/v1/applications/*\""), std::string::npos);
  EXPECT_NE(line.find("\"status\":200"), std::string::npos);
  EXPECT_EQ(RedactPath("/agencies/1"), "/agencies/1");
}

TEST(StaticAssetsTest, UrlsCarryTheContentHash) {
  auto assets = StaticAssets::LoadDir(std::string(GONGKAI_SOURCE_DIR) + "/data/web/static");
  ASSERT_TRUE(assets.ok());
  std::string url = assets->Url("site.css");
  EXPECT_EQ(url.rfind("/static/site.", 0), 0u);
  ASSERT_NE(assets->Find(url), nullptr);
  EXPECT_EQ(assets->Find(url)->content_type, "text/css; charset=utf-8");
  EXPECT_EQ(assets->Find("/static/site.css"), nullptr);
}

TEST(TemplatesTest, EveryTemplateAutoEscapes) {
  auto t = Templates::LoadDir(std::string(GONGKAI_SOURCE_DIR) + "/data/web/templates");
  ASSERT_TRUE(t.ok()) << t.status().message();
  ctemplate::TemplateDictionary d("t");
  d.SetValue("MESSAGE", "<b>\"x\"</b>");
  d.SetIntValue("STATUS", 400);
  auto html = (*t)->Render("error.tpl", d);
  ASSERT_TRUE(html.ok());
  EXPECT_NE(html->find("&lt;b&gt;&quot;x&quot;&lt;/b&gt;"), std::string::npos);
}

TEST(ReportCatalogTest, ReportMainHtmlKeepsTheMainContent) {
  EXPECT_EQ(ReportMainHtml("<html><style>x</style><main>\n<h1>t</h1>\n</main></html>"),
            "\n<h1>t</h1>\n");
  EXPECT_EQ(ReportMainHtml("no main"), "");
}

}  // namespace
}  // namespace gongkai::web
