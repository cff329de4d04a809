// The staff console's case handling, scoped to the acting user (case_desk.h).
#include "gongkai/case_desk.h"

#include <algorithm>
#include <array>

#include "gongkai/ledger_labels.h"

namespace gongkai {
namespace {

struct ActionInfo {
  std::string_view id;
  std::string_view label;
  std::string_view rule;  // the rule the action rests on, cited in refusals
};

constexpr std::array<ActionInfo, kCaseActionCount> kActions = {{
    {"correction", "发出补正通知", "条例第三十条"},
    {"supplement", "登记收到补正", "条例第三十条"},
    {"consult", "征求意见", "条例第三十二条、第三十四条"},
    {"consult-end", "登记征求意见结束", "条例第三十二条、第三十四条"},
    {"extend", "申请延期", "条例第三十三条第二款"},
    {"approve-extension", "批准延期", "条例第三十三条第二款"},
    {"reject-extension", "驳回延期申请", "条例第三十三条第二款"},
    {"fee", "发出收费通知", "国办函〔2020〕109号"},
    {"fee-paid", "登记缴费", "国办函〔2020〕109号"},
    {"withdraw", "登记撤回申请", "条例第三十三条"},
    {"reply", "答复", "条例第三十六条"},
}};

const ActionInfo& Info(CaseAction a) { return kActions[static_cast<size_t>(a)]; }

Status Refuse(CaseAction a, const std::string& why) {
  return FailedPreconditionError("不能" + std::string(Info(a).label) + "：" + why + "（" +
                                 std::string(Info(a).rule) + "）(not allowed now)");
}

// The refusal for a step the request's state does not allow.
Status WrongState(const Request& r, CaseAction a, const std::string& needed) {
  return Refuse(a, "申请当前为“" + std::string(RequestStateLabel(r.state)) + "”，" + needed);
}

Status NoSuchRequest(int64_t id) {
  return NotFoundError("没有编号为 " + std::to_string(id) + " 的申请 (no such request)");
}

// True iff `actor` is staff of the agency holding `r` (not a supervisor reading from above).
bool ActsFor(const Actor& actor, const Request& r) {
  return r.agency_id == actor.agency_id && actor.role != Role::kSupervisor;
}

// The letters a request's steps call for: the notices of the steps taken, then the reply's.
std::vector<LetterKind> LettersFor(const Request& r, const std::vector<Event>& events) {
  std::vector<LetterKind> out;
  if (r.correction_due) out.push_back(LetterKind::kCorrection);
  if (std::any_of(events.begin(), events.end(),
                  [](const Event& e) { return e.kind == "consultation_start"; })) {
    out.push_back(LetterKind::kConsultation);
  }
  if (r.extension_days > 0) out.push_back(LetterKind::kExtension);
  if (r.fee_method != FeeMethod::kNone) out.push_back(LetterKind::kFee);
  if (r.state == RequestState::kConcluded) {
    if (StatusOr<LetterKind> k = DefaultLetterKind(r); k.ok()) out.push_back(*k);
  }
  return out;
}

}  // namespace

bool MayApprove(const Actor& actor) {
  return actor.role == Role::kApprover || actor.role == Role::kAdmin;
}

std::string_view CaseActionId(CaseAction a) { return Info(a).id; }
std::string_view CaseActionLabel(CaseAction a) { return Info(a).label; }

StatusOr<CaseAction> CaseActionFromId(std::string_view id) {
  for (size_t i = 0; i < kActions.size(); ++i) {
    if (kActions[i].id == id) return static_cast<CaseAction>(i);
  }
  return InvalidArgumentError("未知办理步骤“" + std::string(id) + "” (unknown action)");
}

Status CheckAction(const Request& r, const std::optional<ExtensionProposal>& pending, CaseAction a,
                   bool may_approve) {
  if (r.state == RequestState::kConcluded) {
    return Refuse(a, "申请已于 " + (r.concluded_on ? r.concluded_on->ToString() : "") + " 办结（" +
                         OutcomeLabel(r.outcome) + "）");
  }
  const bool open = r.state == RequestState::kOpen;
  switch (a) {
    case CaseAction::kCorrection:
      if (r.correction_due) return Refuse(a, "补正通知只能发出一次，须一次性告知需要补正的事项");
      if (!open) return WrongState(r, a, "只有正在办理的申请可以发出补正通知");
      return Status::Ok();
    case CaseAction::kSupplement:
      if (r.state != RequestState::kAwaitingCorrection) return WrongState(r, a, "没有待补正的通知");
      return Status::Ok();
    case CaseAction::kConsult:
      if (!open) return WrongState(r, a, "只有正在办理的申请可以征求意见");
      return Status::Ok();
    case CaseAction::kConsultEnd:
      if (r.state != RequestState::kConsulting) return WrongState(r, a, "没有正在进行的征求意见");
      return Status::Ok();
    case CaseAction::kProposeExtension:
      if (r.extension_days > 0) return Refuse(a, "答复期限只能延长一次，该申请已经延期");
      if (pending) return Refuse(a, "已有待批准的延期申请，请等待批准人决定");
      if (!open) return WrongState(r, a, "只有正在办理的申请可以延期");
      return Status::Ok();
    case CaseAction::kApproveExtension:
    case CaseAction::kRejectExtension:
      if (!pending) return Refuse(a, "该申请没有待批准的延期申请");
      if (!may_approve) {
        return FailedPreconditionError(
            "只有批准人或管理员可以决定延期申请：延长答复期限须经政府信息公开工作机构负责人"
            "同意（条例第三十三条第二款）(only an approver may decide)");
      }
      if (a == CaseAction::kApproveExtension && !open) {
        return WrongState(r, a, "只有正在办理的申请可以延期");
      }
      return Status::Ok();
    case CaseAction::kFeeNotice:
      if (r.fee_method != FeeMethod::kNone) {
        return Refuse(a, "该申请已发出收费通知，同一申请只能选择一种计费方式，不得重复收费");
      }
      if (!open) return WrongState(r, a, "只有正在办理的申请可以发出收费通知");
      return Status::Ok();
    case CaseAction::kFeePaid:
      if (r.state != RequestState::kAwaitingFee) return WrongState(r, a, "没有待缴的费用");
      return Status::Ok();
    case CaseAction::kWithdraw:
      return Status::Ok();
    case CaseAction::kReply:
      if (r.state == RequestState::kConsulting) {
        return WrongState(r, a, "请先登记征求意见的结果，再作出答复");
      }
      return Status::Ok();
  }
  return InvalidArgumentError("未知办理步骤 (unknown action)");
}

std::vector<CaseAction> AllowedActions(const Request& r,
                                       const std::optional<ExtensionProposal>& pending,
                                       bool may_approve) {
  std::vector<CaseAction> out;
  for (int i = 0; i < kCaseActionCount; ++i) {
    auto a = static_cast<CaseAction>(i);
    if (CheckAction(r, pending, a, may_approve).ok()) out.push_back(a);
  }
  return out;
}

CaseDesk::CaseDesk(CaseStore* store, Ledger* ledger, CaseFiles* files, const WorkCalendar* calendar)
    : store_(store), ledger_(ledger), files_(files), calendar_(calendar) {}

StatusOr<Request> CaseDesk::Load(const Actor& actor, int64_t id) {
  StatusOr<Request> r = store_->GetRequest(id);
  if (r.status().code() == StatusCode::kNotFound) return NoSuchRequest(id);
  if (!r.ok()) return r.status();
  if (!actor.Sees(r->agency_id)) return NoSuchRequest(id);
  return r;
}

StatusOr<std::vector<WorkItem>> CaseDesk::WorkList(const Actor& actor, const WorkFilter& filter,
                                                   Date today) {
  std::vector<WorkItem> out;
  for (int64_t agency : actor.agencies) {
    // Agency 0 would mean "all agencies" to the store: never part of a scope.
    if (agency <= 0) continue;
    GONGKAI_ASSIGN_OR_RETURN(std::vector<Request> open, store_->ListOpenRequests(agency));
    for (const Request& r : open) {
      GONGKAI_ASSIGN_OR_RETURN(std::optional<Date> action_due, ledger_->ActionDue(r));
      GONGKAI_ASSIGN_OR_RETURN(WorkItem item, ClassifyWork(r, action_due, today, *calendar_));
      if (MatchesFilter(item, filter)) out.push_back(std::move(item));
    }
  }
  SortByDue(&out);
  return out;
}

StatusOr<CaseView> CaseDesk::Open(const Actor& actor, int64_t id, Date today) {
  GONGKAI_ASSIGN_OR_RETURN(Request r, Load(actor, id));
  CaseView v;
  GONGKAI_ASSIGN_OR_RETURN(v.status, ledger_->Describe(id, today));
  if (r.state != RequestState::kConcluded) {
    GONGKAI_ASSIGN_OR_RETURN(v.work, ClassifyWork(r, v.status.action_due, today, *calendar_));
  } else {
    v.work.request = r;
  }
  GONGKAI_ASSIGN_OR_RETURN(v.agency, store_->GetAgency(r.agency_id));
  GONGKAI_ASSIGN_OR_RETURN(v.applicant, store_->GetApplicant(r.applicant_id));
  GONGKAI_ASSIGN_OR_RETURN(v.events, store_->ListEvents(id));
  GONGKAI_ASSIGN_OR_RETURN(v.attachments, store_->ListAttachments(id));
  GONGKAI_ASSIGN_OR_RETURN(v.proposals, files_->ListExtensionProposals(id));
  GONGKAI_ASSIGN_OR_RETURN(v.pending_extension, files_->PendingExtension(id));
  if (ActsFor(actor, r)) v.allowed = AllowedActions(r, v.pending_extension, MayApprove(actor));
  if (r.state == RequestState::kOpen && !r.correction_due) {
    GONGKAI_ASSIGN_OR_RETURN(
        v.correction_notice_by,
        calendar_->AddWorkingDays(r.received, ledger_config::kCorrectionNoticeDays));
  }
  v.letters = LettersFor(r, v.events);
  return v;
}

StatusOr<Attachment> CaseDesk::GetAttachment(const Actor& actor, int64_t id,
                                             int64_t attachment_id) {
  GONGKAI_RETURN_IF_ERROR(Load(actor, id).status());
  return files_->GetAttachment(id, attachment_id);
}

StatusOr<PersonalData> CaseDesk::ViewPersonalData(const Actor& actor, int64_t id) {
  GONGKAI_ASSIGN_OR_RETURN(Request r, Load(actor, id));
  // Only the staff of the agency that holds the request, never a supervisor above it.
  if (!ActsFor(actor, r)) return NoSuchRequest(id);
  return files_->ViewPersonalData(id, actor.AuditName());
}

StatusOr<std::string> CaseDesk::ComposeLetter(const Actor& actor, int64_t id, LetterKind kind,
                                              const std::string& letters_dir, Date today) {
  GONGKAI_RETURN_IF_ERROR(Load(actor, id).status());
  return gongkai::ComposeLetter(*store_, id, kind, letters_dir, today);
}

Status CaseDesk::Approve(const Actor& actor, const Request& r, const ExtensionProposal& p,
                         const CaseActionInput& in) {
  // The ledger's step first: if it refuses (a late or second extension), the proposal stays
  // pending and can be rejected.
  // The step's reason is the proposal's (the public status page shows it); the proposer stays
  // on the proposal, never in the public text.
  GONGKAI_RETURN_IF_ERROR(ledger_->Extend(r.id, {in.date, actor.AuditName(), p.reason, in.seen_version}, p.days,
                                          actor.AuditName()));
  return files_->DecideExtension(p.id, ProposalState::kApproved, actor.AuditName(), in.date);
}

Status CaseDesk::Act(const Actor& actor, int64_t id, CaseAction action, const CaseActionInput& in) {
  GONGKAI_ASSIGN_OR_RETURN(Request r, Load(actor, id));
  if (!ActsFor(actor, r)) {
    return FailedPreconditionError(
        "只有受理机关的工作人员可以办理该申请，监督人员只能查阅 (read only)");
  }
  // Before the rules: a step taken meanwhile may have made this one impossible too, and the
  // clerk must learn that the page was stale.
  GONGKAI_RETURN_IF_ERROR(CheckSeenVersion(r, in.seen_version));
  GONGKAI_ASSIGN_OR_RETURN(std::optional<ExtensionProposal> pending, files_->PendingExtension(id));
  GONGKAI_RETURN_IF_ERROR(CheckAction(r, pending, action, MayApprove(actor)));
  const StepInput step{in.date, actor.AuditName(), in.reason, in.seen_version};
  switch (action) {
    case CaseAction::kCorrection:
      if (!in.deadline) return InvalidArgumentError("请填写补正期限 (deadline required)");
      return ledger_->SendCorrectionNotice(id, step, *in.deadline, in.items);
    case CaseAction::kSupplement:
      return ledger_->ReceiveCorrection(id, step);
    case CaseAction::kConsult:
      return ledger_->StartConsultation(id, step, in.party);
    case CaseAction::kConsultEnd:
      return ledger_->EndConsultation(id, step);
    case CaseAction::kProposeExtension: {
      if (in.date < r.received) {
        return InvalidArgumentError("申请延期的日期 " + in.date.ToString() + " 早于收到申请日期 " +
                                    r.received.ToString() + " (dated before receipt)");
      }
      ExtensionProposal p;
      p.request_id = id;
      p.days = in.days;
      p.reason = in.reason;
      p.proposed_by = actor.AuditName();
      p.proposed_on = in.date;
      return files_->ProposeExtension(p).status();
    }
    case CaseAction::kApproveExtension:
      return Approve(actor, r, *pending, in);
    case CaseAction::kRejectExtension:
      return files_->DecideExtension(pending->id, ProposalState::kRejected, actor.AuditName(),
                                     in.date);
    case CaseAction::kFeeNotice:
      return ledger_->SendFeeNotice(id, step, in.method, in.pages);
    case CaseAction::kFeePaid:
      return ledger_->RecordFeePaid(id, step);
    case CaseAction::kWithdraw:
      return ledger_->Withdraw(id, step);
    case CaseAction::kReply:
      return ledger_->Reply(
          id, {in.date, actor.AuditName(), {in.outcome}, in.basis, in.letter, in.seen_version});
  }
  return InvalidArgumentError("未知办理步骤 (unknown action)");
}

}  // namespace gongkai
