// Ledger::RecomputeDueDates (ledger.h): due dates after a calendar change.
#include <nlohmann/json.hpp>

#include "gongkai/ledger.h"

namespace gongkai {

StatusOr<std::vector<Ledger::DueDateChange>> Ledger::RecomputeDueDates(const std::string& actor,
                                                                       Date today) {
  if (actor.empty()) return InvalidArgumentError("需要经办人 (actor is required)");
  GONGKAI_ASSIGN_OR_RETURN(std::vector<Request> open, store_->ListOpenRequests(0));
  std::vector<DueDateChange> changes;
  for (const Request& before : open) {
    Request after = before;
    GONGKAI_RETURN_IF_ERROR(Recompute(&after).WithContext("申请 " + std::to_string(before.id)));
    if (before.state == RequestState::kAwaitingFee && before.paused_since) {
      GONGKAI_ASSIGN_OR_RETURN(
          Date pay_by,
          calendar_->AddWorkingDays(*before.paused_since, ledger_config::kFeePaymentDays));
      after.fee_due = pay_by;
    }
    if (after.due == before.due && after.fee_due == before.fee_due) continue;
    GONGKAI_ASSIGN_OR_RETURN(std::vector<Event> events, store_->ListEvents(before.id));
    Date date = today;
    if (!events.empty() && events.back().date > date) date = events.back().date;
    auto text = [](const std::optional<Date>& d) {
      return d ? nlohmann::json(d->ToString()) : nlohmann::json(nullptr);
    };
    nlohmann::json detail{{"due_before", text(before.due)},
                          {"due_after", text(after.due)},
                          {"fee_due_before", text(before.fee_due)},
                          {"fee_due_after", text(after.fee_due)},
                          {"recomputed_on", today.ToString()}};
    Event e{0,
            before.id,
            "due_recomputed",
            date,
            actor,
            "节假日安排更新后按新日历重算期限",
            detail.dump(),
            ""};
    GONGKAI_RETURN_IF_ERROR(store_->UpdateRequest(before, after, e));
    bool fee = before.state == RequestState::kAwaitingFee;
    changes.push_back(
        {before.id, fee ? before.fee_due : before.due, fee ? after.fee_due : after.due});
  }
  return changes;
}

}  // namespace gongkai
