// The request workflow: each step checks the rules, updates the request and records the event.
#include "gongkai/ledger.h"

#include <algorithm>
#include <ctime>
#include <nlohmann/json.hpp>

#include "gongkai/ledger_labels.h"
#include "gongkai/ledger_limits.h"

namespace gongkai {
namespace {

using Json = nlohmann::ordered_json;

Status Refuse(const std::string& zh, const std::string& en) {
  return FailedPreconditionError(zh + " (" + en + ")");
}

void AddBreach(Request* r, Event* e, const char* breach) {
  e->breach = breach;
  if (std::find(r->breaches.begin(), r->breaches.end(), breach) == r->breaches.end()) {
    r->breaches.push_back(breach);
  }
}

}  // namespace

Ledger::Ledger(CaseStore* store, const WorkCalendar* calendar, LedgerOptions options)
    : store_(store), calendar_(calendar), options_(options) {}

Status Ledger::Recompute(Request* r) const {
  r->due.reset();
  bool clock_runs = r->state == RequestState::kOpen ||
                    (r->state == RequestState::kAwaitingFee && !options_.exclude_fee_wait);
  if (!clock_runs) return Status::Ok();
  GONGKAI_ASSIGN_OR_RETURN(Date due, calendar_->AddWorkingDays(
                                         r->clock_start, ledger_config::kReplyDays +
                                                             r->extension_days + r->excluded_days));
  r->due = due;
  return Status::Ok();
}

StatusOr<std::optional<Date>> Ledger::ActionDue(const Request& r) const {
  switch (r.state) {
    case RequestState::kOpen:
      return r.due;
    case RequestState::kAwaitingCorrection:
      return r.correction_due;
    case RequestState::kAwaitingFee:
      return r.fee_due;
    case RequestState::kConsulting: {
      GONGKAI_ASSIGN_OR_RETURN(
          Date d, calendar_->AddWorkingDays(*r.paused_since, ledger_config::kConsultationDays));
      return std::optional<Date>(d);
    }
    case RequestState::kConcluded:
      break;
  }
  return std::optional<Date>();
}

StatusOr<int64_t> Ledger::Register(const NewRequest& in) {
  if (in.actor.empty()) return InvalidArgumentError("需要经办人 (actor is required)");
  GONGKAI_RETURN_IF_ERROR(CheckTextFields({{"经办人 (actor)", in.actor},
                                           {"申请内容 (content)", in.content},
                                           {"获取方式 (form)", in.form}}));
  if (in.content.empty()) {
    return InvalidArgumentError(
        "申请须写明所需政府信息的名称、文号或者便于查询的其他特征性描述（条例第二十九条）"
        "(the request content is required)");
  }
  GONGKAI_ASSIGN_OR_RETURN(Agency agency, store_->GetAgency(in.agency_id));
  GONGKAI_ASSIGN_OR_RETURN(Applicant applicant, store_->GetApplicant(in.applicant_id));
  GONGKAI_ASSIGN_OR_RETURN(Date received, ReceiptDate(in.channel, in.dates));
  GONGKAI_RETURN_IF_ERROR(CheckNotFuture(received, "收到申请"));
  for (const Attachment& a : in.attachments) {
    if (static_cast<int64_t>(a.content.size()) > options_.max_attachment_bytes) {
      return ResourceExhaustedError(
          "附件“" + EscapeFileName(a.name) + "”" + std::to_string(a.content.size()) +
          " 字节，超过上限 " + std::to_string(options_.max_attachment_bytes) +
          " 字节 (attachment larger than the maximum)");
    }
  }
  Request r;
  r.agency_id = agency.id;
  r.applicant_id = applicant.id;
  r.applicant_kind = applicant.kind;
  r.channel = in.channel;
  r.received = received;
  r.clock_start = received;
  r.content = in.content;
  r.form = in.form;
  GONGKAI_RETURN_IF_ERROR(Recompute(&r));
  Event e;
  if (in.channel == Channel::kLetterOrdinary && in.dates.submitted &&
      received > *in.dates.submitted) {
    AddBreach(&r, &e, kBreachLateConfirmation);
  }
  std::vector<Attachment> attachments = in.attachments;
  Json files = Json::array();
  for (Attachment& a : attachments) {
    a.name = EscapeFileName(a.name);  // stored as given, invalid bytes as \xNN
    a.sha256 = Sha256Hex(a.content);
    a.size = static_cast<int64_t>(a.content.size());
    files.push_back({{"name", a.name}, {"sha256", a.sha256}});
  }
  e.kind = "register";
  e.date = received;
  e.actor = in.actor;
  e.reason = "收到申请 (received)";
  e.detail =
      Json{{"channel", ChannelId(in.channel)}, {"due", r.due->ToString()}, {"attachments", files}}
          .dump();
  return store_->AddRequest(r, attachments, e, in.query_code_sha256);
}

Date Ledger::Today() const {
  if (options_.today) return *options_.today;
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  return Date::FromYmd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

Status Ledger::CheckNotFuture(Date date, const char* what) const {
  Date today = Today();
  if (date > today) {
    return InvalidArgumentError(std::string(what) + "日期 " + date.ToString() + " 晚于今天 " +
                                today.ToString() + "，台账只记录已经发生的步骤 (" +
                                date.ToString() + " is after today, " + today.ToString() + ")");
  }
  return Status::Ok();
}

Status CheckSeenVersion(const Request& r, std::optional<int> seen) {
  if (!seen || *seen == r.version) return Status::Ok();
  return FailedPreconditionError(
      "申请 " + std::to_string(r.id) +
      " 已被他人办理（您打开页面后又有新的办理记录），本次操作未保存，请刷新页面查看后再办理 "
      "(the request changed after you opened the page; nothing was saved, reload and retry)");
}

StatusOr<Request> Ledger::LoadForStep(int64_t id, const StepInput& step, const char* what) {
  if (step.actor.empty()) return InvalidArgumentError("需要经办人 (actor is required)");
  GONGKAI_RETURN_IF_ERROR(
      CheckTextFields({{"经办人 (actor)", step.actor}, {"理由 (reason)", step.reason}}));
  GONGKAI_ASSIGN_OR_RETURN(Request r, store_->GetRequest(id));
  GONGKAI_RETURN_IF_ERROR(CheckSeenVersion(r, step.seen_version));
  if (r.state == RequestState::kConcluded) {
    return Refuse("申请 " + std::to_string(id) + " 已于 " + r.concluded_on->ToString() +
                      " 办结，不能再" + what,
                  "request already concluded");
  }
  GONGKAI_RETURN_IF_ERROR(CheckNotFuture(step.date, what));
  if (step.date < r.received) {
    return Refuse(std::string(what) + "日期 " + step.date.ToString() + " 早于收到申请日期 " +
                      r.received.ToString() + "（条例第三十一条）",
                  "a step cannot be dated before receipt");
  }
  GONGKAI_ASSIGN_OR_RETURN(std::vector<Event> events, store_->ListEvents(id));
  // A recomputation of the due date (RecomputeDueDates) is not a step of the request.
  while (!events.empty() && events.back().kind == "due_recomputed") events.pop_back();
  if (!events.empty() && step.date < events.back().date) {
    return Refuse(std::string(what) + "日期 " + step.date.ToString() + " 早于上一步骤“" +
                      std::string(EventKindLabel(events.back().kind)) + "”的日期 " +
                      events.back().date.ToString(),
                  "steps are recorded in date order");
  }
  return r;
}

Status Ledger::Store(const Request& before, Request after, Event event) {
  GONGKAI_RETURN_IF_ERROR(Recompute(&after));
  event.request_id = before.id;
  return store_->UpdateRequest(before, after, event);
}

Status Ledger::SendCorrectionNotice(int64_t id, const StepInput& step, Date deadline,
                                    const std::string& items) {
  GONGKAI_RETURN_IF_ERROR(CheckTextFields({{"补正事项 (items)", items}}));
  GONGKAI_ASSIGN_OR_RETURN(Request r, LoadForStep(id, step, "发出补正通知"));
  if (r.correction_due) {
    return Refuse("补正通知只能发出一次，须一次性告知需要补正的事项（条例第三十条）",
                  "a 补正 notice may be sent only once");
  }
  if (r.state != RequestState::kOpen) {
    return Refuse("申请正在征求意见或等待缴费，不能发出补正通知",
                  "no 补正 notice while consulting or awaiting a fee");
  }
  if (items.empty()) {
    return InvalidArgumentError("补正通知须写明需要补正的事项（条例第三十条）(items required)");
  }
  if (deadline <= step.date) {
    return InvalidArgumentError(
        "补正期限须晚于通知日期（条例第三十条：合理的补正期限）"
        "(the deadline must follow the notice)");
  }
  Request after = r;
  Event e{0,
          id,
          "correction_notice",
          step.date,
          step.actor,
          step.reason,
          Json{{"items", items}, {"deadline", deadline.ToString()}}.dump(),
          ""};
  GONGKAI_ASSIGN_OR_RETURN(
      Date limit, calendar_->AddWorkingDays(r.received, ledger_config::kCorrectionNoticeDays));
  if (step.date > limit) AddBreach(&after, &e, kBreachLateCorrection);
  after.state = RequestState::kAwaitingCorrection;
  after.correction_due = deadline;
  return Store(r, std::move(after), std::move(e));
}

Status Ledger::ReceiveCorrection(int64_t id, const StepInput& step) {
  GONGKAI_ASSIGN_OR_RETURN(Request r, LoadForStep(id, step, "登记补正"));
  if (r.state != RequestState::kAwaitingCorrection) {
    return Refuse("该申请没有待补正的通知", "no 补正 notice is pending");
  }
  Request after = r;
  after.state = RequestState::kOpen;
  after.correction_received = true;
  after.clock_start = step.date;  // Art. 30: the period restarts from the supplement's receipt
  after.excluded_days = 0;
  Event e{0,
          id,
          "correction_received",
          step.date,
          step.actor,
          step.reason,
          Json{{"late", step.date > *r.correction_due}}.dump(),
          ""};
  return Store(r, std::move(after), std::move(e));
}

Status Ledger::StartConsultation(int64_t id, const StepInput& step, const std::string& party) {
  GONGKAI_ASSIGN_OR_RETURN(Request r, LoadForStep(id, step, "征求意见"));
  if (party != "third_party" && party != "other_agency") {
    return InvalidArgumentError(
        "征求意见对象应为 third_party（第三方，条例第三十二条）或 "
        "other_agency（其他机关，第三十四条）(unknown party)");
  }
  if (r.state != RequestState::kOpen) {
    return Refuse("只有正在办理的申请可以征求意见", "only an open request can be consulted on");
  }
  Request after = r;
  after.state = RequestState::kConsulting;
  after.paused_since = step.date;
  Event e{0,          id,          "consultation_start",          step.date,
          step.actor, step.reason, Json{{"party", party}}.dump(), ""};
  return Store(r, std::move(after), std::move(e));
}

namespace {

// The request after a pause (consultation, fee) ends: open again, with `excluded` working days
// added to those the Art. 33 clock does not count.
Request Resumed(const Request& r, int excluded) {
  Request after = r;
  after.state = RequestState::kOpen;
  after.paused_since.reset();
  after.excluded_days += excluded;
  return after;
}

}  // namespace

Status Ledger::EndConsultation(int64_t id, const StepInput& step) {
  GONGKAI_ASSIGN_OR_RETURN(Request r, LoadForStep(id, step, "结束征求意见"));
  if (r.state != RequestState::kConsulting) {
    return Refuse("该申请没有正在进行的征求意见", "no consultation is under way");
  }
  GONGKAI_ASSIGN_OR_RETURN(int spent, calendar_->WorkingDaysBetween(*r.paused_since, step.date));
  // Art. 33 ¶3 excludes the consultation; Art. 32/34 give the party 15 working days, after which
  // the agency decides itself, so at most 15 days are excluded.
  int excluded = std::min(spent, ledger_config::kConsultationDays);
  Request after = Resumed(r, excluded);
  Event e{0,
          id,
          "consultation_end",
          step.date,
          step.actor,
          step.reason,
          Json{{"working_days", spent}, {"excluded", excluded}}.dump(),
          ""};
  return Store(r, std::move(after), std::move(e));
}

Status Ledger::Extend(int64_t id, const StepInput& step, int days, const std::string& approver) {
  GONGKAI_RETURN_IF_ERROR(CheckTextFields({{"批准人 (approver)", approver}}));
  GONGKAI_ASSIGN_OR_RETURN(Request r, LoadForStep(id, step, "延期"));
  if (r.extension_days > 0) {
    return Refuse("答复期限只能延长一次（条例第三十三条第二款），该申请已延长 " +
                      std::to_string(r.extension_days) + " 个工作日",
                  "only one extension is allowed");
  }
  if (days < 1 || days > ledger_config::kMaxExtensionDays) {
    return Refuse("延长的期限最长不得超过20个工作日（条例第三十三条第二款），申请延长 " +
                      std::to_string(days) + " 个工作日",
                  "an extension is 1 to 20 working days");
  }
  if (approver.empty()) {
    return Refuse(
        "延长答复期限须经政府信息公开工作机构负责人同意（条例第三十三条第二款），"
        "请填写批准人",
        "the approver is required");
  }
  if (r.state != RequestState::kOpen) {
    return Refuse("只有正在办理的申请可以延期", "only an open request can be extended");
  }
  Request after = r;
  Event e{0,
          id,
          "extension",
          step.date,
          step.actor,
          step.reason,
          Json{{"days", days}, {"approver", approver}}.dump(),
          ""};
  if (r.due && step.date > *r.due) AddBreach(&after, &e, kBreachLateExtension);
  after.extension_days = days;
  after.extension_approver = approver;
  return Store(r, std::move(after), std::move(e));
}

Status Ledger::SendFeeNotice(int64_t id, const StepInput& step, FeeMethod method, int64_t pages) {
  GONGKAI_ASSIGN_OR_RETURN(Request r, LoadForStep(id, step, "发出收费通知"));
  if (r.fee_method != FeeMethod::kNone) {
    return Refuse(
        "该申请已发出收费通知；同一申请只能选择一种计费方式，不得重复收费"
        "（国办函〔2020〕109号第三条）",
        "one fee notice per request");
  }
  if (r.state != RequestState::kOpen) {
    return Refuse("只有正在办理的申请可以发出收费通知", "only an open request can be charged");
  }
  int64_t fee = 0;
  Json detail;
  if (method == FeeMethod::kPerRequest) {
    GONGKAI_ASSIGN_OR_RETURN(int64_t rank, store_->CountApplicantRequestsInMonth(
                                               r.applicant_id, r.agency_id, r.received, r.id));
    fee = PerRequestFeeYuan(rank);
    detail = {{"method", "per_request"}, {"rank_in_month", rank}, {"fee_yuan", fee}};
  } else if (method == FeeMethod::kPerPage) {
    if (pages <= 0) return InvalidArgumentError("按量收费需要页数 (pages required)");
    if (pages > ledger_limits::kMaxFeePages) {
      return InvalidArgumentError("按量收费的页数 " + std::to_string(pages) + " 超过上限 " +
                                  std::to_string(ledger_limits::kMaxFeePages) +
                                  " 页，请核实页数 (pages above the maximum)");
    }
    fee = PerPageFeeYuan(pages);
    detail = {{"method", "per_page"}, {"pages", pages}, {"fee_yuan", fee}};
  } else {
    return InvalidArgumentError("计费方式应为按件或按量 (method is per_request or per_page)");
  }
  if (fee > ledger_limits::kMaxFeeYuan) {
    return InvalidArgumentError("收费金额 " + std::to_string(fee) + " 元超过上限 " +
                                std::to_string(ledger_limits::kMaxFeeYuan) +
                                " 元 (fee above the maximum)");
  }
  if (fee == 0) {
    return Refuse(
        "按国办函〔2020〕109号的标准该申请不收费（" +
            (method == FeeMethod::kPerRequest
                 ? "本月第" + std::to_string(detail["rank_in_month"].get<int64_t>()) + "件申请"
                 : std::to_string(pages) + "页") +
            "），不能发出收费通知",
        "the fee would be 0");
  }
  GONGKAI_ASSIGN_OR_RETURN(Date pay_by,
                           calendar_->AddWorkingDays(step.date, ledger_config::kFeePaymentDays));
  detail["pay_by"] = pay_by.ToString();
  Request after = r;
  after.state = RequestState::kAwaitingFee;
  after.fee_method = method;
  after.fee_yuan = fee;
  after.fee_due = pay_by;
  after.paused_since = step.date;
  Event e{0, id, "fee_notice", step.date, step.actor, step.reason, detail.dump(), ""};
  return Store(r, std::move(after), std::move(e));
}

Status Ledger::RecordFeePaid(int64_t id, const StepInput& step) {
  GONGKAI_ASSIGN_OR_RETURN(Request r, LoadForStep(id, step, "登记缴费"));
  if (r.state != RequestState::kAwaitingFee) {
    return Refuse("该申请没有待缴的费用", "no fee is awaited");
  }
  if (step.date > *r.fee_due) {
    return Refuse(
        "缴费期限已于 " + r.fee_due->ToString() +
            " 届满，逾期未缴费视为放弃申请（国办函〔2020〕109号），请以 other_no_fee 办结",
        "payment after the deadline; conclude with other_no_fee");
  }
  int excluded = 0;
  if (options_.exclude_fee_wait) {
    GONGKAI_ASSIGN_OR_RETURN(excluded, calendar_->WorkingDaysBetween(*r.paused_since, step.date));
  }
  Request after = Resumed(r, excluded);
  Event e{0,
          id,
          "fee_paid",
          step.date,
          step.actor,
          step.reason,
          Json{{"fee_yuan", r.fee_yuan}, {"excluded", excluded}}.dump(),
          ""};
  return Store(r, std::move(after), std::move(e));
}

Status Ledger::Withdraw(int64_t id, const StepInput& step) {
  GONGKAI_ASSIGN_OR_RETURN(Request r, LoadForStep(id, step, "撤回"));
  Request after = r;
  after.state = RequestState::kConcluded;
  after.concluded_on = step.date;
  after.outcome = std::string(T3RowId(kOtherOther));
  after.reply_basis = "申请人撤回申请";
  after.paused_since.reset();
  Event e{0, id, "withdrawal", step.date, step.actor, step.reason, "{}", ""};
  return Store(r, std::move(after), std::move(e));
}

Status Ledger::Reply(int64_t id, const ReplyInput& in) {
  GONGKAI_RETURN_IF_ERROR(CheckTextFields({{"答复依据 (basis)", in.basis},
                                           {"答复书 (letter)", in.letter}}));
  for (const std::string& o : in.outcomes) {
    GONGKAI_RETURN_IF_ERROR(CheckTextFields({{"办理结果 (outcome)", o}}));
  }
  GONGKAI_ASSIGN_OR_RETURN(Request r, LoadForStep(id, {in.date, in.actor, "", in.seen_version}, "答复"));
  if (in.outcomes.size() != 1) {
    return Refuse(
        "答复须有且只有一个办理结果（表三每件申请只计入一行；区分处理的只计“部分公开”），"
        "现有 " +
            std::to_string(in.outcomes.size()) + " 个",
        "a reply has exactly one outcome");
  }
  const std::string& outcome = in.outcomes[0];
  int row = T3RowFromId(outcome);
  if (row < kFirstOutcomeRow || row > kLastOutcomeRow) {
    return InvalidArgumentError("“" + outcome +
                                "”不是表三的办理结果（granted … other_other，见 domain.md A.1）"
                                "(not a table-3 outcome row)");
  }
  if (in.basis.empty()) return InvalidArgumentError("答复须写明法律依据 (legal basis required)");
  if (in.letter.empty()) return InvalidArgumentError("答复须有答复书正文 (reply letter required)");
  Request after = r;
  Event e{0,
          id,
          "reply",
          in.date,
          in.actor,
          in.basis,
          Json{{"outcome", outcome}, {"basis", in.basis}}.dump(),
          ""};
  if (row == kOtherNoCorrection) {
    if (r.state != RequestState::kAwaitingCorrection || in.date <= *r.correction_due) {
      return Refuse("只有补正期限届满而申请人未补正的，才视为放弃申请（条例第三十条）",
                    "other_no_correction needs a lapsed 补正 period");
    }
  } else if (row == kOtherNoFee) {
    if (r.state != RequestState::kAwaitingFee || in.date <= *r.fee_due) {
      return Refuse("只有缴费期限届满而申请人未缴费的，才视为放弃申请（国办函〔2020〕109号）",
                    "other_no_fee needs a lapsed payment period");
    }
  } else {
    if (r.state == RequestState::kAwaitingCorrection) {
      return Refuse("申请正在等待补正，补正期限届满前不能作出答复（条例第三十条）",
                    "awaiting the applicant's 补正");
    }
    if (r.state == RequestState::kConsulting) {
      return Refuse("请先登记征求意见的结果，再作出答复（条例第三十二条）",
                    "end the consultation first");
    }
    if (r.state == RequestState::kAwaitingFee) {
      return Refuse("申请正在等待缴费，请先登记缴费或以 other_no_fee 办结", "awaiting the fee");
    }
    if (row == kUnableUnclear && !r.correction_received) {
      return Refuse("“补正后申请内容仍不明确”须先经补正（条例第三十条）",
                    "unable_unclear needs a 补正 first");
    }
    if (r.due && in.date > *r.due) AddBreach(&after, &e, kBreachLateReply);
  }
  after.state = RequestState::kConcluded;
  after.concluded_on = in.date;
  after.outcome = outcome;
  after.reply_basis = in.basis;
  after.reply_text = in.letter;
  after.paused_since.reset();
  return Store(r, std::move(after), std::move(e));
}

StatusOr<RequestStatus> Ledger::Describe(int64_t id, Date today) {
  GONGKAI_ASSIGN_OR_RETURN(Request r, store_->GetRequest(id));
  RequestStatus s;
  GONGKAI_ASSIGN_OR_RETURN(s.action_due, ActionDue(r));
  s.overdue = r.state == RequestState::kOpen && r.due && today > *r.due;
  s.request = std::move(r);
  return s;
}

StatusOr<std::vector<RequestStatus>> Ledger::ListDue(Date today, int days, int64_t agency_id) {
  GONGKAI_ASSIGN_OR_RETURN(std::vector<Request> open, store_->ListOpenRequests(agency_id));
  GONGKAI_ASSIGN_OR_RETURN(Date horizon, calendar_->AddWorkingDays(today, days));
  std::vector<RequestStatus> out;
  for (Request& r : open) {
    GONGKAI_ASSIGN_OR_RETURN(std::optional<Date> due, ActionDue(r));
    if (!due || *due > horizon) continue;
    RequestStatus s;
    s.action_due = due;
    s.overdue = r.state == RequestState::kOpen && r.due && today > *r.due;
    s.request = std::move(r);
    out.push_back(std::move(s));
  }
  std::stable_sort(out.begin(), out.end(), [](const RequestStatus& a, const RequestStatus& b) {
    if (a.overdue != b.overdue) return a.overdue;
    return *a.action_due < *b.action_due;
  });
  return out;
}

}  // namespace gongkai
