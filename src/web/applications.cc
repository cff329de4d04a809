#include "applications.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "gongkai/text_safety.h"

namespace gongkai::web {
namespace {

using Json = nlohmann::json;

// Longest text accepted per field, in bytes.
constexpr size_t kMaxShortField = 200;
constexpr size_t kMaxContent = 4000;
const char* const kWebActor = "网上申请 (online)";

std::string OutcomeLabel(const std::string& id) {
  for (int row = kFirstOutcomeRow; row <= kLastOutcomeRow; ++row) {
    if (T3RowId(row) == id) return std::string(T3RowLabel(row));
  }
  return id;
}

std::string DetailString(const Json& d, const char* key) {
  auto it = d.find(key);
  if (it == d.end()) return "";
  return it->is_string() ? it->get<std::string>() : it->dump();
}

// One event in plain Chinese. Staff names (actor) are left out.
std::string DescribeEvent(const Event& e) {
  Json d = Json::parse(e.detail, nullptr, false);
  if (d.is_discarded()) d = Json::object();
  if (e.kind == "register") return "收到申请，登记受理";
  if (e.kind == "correction_notice") {
    return "通知补正：" + DetailString(d, "items") + "；补正期限至 " + DetailString(d, "deadline") +
           "（补正期间答复期限暂停计算）";
  }
  if (e.kind == "correction_received") return "收到补正材料，答复期限自当日重新计算";
  if (e.kind == "consultation_start") return "征求第三方或其他机关意见（所需时间不计入答复期限）";
  if (e.kind == "consultation_end") return "征求意见结束，继续办理";
  if (e.kind == "extension") {
    return "延长答复期限" + (e.reason.empty() ? std::string() : "，理由：" + e.reason);
  }
  if (e.kind == "fee_notice") {
    return "通知缴纳信息处理费 " + DetailString(d, "fee_yuan") + " 元，缴费期限至 " +
           DetailString(d, "pay_by");
  }
  if (e.kind == "fee_paid") return "已缴纳信息处理费，继续办理";
  if (e.kind == "withdrawal") return "申请人撤回申请";
  if (e.kind == "reply") return "作出答复：" + OutcomeLabel(DetailString(d, "outcome"));
  return e.kind;
}

std::string StateLabel(const Request& r) {
  switch (r.state) {
    case RequestState::kOpen:
      return "办理中";
    case RequestState::kAwaitingCorrection:
      return "等待补正";
    case RequestState::kConsulting:
      return "征求意见中";
    case RequestState::kAwaitingFee:
      return "等待缴费";
    case RequestState::kConcluded:
      return "已办结";
  }
  return "";
}

void CheckText(const char* field, const char* label, const std::string& value, bool required,
               size_t max, std::vector<FieldError>* errors) {
  if (required && value.find_first_not_of(" \t\r\n") == std::string::npos) {
    errors->push_back({field, std::string("请填写") + label});
    return;
  }
  if (value.size() > max) {
    errors->push_back(
        {field, std::string(label) + "过长（最多 " + std::to_string(max) + " 字节）"});
    return;
  }
  std::string bad = CheckTextField(label, value);
  if (!bad.empty()) errors->push_back({field, bad});
}

// Accepted attachment types, recognised by content (the name alone proves nothing).
bool IsAcceptedAttachment(const Attachment& a) {
  const std::string& c = a.content;
  auto starts = [&](std::string_view magic) { return c.compare(0, magic.size(), magic) == 0; };
  return starts("%PDF-") || starts("\x89PNG\r\n\x1a\n") || starts("\xFF\xD8\xFF") ||
         starts("PK\x03\x04") || CheckTextField("", c).empty();
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& DeliveryForms() {
  static const std::vector<std::pair<std::string, std::string>> kForms = {
      {"electronic_email", "电子文档，通过电子邮件提供"},
      {"electronic_online", "电子文档，通过网上平台提供"},
      {"paper_post", "纸质文本，邮寄"},
      {"paper_pickup", "纸质文本，当面领取"},
      {"inspect", "当场阅读、抄录"},
  };
  return kForms;
}

const std::vector<std::string>& IdTypes() {
  static const std::vector<std::string> kTypes = {
      "居民身份证",       "护照",    "港澳居民来往内地通行证", "台湾居民来往大陆通行证",
      "统一社会信用代码", "其他证件"};
  return kTypes;
}

std::string_view ApplicantKindLabel(ApplicantKind k) {
  static const char* const kLabels[] = {"自然人",       "商业企业",     "科研机构",
                                        "社会公益组织", "法律服务机构", "其他"};
  return kLabels[static_cast<int>(k)];
}

std::vector<FieldError> ValidateApplication(const ApplicationForm& f,
                                            const AttachmentLimits& limits) {
  std::vector<FieldError> errors;
  CheckText("name", "申请人姓名或名称", f.name, true, kMaxShortField, &errors);
  if (!ApplicantKindFromId(f.kind).ok()) {
    errors.push_back({"kind", "请选择申请人类型"});
  }
  if (std::find(IdTypes().begin(), IdTypes().end(), f.id_type) == IdTypes().end()) {
    errors.push_back({"id_type", "请选择证件类型"});
  }
  CheckText("id_number", "证件号码", f.id_number, true, 64, &errors);
  CheckText("phone", "联系电话", f.phone, true, 64, &errors);
  CheckText("email", "电子邮箱", f.email, false, kMaxShortField, &errors);
  CheckText("address", "通信地址", f.address, false, kMaxShortField, &errors);
  CheckText("content", "所需政府信息的名称、文号或者便于查询的其他特征性描述", f.content, true,
            kMaxContent, &errors);
  bool form_ok = false;
  for (const auto& [id, label] : DeliveryForms()) form_ok |= id == f.form;
  if (!form_ok) errors.push_back({"form", "请选择获取信息的方式"});
  if (static_cast<int>(f.attachments.size()) > limits.max_count) {
    errors.push_back({"attachments", "附件最多 " + std::to_string(limits.max_count) + " 个"});
  }
  for (const Attachment& a : f.attachments) {
    if (a.content.size() > limits.max_bytes) {
      errors.push_back({"attachments",
                        "附件过大（每个最多 " + std::to_string(limits.max_bytes >> 20) + " MB）"});
    } else if (!IsAcceptedAttachment(a)) {
      errors.push_back({"attachments", "附件只接受 PDF、PNG、JPEG、Word（docx）或纯文本"});
    }
    CheckText("attachments", "附件名", a.name, true, kMaxShortField, &errors);
  }
  return errors;
}

StatusOr<Receipt> SubmitApplication(CaseStore& store, Ledger& ledger, const ApplicationForm& f,
                                    Date today) {
  GONGKAI_ASSIGN_OR_RETURN(Agency agency, store.GetAgency(f.agency_id));
  GONGKAI_ASSIGN_OR_RETURN(ApplicantKind kind, ApplicantKindFromId(f.kind));
  std::string form_label;
  for (const auto& [id, label] : DeliveryForms()) {
    if (id == f.form) form_label = label;
  }
  PersonalData personal{f.id_type + " " + f.id_number, f.phone,
                        f.address + (f.email.empty() ? "" : "（电子邮箱 " + f.email + "）")};
  GONGKAI_ASSIGN_OR_RETURN(int64_t applicant,
                           store.AddApplicant({0, kind, f.name}, personal, kWebActor));
  NewRequest n;
  n.agency_id = f.agency_id;
  n.applicant_id = applicant;
  n.channel = Channel::kOnline;
  n.dates.confirmed = today;  // Art. 31 (三): online, the day both sides confirmed
  n.content = f.content;
  n.form = form_label;
  n.attachments = f.attachments;
  n.actor = kWebActor;
  std::string code = NewQueryCode();
  n.query_code_sha256 = QueryCodeHash(code);
  GONGKAI_ASSIGN_OR_RETURN(int64_t id, ledger.Register(n));
  GONGKAI_ASSIGN_OR_RETURN(RequestStatus status, ledger.Describe(id, today));
  return Receipt{code, status.request.received, *status.request.due, agency.name};
}

StatusOr<std::optional<ApplicationStatus>> LookupApplication(CaseStore& store,
                                                             const std::string& typed_code) {
  std::optional<std::string> code = NormalizeQueryCode(typed_code);
  if (!code) return std::optional<ApplicationStatus>();
  GONGKAI_ASSIGN_OR_RETURN(std::optional<CodedRequest> found,
                           store.FindRequestByQueryCode(QueryCodeHash(*code)));
  if (!found) return std::optional<ApplicationStatus>();
  const Request& r = found->request;
  ApplicationStatus out;
  out.agency = found->agency_name;
  out.content = r.content;
  out.received = r.received;
  out.state = StateLabel(r);
  if (r.state != RequestState::kConcluded) out.due = r.due;
  for (const Event& e : found->events) out.timeline.push_back({e.date, DescribeEvent(e)});
  if (r.state == RequestState::kConcluded) {
    out.replied = true;
    out.outcome = OutcomeLabel(r.outcome);
    out.basis = r.reply_basis;
    out.letter = r.reply_text;
  }
  return std::optional<ApplicationStatus>(std::move(out));
}

}  // namespace gongkai::web
