// Test helper for the staff console: a user of an agency, logged in (a real session of
// AccountStore::Login), with a CSRF token, sending GETs and form POSTs to a test server.
#pragma once

#include <map>
#include <string>

#include "gongkai/accounts.h"
#include "http.h"
#include "web_test_util.h"

namespace gongkai::web::testing {

class StaffLogin {
 public:
  // Adds user `login` with role `role` ("clerk", …) of `agency` to the ledger at `db` and logs in.
  StaffLogin(uint16_t port, const std::string& db, const std::string& login,
             const std::string& role, int64_t agency)
      : port_(port) {
    auto store = OpenSqliteStore(db, {.durable = false});
    EXPECT_TRUE(store.ok()) << store.status().message();
    auto accounts = OpenAccountStore(**store);
    EXPECT_TRUE(accounts.ok());
    const std::string password = "Steppe-Wind-2026";
    auto id = (*accounts)->AddUser({login, *RoleFromId(role), agency}, password, "test");
    EXPECT_TRUE(id.ok()) << id.status().message();
    auto session = (*accounts)->Login(login, password, "127.0.0.1");
    EXPECT_TRUE(session.ok()) << session.status().message();
    session_ = session->token;
    csrf_ = CsrfCookie(Send(port_, "GET", "/staff/login"));
  }

  TestResponse Get(const std::string& path) const {
    return Send(port_, "GET", path, "", {{"Cookie", Cookies()}});
  }
  // Posts `fields` form-encoded with the CSRF token.
  TestResponse Post(const std::string& path, std::map<std::string, std::string> fields) const {
    fields["csrf"] = csrf_;
    return PostWithoutCsrf(path, fields);
  }
  TestResponse PostWithoutCsrf(const std::string& path,
                               const std::map<std::string, std::string>& fields) const {
    std::string body;
    for (const auto& [k, v] : fields) {
      body += (body.empty() ? "" : "&") + PercentEncode(k) + "=" + PercentEncode(v);
    }
    return Send(port_, "POST", path, body,
                {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", Cookies()}});
  }

 private:
  std::string Cookies() const { return "gk_session=" + session_ + "; gk_csrf=" + csrf_; }

  uint16_t port_;
  std::string session_, csrf_;
};

}  // namespace gongkai::web::testing
