// The staff console's entrance through a real server: login and logout, cookies, CSRF on every
// post, session fixation, lockout and the per-client rate limit, audit rows, hostile login
// fields, the password never in the access log, and an admin confined to its own agency.
#include <fcntl.h>

#include <fstream>
#include <functional>
#include <iterator>

#include "gongkai/accounts.h"
#include "http.h"
#include "web_test_util.h"

namespace gongkai::web::testing {
namespace {

constexpr const char* kPassword = "Grassland-2026";
constexpr const char* kForm = "application/x-www-form-urlencoded";

// The value of cookie `name` set by the response, and whether it was set at all.
std::string SetCookieHeader(const TestResponse& r, const std::string& name) {
  auto range = r.headers.equal_range("set-cookie");
  for (auto it = range.first; it != range.second; ++it) {
    if (it->second.rfind(name + "=", 0) == 0) return it->second;
  }
  return "";
}
std::string CookieValue(const TestResponse& r, const std::string& name) {
  std::string h = SetCookieHeader(r, name);
  if (h.empty()) return "";
  return h.substr(name.size() + 1, h.find(';') - name.size() - 1);
}

class StaffServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    log_path_ = new std::string(::testing::TempDir() + "/gongkai_staff_access_" +
                                std::to_string(getpid()) + ".log");
    saved_stderr_ = dup(2);
    int fd = open(log_path_->c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0600);
    dup2(fd, 2);
    close(fd);
    WebOptions options;
    options.logins_per_minute = 1000;
    server_ = new TestServer("staff_server_test", options, /*access_log=*/true);
    auto store = OpenSqliteStore(server_->db(), {.durable = false});
    ASSERT_TRUE(store.ok());
    other_agency_ = *(*store)->AddAgency(
        {0, "另一个厅局", server_->region(), AgencyKind::kDepartment}, "t");
    auto accounts = OpenAccountStore(**store);
    ASSERT_TRUE(accounts.ok());
    const int64_t a = server_->agency();
    for (auto [login, role, agency] :
         std::vector<std::tuple<std::string, Role, int64_t>>{{"clerk-a", Role::kClerk, a},
                                                             {"admin-a", Role::kAdmin, a},
                                                             {"lock-me", Role::kClerk, a},
                                                             {"victim-a", Role::kClerk, a},
                                                             {"clerk-b", Role::kClerk, other_agency_},
                                                             {"admin-b", Role::kAdmin, other_agency_}}) {
      auto id = (*accounts)->AddUser({login, role, agency}, kPassword, "test");
      ASSERT_TRUE(id.ok()) << id.status().message();
    }
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
    dup2(saved_stderr_, 2);
    close(saved_stderr_);
    std::remove(log_path_->c_str());
    delete log_path_;
  }
  static uint16_t port() { return server_->port(); }

  // A fresh CSRF token (cookie = field).
  static std::string Csrf() { return CsrfCookie(Send(port(), "GET", "/staff/login")); }

  static TestResponse Post(const std::string& path, const std::string& body,
                           const std::string& csrf, const std::string& session = "",
                           std::map<std::string, std::string> headers = {}) {
    std::string cookie = "gk_csrf=" + csrf;
    if (!session.empty()) cookie += "; gk_session=" + session;
    headers["Content-Type"] = kForm;
    headers["Cookie"] = cookie;
    return Send(port(), "POST", path, body + "&csrf=" + csrf, headers);
  }

  static TestResponse PostLogin(const std::string& login, const std::string& password,
                                std::map<std::string, std::string> headers = {},
                                const std::string& planted = "") {
    return Post("/staff/login",
                "login=" + PercentEncode(login) + "&password=" + PercentEncode(password), Csrf(),
                planted, std::move(headers));
  }

  // Logs in; returns the session token ("" on failure).
  static std::string Login(const std::string& login) {
    return CookieValue(PostLogin(login, kPassword), "gk_session");
  }

