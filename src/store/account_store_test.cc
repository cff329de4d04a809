// The AccountStore on each backend (store_test_backend.h): hashes, lockout window, session expiry (an injected clock), session
// fixation, supervisor scope, admin scope and the audit rows.
#include <gtest/gtest.h>
#include <sodium.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include "gongkai/accounts.h"
#include "gongkai/store.h"
#include "gongkai/stores.h"
#include "store_test_backend.h"

namespace gongkai {
namespace {

constexpr const char* kPassword = "Grassland-2026";

class AccountsTest : public store_testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (!Opened()) return;
    region_ = *store_->AddAgency({0, "自治区人民政府", 0, AgencyKind::kRegion}, "t");
    city_ = *store_->AddAgency({0, "某市人民政府", region_, AgencyKind::kCity}, "t");
    county_ = *store_->AddAgency({0, "某旗人民政府", city_, AgencyKind::kCounty}, "t");
    other_ = *store_->AddAgency({0, "另一市人民政府", region_, AgencyKind::kCity}, "t");
    AccountOptions options;
    options.now = [this] { return now_; };
    auto a = OpenAccountStore(*store_, options);
    ASSERT_TRUE(a.ok()) << a.status().message();
    accounts_ = std::move(a).value();
  }
  void TearDown() override {
    accounts_.reset();
    StoreTest::TearDown();
  }
  std::string db() const { return (db_->dir() / "ledger.db").string(); }

  int64_t Add(const std::string& login, Role role, int64_t agency) {
    auto id = accounts_->AddUser({login, role, agency}, kPassword, "cli");
    EXPECT_TRUE(id.ok()) << id.status().message();
    return id.ok() ? *id : 0;
  }

  std::vector<AuditEntry> Audit(const std::string& entity) {
    std::vector<AuditEntry> out;
    auto all = store_->ListAudit("", 0);
    EXPECT_TRUE(all.ok());
    for (const AuditEntry& e : *all) {
      if (e.entity == entity || entity.empty()) out.push_back(e);
    }
    return out;
  }

  std::unique_ptr<AccountStore> accounts_;
  int64_t region_ = 0, city_ = 0, county_ = 0, other_ = 0;
  int64_t now_ = 1'800'000'000;
};

TEST_P(AccountsTest, StoresOnlyAnArgon2idHashAndVerifiesIt) {
  Add("clerk-a", Role::kClerk, city_);
  auto s = accounts_->Login("clerk-a", kPassword, "10.0.0.1");
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->actor.login, "clerk-a");
  EXPECT_EQ(s->actor.role, Role::kClerk);
  EXPECT_EQ(s->actor.agencies, std::vector<int64_t>{city_});
  EXPECT_EQ(s->actor.AuditName(), "user:clerk-a");
  EXPECT_EQ(s->token.size(), 64u);
  accounts_.reset();
  store_.reset();
  // Neither the password nor the token is anywhere in the database file or its WAL (SQLite),
  // in any row of the accounts' tables or the audit log (PostgreSQL).
  std::string bytes;
  if (GetParam() == Backend::kSqlite) {
    for (const char* suffix : {"", "-wal"}) {
      std::ifstream in(db() + suffix, std::ios::binary);
      bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
  } else {
    bytes = db_->QueryText(
                   "SELECT concat_ws(' ', (SELECT string_agg(t::text, ' ') FROM staff_user t), "
                   "(SELECT string_agg(t::text, ' ') FROM staff_session t), "
                   "(SELECT string_agg(t::text, ' ') FROM audit_log t))")
                .value_or("");
  }
  EXPECT_EQ(bytes.find(kPassword), std::string::npos);
  EXPECT_EQ(bytes.find(s->token), std::string::npos);
  EXPECT_NE(bytes.find("$argon2id$"), std::string::npos);
}

