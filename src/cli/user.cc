// gongkai user: the staff console's accounts (accounts.h). Passwords are read from standard
// input (one line; with echo off on a terminal), never from the command line, where any user of
// the machine could read them in the process list.
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "gongkai/accounts.h"
#include "ledger_options.h"

namespace gongkai::cli {
namespace {

const char* const kUsage =
    "用法 (usage):\n"
    "  gongkai user add --login 登录名 --role clerk|approver|admin|supervisor --agency ID\n"
    "  gongkai user list [--agency ID]\n"
    "  gongkai user disable --login 登录名\n"
    "  gongkai user passwd --login 登录名\n"
    "  共同参数 (common): [--db PATH，默认 ./gongkai.db] [--actor 操作人，默认 cli]\n\n"
    "add 与 passwd 从标准输入读取密码（一行；终端上不回显），不接受命令行参数中的密码。\n"
    "密码至少 10 个字符，包含字母、数字、符号中的至少两类，不得包含登录名。\n"
    "add and passwd read the password from standard input (one line), never from an argument.\n"
    "角色 (roles): clerk 经办人, approver 审批人（可批准延期）, admin 管理员（管理本机关用户），\n"
    "              supervisor 监督人员（查看本机关及所有下级机关）。\n";

// One line of standard input without its line break; echo off while a terminal types it.
StatusOr<std::string> ReadPassword() {
  const bool tty = isatty(STDIN_FILENO);
  termios saved{};
  if (tty) {
    std::fputs("密码 (password): ", stderr);
    tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  const bool read = static_cast<bool>(std::getline(std::cin, line));
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::fputs("\n", stderr);
  }
  if (!read && line.empty()) {
    return InvalidArgumentError("标准输入没有密码 (no password on standard input)");
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

int Add(const CliOptions& o, AccountStore& accounts) {
  StatusOr<std::string> login = o.Required("login");
  if (!login.ok()) return UsageError("user", login.status().message());
  StatusOr<std::string> role_id = o.Required("role");
  if (!role_id.ok()) return UsageError("user", role_id.status().message());
  StatusOr<Role> role = RoleFromId(*role_id);
  if (!role.ok()) return UsageError("user", role.status().message());
  StatusOr<int64_t> agency = o.Int("agency");
  if (!agency.ok()) return UsageError("user", agency.status().message());
  StatusOr<std::string> password = ReadPassword();
  if (!password.ok()) return Fail("user", password.status());
  StatusOr<int64_t> id =
      accounts.AddUser({*login, *role, *agency}, *password, o.Get("actor", "cli"));
  if (!id.ok()) return Fail("user", id.status());
  std::cout << *id << "\n";
  return 0;
}

int List(const CliOptions& o, CaseStore& store, AccountStore& accounts) {
  int64_t agency = 0;
  if (o.Has("agency")) {
    StatusOr<int64_t> a = o.Int("agency");
    if (!a.ok()) return UsageError("user", a.status().message());
    agency = *a;
  }
  auto users = accounts.ListUsers(agency);
  if (!users.ok()) return Fail("user", users.status());
  std::cout << "编号\t登录名\t角色\t机关\t状态\n";
  for (const User& u : *users) {
    StatusOr<Agency> a = store.GetAgency(u.agency_id);
    std::cout << u.id << "\t" << u.login << "\t" << RoleId(u.role) << "\t" << u.agency_id << " "
              << (a.ok() ? a->name : "") << "\t" << (u.disabled ? "停用" : "正常") << "\n";
  }
  return 0;
}

}  // namespace

int RunUser(const Args& args) {
  std::string sub = args.empty() ? "" : args[0];
  CliOptions o;
  if (!o.Parse(args, sub.rfind("-", 0) == 0 ? 0 : 1, {})) return UsageError("user", o.error());
  if (o.help() || sub.empty() || sub == "--help") {
    std::fputs(kUsage, stdout);
    return sub.empty() && !o.help() ? 2 : 0;
  }
  const std::vector<std::string> allowed =
      sub == "add"    ? std::vector<std::string>{"login", "role", "agency", "actor"}
      : sub == "list" ? std::vector<std::string>{"agency"}
                      : std::vector<std::string>{"login", "actor"};
  if (sub != "add" && sub != "list" && sub != "disable" && sub != "passwd") {
    return UsageError("user", "未知子命令 " + sub + " (unknown subcommand)");
  }
  if (Status s = o.OnlyAllowed(allowed); !s.ok()) return UsageError("user", s.message());
  auto session = OpenLedger(o, sub == "list" ? OpenMode::kReadOnly : OpenMode::kExisting);
  if (!session.ok()) return Fail("user", session.status());
  auto accounts = OpenAccountStore(*(*session)->store);
  if (!accounts.ok()) return Fail("user", accounts.status());
  if (sub == "add") return Add(o, **accounts);
  if (sub == "list") return List(o, *(*session)->store, **accounts);
  StatusOr<std::string> login = o.Required("login");
  if (!login.ok()) return UsageError("user", login.status().message());
  const std::string actor = o.Get("actor", "cli");
  if (sub == "disable") {
    Status s = (*accounts)->DisableUser(*login, actor);
    if (!s.ok()) return Fail("user", s);
    std::cout << "已停用 (disabled) " << *login << "\n";
    return 0;
  }
  StatusOr<std::string> password = ReadPassword();
  if (!password.ok()) return Fail("user", password.status());
  Status s = (*accounts)->SetPassword(*login, *password, actor);
  if (!s.ok()) return Fail("user", s);
  std::cout << "已更改密码 (password changed) " << *login << "\n";
  return 0;
}

GONGKAI_COMMAND("user", "工作人员账号 (staff accounts: add, list, disable, passwd)", RunUser);

}  // namespace gongkai::cli