  static TestResponse Get(const std::string& path, const std::string& session) {
    return Send(port(), "GET", path, "", {{"Cookie", "gk_session=" + session}});
  }

  static std::vector<AuditEntry> Audit(const std::string& entity) {
    auto store = OpenSqliteStore(server_->db(), {.mode = OpenMode::kReadOnly});
    EXPECT_TRUE(store.ok());
    std::vector<AuditEntry> out;
    auto all = (*store)->ListAudit("", 0);
    EXPECT_TRUE(all.ok());
    for (const AuditEntry& e : *all) {
      if (e.entity == entity || entity.empty()) out.push_back(e);
    }
    return out;
  }

  static int64_t UserId(const std::string& login) {
    auto store = OpenSqliteStore(server_->db(), {.durable = false});
    auto accounts = OpenAccountStore(**store);
    return (*accounts)->GetUserByLogin(login)->id;
  }
  static bool Disabled(const std::string& login) {
    auto store = OpenSqliteStore(server_->db(), {.durable = false});
    auto accounts = OpenAccountStore(**store);
    return (*accounts)->GetUserByLogin(login)->disabled;
  }

  static TestServer* server_;
  static int64_t other_agency_;
  static int saved_stderr_;
  static std::string* log_path_;
};
TestServer* StaffServerTest::server_ = nullptr;
int64_t StaffServerTest::other_agency_ = 0;
int StaffServerTest::saved_stderr_ = -1;
std::string* StaffServerTest::log_path_ = nullptr;

TEST_F(StaffServerTest, StaffPagesNeedALogin) {
  TestResponse home = Send(port(), "GET", "/staff");
  EXPECT_EQ(home.status, 303);
  EXPECT_EQ(home.Header("location"), "/staff/login?next=%2Fstaff");
  EXPECT_EQ(Send(port(), "GET", "/staff/users").status, 303);
  EXPECT_EQ(Get("/staff", std::string(64, 'f')).status, 303);
  TestResponse login = Send(port(), "GET", "/staff/login?next=/staff/users");
  ASSERT_EQ(login.status, 200);
  EXPECT_EQ(login.Header("cache-control"), "no-store");
  EXPECT_NE(login.body.find("name=\"next\" value=\"/staff/users\""), std::string::npos);
  EXPECT_NE(login.body.find("type=\"password\""), std::string::npos);
  // No open redirect through next.
  TestResponse evil = Send(port(), "GET", "/staff/login?next=//evil.example/staff");
  EXPECT_NE(evil.body.find("name=\"next\" value=\"/staff\""), std::string::npos);
}

