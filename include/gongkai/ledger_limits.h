// Limits and checks on what enters the ledger. The store applies them on every write path and
// the workflow before it builds an event, so every caller (CLI, web server, fuzzer) gets the same
// clear refusals and nothing malformed reaches the audit log.
#pragma once

#include <cstdint>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

#include "gongkai/status.h"

namespace gongkai {
namespace ledger_limits {
// 按量 fees: at most 10,000 pages in one fee notice (394,700 yuan under 109号's bands). A request
// larger than that is split or handled by a different procedure, never billed by accident.
inline constexpr int64_t kMaxFeePages = 10'000;
// No fee notice over 1,000,000 yuan, whatever the method.
inline constexpr int64_t kMaxFeeYuan = 1'000'000;
// Default maximum size of one attachment (LedgerOptions::max_attachment_bytes): 50 MB.
inline constexpr int64_t kDefaultMaxAttachmentBytes = 50'000'000;
// Maximum length of one text field (name, content, letter, …): 1 MiB.
inline constexpr size_t kMaxTextFieldBytes = size_t{1} << 20;
}  // namespace ledger_limits

// A named text argument: `name` is the field as the user knows it (e.g. "机关名称 (agency name)").
struct TextField {
  std::string_view name;
  std::string_view value;
};

// Returns kInvalidArgument naming the first field that is not valid UTF-8, holds a control
// character (gongkai::CheckTextField) or is longer than kMaxTextFieldBytes; OK otherwise.
Status CheckTextFields(std::initializer_list<TextField> fields);

// A file name as given, made storable: valid UTF-8 is kept; every byte that is not part of valid
// UTF-8, every control character and the backslash are written as \xNN (so the escaping is
// reversible and "\xff" typed by a user is distinguishable from the byte 0xFF).
std::string EscapeFileName(std::string_view name);

}  // namespace gongkai
