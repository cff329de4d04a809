#include "gongkai/ledger_limits.h"

#include <cstdio>

#include "gongkai/decode.h"
#include "gongkai/text_safety.h"

namespace gongkai {

Status CheckTextFields(std::initializer_list<TextField> fields) {
  for (const TextField& f : fields) {
    if (f.value.size() > ledger_limits::kMaxTextFieldBytes) {
      return InvalidArgumentError(std::string(f.name) + " 过长（" + std::to_string(f.value.size()) +
                                  " 字节，上限 " +
                                  std::to_string(ledger_limits::kMaxTextFieldBytes) + "）(" +
                                  std::string(f.name) + " is too long)");
    }
    std::string error = CheckTextField(f.name, f.value);
    if (!error.empty()) return InvalidArgumentError(error);
  }
  return Status::Ok();
}

namespace {

void AppendEscaped(std::string* out, unsigned char c) {
  char buf[5];
  std::snprintf(buf, sizeof buf, "\\x%02X", c);
  out->append(buf);
}

}  // namespace

std::string EscapeFileName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  while (!name.empty()) {
    size_t bad = FindInvalidUtf8(name);
    std::string_view valid = name.substr(0, bad == std::string_view::npos ? name.size() : bad);
    for (unsigned char c : valid) {
      if (c < 0x20 || c == 0x7F || c == '\\') {
        AppendEscaped(&out, c);
      } else {
        out.push_back(static_cast<char>(c));
      }
    }
    if (bad == std::string_view::npos) break;
    AppendEscaped(&out, static_cast<unsigned char>(name[bad]));
    name.remove_prefix(bad + 1);
  }
  return out;
}

}  // namespace gongkai