TEST_F(StaffServerTest, LoginHomeLogout) {
  TestResponse r = PostLogin("clerk-a", kPassword);
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.Header("location"), "/staff");
  const std::string cookie = SetCookieHeader(r, "gk_session");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_NE(cookie.find("Path=/"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos);  // plain HTTP
  const std::string token = CookieValue(r, "gk_session");
  ASSERT_EQ(token.size(), 64u);

  TestResponse home = Get("/staff", token);
  ASSERT_EQ(home.status, 200);
  EXPECT_EQ(home.Header("cache-control"), "no-store");
  EXPECT_NE(home.body.find("&lt;script&gt;alert(1)&lt;/script&gt;民族事务委员会"), std::string::npos);
  EXPECT_EQ(home.body.find("<script>alert"), std::string::npos);
  EXPECT_NE(home.body.find("id=\"open-count\">0<"), std::string::npos);
  EXPECT_NE(home.body.find("clerk-a（经办人）"), std::string::npos);
  EXPECT_NE(home.body.find("action=\"/staff/logout\""), std::string::npos);
  EXPECT_EQ(home.body.find("/staff/users"), std::string::npos);  // not an admin

  TestResponse out = Post("/staff/logout", "", Csrf(), token);
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(out.Header("location"), "/staff/login");
  EXPECT_NE(SetCookieHeader(out, "gk_session").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(Get("/staff", token).status, 303);  // the row is gone, not just the cookie

  std::vector<std::string> actions;
  for (const AuditEntry& e : Audit("session")) {
    if (e.actor == "user:clerk-a") actions.push_back(e.action);
  }
  ASSERT_GE(actions.size(), 2u);
  EXPECT_EQ(actions[actions.size() - 2], "login");
  EXPECT_EQ(actions.back(), "logout");
}

TEST_F(StaffServerTest, LoginRedirectsToNextAndSecureBehindTls) {
  std::string csrf = Csrf();
  TestResponse r = Post("/staff/login",
                        "login=admin-a&password=" + std::string(kPassword) + "&next=/staff/users",
                        csrf, "", {{"X-Forwarded-Proto", "https"}});
  ASSERT_EQ(r.status, 303);
  EXPECT_EQ(r.Header("location"), "/staff/users");
  EXPECT_NE(SetCookieHeader(r, "gk_session").find("; Secure"), std::string::npos);
}

TEST_F(StaffServerTest, EveryPostNeedsTheCsrfToken) {
  const std::string admin = Login("admin-a");
  ASSERT_FALSE(admin.empty());
  const std::string clerk = Login("victim-a");
  ASSERT_FALSE(clerk.empty());
  const std::string forged = Csrf();  // valid token, but not the cookie's
  auto post_without = [&](const std::string& path, const std::string& body,
                          const std::string& session) {
    return Send(port(), "POST", path, body,
                {{"Content-Type", kForm}, {"Cookie", "gk_session=" + session}});
  };
  auto post_mismatched = [&](const std::string& path, const std::string& body,
                             const std::string& session) {
    return Send(port(), "POST", path, body + "&csrf=" + forged,
                {{"Content-Type", kForm},
                 {"Cookie", "gk_csrf=" + Csrf() + "; gk_session=" + session}});
  };
  using PostFn =
      std::function<TestResponse(const std::string&, const std::string&, const std::string&)>;
  for (const PostFn& post : std::vector<PostFn>{post_without, post_mismatched}) {
    TestResponse login =
        post("/staff/login", "login=clerk-a&password=" + std::string(kPassword), "");
    EXPECT_EQ(login.status, 403);
    EXPECT_TRUE(SetCookieHeader(login, "gk_session").empty());
    EXPECT_EQ(post("/staff/logout", "", admin).status, 403);
    EXPECT_EQ(Get("/staff", admin).status, 200);  // still logged in
    EXPECT_EQ(post("/staff/users", "login=sneaky&role=admin&password=Sneaky-pass-1", admin).status,
              403);
    EXPECT_EQ(post("/staff/users/" + std::to_string(UserId("victim-a")) + "/disable", "", admin)
                  .status,
              403);
  }
  EXPECT_EQ(Get("/staff", clerk).status, 200);
  EXPECT_FALSE(Disabled("victim-a"));
  EXPECT_EQ(Get("/staff/users", admin).body.find("sneaky"), std::string::npos);
}

TEST_F(StaffServerTest, APlantedSessionCookieIsNeverAdopted) {
  const std::string planted(64, 'a');
  TestResponse r = PostLogin("clerk-a", kPassword, {}, planted);
  ASSERT_EQ(r.status, 303);
  const std::string issued = CookieValue(r, "gk_session");
  EXPECT_EQ(issued.size(), 64u);
  EXPECT_NE(issued, planted);
  EXPECT_EQ(Get("/staff", planted).status, 303);
  EXPECT_EQ(Get("/staff", issued).status, 200);
  // A second login of the same browser gets yet another token.
  TestResponse again = PostLogin("clerk-a", kPassword, {}, issued);
  EXPECT_NE(CookieValue(again, "gk_session"), issued);
}

TEST_F(StaffServerTest, SameErrorForUnknownLoginAndWrongPasswordThenLockout) {
  TestResponse unknown = PostLogin("nobody-here", kPassword);
  TestResponse wrong = PostLogin("lock-me", "Wrong-password-1");
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.status, 401);
  auto message = [](const TestResponse& r) {
    size_t at = r.body.find("role=\"alert\">");
    return at == std::string::npos ? "" : r.body.substr(at, r.body.find('<', at) - at);
  };
  EXPECT_FALSE(message(wrong).empty());
  EXPECT_EQ(message(unknown), message(wrong));
  EXPECT_NE(wrong.body.find("value=\"lock-me\""), std::string::npos);  // login kept, …
  EXPECT_EQ(wrong.body.find("Wrong-password-1"), std::string::npos);  // … password not
  for (int i = 0; i < 4; ++i) EXPECT_EQ(PostLogin("lock-me", "Wrong-password-1").status, 401);
  TestResponse locked = PostLogin("lock-me", kPassword);
  EXPECT_EQ(locked.status, 429);
  EXPECT_NE(locked.body.find("锁定"), std::string::npos);
  EXPECT_TRUE(SetCookieHeader(locked, "gk_session").empty());
  int lockouts = 0, failures = 0;
  for (const AuditEntry& e : Audit("user")) {
    if (e.after_json.find("\"lock-me\"") == std::string::npos || e.action == "insert") continue;
    lockouts += e.action == "lockout";
    failures += e.action == "login_failed";
    EXPECT_EQ(e.actor, "client:127.0.0.1");
  }
  EXPECT_EQ(lockouts, 1);
  EXPECT_EQ(failures, 5);
}

