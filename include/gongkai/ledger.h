// The request ledger (依申请公开台账): the workflow of a request under 《政府信息公开条例》
// Art. 29–45 and 国办函〔2020〕109号, on top of a CaseStore and the working-day calendar.
//
// Every step is checked before it is stored. Impossible steps are refused with a Chinese
// message naming the rule (a second extension, an extension of more than 20 working days, a
// reply with no or two outcomes, a step dated before receipt). Lawful-but-late steps are
// recorded as they happened and flagged with a breach id (kBreach* below) on the event and the
// request. Every request knows its reply due date.
//
// Deadline conventions (domain.md B.1):
//   - periods count working days from the day after the start (the start day not counted;
//     the national text is silent, this is common practice) [UNCONFIRMED at national level];
//   - reply due = 20 working days after clock_start, plus the extension, plus the working days
//     excluded for consultation (Art. 33 ¶3; at most the 15 days of Art. 32/34 per
//     consultation) and, if LedgerOptions::exclude_fee_wait, for the fee wait [UNCONFIRMED];
//   - a 补正 notice stops the clock; it restarts on the day the supplement arrives (Art. 30).
// A Ledger is not thread-safe (its CaseStore is not).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gongkai/calendar.h"
#include "gongkai/ledger_limits.h"
#include "gongkai/report.h"
#include "gongkai/sha256.h"
#include "gongkai/status.h"
#include "gongkai/store.h"

namespace gongkai {

// Breach ids recorded on late steps.
inline constexpr const char* kBreachLateCorrection = "ART30-LATE-CORRECTION";  // > 7 working days
inline constexpr const char* kBreachLateReply = "ART33-LATE-REPLY";            // after the due date
inline constexpr const char* kBreachLateExtension = "ART33-LATE-EXTENSION";    // after the due date
// Art. 31: an ordinary letter is confirmed with the applicant on the day it arrives.
inline constexpr const char* kBreachLateConfirmation = "ART31-LATE-CONFIRMATION";

namespace ledger_config {
// Art. 33: reply within 20 working days of receipt.
inline constexpr int kReplyDays = 20;
// Art. 33: one extension of at most 20 working days.
inline constexpr int kMaxExtensionDays = 20;
// Art. 30: the 补正 notice within 7 working days of receipt.
inline constexpr int kCorrectionNoticeDays = 7;
// Art. 32, 34: a consulted party answers within 15 working days.
inline constexpr int kConsultationDays = 15;
// 109号 (四川 notice): pay within 20 working days from the day after the fee notice is received.
inline constexpr int kFeePaymentDays = 20;
}  // namespace ledger_config

struct LedgerOptions {
  // Whether the time between a fee notice and payment is excluded from the reply period.
  // 109号 Art. 6 onward could not be read; many local rules exclude it. [UNCONFIRMED]
  bool exclude_fee_wait = true;
  // The date of today: no step may be dated after it. Unset: the system's local date (tests and
  // simulations of a year in progress set it).
  std::optional<Date> today;
  // Attachments larger than this are refused (ledger_limits.h: 50 MB by default).
  int64_t max_attachment_bytes = ledger_limits::kDefaultMaxAttachmentBytes;
};

// ---- Fees (国办函〔2020〕109号 Art. 4–5) ----

// The 按件 fee in yuan for an applicant's `rank`-th request of a calendar month (1-based):
// 1–10 free, 11–30 100 each, then each band of 10 adds 100 (31–40 200, 41–50 300, …).
int64_t PerRequestFeeYuan(int64_t rank);
// The 按量 fee in yuan for `pages` pages, marginal: 1–30 free, 31–100 10/page, 101–200 20/page,
// 201 and above 40/page. Both saturate at INT64_MAX instead of overflowing; the Ledger refuses
// more than ledger_limits::kMaxFeePages pages or kMaxFeeYuan yuan.
int64_t PerPageFeeYuan(int64_t pages);

// ---- Receipt (Art. 31) ----

// The dates a clerk knows when registering; which are needed depends on the channel.
struct ArrivalDates {
  std::optional<Date> submitted;   // in person: the day of submission; by post: the day it came
  std::optional<Date> signed_for;  // post needing a signature: the day the agency signed for it
  std::optional<Date> confirmed;   // ordinary letter: the day confirmed with the applicant;
                                   // online, fax, e-mail: the day both sides confirmed
};

// Returns the receipt date of Art. 31 for `channel`, or an error naming the missing date.
StatusOr<Date> ReceiptDate(Channel channel, const ArrivalDates& dates);

// Attachments are stored with their Sha256Hex (gongkai/sha256.h).

// ---- Workflow inputs ----

struct NewRequest {
  int64_t agency_id = 0;
  int64_t applicant_id = 0;
  Channel channel = Channel::kOnline;
  ArrivalDates dates;
  std::string content;                  // Art. 29 ¶2 (二): the information asked for; required
  std::string form;                     // Art. 29 ¶2 (三): form and channel wanted
  std::vector<Attachment> attachments;  // name and content; the hash is computed
  std::string actor;
  // Online applications: QueryCodeHash of the applicant's query code, stored with the request
  // in the same transaction. Empty: no code.
  std::string query_code_sha256;
};

struct StepInput {
  Date date;
  std::string actor;   // who; required
  std::string reason;  // why
  // The request's version the user decided on (a form of the case page); set, a request
  // changed since then (another clerk, another server) is refused: CheckSeenVersion.
  std::optional<int> seen_version = std::nullopt;
};

struct ReplyInput {
  Date date;
  std::string actor;
  std::vector<std::string> outcomes;  // exactly one table-3 outcome row id
  std::string basis;   // legal basis, e.g. "《条例》第三十六条第（二）项"
  std::string letter;  // the reply letter's text
  std::optional<int> seen_version = std::nullopt;  // as StepInput's
};

// OK unless `seen` is set and `r` has changed since (r.version differs): then
// kFailedPrecondition with the Chinese message that someone else has handled the request and
// the page must be reloaded. Optimistic concurrency of the case page: the store's versioned
// UPDATE closes the window between this check and the write.
Status CheckSeenVersion(const Request& r, std::optional<int> seen);

// A request as seen on a given day.
struct RequestStatus {
  Request request;
  std::optional<Date> action_due;  // the next date something must happen (see ActionDue)
  bool overdue = false;            // open and the reply due date has passed
};

class Ledger {
 public:
  // `store` and `calendar` must outlive the Ledger.
  Ledger(CaseStore* store, const WorkCalendar* calendar, LedgerOptions options = {});

