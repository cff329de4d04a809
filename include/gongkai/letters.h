// Reply letters (告知书) of the request ledger, from templates an office can edit
// (data/letters/*.md, format in data/letters/README.md): the letter's Markdown, filled in from
// the request, its steps, its agency and applicant. Rendering: render_letter.h.
#pragma once

#include <string>
#include <string_view>

#include "gongkai/calendar.h"
#include "gongkai/status.h"
#include "gongkai/store.h"

namespace gongkai {

enum class LetterKind {
  kGranted,       // 予以公开
  kPartial,       // 部分公开
  kDenied,        // 不予公开 (with the legal basis; review comes first)
  kUnable,        // 无法提供
  kIgnored,       // 不予处理
  kOther,         // 其他处理 (终止办理)
  kCorrection,    // 补正告知
  kExtension,     // 延期告知
  kFee,           // 收费通知
  kConsultation,  // 征求意见函
};
inline constexpr int kLetterKindCount = 10;

std::string_view LetterKindId(LetterKind k);     // "granted", …, the template's file stem
std::string_view LetterKindLabel(LetterKind k);  // "予以公开", …
StatusOr<LetterKind> LetterKindFromId(std::string_view id);  // id or label

// The letter a request's state calls for: its outcome's once concluded, else the 补正, fee or
// consultation notice while waiting for one, else the extension notice if extended. Fails for
// an open request with nothing to tell yet.
StatusOr<LetterKind> DefaultLetterKind(const Request& r);

// The letters folder: data/letters beside the calendar data (WorkCalendar::DefaultDir).
StatusOr<std::string> DefaultLettersDir();

// The filled-in Markdown of letter `kind` for request `id`, dated `today` unless the request
// was concluded (then its reply date). Errors name the template and the placeholder that is
// unknown, or the step the letter needs but the request lacks (e.g. a 补正告知 without notice).
StatusOr<std::string> ComposeLetter(CaseStore& store, int64_t id, LetterKind kind,
                                    const std::string& letters_dir, Date today);

}  // namespace gongkai