TEST_F(StaffServerTest, SqlAndScriptInLoginFields) {
  for (const std::string& login :
       {std::string("' OR '1'='1' --"), std::string("admin-a'--"),
        std::string("<script>alert(1)</script>"), std::string("\"><img src=x onerror=alert(1)>"),
        std::string("clerk-a\r\nSet-Cookie: gk_session=x")}) {
    TestResponse r = PostLogin(login, "' OR '1'='1");
    EXPECT_EQ(r.status, 401) << login;
    EXPECT_TRUE(SetCookieHeader(r, "gk_session").empty()) << login;
    EXPECT_EQ(r.body.find("<script>alert"), std::string::npos) << login;
    EXPECT_EQ(r.body.find("<img src=x"), std::string::npos) << login;
  }
  TestResponse script = PostLogin("<script>alert(1)</script>", "x");
  EXPECT_NE(script.body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_FALSE(Login("clerk-a").empty());  // the table is intact
}

TEST_F(StaffServerTest, AdminSeesAndDisablesOnlyItsOwnAgencysUsers) {
  const std::string admin = Login("admin-a");
  ASSERT_FALSE(admin.empty());
  TestResponse list = Get("/staff/users", admin);
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("clerk-a"), std::string::npos);
  EXPECT_EQ(list.body.find("clerk-b"), std::string::npos);
  EXPECT_EQ(list.body.find("admin-b"), std::string::npos);
  const int64_t b = UserId("clerk-b");
  EXPECT_EQ(Get("/staff/users/" + std::to_string(b), admin).status, 404);
  EXPECT_EQ(Get("/staff/users/999999", admin).status, 404);
  EXPECT_EQ(Get("/staff/users/abc", admin).status, 404);
  EXPECT_EQ(Post("/staff/users/" + std::to_string(b) + "/disable", "", Csrf(), admin).status, 404);
  EXPECT_FALSE(Disabled("clerk-b"));
  // Its own user: shown and disabled; the user's sessions end.
  const std::string victim = Login("victim-a");
  ASSERT_EQ(Get("/staff", victim).status, 200);
  const int64_t v = UserId("victim-a");
  EXPECT_EQ(Get("/staff/users/" + std::to_string(v), admin).status, 200);
  TestResponse done = Post("/staff/users/" + std::to_string(v) + "/disable", "", Csrf(), admin);
  EXPECT_EQ(done.status, 303);
  EXPECT_TRUE(Disabled("victim-a"));
  EXPECT_EQ(Get("/staff", victim).status, 303);
  // Not an admin: 403.
  const std::string clerk = Login("clerk-b");
  EXPECT_EQ(Get("/staff/users", clerk).status, 403);
  EXPECT_EQ(Post("/staff/users/" + std::to_string(v) + "/disable", "", Csrf(), clerk).status, 403);
}

