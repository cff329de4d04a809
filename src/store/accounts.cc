// The account model of accounts.h: role ids, the actor's scope and the password policy.
#include "gongkai/accounts.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "gongkai/decode.h"

namespace gongkai {
namespace {

constexpr std::array<std::string_view, 4> kRoleIds = {"clerk", "approver", "admin", "supervisor"};
constexpr std::array<std::string_view, 4> kRoleLabels = {"经办人", "审批人", "管理员", "监督人员"};

// Passwords that appear at the top of every leaked-password list; refused whatever their length.
constexpr std::array<std::string_view, 12> kCommonPasswords = {
    "password123",  "password1234", "1234567890", "12345678910",  "qwertyuiop", "1q2w3e4r5t",
    "qwerty123456", "abc1234567",   "a123456789", "1qaz2wsx3edc", "aa12345678", "admin123456"};

// Code points of valid-enough UTF-8 (continuation bytes are not counted).
size_t CodePoints(std::string_view s) {
  return static_cast<size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

std::string_view RoleId(Role r) { return kRoleIds[static_cast<size_t>(r)]; }
std::string_view RoleLabel(Role r) { return kRoleLabels[static_cast<size_t>(r)]; }

StatusOr<Role> RoleFromId(std::string_view id) {
  for (size_t i = 0; i < kRoleIds.size(); ++i) {
    if (kRoleIds[i] == id) return static_cast<Role>(i);
  }
  return InvalidArgumentError(
      "角色无效，应为 clerk、approver、admin 或 supervisor (invalid role: " + std::string(id) +
      ")");
}

bool Actor::Sees(int64_t agency) const {
  return std::binary_search(agencies.begin(), agencies.end(), agency);
}

std::string Actor::AuditName() const { return "user:" + login; }

Status CheckPasswordStrength(const std::string& login, const std::string& password) {
  if (password.empty()) return InvalidArgumentError("密码不能为空 (password is empty)");
  if (CodePoints(password) < 10) {
    return InvalidArgumentError("密码太短，至少 10 个字符 (password shorter than 10 characters)");
  }
  if (password.size() > 256) {
    return InvalidArgumentError("密码太长，最多 256 字节 (password longer than 256 bytes)");
  }
  const std::string lower = AsciiLower(password);
  if (!login.empty() && lower.find(AsciiLower(login)) != std::string::npos) {
    return InvalidArgumentError("密码不能包含登录名 (password contains the login)");
  }
  bool letter = false, digit = false, other = false;
  for (char c : password) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalpha(u)) {
      letter = true;
    } else if (std::isdigit(u)) {
      digit = true;
    } else {
      other = true;
    }
  }
  if (int(letter) + int(digit) + int(other) < 2) {
    return InvalidArgumentError(
        "密码太简单，须包含字母、数字、符号中的至少两类 (password needs two kinds of "
        "character: letters, digits, others)");
  }
  if (std::find(kCommonPasswords.begin(), kCommonPasswords.end(), lower) !=
      kCommonPasswords.end()) {
    return InvalidArgumentError("密码过于常见 (a well-known password)");
  }
  return Status::Ok();
}

}  // namespace gongkai
