// The AccountStore (accounts.h) on the connection and audit log of the CaseStore it is opened
// on, SQLite or PostgreSQL: one template over the backend (store_backend.h).
#include <sodium.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <mutex>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "gongkai/accounts.h"
#include "gongkai/decode.h"
#include "gongkai/sha256.h"
#include "store_backend.h"

namespace gongkai {
namespace {

using store_internal::AllRows;
using store_internal::ReturnedId;
using Json = nlohmann::ordered_json;

constexpr size_t kTokenBytes = 32;            // 256 random bits per session token
constexpr int64_t kTouchEverySeconds = 60;    // last_seen is rewritten at most this often
constexpr size_t kMaxLoginAttemptBytes = 64;  // longer login names are cut (failure table)
constexpr const char* kBadLogin = "登录名或密码错误 (wrong login or password)";

// Audit JSON never fails on bytes that are not UTF-8 (a login field may hold anything).
std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

Json UserJson(const User& u) {
  return Json{{"id", u.id},
              {"login", u.login},
              {"role", RoleId(u.role)},
              {"agency_id", u.agency_id},
              {"disabled", u.disabled}};
}

Status CheckLoginName(const std::string& login) {
  bool ok = login.size() >= 2 && login.size() <= 32;
  for (char c : login) {
    ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-');
  }
  if (!ok) {
    return InvalidArgumentError(
        "登录名须为 2–32 个字母、数字或 . _ - (login must be 2-32 letters, digits, '.', '_' or "
        "'-')");
  }
  return Status::Ok();
}

// The login name an attempt is looked up, counted and audited by: at most kMaxLoginAttemptBytes,
// every byte that is not part of valid UTF-8 (a character cut at the limit included) and every
// NUL as '?', so that both backends store any attempt (PostgreSQL's text holds neither) and no
// attempt names a user it does not spell ('?' is not in login names).
std::string LoginAttempt(const std::string& login) {
  std::string attempt = login.substr(0, kMaxLoginAttemptBytes);
  for (size_t bad; (bad = FindInvalidUtf8(attempt)) != std::string::npos;) attempt[bad] = '?';
  std::replace(attempt.begin(), attempt.end(), '\0', '?');
  return attempt;
}

bool IsTokenSyntax(const std::string& token) {
  if (token.size() != 2 * kTokenBytes) return false;
  for (char c : token) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

std::string NewToken() {
  unsigned char bytes[kTokenBytes];
  randombytes_buf(bytes, sizeof bytes);
  char hex[2 * kTokenBytes + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return hex;
}

StatusOr<std::string> HashPassword(const std::string& password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return ResourceExhaustedError("计算密码哈希时内存不足 (out of memory hashing the password)");
  }
  return std::string(out);
}

bool VerifyPassword(const std::string& hash, const std::string& password) {
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

// True iff `hash` was not made by HashPassword's algorithm and limits.
bool NeedsRehash(const std::string& hash) {
  return crypto_pwhash_str_needs_rehash(hash.c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
}

// A hash of a random password, verified against for unknown logins so that they take as long
// as known ones. Computed once per process.
const std::string& DummyHash() {
  static std::once_flag once;
  static std::string hash;
  std::call_once(once, [] {
    StatusOr<std::string> h = HashPassword(NewToken());
    hash = h.ok() ? *h : std::string();
  });
  return hash;
}

template <class Backend>
class AccountStoreOn final : public AccountStore {
  using Context = typename Backend::Context;
  using Statement = typename Backend::Stmt;

 public:
  AccountStoreOn(Context* ctx, AccountOptions options) : ctx_(ctx), options_(std::move(options)) {}

  // ---- Users ----

  StatusOr<int64_t> AddUser(const NewUser& user, const std::string& password,
                            const std::string& actor) override {
    GONGKAI_RETURN_IF_ERROR(CheckLoginName(user.login));
    GONGKAI_RETURN_IF_ERROR(CheckPasswordStrength(user.login, password));
    GONGKAI_RETURN_IF_ERROR(Backend::AgencyExists(ctx_, user.agency_id));
    GONGKAI_ASSIGN_OR_RETURN(std::string hash, HashPassword(password));
    int64_t id = 0;
    Status s = ctx_->RunInTransaction([&]() -> Status {
      Statement& q = Stmt(insert_user_,
                          "INSERT INTO staff_user(login, password_hash, role, agency_id) "
                          "VALUES (?1, ?2, ?3, ?4) RETURNING id");
      q.Bind(1, user.login).Bind(2, hash).Bind(3, RoleId(user.role)).Bind(4, user.agency_id);
      StatusOr<int64_t> inserted = ReturnedId(q);
      if (!inserted.ok()) {
        if (inserted.status().code() == StatusCode::kFailedPrecondition) {
          return FailedPreconditionError("登录名 " + user.login +
                                         " 已被使用 (login already taken)");
        }
        return inserted.status();
      }
      id = *inserted;
      User stored{id, user.login, user.role, user.agency_id, false, ""};
      return ctx_->AppendAudit(actor, "insert", "user", id, "", Dump(UserJson(stored)));
    });
    if (!s.ok()) return s;
    return id;
  }

  StatusOr<std::vector<User>> ListUsers(int64_t agency_id) override {
    Statement& q = Stmt(list_users_,
                        "SELECT id, login, role, agency_id, disabled, created_at FROM staff_user "
                        "WHERE ?1 = 0 OR agency_id = ?1 ORDER BY login");
    q.Bind(1, agency_id);
    return AllRows<User>(q, ReadUser);
  }

  StatusOr<User> GetUserByLogin(const std::string& login) override {
    Statement& q = Stmt(get_user_login_,
                        "SELECT id, login, role, agency_id, disabled, created_at FROM staff_user "
                        "WHERE login = ?1");
    q.Bind(1, login);
    return OneUser(q, "没有登录名为 " + login + " 的用户 (no such user)");
  }

  Status DisableUser(const std::string& login, const std::string& actor) override {
    return ctx_->RunInTransaction([&]() -> Status {
      GONGKAI_ASSIGN_OR_RETURN(User before, GetUserByLogin(login));
      if (before.disabled) return Status::Ok();
      Statement& q = Stmt(disable_, "UPDATE staff_user SET disabled = 1 WHERE id = ?1");
      GONGKAI_RETURN_IF_ERROR(q.Bind(1, before.id).Run());
      GONGKAI_RETURN_IF_ERROR(EndSessionsOf(before.id));
      User after = before;
      after.disabled = true;
      return ctx_->AppendAudit(actor, "update", "user", before.id, Dump(UserJson(before)),
                               Dump(UserJson(after)));
    });
  }

  Status SetPassword(const std::string& login, const std::string& password,
                     const std::string& actor) override {
    GONGKAI_ASSIGN_OR_RETURN(User user, GetUserByLogin(login));
    GONGKAI_RETURN_IF_ERROR(CheckPasswordStrength(user.login, password));
    GONGKAI_ASSIGN_OR_RETURN(std::string hash, HashPassword(password));
    return ctx_->RunInTransaction([&]() -> Status {
      Statement& q = Stmt(set_hash_, "UPDATE staff_user SET password_hash = ?2 WHERE id = ?1");
      GONGKAI_RETURN_IF_ERROR(q.Bind(1, user.id).Bind(2, hash).Run());
      GONGKAI_RETURN_IF_ERROR(EndSessionsOf(user.id));
      return ctx_->AppendAudit(actor, "password", "user", user.id, "",
                               Dump(Json{{"login", user.login}, {"password", "changed"}}));
    });
  }

  // ---- Scoped to an admin's agency ----

  StatusOr<std::vector<User>> ListUsers(const Actor& admin) override {
    GONGKAI_RETURN_IF_ERROR(RequireAdmin(admin));
    return ListUsers(admin.agency_id);
  }

  StatusOr<User> GetUser(const Actor& admin, int64_t user_id) override {
    GONGKAI_RETURN_IF_ERROR(RequireAdmin(admin));
    Statement& q = Stmt(get_user_scoped_,
                        "SELECT id, login, role, agency_id, disabled, created_at FROM staff_user "
                        "WHERE id = ?1 AND agency_id = ?2");
    q.Bind(1, user_id).Bind(2, admin.agency_id);
    return OneUser(q, "没有这个用户 (no such user)");
  }

  StatusOr<int64_t> AddUser(const Actor& admin, const NewUser& user,
                            const std::string& password) override {
    GONGKAI_RETURN_IF_ERROR(RequireAdmin(admin));
    if (user.role == Role::kSupervisor) {
      return InvalidArgumentError(
          "监督人员账号只能在命令行添加 (supervisors are added on the command line)");
    }
    NewUser scoped = user;
    scoped.agency_id = admin.agency_id;
    return AddUser(scoped, password, admin.AuditName());
  }

  Status DisableUser(const Actor& admin, int64_t user_id) override {
    GONGKAI_ASSIGN_OR_RETURN(User user, GetUser(admin, user_id));
    if (user.id == admin.user_id) {
      return FailedPreconditionError("不能停用自己的账号 (cannot disable yourself)");
    }
    return DisableUser(user.login, admin.AuditName());
  }

  // ---- Logins and sessions ----

  StatusOr<LoginSession> Login(const std::string& login, const std::string& password,
                               const std::string& client) override {
    const std::string attempt = LoginAttempt(login);
    const int64_t now = Now();
    GONGKAI_ASSIGN_OR_RETURN(Failures failures, RecentFailures(attempt, client, now));
    StatusOr<User> user = GetUserByLogin(attempt);
    if (!user.ok() && user.status().code() != StatusCode::kNotFound) return user.status();
    const int64_t user_id = user.ok() ? user->id : 0;
    if (Locks(failures)) {
      GONGKAI_RETURN_IF_ERROR(ctx_->RunInTransaction([&] {
        return ctx_->AppendAudit("client:" + client, "login_refused", "user", user_id, "",
                                 Dump(Json{{"login", attempt}, {"reason", "locked"}}));
      }));
      return ResourceExhaustedError(
          "登录失败次数过多，账号已暂时锁定，请 15 分钟后再试 (too many failed logins; locked "
          "for a while)");
    }
    // Always one argon2id verification, whether or not the login exists.
    StatusOr<std::string> hash = user.ok() ? StoredHash(user->id) : DummyHash();
    if (!hash.ok()) return hash.status();
    const bool verified = VerifyPassword(*hash, password) && user.ok() && !user->disabled;
    if (!verified) {
      GONGKAI_RETURN_IF_ERROR(RecordFailure(attempt, user_id, client, now));
      return InvalidArgumentError(kBadLogin);
    }
    LoginSession out;
    out.token = NewToken();
    GONGKAI_ASSIGN_OR_RETURN(out.actor, ActorOf(*user));
    // A hash made with other limits (an older build's) is replaced while the password is at hand.
    std::string rehashed;
    if (NeedsRehash(*hash)) {
      GONGKAI_ASSIGN_OR_RETURN(rehashed, HashPassword(password));
    }
    Status opened = ctx_->RunInTransaction([&]() -> Status {
      GONGKAI_RETURN_IF_ERROR(PurgeExpired(now));
      if (!rehashed.empty()) {
        Statement& up = Stmt(set_hash_, "UPDATE staff_user SET password_hash = ?2 WHERE id = ?1");
        GONGKAI_RETURN_IF_ERROR(up.Bind(1, user->id).Bind(2, rehashed).Run());
      }
      Statement& clear =
          Stmt(clear_failures_, "DELETE FROM login_failure WHERE login = ?1 AND client = ?2");
      GONGKAI_RETURN_IF_ERROR(clear.Bind(1, user->login).Bind(2, client).Run());
      Statement& q = Stmt(insert_session_,
                          "INSERT INTO staff_session(token_sha256, user_id, created, last_seen) "
                          "VALUES (?1, ?2, ?3, ?3) RETURNING id");
      q.Bind(1, Sha256Hex(out.token)).Bind(2, user->id).Bind(3, now);
      GONGKAI_ASSIGN_OR_RETURN(int64_t session_id, ReturnedId(q));
      return ctx_->AppendAudit(
          out.actor.AuditName(), "login", "session", session_id, "",
          Dump(Json{{"user_id", user->id}, {"login", user->login}, {"client", client}}));
    });
    if (!opened.ok()) return opened;
    return out;
  }

  StatusOr<Actor> Authenticate(const std::string& token) override {
    if (!IsTokenSyntax(token)) return NotFoundError("没有这个会话 (no such session)");
    Statement& q = Stmt(find_session_,
                        "SELECT s.id, s.created, s.last_seen, u.id, u.login, u.role, u.agency_id, "
                        "u.disabled, u.created_at FROM staff_session s "
                        "JOIN staff_user u ON u.id = s.user_id WHERE s.token_sha256 = ?1");
    q.Bind(1, Sha256Hex(token));
    GONGKAI_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) {
      q.Reset();
      return NotFoundError("没有这个会话 (no such session)");
    }
    const int64_t session_id = q.Int(0), created = q.Int(1), last_seen = q.Int(2);
    User user;
    user.id = q.Int(3);
    user.login = q.Text(4);
    StatusOr<Role> role = RoleFromId(q.Text(5));
    user.agency_id = q.Int(6);
    user.disabled = q.Int(7) != 0;
    q.Reset();
    const int64_t now = Now();
    if (!role.ok() || user.disabled || now - last_seen >= options_.idle_seconds ||
        now - created >= options_.absolute_seconds) {
      Statement& del = Stmt(delete_session_, "DELETE FROM staff_session WHERE id = ?1");
      GONGKAI_RETURN_IF_ERROR(del.Bind(1, session_id).Run());
      return NotFoundError("会话已过期，请重新登录 (session expired)");
    }
    user.role = *role;
    if (now - last_seen >= kTouchEverySeconds) {
      Statement& touch = Stmt(touch_, "UPDATE staff_session SET last_seen = ?2 WHERE id = ?1");
      GONGKAI_RETURN_IF_ERROR(touch.Bind(1, session_id).Bind(2, now).Run());
    }
    return ActorOf(user);
  }

  Status Logout(const std::string& token, const std::string& client) override {
    if (!IsTokenSyntax(token)) return Status::Ok();
    return ctx_->RunInTransaction([&]() -> Status {
      Statement& q = Stmt(find_session_user_,
                          "SELECT s.id, u.login FROM staff_session s "
                          "JOIN staff_user u ON u.id = s.user_id WHERE s.token_sha256 = ?1");
      q.Bind(1, Sha256Hex(token));
      GONGKAI_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) {
        q.Reset();
        return Status::Ok();
      }
      const int64_t session_id = q.Int(0);
      const std::string login = q.Text(1);
      q.Reset();
      Statement& del = Stmt(delete_session_, "DELETE FROM staff_session WHERE id = ?1");
      GONGKAI_RETURN_IF_ERROR(del.Bind(1, session_id).Run());
      return ctx_->AppendAudit("user:" + login, "logout", "session", session_id, "",
                               Dump(Json{{"login", login}, {"client", client}}));
    });
  }

  // One read of every agency's parent (through the agency_parent index) and a walk in memory.
  // Every request of a supervisor's session asks this; a recursive query costs an index search
  // and a temporary-table insert per agency (7 ms for a region of 4,589 agencies), this read
  // about a tenth of that.
  StatusOr<std::vector<int64_t>> AgencyAndDescendants(int64_t agency_id) override {
    Statement& q = Stmt(descendants_, "SELECT id, coalesce(parent_id, 0) FROM agency");
    std::unordered_map<int64_t, std::vector<int64_t>> children;
    bool exists = false;
    for (;;) {
      GONGKAI_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) break;
      const int64_t id = q.Int(0);
      exists = exists || id == agency_id;
      children[q.Int(1)].push_back(id);
    }
    q.Reset();
    std::vector<int64_t> out;
    if (!exists) return out;
    std::unordered_set<int64_t> seen = {agency_id};
    out.push_back(agency_id);
    for (size_t i = 0; i < out.size(); ++i) {  // breadth first; `seen` stops a cycle
      auto it = children.find(out[i]);
      if (it == children.end()) continue;
      for (int64_t child : it->second) {
        if (seen.insert(child).second) out.push_back(child);
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  Statement& Stmt(Statement& s, const char* sql) {
    (void)Backend::Prepare(ctx_, s, sql);
    return s;
  }

  int64_t Now() const {
    return options_.now ? options_.now() : static_cast<int64_t>(std::time(nullptr));
  }

  static Status RequireAdmin(const Actor& actor) {
    if (actor.role != Role::kAdmin) {
      return FailedPreconditionError("只有管理员可以管理用户 (only admins manage users)");
    }
    return Status::Ok();
  }

  static User ReadUser(const Statement& q) {
    User u;
    u.id = q.Int(0);
    u.login = q.Text(1);
    StatusOr<Role> role = RoleFromId(q.Text(2));  // the schema admits only valid ids
    u.role = role.ok() ? *role : Role::kClerk;
    u.agency_id = q.Int(3);
    u.disabled = q.Int(4) != 0;
    u.created_at = q.Text(5);
    return u;
  }

  static StatusOr<User> OneUser(Statement& q, const std::string& not_found) {
    GONGKAI_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) {
      q.Reset();
      return NotFoundError(not_found);
    }
    User u = ReadUser(q);
    q.Reset();
    return u;
  }

  StatusOr<std::string> StoredHash(int64_t user_id) {
    Statement& q = Stmt(get_hash_, "SELECT password_hash FROM staff_user WHERE id = ?1");
    q.Bind(1, user_id);
    GONGKAI_ASSIGN_OR_RETURN(bool row, q.Step());
    std::string hash = row ? q.Text(0) : DummyHash();
    q.Reset();
    return hash;
  }

  StatusOr<Actor> ActorOf(const User& user) {
    Actor a;
    a.user_id = user.id;
    a.login = user.login;
    a.role = user.role;
    a.agency_id = user.agency_id;
    if (user.role == Role::kSupervisor) {
      GONGKAI_ASSIGN_OR_RETURN(a.agencies, AgencyAndDescendants(user.agency_id));
    } else {
      a.agencies = {user.agency_id};
    }
    return a;
  }

  // The failures of a login within the window: from one client, and from all.
  struct Failures {
    int64_t from_client = 0;
    int64_t from_all = 0;
  };

  bool Locks(const Failures& f) const {
    return f.from_client >= options_.max_failures || f.from_all >= options_.max_failures_per_login;
  }

  StatusOr<Failures> RecentFailures(const std::string& login, const std::string& client,
                                    int64_t now) {
    Statement& q = Stmt(count_failures_,
                        "SELECT coalesce(sum(CASE WHEN client = ?3 THEN 1 ELSE 0 END), 0), "
                        "count(*) FROM login_failure WHERE login = ?1 AND at > ?2");
    q.Bind(1, login).Bind(2, now - options_.failure_window_seconds).Bind(3, client);
    GONGKAI_ASSIGN_OR_RETURN(bool row, q.Step());
    Failures f;
    if (row) f = {q.Int(0), q.Int(1)};
    q.Reset();
    return f;
  }

  // Records a failed login (audited); the failure that reaches a limit also audits the lockout
  // (for the client, or for every client). The counts are taken inside the write transaction, so
  // concurrent failures lock exactly once.
  Status RecordFailure(const std::string& login, int64_t user_id, const std::string& client,
                       int64_t now) {
    return ctx_->RunInTransaction([&]() -> Status {
      Statement& q = Stmt(insert_failure_,
                          "INSERT INTO login_failure(login, client, at) VALUES (?1, ?2, ?3)");
      GONGKAI_RETURN_IF_ERROR(q.Bind(1, login).Bind(2, client).Bind(3, now).Run());
      GONGKAI_ASSIGN_OR_RETURN(Failures failures, RecentFailures(login, client, now));
      const std::string who = "client:" + client;
      GONGKAI_RETURN_IF_ERROR(ctx_->AppendAudit(
          who, "login_failed", "user", user_id, "",
          Dump(Json{{"login", login}, {"client", client}, {"failures", failures.from_client},
                    {"failures_all_clients", failures.from_all}})));
      const int64_t until = now + options_.failure_window_seconds;
      if (failures.from_all == options_.max_failures_per_login) {
        GONGKAI_RETURN_IF_ERROR(ctx_->AppendAudit(
            who, "lockout", "user", user_id, "",
            Dump(Json{{"login", login}, {"clients", "all"}, {"until", until}})));
      }
      if (failures.from_client != options_.max_failures) return Status::Ok();
      return ctx_->AppendAudit(
          who, "lockout", "user", user_id, "",
          Dump(Json{{"login", login}, {"client", client}, {"until", until}}));
    });
  }

  Status EndSessionsOf(int64_t user_id) {
    Statement& q = Stmt(end_sessions_, "DELETE FROM staff_session WHERE user_id = ?1");
    return q.Bind(1, user_id).Run();
  }

  // Drops expired sessions and failures older than the lockout window.
  Status PurgeExpired(int64_t now) {
    Statement& s =
        Stmt(purge_sessions_, "DELETE FROM staff_session WHERE last_seen <= ?1 OR created <= ?2");
    GONGKAI_RETURN_IF_ERROR(
        s.Bind(1, now - options_.idle_seconds).Bind(2, now - options_.absolute_seconds).Run());
    Statement& f = Stmt(purge_failures_, "DELETE FROM login_failure WHERE at <= ?1");
    return f.Bind(1, now - options_.failure_window_seconds).Run();
  }

  Context* ctx_;
  AccountOptions options_;
  Statement insert_user_, list_users_, get_user_login_, get_user_scoped_, disable_, set_hash_;
  Statement get_hash_, insert_session_, find_session_, find_session_user_, delete_session_;
  Statement touch_, descendants_, count_failures_, insert_failure_, clear_failures_;
  Statement end_sessions_, purge_sessions_, purge_failures_;
};

}  // namespace

StatusOr<std::unique_ptr<AccountStore>> OpenAccountStore(CaseStore& store, AccountOptions options) {
  if (sodium_init() < 0) return IoError("libsodium 初始化失败 (sodium_init failed)");
  if (auto* ctx = store_internal::SqliteContextOf(store)) {
    return std::unique_ptr<AccountStore>(
        new AccountStoreOn<store_internal::SqliteBackend>(ctx, std::move(options)));
  }
  if (auto* ctx = store_internal::PgContextOf(store)) {
    return std::unique_ptr<AccountStore>(
        new AccountStoreOn<store_internal::PgBackend>(ctx, std::move(options)));
  }
  return UnimplementedError("账号需要 SQLite 或 PostgreSQL 台账 (accounts need a ledger store)");
}

}  // namespace gongkai
