// The work list (work_list.h).
#include "gongkai/work_list.h"

#include <algorithm>
#include <array>

#include "gongkai/ledger_labels.h"

namespace gongkai {
namespace {

constexpr std::array<std::string_view, kDueStatusCount> kIds = {"overdue", "due_soon", "on_time",
                                                                "stopped", "lapsed"};
constexpr std::array<std::string_view, kDueStatusCount> kLabels = {
    "已超期", "即将到期", "正常", "停止计时", "停止计时期限已过"};

StatusOr<RequestState> OpenStateFromId(std::string_view id) {
  for (int i = 0; i <= static_cast<int>(RequestState::kAwaitingFee); ++i) {
    if (RequestStateId(static_cast<RequestState>(i)) == id) return static_cast<RequestState>(i);
  }
  return InvalidArgumentError("未知办理状态“" + std::string(id) + "” (unknown state)");
}

StatusOr<Date> FilterDate(std::string_view text) {
  StatusOr<Date> d = Date::Parse(text);
  if (!d.ok()) return InvalidArgumentError("日期“" + std::string(text) + "”应为 YYYY-MM-DD");
  return d;
}

// Sets *target from `text` through `parse` unless `text` is empty; notes the first error.
template <typename T, typename Parse>
void SetField(const std::string& text, Parse parse, std::optional<T>* target, std::string* error) {
  if (text.empty()) return;
  StatusOr<T> v = parse(text);
  if (v.ok()) {
    *target = *v;
  } else if (error->empty()) {
    *error = v.status().message();
  }
}

bool ClockStopped(const Request& r) {
  return r.state == RequestState::kAwaitingCorrection || r.state == RequestState::kConsulting ||
         (r.state == RequestState::kAwaitingFee && !r.due);
}

}  // namespace

std::string_view DueStatusId(DueStatus s) { return kIds[static_cast<size_t>(s)]; }
std::string_view DueStatusLabel(DueStatus s) { return kLabels[static_cast<size_t>(s)]; }

StatusOr<DueStatus> DueStatusFromId(std::string_view id) {
  for (size_t i = 0; i < kIds.size(); ++i) {
    if (id == kIds[i] || id == kLabels[i]) return static_cast<DueStatus>(i);
  }
  return InvalidArgumentError("未知期限状态“" + std::string(id) +
                              "”，应为 overdue、due_soon、on_time、stopped 或 lapsed (unknown due status)");
}

StatusOr<WorkItem> ClassifyWork(const Request& r, std::optional<Date> action_due, Date today,
                                const WorkCalendar& calendar) {
  WorkItem item;
  item.request = r;
  if (ClockStopped(r)) {
    const bool lapsed = action_due && today > *action_due;
    item.status = lapsed ? DueStatus::kActionLapsed : DueStatus::kClockStopped;
    item.due = action_due;
    item.status_label =
        std::string(RequestStateLabel(r.state)) + (lapsed ? "（期限已过，待处理）" : "（停止计时）");
    return item;
  }
  item.due = r.due ? r.due : action_due;
  if (!r.due) {
    item.status = DueStatus::kOnTime;
  } else if (today > *r.due) {
    item.status = DueStatus::kOverdue;
  } else {
    GONGKAI_ASSIGN_OR_RETURN(Date horizon,
                             calendar.AddWorkingDays(today, work_list_config::kDueSoonWorkingDays));
    item.status = *r.due <= horizon ? DueStatus::kDueSoon : DueStatus::kOnTime;
  }
  item.status_label = std::string(DueStatusLabel(item.status));
  return item;
}

bool MatchesFilter(const WorkItem& item, const WorkFilter& f) {
  const Request& r = item.request;
  if (f.state && r.state != *f.state) return false;
  if (f.channel && r.channel != *f.channel) return false;
  if (f.due_status && item.status != *f.due_status) return false;
  if (f.received_from && r.received < *f.received_from) return false;
  if (f.received_to && r.received > *f.received_to) return false;
  if (!f.text.empty() && r.content.find(f.text) == std::string::npos) return false;
  return true;
}

WorkFilter ParseWorkFilter(const std::function<std::string(const std::string&)>& field,
                           std::string* error) {
  WorkFilter f;
  SetField(field("state"), OpenStateFromId, &f.state, error);
  SetField(field("channel"), ChannelFromId, &f.channel, error);
  SetField(field("due"), DueStatusFromId, &f.due_status, error);
  SetField(field("from"), FilterDate, &f.received_from, error);
  SetField(field("to"), FilterDate, &f.received_to, error);
  f.text = field("q");
  return f;
}

void SortByDue(std::vector<WorkItem>* items) {
  std::stable_sort(items->begin(), items->end(), [](const WorkItem& a, const WorkItem& b) {
    if (a.due.has_value() != b.due.has_value()) return a.due.has_value();
    if (a.due && *a.due != *b.due) return *a.due < *b.due;
    return a.request.id < b.request.id;
  });
}

PlainTable WorkListTable(const std::vector<WorkItem>& items, const std::string& title) {
  PlainTable t;
  t.title = title;
  t.header = {"编号", "收到日期", "渠道", "申请人类型", "申请内容", "办理状态", "期限", "期限状态"};
  for (const WorkItem& w : items) {
    const Request& r = w.request;
    t.rows.push_back(
        {std::to_string(r.id), r.received.ToString(), std::string(ChannelLabel(r.channel)),
         std::string(ApplicantKindLabel(r.applicant_kind)), r.content,
         std::string(RequestStateLabel(r.state)), w.due ? w.due->ToString() : "", w.status_label});
  }
  return t;
}

}  // namespace gongkai