TEST_P(AccountsTest, AHashWithOtherLimitsIsReplacedAtLogin) {
  Add("clerk-a", Role::kClerk, city_);
  char weak[crypto_pwhash_STRBYTES];
  ASSERT_EQ(crypto_pwhash_str(weak, kPassword, std::strlen(kPassword), crypto_pwhash_OPSLIMIT_MIN,
                              crypto_pwhash_MEMLIMIT_MIN),
            0);
  auto stored = [&] {
    return db_->QueryText("SELECT password_hash FROM staff_user WHERE login = 'clerk-a'")
        .value_or("");
  };
  ASSERT_TRUE(db_->RawExec(std::string("UPDATE staff_user SET password_hash = '") + weak +
                           "' WHERE login = 'clerk-a'"));
  ASSERT_EQ(stored(), weak);
  ASSERT_TRUE(accounts_->Login("clerk-a", kPassword, "c").ok());
  const std::string now_stored = stored();
  EXPECT_NE(now_stored, weak);
  EXPECT_EQ(crypto_pwhash_str_needs_rehash(now_stored.c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                           crypto_pwhash_MEMLIMIT_INTERACTIVE),
            0);
  EXPECT_TRUE(accounts_->Login("clerk-a", kPassword, "c").ok());
}

TEST_P(AccountsTest, WrongPasswordAndUnknownLoginGetTheSameError) {
  Add("clerk-a", Role::kClerk, city_);
  auto wrong = accounts_->Login("clerk-a", "Not-the-password-1", "c");
  auto unknown = accounts_->Login("nobody", kPassword, "c");
  ASSERT_FALSE(wrong.ok());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(wrong.status().code(), unknown.status().code());
  EXPECT_EQ(wrong.status().message(), unknown.status().message());
  ASSERT_TRUE(accounts_->DisableUser("clerk-a", "cli").ok());
  auto disabled = accounts_->Login("clerk-a", kPassword, "c");
  ASSERT_FALSE(disabled.ok());
  EXPECT_EQ(disabled.status().message(), unknown.status().message());
}

// Whatever bytes a login field holds (a long Chinese name cut inside a character, bytes that are
// not UTF-8, a NUL), the attempt is one failure, counted and audited the same on both backends,
// and never logs in as another user.
TEST_P(AccountsTest, AnyLoginFieldIsAnAuditedFailure) {
  Add("clerk-a", Role::kClerk, city_);
  std::string long_name;
  while (long_name.size() < 70) long_name += "某";  // 3 bytes each: 64 falls inside one
  for (const std::string& login :
       {long_name, std::string("clerk-a\xff"), std::string("clerk-a\0x", 9)}) {
    auto r = accounts_->Login(login, kPassword, "c");
    ASSERT_FALSE(r.ok()) << login;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << r.status().message();
    EXPECT_EQ(r.status().message(), accounts_->Login("nobody", kPassword, "c").status().message());
  }
  size_t failed = 0;
  for (const AuditEntry& e : Audit("user")) failed += e.action == "login_failed";
  EXPECT_EQ(failed, 6u);
  EXPECT_TRUE(store_->VerifyAuditLog()->intact);
}

TEST_P(AccountsTest, LockoutAfterFiveFailuresWithinTheWindow) {
  Add("clerk-a", Role::kClerk, city_);
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(
        accounts_->Login("clerk-a", "wrong-password-" + std::to_string(i), "c").status().code(),
        StatusCode::kInvalidArgument);
    now_ += 60;
  }
  // Failures older than the window do not count: the 4 above are 4 minutes old at most.
  EXPECT_TRUE(accounts_->Login("clerk-a", kPassword, "c").ok());  // a success clears them
  for (int i = 0; i < 5; ++i) {
    EXPECT_FALSE(accounts_->Login("Clerk-A", "wrong-password", "c").ok());  // case-insensitive
  }
  auto locked = accounts_->Login("clerk-a", kPassword, "c");
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.status().code(), StatusCode::kResourceExhausted);
  now_ += 14 * 60;
  EXPECT_FALSE(accounts_->Login("clerk-a", kPassword, "c").ok());
  now_ += 61;  // the window (15 min) has passed the first failure
  EXPECT_TRUE(accounts_->Login("clerk-a", kPassword, "c").ok());

  // Unknown logins lock the same way (a lockout tells nothing about existence).
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(accounts_->Login("ghost", "x", "c").ok());
  EXPECT_EQ(accounts_->Login("ghost", "x", "c").status().code(), StatusCode::kResourceExhausted);

  std::vector<std::string> actions;
  for (const AuditEntry& e : Audit("user")) actions.push_back(e.action);
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "lockout"), 2);
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "login_failed"), 14);
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "login_refused"), 3);
  for (const AuditEntry& e : Audit("")) {
    EXPECT_EQ(e.after_json.find(kPassword), std::string::npos);
    EXPECT_EQ(e.after_json.find("wrong-password"), std::string::npos);
  }
  auto verified = store_->VerifyAuditLog();
  ASSERT_TRUE(verified.ok());
  EXPECT_TRUE(verified->intact) << verified->problem;
}