  // Registers a request; returns its id once committed.
  StatusOr<int64_t> Register(const NewRequest& request);

  // Art. 30: the one 补正 notice; `deadline` is the applicant's reasonable period to supplement.
  Status SendCorrectionNotice(int64_t id, const StepInput& step, Date deadline,
                              const std::string& items);
  // Art. 30: the supplement arrived; the reply clock restarts on step.date.
  Status ReceiveCorrection(int64_t id, const StepInput& step);
  // Art. 32, 34: consult a third party ("third_party") or another agency ("other_agency").
  Status StartConsultation(int64_t id, const StepInput& step, const std::string& party);
  Status EndConsultation(int64_t id, const StepInput& step);
  // Art. 33 ¶2: the one extension, approved by the head of the disclosure office.
  Status Extend(int64_t id, const StepInput& step, int days, const std::string& approver);
  // 109号: fee notice by one method; for kPerPage give `pages`. Refused if the fee would be 0.
  Status SendFeeNotice(int64_t id, const StepInput& step, FeeMethod method, int64_t pages);
  Status RecordFeePaid(int64_t id, const StepInput& step);
  // The applicant withdraws; counted as other_other.
  Status Withdraw(int64_t id, const StepInput& step);
  // The reply, with exactly one outcome. other_no_correction and other_no_fee conclude a request
  // whose applicant let the 补正 or payment period lapse.
  Status Reply(int64_t id, const ReplyInput& reply);

  // Recomputes the reply due date (and the payment deadline of a fee notice) of every open
  // request on the current calendar: run it once next year's holiday file replaces the
  // provisional year (calendar.h). Each change is stored with a "due_recomputed" event dated
  // `today` (or the request's last step, if later) and audited; unchanged requests are left
  // alone. Returns the changes, by request id.
  struct DueDateChange {
    int64_t request_id = 0;
    std::optional<Date> before, after;  // the reply due date (or payment deadline)
  };
  StatusOr<std::vector<DueDateChange>> RecomputeDueDates(const std::string& actor, Date today);

  StatusOr<RequestStatus> Describe(int64_t id, Date today);
  // Open requests (of one agency, or all if 0) whose next action falls due within `days`
  // working days after `today`, overdue first, then by date.
  StatusOr<std::vector<RequestStatus>> ListDue(Date today, int days, int64_t agency_id);

  // The next date something must happen: the reply due date while the clock runs; the end of
  // the applicant's 补正 or payment period; the end of the consulted party's 15 days.
  StatusOr<std::optional<Date>> ActionDue(const Request& r) const;

 private:
  // Loads the request and checks what every step needs: not concluded, actor given, date not
  // after today, not before receipt or before the last event.
  StatusOr<Request> LoadForStep(int64_t id, const StepInput& step, const char* what);
  Date Today() const;
  // Refuses a step dated after Today(): the ledger records what has happened.
  Status CheckNotFuture(Date date, const char* what) const;
  Status Recompute(Request* r) const;
  Status Store(const Request& before, Request after, Event event);

  CaseStore* store_;
  const WorkCalendar* calendar_;
  LedgerOptions options_;
};

// ---- Annual report ----

// Builds the report for `name` and `year` from figures (sections, the three tables).
AnnualReport BuildAnnualReport(const std::string& name, int year, const YearFigures& figures);
// The same, with the year's facts (registry.h) for the sections' sentences: late replies and
// breaches, fees, documents by category. With null facts those sentences are left out and the
// sections that need the office's own account are placeholders (marked 【待本机关填写】).
struct YearFacts;
AnnualReport BuildAnnualReport(const std::string& name, int year, const YearFigures& figures,
                               const YearFacts* facts);

// The agency's report for `year`; with `rollup`, its figures plus those of every agency under
// it.
StatusOr<AnnualReport> GenerateAnnualReport(CaseStore& store, int64_t agency_id, int year,
                                            bool rollup);

// Every agency's report for `year` (in ListAgencies order) and, with `rollups`, one roll-up
// for every agency that has agencies under it, from a single tally of the year.
StatusOr<std::vector<AnnualReport>> GenerateAllAnnualReports(CaseStore& store, int year,
                                                             bool rollups);

// Ids of `root` and every agency below it. REQUIRES: `agencies` is acyclic.
std::vector<int64_t> SubtreeIds(const std::vector<Agency>& agencies, int64_t root);

}  // namespace gongkai
