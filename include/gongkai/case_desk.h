// CaseDesk: how the staff console handles requests — the work list, the case file, the letters,
// the applicant's personal data and every step of the workflow — for one acting user.
//
// Isolation lives here, not in the pages: every call takes the acting user (accounts.h) and
// answers NotFound, with the very message an unknown id gets, for a request of an agency outside
// actor.agencies (never "forbidden", never another agency's data). The applicant's personal data
// is shown only to the staff of the request's own agency (a supervisor above it gets NotFound),
// and steps are taken only by a clerk, approver or admin of that agency. Steps go through the same
// Ledger calls as `gongkai requests …`; before calling it, a step not allowed in the request's
// current state is refused (kFailedPrecondition) with a Chinese message citing the rule.
//
// Extensions need an approver (条例 Art. 33 ¶2): a clerk proposes (days and reason), an approver
// or admin approves, and only then does Ledger::Extend record the extension with the approver.
//
// A CaseDesk is not thread-safe (its CaseStore is not); the pointers must outlive it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gongkai/accounts.h"
#include "gongkai/calendar.h"
#include "gongkai/case_files.h"
#include "gongkai/ledger.h"
#include "gongkai/letters.h"
#include "gongkai/status.h"
#include "gongkai/store.h"
#include "gongkai/work_list.h"

namespace gongkai {

// True iff `actor` may decide extension proposals: an approver or an admin.
bool MayApprove(const Actor& actor);

enum class CaseAction {
  kCorrection = 0,    // 补正通知 (Art. 30)
  kSupplement,        // 收到补正 (Art. 30)
  kConsult,           // 征求意见 (Art. 32, 34)
  kConsultEnd,        // 征求意见结束
  kProposeExtension,  // 申请延期 (Art. 33 ¶2), by a clerk
  kApproveExtension,  // 批准延期, by an approver or admin
  kRejectExtension,   // 驳回延期
  kFeeNotice,         // 收费通知 (国办函〔2020〕109号)
  kFeePaid,           // 登记缴费
  kWithdraw,          // 申请人撤回
  kReply,             // 答复 (Art. 36), one outcome with its legal basis
};
inline constexpr int kCaseActionCount = 11;

// "correction", "supplement", "consult", "consult-end", "extend", "approve-extension",
// "reject-extension", "fee", "fee-paid", "withdraw", "reply" (the CLI's subcommands where
// there is one).
std::string_view CaseActionId(CaseAction a);
std::string_view CaseActionLabel(CaseAction a);  // "发出补正通知", …
StatusOr<CaseAction> CaseActionFromId(std::string_view id);

// What a step needs; which fields depends on the action.
struct CaseActionInput {
  Date date;                            // the day it happened (every action)
  std::string reason;                   // why (every action; required to propose an extension)
  std::optional<Date> deadline;         // kCorrection: the applicant's period to supplement
  std::string items;                    // kCorrection: what to supplement
  std::string party;                    // kConsult: "third_party" or "other_agency"
  int days = 0;                         // kProposeExtension: 1..20 working days
  FeeMethod method = FeeMethod::kNone;  // kFeeNotice
  int64_t pages = 0;                    // kFeeNotice per page
  std::string outcome;                  // kReply: one table-3 outcome row id
  std::string basis;                    // kReply: the legal basis
  std::string letter;                   // kReply: the reply letter's text
  // The request's version shown on the page the action came from (ledger.h CheckSeenVersion).
  std::optional<int> seen_version = std::nullopt;
};

// OK if `action` may be taken now on `r` by a user who `may_approve` (or not), else
// kFailedPrecondition with a Chinese message citing the rule (also for an approval by a user who
// may not approve). `pending` is the request's pending extension proposal.
Status CheckAction(const Request& r, const std::optional<ExtensionProposal>& pending,
                   CaseAction action, bool may_approve);
// The actions CheckAction allows, in enum order.
std::vector<CaseAction> AllowedActions(const Request& r,
                                       const std::optional<ExtensionProposal>& pending,
                                       bool may_approve);

// Everything the case page shows, without personal data.
struct CaseView {
  RequestStatus status;  // the request, its next date, overdue
  WorkItem work;         // its due status as on the work list (unset `due` once concluded)
  Agency agency;
  Applicant applicant;                       // name and kind only
  std::vector<Event> events;                 // oldest first
  std::vector<Attachment> attachments;       // without content
  std::vector<ExtensionProposal> proposals;  // oldest first
  std::optional<ExtensionProposal> pending_extension;
  std::vector<CaseAction> allowed;
  // Art. 30: the last day to send the 补正 notice (7 working days after receipt), while none
  // has been sent and the request is open.
  std::optional<Date> correction_notice_by;
  std::vector<LetterKind> letters;  // the letters the request's steps call for
};

class CaseDesk {
 public:
  CaseDesk(CaseStore* store, Ledger* ledger, CaseFiles* files, const WorkCalendar* calendar);

  // The open requests of every agency in actor.agencies that pass `filter`, sorted by due date.
  StatusOr<std::vector<WorkItem>> WorkList(const Actor& actor, const WorkFilter& filter,
                                           Date today);
  StatusOr<CaseView> Open(const Actor& actor, int64_t id, Date today);
  StatusOr<Attachment> GetAttachment(const Actor& actor, int64_t id, int64_t attachment_id);
  // The applicant's personal data; each call is audited (case_files.h).
  StatusOr<PersonalData> ViewPersonalData(const Actor& actor, int64_t id);
  // The letter's Markdown (letters.h), from the templates in `letters_dir`.
  StatusOr<std::string> ComposeLetter(const Actor& actor, int64_t id, LetterKind kind,
                                      const std::string& letters_dir, Date today);
  // Takes one step (CheckAction first, then the Ledger or the proposal store).
  Status Act(const Actor& actor, int64_t id, CaseAction action, const CaseActionInput& in);

 private:
  // The request if it exists and actor sees its agency; else the same NotFound either way.
  StatusOr<Request> Load(const Actor& actor, int64_t id);
  Status Approve(const Actor& actor, const Request& r, const ExtensionProposal& p,
                 const CaseActionInput& in);

  CaseStore* store_;
  Ledger* ledger_;
  CaseFiles* files_;
  const WorkCalendar* calendar_;
};

}  // namespace gongkai