TEST_F(StaffServerTest, AdminAddsUsersToItsAgency) {
  const std::string admin = Login("admin-b");
  ASSERT_FALSE(admin.empty());
  TestResponse weak = Post("/staff/users", "login=new-b&role=clerk&password=short", Csrf(), admin);
  EXPECT_EQ(weak.status, 422);
  EXPECT_NE(weak.body.find("密码太短"), std::string::npos);
  TestResponse script = Post(
      "/staff/users", "login=%3Cscript%3E&role=clerk&password=" + std::string(kPassword), Csrf(),
      admin);
  EXPECT_EQ(script.status, 422);
  EXPECT_EQ(script.body.find("<script>"), std::string::npos);
  TestResponse ok = Post("/staff/users",
                         "login=new-b&role=approver&password=" + std::string(kPassword), Csrf(),
                         admin);
  EXPECT_EQ(ok.status, 201);
  EXPECT_NE(ok.body.find("new-b"), std::string::npos);
  EXPECT_EQ(ok.body.find(kPassword), std::string::npos);
  TestResponse dup = Post("/staff/users",
                          "login=NEW-B&role=clerk&password=" + std::string(kPassword), Csrf(),
                          admin);
  EXPECT_EQ(dup.status, 409);
  TestResponse sup = Post("/staff/users",
                          "login=sup-b&role=supervisor&password=" + std::string(kPassword), Csrf(),
                          admin);
  EXPECT_EQ(sup.status, 422);
  const std::string added = Login("new-b");
  ASSERT_FALSE(added.empty());
  EXPECT_NE(Get("/staff", added).body.find("另一个厅局"), std::string::npos);
}

TEST_F(StaffServerTest, ThePasswordIsNeverLogged) {
  ASSERT_FALSE(Login("clerk-a").empty());
  PostLogin("clerk-a", "Typo-Grassland-2026");
  std::fflush(stderr);
  std::ifstream in(*log_path_);
  const std::string log((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(log.find("\"path\":\"/staff/login\""), std::string::npos) << log.substr(0, 500);
  EXPECT_EQ(log.find(kPassword), std::string::npos);
  EXPECT_EQ(log.find("Grassland"), std::string::npos);
  EXPECT_EQ(log.find("password"), std::string::npos);
  for (const AuditEntry& e : Audit("")) {
    EXPECT_EQ(e.after_json.find("Grassland"), std::string::npos) << e.action;
    EXPECT_EQ(e.before_json.find("Grassland"), std::string::npos) << e.action;
  }
}

// The per-client limit on login attempts, apart from the per-login lockout.
TEST(StaffRateLimitTest, TooManyAttemptsFromOneClient) {
  WebOptions options;
  options.logins_per_minute = 3;
  TestServer server("staff_rate_limit_test", options);
  int limited = 0;
  for (int i = 0; i < 5; ++i) {
    TestResponse page = Send(server.port(), "GET", "/staff/login");
    std::string csrf = CsrfCookie(page);
    TestResponse r = Send(server.port(), "POST", "/staff/login",
                          "login=user-" + std::to_string(i) + "&password=x&csrf=" + csrf,
                          {{"Content-Type", kForm}, {"Cookie", "gk_csrf=" + csrf}});
    limited += r.status == 429;
  }
  EXPECT_EQ(limited, 2);
}

}  // namespace
}  // namespace gongkai::web::testing
