// Reply letters from templates (letters.h).
#include "gongkai/letters.h"

#include <array>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "gongkai/file.h"
#include "gongkai/ledger_labels.h"

namespace gongkai {
namespace {

constexpr std::array<std::string_view, kLetterKindCount> kIds = {
    "granted", "partial",    "denied",    "unable", "ignored",
    "other",   "correction", "extension", "fee",    "consultation"};
constexpr std::array<std::string_view, kLetterKindCount> kLabels = {
    "予以公开", "部分公开", "不予公开", "无法提供", "不予处理",
    "其他处理", "补正告知", "延期告知", "收费通知", "征求意见"};

constexpr size_t kMaxTemplateBytes = 1 << 20;

StatusOr<std::string> ReadTemplate(const std::string& dir, std::string_view stem) {
  std::string path = dir + "/" + std::string(stem) + ".md";
  StatusOr<std::string> text = ReadFileToString(path, kMaxTemplateBytes);
  if (!text.ok()) return text.status().WithContext("告知书模板 (letter template)");
  return text;
}

// The detail of the last event of `kind`, or an error naming what the letter needs.
StatusOr<nlohmann::json> LastDetail(const std::vector<Event>& events, std::string_view kind,
                                    LetterKind letter) {
  for (auto it = events.rbegin(); it != events.rend(); ++it) {
    if (it->kind != kind) continue;
    nlohmann::json d = nlohmann::json::parse(it->detail, nullptr, false);
    return d.is_object() ? d : nlohmann::json::object();
  }
  return FailedPreconditionError("该申请没有“" + std::string(EventKindLabel(kind)) +
                                 "”记录，不能出具" + std::string(LetterKindLabel(letter)) +
                                 " (the request lacks the step this letter is about)");
}

std::string Field(const nlohmann::json& d, const char* key) {
  auto it = d.find(key);
  if (it == d.end() || it->is_null()) return "";
  return it->is_string() ? it->get<std::string>() : it->dump();
}

// Replaces every {{name}} of `text` from `values`; an unknown name is an error naming `where`.
StatusOr<std::string> Fill(const std::string& text,
                           const std::map<std::string, std::string>& values,
                           const std::string& where) {
  std::string out;
  size_t pos = 0;
  for (;;) {
    size_t open = text.find("{{", pos);
    if (open == std::string::npos) break;
    size_t close = text.find("}}", open + 2);
    if (close == std::string::npos) {
      return InvalidArgumentError(where + "：“{{”没有对应的“}}” (unclosed placeholder)");
    }
    std::string name = text.substr(open + 2, close - open - 2);
    auto it = values.find(name);
    if (it == values.end()) {
      return InvalidArgumentError(where + "：未知的占位符 {{" + name + "}} (unknown placeholder)");
    }
    out += text.substr(pos, open - pos) + it->second;
    pos = close + 2;
  }
  return out + text.substr(pos);
}

}  // namespace

std::string_view LetterKindId(LetterKind k) { return kIds[static_cast<size_t>(k)]; }
std::string_view LetterKindLabel(LetterKind k) { return kLabels[static_cast<size_t>(k)]; }

StatusOr<LetterKind> LetterKindFromId(std::string_view id) {
  for (size_t i = 0; i < kIds.size(); ++i) {
    if (id == kIds[i] || id == kLabels[i]) return static_cast<LetterKind>(i);
  }
  std::string list;
  for (size_t i = 0; i < kIds.size(); ++i) {
    list += (i ? "、" : "") + std::string(kIds[i]) + "（" + std::string(kLabels[i]) + "）";
  }
  return InvalidArgumentError("未知告知书类型“" + std::string(id) + "”，应为 " + list +
                              " (unknown letter type)");
}

StatusOr<LetterKind> DefaultLetterKind(const Request& r) {
  if (r.state == RequestState::kConcluded) {
    const std::string& o = r.outcome;
    if (o == "granted") return LetterKind::kGranted;
    if (o == "partial") return LetterKind::kPartial;
    if (o.rfind("denied_", 0) == 0) return LetterKind::kDenied;
    if (o.rfind("unable_", 0) == 0) return LetterKind::kUnable;
    if (o.rfind("ignored_", 0) == 0) return LetterKind::kIgnored;
    return LetterKind::kOther;
  }
  if (r.state == RequestState::kAwaitingCorrection) return LetterKind::kCorrection;
  if (r.state == RequestState::kAwaitingFee) return LetterKind::kFee;
  if (r.state == RequestState::kConsulting) return LetterKind::kConsultation;
  if (r.extension_days > 0) return LetterKind::kExtension;
  return FailedPreconditionError("申请 " + std::to_string(r.id) +
                                 " 正在办理，尚无需要出具的告知书；可用 --type 指定 (nothing to "
                                 "send yet; give --type)");
}

// The article of 《条例》 a withholding ground rests on (Art. 14–16; domain.md B.1 §1.7).
std::string WithholdingArticle(const std::string& outcome) {
  for (const char* o : {"denied_state_secret", "denied_law_forbidden", "denied_three_safety"}) {
    if (outcome == o) return "第十四条";
  }
  if (outcome == "denied_third_party") return "第十五条";
  for (const char* o : {"denied_internal", "denied_process", "denied_enforcement_file"}) {
    if (outcome == o) return "第十六条";
  }
  return "有关规定";
}

StatusOr<std::string> DefaultLettersDir() {
  GONGKAI_ASSIGN_OR_RETURN(std::string calendar, WorkCalendar::DefaultDir());
  return (std::filesystem::path(calendar).parent_path() / "letters").string();
}

StatusOr<std::string> ComposeLetter(CaseStore& store, int64_t id, LetterKind kind,
                                    const std::string& dir, Date today) {
  GONGKAI_ASSIGN_OR_RETURN(Request r, store.GetRequest(id));
  GONGKAI_ASSIGN_OR_RETURN(Agency agency, store.GetAgency(r.agency_id));
  GONGKAI_ASSIGN_OR_RETURN(Applicant applicant, store.GetApplicant(r.applicant_id));
  GONGKAI_ASSIGN_OR_RETURN(std::vector<Event> events, store.ListEvents(id));
  const bool outcome_letter = kind <= LetterKind::kOther;
  if (outcome_letter && r.state != RequestState::kConcluded) {
    return FailedPreconditionError("申请 " + std::to_string(id) + " 尚未答复，不能出具" +
                                   std::string(LetterKindLabel(kind)) +
                                   "答复书 (the request has not been answered)");
  }
  std::map<std::string, std::string> v = {
      {"机关", agency.name},
      {"编号", std::to_string(r.id)},
      {"申请人", applicant.name},
      {"收到日期", r.received.ToString()},
      {"申请内容", r.content},
      {"获取方式", r.form},
      {"答复日期", (outcome_letter && r.concluded_on ? *r.concluded_on : today).ToString()},
      {"结果", r.outcome.empty() ? "" : OutcomeLabel(r.outcome)},
      {"依据", r.reply_basis},
      {"不予公开依据", WithholdingArticle(r.outcome)},
      {"答复内容", r.reply_text},
      {"延长天数", std::to_string(r.extension_days)},
      {"答复期限", r.due ? r.due->ToString() : ""},
      {"收费金额", std::to_string(r.fee_yuan)},
      {"计费方式", r.fee_method == FeeMethod::kPerPage ? "按量" : "按件"},
      {"缴费期限", r.fee_due ? r.fee_due->ToString() : ""},
  };
  if (kind == LetterKind::kCorrection) {
    GONGKAI_ASSIGN_OR_RETURN(nlohmann::json d, LastDetail(events, "correction_notice", kind));
    v["补正事项"] = Field(d, "items");
    v["补正期限"] = Field(d, "deadline");
  }
  if (kind == LetterKind::kExtension && r.extension_days == 0) {
    GONGKAI_RETURN_IF_ERROR(LastDetail(events, "extension", kind).status());
  }
  if (kind == LetterKind::kFee && r.fee_method == FeeMethod::kNone) {
    GONGKAI_RETURN_IF_ERROR(LastDetail(events, "fee_notice", kind).status());
  }
  if (kind == LetterKind::kConsultation) {
    GONGKAI_ASSIGN_OR_RETURN(nlohmann::json d, LastDetail(events, "consultation_start", kind));
    v["征求对象"] = Field(d, "party") == "other_agency" ? "（被征求意见的机关）" : "（第三方）";
  }
  const bool review_first = kind == LetterKind::kDenied || kind == LetterKind::kPartial;
  GONGKAI_ASSIGN_OR_RETURN(std::string rights,
                           ReadTemplate(dir, review_first ? "_rights_review_first" : "_rights"));
  while (!rights.empty() && (rights.back() == '\n' || rights.back() == '\r')) rights.pop_back();
  v["救济途径"] = rights;
  GONGKAI_ASSIGN_OR_RETURN(std::string text, ReadTemplate(dir, LetterKindId(kind)));
  return Fill(text, v, dir + "/" + std::string(LetterKindId(kind)) + ".md");
}

}  // namespace gongkai