TEST_P(AccountsTest, SessionIdleAndAbsoluteExpiry) {
  Add("clerk-a", Role::kClerk, city_);
  auto s = accounts_->Login("clerk-a", kPassword, "c");
  ASSERT_TRUE(s.ok());
  // Idle: used every 29 minutes it lives on, …
  for (int i = 0; i < 3; ++i) {
    now_ += 29 * 60;
    ASSERT_TRUE(accounts_->Authenticate(s->token).ok()) << i;
  }
  // … unused for 30 minutes it ends, and stays ended.
  now_ += 30 * 60;
  EXPECT_EQ(accounts_->Authenticate(s->token).status().code(), StatusCode::kNotFound);
  now_ -= 30 * 60;
  EXPECT_FALSE(accounts_->Authenticate(s->token).ok());

  // Absolute: 8 hours after login even a session in constant use ends.
  auto t = accounts_->Login("clerk-a", kPassword, "c");
  ASSERT_TRUE(t.ok());
  const int64_t start = now_;
  while (now_ - start < 8 * 3600 - 20 * 60) {
    now_ += 20 * 60;
    ASSERT_TRUE(accounts_->Authenticate(t->token).ok()) << (now_ - start);
  }
  now_ = start + 8 * 3600;
  EXPECT_FALSE(accounts_->Authenticate(t->token).ok());
}

TEST_P(AccountsTest, EveryLoginHasAFreshTokenAndForeignTokensAreRefused) {
  Add("clerk-a", Role::kClerk, city_);
  auto a = accounts_->Login("clerk-a", kPassword, "c");
  auto b = accounts_->Login("clerk-a", kPassword, "c");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(a->token, b->token);
  // A token the server never issued (as an attacker would plant before login) is not a session.
  const std::string planted(64, 'a');
  EXPECT_FALSE(accounts_->Authenticate(planted).ok());
  EXPECT_FALSE(accounts_->Authenticate("' OR 1=1 --").ok());
  EXPECT_FALSE(accounts_->Authenticate("").ok());
  // Logout ends that session only, and is audited.
  ASSERT_TRUE(accounts_->Logout(a->token, "c").ok());
  EXPECT_FALSE(accounts_->Authenticate(a->token).ok());
  EXPECT_TRUE(accounts_->Authenticate(b->token).ok());
  EXPECT_TRUE(accounts_->Logout(a->token, "c").ok());  // already ended: nothing to do
  std::vector<std::string> actions;
  for (const AuditEntry& e : Audit("session")) actions.push_back(e.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"login", "login", "logout"}));
}

TEST_P(AccountsTest, DisableAndNewPasswordEndSessions) {
  Add("clerk-a", Role::kClerk, city_);
  auto s = accounts_->Login("clerk-a", kPassword, "c");
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(accounts_->SetPassword("clerk-a", "Another-pass-77", "cli").ok());
  EXPECT_FALSE(accounts_->Authenticate(s->token).ok());
  EXPECT_FALSE(accounts_->Login("clerk-a", kPassword, "c").ok());
  auto t = accounts_->Login("clerk-a", "Another-pass-77", "c");
  ASSERT_TRUE(t.ok());
  ASSERT_TRUE(accounts_->DisableUser("clerk-a", "cli").ok());
  EXPECT_FALSE(accounts_->Authenticate(t->token).ok());
  EXPECT_TRUE(accounts_->GetUserByLogin("clerk-a")->disabled);
}

