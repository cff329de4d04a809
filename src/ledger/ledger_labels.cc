// Plain Chinese labels of the ledger (ledger_labels.h).
#include <array>
#include <nlohmann/json.hpp>

#include "gongkai/ledger.h"
#include "gongkai/ledger_labels.h"
#include "gongkai/rules.h"

namespace gongkai {
namespace {

constexpr std::array<std::string_view, 5> kStateLabels = {"办理中", "待补正", "征求意见中",
                                                          "待缴费", "已办结"};

struct KindLabel {
  std::string_view kind, label;
};
constexpr KindLabel kEventKinds[] = {
    {"register", "登记申请"},
    {"correction_notice", "发出补正通知"},
    {"correction_received", "收到补正材料"},
    {"consultation_start", "征求意见"},
    {"consultation_end", "征求意见结束"},
    {"extension", "延长答复期限"},
    {"fee_notice", "发出收费通知"},
    {"fee_paid", "申请人缴费"},
    {"withdrawal", "申请人撤回申请"},
    {"reply", "答复"},
    {"due_recomputed", "按新日历重算期限"},
};

using Json = nlohmann::json;

std::string Str(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  return it->dump();
}

}  // namespace

std::string_view RequestStateLabel(RequestState s) { return kStateLabels[static_cast<size_t>(s)]; }

std::string_view ApplicantKindLabel(ApplicantKind k) { return T3ColumnLabel(static_cast<int>(k)); }

std::string OutcomeLabel(std::string_view id) {
  int row = T3RowFromId(id);
  if (row < kFirstOutcomeRow || row > kLastOutcomeRow || row == kResultTotal) {
    return std::string(id);
  }
  if (row == kGranted) return "予以公开";
  if (row == kPartial) return "部分公开";
  std::string_view label = T3RowLabel(row);
  size_t dot = label.find('.');
  std::string detail(dot == std::string_view::npos ? label : label.substr(dot + 1));
  for (auto [prefix, group] :
       {std::pair{"denied_", "不予公开"}, std::pair{"unable_", "无法提供"},
        std::pair{"ignored_", "不予处理"}, std::pair{"other_", "其他处理"}}) {
    if (id.rfind(prefix, 0) == 0) return std::string(group) + "（" + detail + "）";
  }
  return std::string(label);
}

std::vector<std::string_view> OutcomeIds() {
  std::vector<std::string_view> out;
  for (int row = kFirstOutcomeRow; row <= kLastOutcomeRow; ++row) {
    if (row != kResultTotal) out.push_back(T3RowId(row));
  }
  return out;
}

std::string BreachLabel(std::string_view rule_id) {
  for (const RuleInfo& r : RuleCatalogue()) {
    if (r.id == rule_id) return std::string(r.title);
  }
  return std::string(rule_id);
}

std::string_view EventKindLabel(std::string_view kind) {
  for (const KindLabel& k : kEventKinds) {
    if (k.kind == kind) return k.label;
  }
  return kind;
}

std::string EventSentence(const Event& e) {
  Json d = Json::parse(e.detail.empty() ? "{}" : e.detail, nullptr, false);
  if (d.is_discarded() || !d.is_object()) d = Json::object();
  std::string who = e.actor.empty() ? "" : e.actor;
  std::string s = e.date.ToString() + "，" + who + std::string(EventKindLabel(e.kind));
  if (e.kind == "register") {
    StatusOr<Channel> ch = ChannelFromId(Str(d, "channel"));
    if (ch.ok()) s += "（" + std::string(ChannelLabel(*ch)) + "）";
    if (!Str(d, "due").empty()) s += "，答复期限为" + Str(d, "due");
  } else if (e.kind == "correction_notice") {
    s += "，补正事项：" + Str(d, "items") + "，补正期限至" + Str(d, "deadline");
  } else if (e.kind == "correction_received") {
    s += "，答复期限重新起算";
  } else if (e.kind == "consultation_start") {
    s += Str(d, "party") == "other_agency" ? "（其他机关，条例第三十四条）"
                                           : "（第三方，条例第三十二条）";
  } else if (e.kind == "consultation_end") {
    s += "，征求意见用时" + Str(d, "working_days") + "个工作日，不计入答复期限" +
         Str(d, "excluded") + "个工作日";
  } else if (e.kind == "extension") {
    s += Str(d, "days") + "个工作日，经" + Str(d, "approver") + "批准";
  } else if (e.kind == "fee_notice") {
    s += Str(d, "method") == "per_page" ? "，按量计收（" + Str(d, "pages") + "页）"
                                        : "，按件计收（本月第" + Str(d, "rank_in_month") + "件）";
    s += Str(d, "fee_yuan") + "元，缴费期限至" + Str(d, "pay_by");
  } else if (e.kind == "fee_paid") {
    s += Str(d, "fee_yuan") + "元";
  } else if (e.kind == "reply") {
    s += "：" + OutcomeLabel(Str(d, "outcome"));
    if (!Str(d, "basis").empty()) s += "，依据" + Str(d, "basis");
  } else if (e.kind == "due_recomputed") {
    s += "，答复期限由" + (Str(d, "due_before").empty() ? "无" : Str(d, "due_before")) + "改为" +
         (Str(d, "due_after").empty() ? "无" : Str(d, "due_after"));
  }
  if (!e.reason.empty()) s += "；理由：" + e.reason;
  s += "。";
  if (!e.breach.empty()) s += "【" + BreachLabel(e.breach) + "】";
  return s;
}

const std::vector<std::string_view>& KnownForms() {
  static const auto* const kForms = new std::vector<std::string_view>{
      "纸质", "电子文档", "电子邮件", "光盘",     "磁盘", "移动存储介质",
      "传真", "邮寄",     "当面领取", "网上获取", "查阅", "抄录"};
  return *kForms;
}

Status CheckForm(std::string_view form) {
  if (form.empty()) return Status::Ok();
  if (form.rfind(kOtherFormPrefix, 0) == 0) {
    if (form.size() > kOtherFormPrefix.size()) return Status::Ok();
  } else {
    bool all_known = true;
    size_t pos = 0;
    while (pos <= form.size() && all_known) {
      size_t next = form.size();
      size_t sep_len = 0;
      for (std::string_view sep : {"、", "，", "+"}) {
        size_t f = form.find(sep, pos);
        if (f != std::string_view::npos && f < next) {
          next = f;
          sep_len = sep.size();
        }
      }
      std::string_view part = form.substr(pos, next - pos);
      bool known = false;
      for (std::string_view k : KnownForms()) known = known || part == k;
      all_known = known;
      if (next == form.size()) break;
      pos = next + sep_len;
    }
    if (all_known) return Status::Ok();
  }
  std::string list;
  for (std::string_view k : KnownForms()) list += (list.empty() ? "" : "、") + std::string(k);
  return InvalidArgumentError("获取方式“" + std::string(form) +
                              "”不是条例第二十九条、第四十条规定的形式；请从 " + list +
                              " 中选择（可用“、”连接多项），或以“" + std::string(kOtherFormPrefix) +
                              "”开头注明申请人自述的方式 (unknown form)");
}

}  // namespace gongkai
