// The work list (待办) of a disclosure office: its open requests, each with where its deadline
// stands on the official working-day calendar, filtered and sorted by due date, and exported as
// a plain table (render_table.h) for CSV or XLSX. Pure functions; thread-safe.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gongkai/calendar.h"
#include "gongkai/ledger.h"
#include "gongkai/render_table.h"
#include "gongkai/status.h"
#include "gongkai/store.h"

namespace gongkai {

namespace work_list_config {
// A running clock whose reply is due within this many working days is flagged (amber).
inline constexpr int kDueSoonWorkingDays = 3;
}  // namespace work_list_config

enum class DueStatus {
  kOverdue = 0,   // the reply due date has passed (red)
  kDueSoon,       // due within kDueSoonWorkingDays working days after today (amber)
  kOnTime,        // the clock runs, more time left
  kClockStopped,  // 补正, consultation or fee: the reply clock does not run
  // The clock is stopped and the period it waits on has passed (the applicant's 补正 or payment
  // period, the consulted party's 15 days): the office must act — an applicant who let the
  // period pass is taken to have given up the request (条例第三十条; for the fee, 国办函〔2020〕
  // 109号), a consultation left unanswered is decided by the office (条例第三十二条) — so it is
  // flagged (red).
  kActionLapsed,
};
inline constexpr int kDueStatusCount = 5;

// "overdue", "due_soon", "on_time", "stopped", "lapsed"
std::string_view DueStatusId(DueStatus s);
// "已超期", "即将到期", "正常", "停止计时", "停止计时期限已过"
std::string_view DueStatusLabel(DueStatus s);
StatusOr<DueStatus> DueStatusFromId(std::string_view id);

struct WorkItem {
  Request request;
  DueStatus status = DueStatus::kOnTime;
  // The date the list sorts by: the reply due date while the clock runs, else the next date
  // something must happen (the applicant's 补正 or payment period, the consulted party's 15
  // days; Ledger::ActionDue). Unset if neither is known.
  std::optional<Date> due;
  // "待补正（停止计时）", "征求意见中（停止计时）", "待缴费（停止计时）" for a stopped clock,
  // "待补正（期限已过，待处理）" and the like once its period has passed, else the DueStatus label.
  std::string status_label;
};

// Where `r`'s deadline stands on `today`. REQUIRES: r is not concluded; `action_due` is
// Ledger::ActionDue(r).
StatusOr<WorkItem> ClassifyWork(const Request& r, std::optional<Date> action_due, Date today,
                                const WorkCalendar& calendar);

// Every filter is optional; an item passes when it meets all that are set.
struct WorkFilter {
  std::optional<RequestState> state = {};
  std::optional<Channel> channel = {};
  std::optional<DueStatus> due_status = {};
  std::optional<Date> received_from = {}, received_to = {};  // inclusive
  std::string text = {};                                     // a substring of the request's content
};

bool MatchesFilter(const WorkItem& item, const WorkFilter& filter);

// The filter from the work list's fields as `field(name)` gives them (a query string): state
// (RequestStateId of an open state), channel (ChannelId), due (DueStatusId), from and to
// (YYYY-MM-DD), q (text). Empty fields are unset. A malformed field is left unset and the first
// one's Chinese message is put in *error (else *error is left alone); the others still apply.
WorkFilter ParseWorkFilter(const std::function<std::string(const std::string&)>& field,
                           std::string* error);

// Sorts by `due` (earliest first; items without a date last), then by id.
void SortByDue(std::vector<WorkItem>* items);

// The list as a table: 编号, 收到日期, 渠道, 申请人类型, 申请内容, 办理状态, 期限, 期限状态.
// Holds no personal data. `title` names the sheet.
PlainTable WorkListTable(const std::vector<WorkItem>& items, const std::string& title);

}  // namespace gongkai
