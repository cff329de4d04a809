// Hostile input to every form and API route: oversized bodies, bad multipart, invalid UTF-8,
// script in every field, wrong or missing CSRF tokens. Every answer is a 4xx (or, for a body
// over the limit, a closed connection) with escaped output; never a 5xx, never a crash.
#include <nlohmann/json.hpp>

#include "web_test_util.h"

namespace gongkai::web::testing {
namespace {

const char kScript[] = "<script>alert('x')</script>\"'><img src=x onerror=alert(1)>";

WebOptions Generous() {
  WebOptions o;
  o.submissions_per_hour = 100000;
  o.lookups_per_minute = 100000;
  o.max_body_bytes = 1 << 20;
  o.max_attachment_bytes = 64 << 10;
  return o;
}

class HostileInputTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new TestServer("hostile_input_test", Generous()); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static uint16_t port() { return server_->port(); }
  static std::string ApplyPath() {
    return "/agencies/" + std::to_string(server_->agency()) + "/apply";
  }
  // A valid token and the cookie header carrying it.
  static std::string Token() { return CsrfCookie(Send(port(), "GET", "/")); }
  static TestServer* server_;
};
TestServer* HostileInputTest::server_ = nullptr;

void ExpectClientError(const TestResponse& r, const std::string& what) {
  EXPECT_GE(r.status, 400) << what;
  EXPECT_LT(r.status, 500) << what << ": " << r.body.substr(0, 300);
}

void ExpectNoRawScript(const TestResponse& r, const std::string& what) {
  EXPECT_EQ(r.body.find("<script>alert"), std::string::npos) << what;
  EXPECT_EQ(r.body.find("<img src=x"), std::string::npos) << what;
}

std::map<std::string, std::string> FormWith(const std::string& token) {
  return {
      {"csrf", token},         {"name", "张三"}, {"kind", "natural"}, {"id_type", "居民身份证"},
      {"id_number", "150102"}, {"phone", "138"}, {"content", "预算"}, {"form", "electronic_email"}};
}

TEST_F(HostileInputTest, WrongOrMissingCsrfIsRefusedOnEveryForm) {
  const std::string token = Token();
  const std::string other = Token();  // valid, but not this client's cookie
  const std::map<std::string, std::string> url = {
      {"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", "gk_csrf=" + token}};
  for (const std::string& field :
       {std::string(""), other, std::string("forged.token"), token + "x"}) {
    for (const char* path : {"/display", "/status"}) {
      TestResponse r = Send(port(), "POST", path, "csrf=" + field + "&code=x&mode=large", url);
      EXPECT_EQ(r.status, 403) << path << " " << field;
    }
    auto form = FormWith(field);
    TestResponse r = Send(port(), "POST", ApplyPath(), Multipart(form, {}),
                          {{"Content-Type", "multipart/form-data; boundary=XyZb0undary"},
                           {"Cookie", "gk_csrf=" + token}});
    EXPECT_EQ(r.status, 403) << field;
  }
  // No cookie at all.
  TestResponse r = Send(port(), "POST", "/status", "csrf=" + token + "&code=x",
                        {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(r.status, 403);
}

TEST_F(HostileInputTest, ApiPostsNeedJson) {
  for (const char* type : {"text/plain", "application/x-www-form-urlencoded",
                           "multipart/form-data; boundary=x", "application/jsonx"}) {
    TestResponse r = Send(port(), "POST", "/api/v1/applications", "{}", {{"Content-Type", type}});
    EXPECT_EQ(r.status, 415) << type;
  }
  for (const std::string& body :
       {std::string("{"), std::string("[]"), std::string("null"),
        std::string("{\"agency_id\":\"1\"}"),
        std::string("{\"agency_id\":1,\"attachments\":[{\"content_base64\":\"!!\"}]}"),
        std::string("\xff\xfe")}) {
    TestResponse r =
        Send(port(), "POST", "/api/v1/applications", body, {{"Content-Type", "application/json"}});
    ExpectClientError(r, body);
  }
}

TEST_F(HostileInputTest, OversizedBodiesAreRefusedOrCut) {
  const std::string big(2 << 20, 'a');
  const std::string token = Token();
  for (const std::string& path : {ApplyPath(), std::string("/status"), std::string("/display"),
                                  std::string("/api/v1/applications")}) {
    TestResponse r = Send(port(), "POST", path, big,
                          {{"Content-Type", "application/json"}, {"Cookie", "gk_csrf=" + token}});
    // RESTinio closes the connection when the declared body exceeds the limit.
    EXPECT_TRUE(r.status == 0 || (r.status >= 400 && r.status < 500)) << path << " " << r.status;
  }
  // An attachment over the per-file limit is a field error.
  auto form = FormWith(token);
  TestResponse r = Send(port(), "POST", ApplyPath(),
                        Multipart(form, {{"attachment", "big.txt", std::string(100 << 10, 'x')}}),
                        {{"Content-Type", "multipart/form-data; boundary=XyZb0undary"},
                         {"Cookie", "gk_csrf=" + token}});
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("附件过大"), std::string::npos);
  // A huge URL or header: RESTinio drops the connection (no response, and no 5xx).
  EXPECT_EQ(Send(port(), "GET", "/search?q=" + std::string(20000, 'a')).status, 0);
  EXPECT_EQ(Send(port(), "GET", "/", "", {{"X-Big", std::string(20000, 'b')}}).status, 0);
  // The server still answers.
  EXPECT_EQ(Send(port(), "GET", "/healthz").status, 200);
}

TEST_F(HostileInputTest, BadMultipartIs400) {
  const std::string token = Token();
  const std::map<std::string, std::string> cookie = {{"Cookie", "gk_csrf=" + token}};
  for (const auto& [type, body] : std::vector<std::pair<std::string, std::string>>{
           {"multipart/form-data", "x"},
           {"multipart/form-data; boundary=XyZb0undary", "garbage"},
           {"multipart/form-data; boundary=XyZb0undary",
            "--XyZb0undary\r\nNo-Disposition: x\r\n\r\nv\r\n--XyZb0undary--\r\n"},
           {"multipart/form-data; boundary=XyZb0undary",
            "--XyZb0undary\r\nContent-Disposition: form-data\r\n\r\nv\r\n--XyZb0undary--\r\n"},
           {"multipart/form-data; boundary=XyZb0undary",
            "--XyZb0undary\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated"},
           {"text/plain", "name=x"}}) {
    std::map<std::string, std::string> h = cookie;
    h["Content-Type"] = type;
    TestResponse r = Send(port(), "POST", ApplyPath(), body, h);
    EXPECT_EQ(r.status, 400) << type << " / " << body;
  }
}

TEST_F(HostileInputTest, InvalidUtf8AndControlsInFieldsAreFieldErrors) {
  const std::string token = Token();
  for (const char* field : {"name", "id_number", "phone", "email", "address", "content"}) {
    for (const std::string& bad :
         {std::string("\xff\xfe\xfd"), std::string("a\x01b"), std::string("\xc3\x28")}) {
      auto form = FormWith(token);
      form[field] = bad;
      TestResponse r = Send(port(), "POST", ApplyPath(), Multipart(form, {}),
                            {{"Content-Type", "multipart/form-data; boundary=XyZb0undary"},
                             {"Cookie", "gk_csrf=" + token}});
      EXPECT_EQ(r.status, 422) << field;
    }
  }
  auto form = FormWith(token);
  TestResponse r = Send(port(), "POST", ApplyPath(),
                        Multipart(form, {{"attachment", "\xff.exe", "MZ\x90\x00\x03binary\x01"}}),
                        {{"Content-Type", "multipart/form-data; boundary=XyZb0undary"},
                         {"Cookie", "gk_csrf=" + token}});
  EXPECT_EQ(r.status, 422);
  ExpectClientError(Send(port(), "GET", "/search?q=%FF%FE"), "search utf-8");
  ExpectClientError(Send(port(), "GET", "/search?q=%ZZ"), "bad escape");
  ExpectClientError(Send(port(), "GET", "/agencies/%FF"), "bad path");
  ExpectClientError(Send(port(), "GET", "/api/v1/applications/%FF%00"), "bad code");
}

TEST_F(HostileInputTest, ScriptInEveryFieldIsEscaped) {
  const std::string token = Token();
  // Echoed back on a form with errors (kind invalid so the form is re-shown).
  auto form = FormWith(token);
  for (auto& [k, v] : form) {
    if (k != "csrf") v = kScript;
  }
  TestResponse r = Send(port(), "POST", ApplyPath(), Multipart(form, {}),
                        {{"Content-Type", "multipart/form-data; boundary=XyZb0undary"},
                         {"Cookie", "gk_csrf=" + token}});
  EXPECT_EQ(r.status, 422);
  ExpectNoRawScript(r, "form echo");
  EXPECT_NE(r.body.find("&lt;script&gt;"), std::string::npos);
  // Registered, then shown on the receipt and status pages.
  form = FormWith(token);
  for (const char* k : {"name", "id_number", "phone", "email", "address", "content"}) {
    form[k] = kScript;
  }
  r = Send(port(), "POST", ApplyPath(),
           Multipart(form, {{"attachment", "<script>alert(1)</script>.txt", kScript}}),
           {{"Content-Type", "multipart/form-data; boundary=XyZb0undary"},
            {"Cookie", "gk_csrf=" + token}});
  ASSERT_EQ(r.status, 201) << r.body.substr(r.body.find("<main"));
  ExpectNoRawScript(r, "receipt");
  size_t at = r.body.find("id=\"query-code\">");
  std::string code = r.body.substr(at + 16, 24);
  TestResponse status =
      Send(port(), "POST", "/status", "csrf=" + token + "&code=" + code,
           {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", "gk_csrf=" + token}});
  EXPECT_EQ(status.status, 200);
  ExpectNoRawScript(status, "status");
  // Search, the display switch's return path and the API.
  ExpectNoRawScript(Send(port(), "GET", "/search?q=%3Cscript%3Ealert(1)%3C/script%3E"), "search");
  TestResponse page = Send(port(), "GET", "/search/%3Cscript%3Ealert(1)");
  ExpectClientError(page, "404 page");
  ExpectNoRawScript(page, "404 page");
}

// Its own suite: stopping its server stops every server of the process (web.h).
TEST(RateLimitTest, SubmissionsAndLookupsAreRateLimited) {
  WebOptions strict;
  strict.submissions_per_hour = 2;
  strict.lookups_per_minute = 3;
  TestServer limited("hostile_rate_limit", strict);
  const std::string token = CsrfCookie(Send(limited.port(), "GET", "/"));
  const std::string path = "/agencies/" + std::to_string(limited.agency()) + "/apply";
  std::vector<int> statuses;
  for (int i = 0; i < 3; ++i) {
    statuses.push_back(Send(limited.port(), "POST", path, Multipart(FormWith(token), {}),
                            {{"Content-Type", "multipart/form-data; boundary=XyZb0undary"},
                             {"Cookie", "gk_csrf=" + token}})
                           .status);
  }
  EXPECT_EQ(statuses, (std::vector<int>{201, 201, 429}));
  statuses.clear();
  for (int i = 0; i < 4; ++i) {
    statuses.push_back(Send(limited.port(), "GET", "/api/v1/applications/x").status);
  }
  EXPECT_EQ(statuses, (std::vector<int>{404, 404, 404, 429}));
}

// Behind nginx (--trusted-proxy) the limits count each visitor by the X-Real-IP the proxy sets;
// an address that is not an IP falls back to the peer.
TEST(RateLimitTest, BehindTheTrustedProxyEachVisitorHasItsOwnLimit) {
  WebOptions o;
  o.lookups_per_minute = 1;
  o.trusted_proxy = "127.0.0.1";
  TestServer proxied("hostile_trusted_proxy", o);
  auto lookup = [&](const char* ip) {
    return Send(proxied.port(), "GET", "/api/v1/applications/x", "", {{"X-Real-IP", ip}}).status;
  };
  EXPECT_EQ(lookup("203.0.113.1"), 404);
  EXPECT_EQ(lookup("2001:db8::2"), 404);  // another visitor
  EXPECT_EQ(lookup("203.0.113.1"), 429);
  EXPECT_EQ(lookup("203.0.113.1, 10.0.0.1"), 404);  // not an address: the peer, 127.0.0.1
  EXPECT_EQ(lookup("127.0.0.1"), 429);
}

// From any other peer the header is ignored: a client cannot choose its own bucket.
TEST(RateLimitTest, XRealIpOfAnUntrustedPeerIsIgnored) {
  WebOptions o;
  o.lookups_per_minute = 1;
  o.trusted_proxy = "192.0.2.9";
  TestServer direct("hostile_untrusted_proxy", o);
  auto lookup = [&](const char* ip) {
    return Send(direct.port(), "GET", "/api/v1/applications/x", "", {{"X-Real-IP", ip}}).status;
  };
  EXPECT_EQ(lookup("203.0.113.1"), 404);
  EXPECT_EQ(lookup("203.0.113.2"), 429);
}

}  // namespace
}  // namespace gongkai::web::testing
