// Staff accounts (issue 12): users of a disclosure office, their roles, password logins, the
// sessions of the staff console and the lockout after repeated failures.
//
// Contracts:
//   - Passwords are stored only as argon2id hashes (libsodium crypto_pwhash_str, INTERACTIVE
//     limits); a password is never logged, audited or returned.
//   - A session is a 256-bit random token held by the browser; the database keeps only its
//     SHA-256, so a copy of the database lets nobody log in. Sessions live in the database, so
//     several server processes on one file share them. A session ends at logout (its row is
//     deleted), after `idle` without use, `absolute` after login, when its user is disabled or
//     its password changes.
//   - Login answers the same error for an unknown login, a disabled user and a wrong password,
//     and hashes a dummy password for an unknown login, so neither the message nor the time
//     tells whether a login exists. After `max_failures` failures of one login from one client
//     within `failure_window`, that client's attempts on that login are refused until the window
//     has passed; after `max_failures_per_login` failures of the login from all clients together,
//     everyone's are (a guess spread over many addresses). So someone who knows a login cannot
//     keep its owner out from another address without a many times larger effort. Failures of
//     unknown logins count the same way. A login clears its client's failures only.
//   - Every change to users, every login, failure, lockout and logout is appended to the
//     store's audit log (entity "user" or "session"), in the transaction of the change.
//   - Calls that take `const Actor&` are scoped: a record outside actor.agencies answers
//     NotFound, exactly as a record that does not exist.
//   - The AccountStore of OpenAccountStore shares the CaseStore's connection: it must not outlive
//     the store and, like it, is not thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "gongkai/status.h"
#include "gongkai/store.h"

namespace gongkai {

// What a staff user may do. A clerk handles its agency's requests; an approver also approves
// extensions; an admin also manages its agency's users and registries; a supervisor reads its
// agency and every agency below it.
enum class Role { kClerk, kApprover, kAdmin, kSupervisor };

std::string_view RoleId(Role r);     // "clerk", "approver", "admin", "supervisor"
std::string_view RoleLabel(Role r);  // "经办人", "审批人", "管理员", "监督人员"
StatusOr<Role> RoleFromId(std::string_view id);

// The logged-in user a staff page acts for.
struct Actor {
  int64_t user_id = 0;
  std::string login;
  Role role = Role::kClerk;
  int64_t agency_id = 0;
  // Agencies this actor may see: its own for clerk/approver/admin; its own and every descendant
  // for a supervisor. Sorted ascending.
  std::vector<int64_t> agencies;

  // True iff `agency` is in `agencies`.
  bool Sees(int64_t agency) const;
  // "user:<login>", the `actor` string passed to library calls (audit log, events).
  std::string AuditName() const;
};

struct User {
  int64_t id = 0;
  std::string login;
  Role role = Role::kClerk;
  int64_t agency_id = 0;
  bool disabled = false;
  std::string created_at;  // UTC, ISO 8601
};

struct NewUser {
  std::string login;  // 2–32 characters: ASCII letters, digits, '.', '_', '-'
  Role role = Role::kClerk;
  int64_t agency_id = 0;
};

// A successful login: the token for the browser's cookie (64 hex digits; shown once, never
// stored) and the actor.
struct LoginSession {
  std::string token;
  Actor actor;
};

struct AccountOptions {
  int64_t idle_seconds = 30 * 60;            // a session unused this long ends
  int64_t absolute_seconds = 8 * 60 * 60;    // a session this old ends, used or not
  int max_failures = 5;              // failed logins of one login name from one client …
  int max_failures_per_login = 50;   // … or from all clients together …
  int64_t failure_window_seconds = 15 * 60;  // … within this window lock it (for that client, or
                                             // for all)
  // The clock, in seconds since the Unix epoch (tests inject one); null: the system clock.
  std::function<int64_t()> now;
};

// Returns OK, or InvalidArgument with a Chinese message saying why `password` is too weak for
// `login`: fewer than 10 characters, more than 256 bytes, containing the login, fewer than two
// kinds of character (letters, digits, others), or a well-known password.
Status CheckPasswordStrength(const std::string& login, const std::string& password);

class AccountStore {
 public:
  virtual ~AccountStore() = default;

  // ---- Users (the command line: unscoped, `actor` names who acts in the audit log) ----

  // Adds a user with `password` (CheckPasswordStrength). Refuses a malformed or taken login and
  // an unknown agency. Returns the new id.
  virtual StatusOr<int64_t> AddUser(const NewUser& user, const std::string& password,
                                    const std::string& actor) = 0;
  // Users of one agency, or of all (agency_id == 0), by login.
  virtual StatusOr<std::vector<User>> ListUsers(int64_t agency_id) = 0;
  virtual StatusOr<User> GetUserByLogin(const std::string& login) = 0;
  // Disables the user and ends its sessions. Disabling a disabled user is OK (not audited again).
  virtual Status DisableUser(const std::string& login, const std::string& actor) = 0;
  // Sets a new password (CheckPasswordStrength) and ends the user's sessions.
  virtual Status SetPassword(const std::string& login, const std::string& password,
                             const std::string& actor) = 0;

  // ---- Users, scoped to an admin's agency (the staff console) ----
  // REQUIRES of each: admin.role == kAdmin, else FailedPrecondition. Users of other agencies
  // answer NotFound.

  // Users of admin.agency_id, by login.
  virtual StatusOr<std::vector<User>> ListUsers(const Actor& admin) = 0;
  virtual StatusOr<User> GetUser(const Actor& admin, int64_t user_id) = 0;
  // Adds a clerk, approver or admin of admin.agency_id (user.agency_id is ignored; supervisors
  // are added on the command line).
  virtual StatusOr<int64_t> AddUser(const Actor& admin, const NewUser& user,
                                    const std::string& password) = 0;
  // Disables a user of admin's agency other than admin itself.
  virtual Status DisableUser(const Actor& admin, int64_t user_id) = 0;

  // ---- Logins and sessions ----

  // Checks the password and opens a new session (a new token every time: a token the browser
  // held before is never adopted). `client` (the peer's address) goes to the audit log.
  // Errors: InvalidArgument "登录名或密码错误" for an unknown login, a disabled user or a wrong
  // password; ResourceExhausted while the login is locked.
  virtual StatusOr<LoginSession> Login(const std::string& login, const std::string& password,
                                       const std::string& client) = 0;
  // The actor of a live session (and marks it used), or NotFound for an unknown, expired or
  // malformed token or a disabled user. An expired session's row is deleted.
  virtual StatusOr<Actor> Authenticate(const std::string& token) = 0;
  // Ends the session (deletes its row; audited). An unknown token is OK (nothing to end).
  virtual Status Logout(const std::string& token, const std::string& client) = 0;

  // The agencies `agency_id` and every agency below it (parent ids), ascending.
  virtual StatusOr<std::vector<int64_t>> AgencyAndDescendants(int64_t agency_id) = 0;
};

// The account store on `store`'s connection and audit log (a store of OpenSqliteStore or
// OpenPostgresStore; Unimplemented for any other). `store` must outlive it.
StatusOr<std::unique_ptr<AccountStore>> OpenAccountStore(CaseStore& store,
                                                         AccountOptions options = {});

}  // namespace gongkai