TEST_P(AccountsTest, RefusesWeakPasswordsBadLoginsAndDuplicates) {
  for (const char* weak : {"", "short1", "aaaaaaaaaaaa", "1234567890", "clerk-b-2026!"}) {
    auto id = accounts_->AddUser({"clerk-b", Role::kClerk, city_}, weak, "cli");
    ASSERT_FALSE(id.ok()) << weak;
    EXPECT_EQ(id.status().code(), StatusCode::kInvalidArgument) << weak;
    EXPECT_NE(id.status().message().find("密码"), std::string::npos) << weak;
  }
  for (const std::string& bad :
       std::vector<std::string>{"a", "x' OR '1'='1", "<script>", "名字", std::string(33, 'a')}) {
    EXPECT_EQ(accounts_->AddUser({bad, Role::kClerk, city_}, kPassword, "cli").status().code(),
              StatusCode::kInvalidArgument)
        << bad;
  }
  EXPECT_EQ(accounts_->AddUser({"clerk-b", Role::kClerk, 999}, kPassword, "cli").status().code(),
            StatusCode::kNotFound);
  Add("clerk-b", Role::kClerk, city_);
  EXPECT_EQ(accounts_->AddUser({"CLERK-B", Role::kClerk, city_}, kPassword, "cli").status().code(),
            StatusCode::kFailedPrecondition);
}

TEST_P(AccountsTest, SupervisorSeesItsAgencyAndEveryDescendant) {
  Add("supervisor-1", Role::kSupervisor, region_);
  Add("super-city", Role::kSupervisor, city_);
  auto s = accounts_->Login("supervisor-1", kPassword, "c");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->actor.agencies, (std::vector<int64_t>{region_, city_, county_, other_}));
  auto c = accounts_->Login("super-city", kPassword, "c");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->actor.agencies, (std::vector<int64_t>{city_, county_}));
  EXPECT_TRUE(c->actor.Sees(county_));
  EXPECT_FALSE(c->actor.Sees(other_));
  EXPECT_FALSE(c->actor.Sees(region_));
  auto again = accounts_->Authenticate(c->token);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->agencies, c->actor.agencies);
}

TEST_P(AccountsTest, AdminManagesOnlyItsOwnAgency) {
  Add("admin-a", Role::kAdmin, city_);
  int64_t own = Add("clerk-a", Role::kClerk, city_);
  int64_t foreign = Add("clerk-b", Role::kClerk, other_);
  Actor admin = accounts_->Login("admin-a", kPassword, "c")->actor;
  auto users = accounts_->ListUsers(admin);
  ASSERT_TRUE(users.ok());
  ASSERT_EQ(users->size(), 2u);
  for (const User& u : *users) EXPECT_EQ(u.agency_id, city_);
  EXPECT_TRUE(accounts_->GetUser(admin, own).ok());
  EXPECT_EQ(accounts_->GetUser(admin, foreign).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(accounts_->DisableUser(admin, foreign).code(), StatusCode::kNotFound);
  EXPECT_FALSE(accounts_->GetUserByLogin("clerk-b")->disabled);
  EXPECT_EQ(accounts_->DisableUser(admin, admin.user_id).code(), StatusCode::kFailedPrecondition);
  // A user added by the admin belongs to the admin's agency whatever the request says.
  auto added = accounts_->AddUser(admin, {"approver-a", Role::kApprover, other_}, kPassword);
  ASSERT_TRUE(added.ok()) << added.status().message();
  EXPECT_EQ(accounts_->GetUserByLogin("approver-a")->agency_id, city_);
  EXPECT_EQ(
      accounts_->AddUser(admin, {"sup-a", Role::kSupervisor, city_}, kPassword).status().code(),
      StatusCode::kInvalidArgument);
  ASSERT_TRUE(accounts_->DisableUser(admin, own).ok());
  EXPECT_TRUE(accounts_->GetUserByLogin("clerk-a")->disabled);
  // Only admins.
  Actor clerk = admin;
  clerk.role = Role::kClerk;
  EXPECT_EQ(accounts_->ListUsers(clerk).status().code(), StatusCode::kFailedPrecondition);
  // Audited with the admin's name.
  auto rows = store_->ListAudit("user", own);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[1].actor, "user:admin-a");
  EXPECT_EQ((*rows)[1].action, "update");
}

TEST_P(AccountsTest, ServerProcessesShareSessions) {
  Add("clerk-a", Role::kClerk, city_);
  auto s = accounts_->Login("clerk-a", kPassword, "c");
  ASSERT_TRUE(s.ok());
  auto other_store = OpenCaseStore(db_->url(), {.durable = false});
  ASSERT_TRUE(other_store.ok());
  AccountOptions options;
  options.now = [this] { return now_; };
  auto other = OpenAccountStore(**other_store, options);
  ASSERT_TRUE(other.ok());
  auto actor = (*other)->Authenticate(s->token);
  ASSERT_TRUE(actor.ok()) << actor.status().message();
  EXPECT_EQ(actor->login, "clerk-a");
  ASSERT_TRUE((*other)->Logout(s->token, "c").ok());
  EXPECT_FALSE(accounts_->Authenticate(s->token).ok());
}

// Failures from one client lock the login for that client only, so that someone who knows a
// login cannot keep its owner out; failures spread over many clients lock it for everyone.
TEST_P(AccountsTest, LockoutIsPerClientUntilManyClientsFail) {
  Add("clerk-a", Role::kClerk, city_);
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(accounts_->Login("clerk-a", "wrong", "10.0.0.66").ok());
  EXPECT_EQ(accounts_->Login("clerk-a", kPassword, "10.0.0.66").status().code(),
            StatusCode::kResourceExhausted);
  ASSERT_TRUE(accounts_->Login("clerk-a", kPassword, "10.0.0.1").ok());  // the owner, elsewhere
  // The owner's login cleared the owner's failures only: the other client stays locked.
  EXPECT_EQ(accounts_->Login("clerk-a", kPassword, "10.0.0.66").status().code(),
            StatusCode::kResourceExhausted);

  // 45 more failures from 45 addresses make 50 within the window: now every client is refused.
  for (int i = 0; i < 45; ++i) {
    EXPECT_EQ(accounts_->Login("clerk-a", "wrong", "10.1.0." + std::to_string(i)).status().code(),
              StatusCode::kInvalidArgument);
  }
  EXPECT_EQ(accounts_->Login("clerk-a", kPassword, "10.0.0.1").status().code(),
            StatusCode::kResourceExhausted);
  now_ += 15 * 60 + 1;
  EXPECT_TRUE(accounts_->Login("clerk-a", kPassword, "10.0.0.1").ok());

  int client_lockouts = 0, all_lockouts = 0;
  for (const AuditEntry& e : Audit("user")) {
    if (e.action != "lockout") continue;
    (e.after_json.find("\"all\"") != std::string::npos ? all_lockouts : client_lockouts)++;
  }
  EXPECT_EQ(client_lockouts, 1);
  EXPECT_EQ(all_lockouts, 1);
}

// Servers failing logins of one name at the same time lock it exactly once: each failure is
// counted inside its own write transaction.
TEST_P(AccountsTest, ConcurrentFailuresLockOnce) {
  Add("clerk-a", Role::kClerk, city_);
  constexpr int kServers = 4, kAttempts = 3;
  std::vector<std::thread> servers;
  std::atomic<int> errors{0};
  for (int i = 0; i < kServers; ++i) {
    servers.emplace_back([&] {
      auto store = OpenCaseStore(db_->url(), {.durable = false});
      if (!store.ok()) return (void)++errors;
      AccountOptions options;
      options.now = [this] { return now_; };
      auto accounts = OpenAccountStore(**store, options);
      if (!accounts.ok()) return (void)++errors;
      for (int k = 0; k < kAttempts; ++k) {
        StatusCode code = (*accounts)->Login("clerk-a", "wrong-password", "c").status().code();
        if (code != StatusCode::kInvalidArgument && code != StatusCode::kResourceExhausted) {
          ++errors;
        }
      }
    });
  }
  for (std::thread& t : servers) t.join();
  EXPECT_EQ(errors.load(), 0);
  int lockouts = 0, failed = 0, refused = 0;
  for (const AuditEntry& e : Audit("user")) {
    lockouts += e.action == "lockout";
    failed += e.action == "login_failed";
    refused += e.action == "login_refused";
  }
  EXPECT_EQ(lockouts, 1);
  EXPECT_GE(failed, 5);
  EXPECT_EQ(failed + refused, kServers * kAttempts);
  EXPECT_TRUE(store_->VerifyAuditLog()->intact);
}

GONGKAI_TEST_ON_EVERY_BACKEND(AccountsTest);

}  // namespace
}  // namespace gongkai
