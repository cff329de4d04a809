#include "gongkai/work_list.h"

#include <gtest/gtest.h>

#include <map>

#include "ledger_test_util.h"

namespace gongkai {
namespace {

using ledger_test::D;
using ledger_test::TestCalendar;

Request Running(int64_t id, const char* due) {
  Request r;
  r.id = id;
  r.received = D("2026-02-02");
  r.due = D(due);
  r.content = "2025年部门预算";
  return r;
}

DueStatus StatusOn(const Request& r, const char* today) {
  StatusOr<WorkItem> w = ClassifyWork(r, r.due, D(today), TestCalendar());
  EXPECT_TRUE(w.ok()) << w.status().message();
  return w.ok() ? w->status : DueStatus::kOnTime;
}

TEST(WorkListTest, DueSoonCountsWorkingDaysNotCalendarDays) {
  // Friday 2026-03-06: three working days later is Wednesday 03-11 (the weekend not counted).
  EXPECT_EQ(StatusOn(Running(1, "2026-03-11"), "2026-03-06"), DueStatus::kDueSoon);
  EXPECT_EQ(StatusOn(Running(1, "2026-03-12"), "2026-03-06"), DueStatus::kOnTime);
  EXPECT_EQ(StatusOn(Running(1, "2026-03-06"), "2026-03-06"), DueStatus::kDueSoon);
  EXPECT_EQ(StatusOn(Running(1, "2026-03-05"), "2026-03-06"), DueStatus::kOverdue);
  // Over the official 2026 National Day holiday (1–7 October off, Saturday 10 October worked):
  // from Wednesday 30 September the working days are 8, 9 and 10 October.
  EXPECT_EQ(StatusOn(Running(1, "2026-10-10"), "2026-09-30"), DueStatus::kDueSoon);
  EXPECT_EQ(StatusOn(Running(1, "2026-10-12"), "2026-09-30"), DueStatus::kOnTime);
}

TEST(WorkListTest, StoppedClockShownAsSuchWithTheNextDate) {
  Request r = Running(2, "2026-03-05");
  r.due.reset();
  r.state = RequestState::kAwaitingCorrection;
  StatusOr<WorkItem> w = ClassifyWork(r, D("2026-03-20"), D("2026-03-06"), TestCalendar());
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->status, DueStatus::kClockStopped);
  EXPECT_EQ(w->status_label, "待补正（停止计时）");
  EXPECT_EQ(w->due, D("2026-03-20"));
  r.state = RequestState::kConsulting;
  w = ClassifyWork(r, D("2026-03-20"), D("2026-03-06"), TestCalendar());
  EXPECT_EQ(w->status_label, "征求意见中（停止计时）");
  r.state = RequestState::kAwaitingFee;
  w = ClassifyWork(r, D("2026-03-20"), D("2026-03-06"), TestCalendar());
  EXPECT_EQ(w->status_label, "待缴费（停止计时）");
}

TEST(WorkListTest, StoppedClockWhosePeriodPassedIsFlagged) {
  Request r = Running(2, "2026-03-05");
  r.due.reset();
  r.state = RequestState::kAwaitingCorrection;
  // On the last day of the applicant's period the clock is simply stopped; the day after, the
  // office must act.
  StatusOr<WorkItem> w = ClassifyWork(r, D("2026-03-20"), D("2026-03-20"), TestCalendar());
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->status, DueStatus::kClockStopped);
  w = ClassifyWork(r, D("2026-03-20"), D("2026-03-21"), TestCalendar());
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->status, DueStatus::kActionLapsed);
  EXPECT_EQ(w->status_label, "待补正（期限已过，待处理）");
  EXPECT_EQ(w->due, D("2026-03-20"));
  r.state = RequestState::kConsulting;
  w = ClassifyWork(r, D("2026-03-20"), D("2026-04-01"), TestCalendar());
  EXPECT_EQ(w->status_label, "征求意见中（期限已过，待处理）");
  // Without a known period nothing can lapse.
  w = ClassifyWork(r, std::nullopt, D("2026-04-01"), TestCalendar());
  EXPECT_EQ(w->status, DueStatus::kClockStopped);
  EXPECT_EQ(DueStatusFromId("lapsed").value(), DueStatus::kActionLapsed);
  EXPECT_EQ(DueStatusId(DueStatus::kActionLapsed), "lapsed");
}

TEST(WorkListTest, FiltersAndSortByDue) {
  std::vector<WorkItem> items;
  for (auto [id, due, content] : std::vector<std::tuple<int, const char*, const char*>>{
           {1, "2026-03-30", "预算"}, {2, "2026-03-02", "决算"}, {3, "2026-03-10", "预算公开"}}) {
    WorkItem w = *ClassifyWork(Running(id, due), D(due), D("2026-03-06"), TestCalendar());
    w.request.content = content;
    items.push_back(w);
  }
  items[2].request.channel = Channel::kInPerson;
  items[2].request.received = D("2026-02-20");
  WorkItem none = items[0];
  none.request.id = 4;
  none.due.reset();
  items.insert(items.begin(), none);
  SortByDue(&items);
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].request.id, 2);
  EXPECT_EQ(items[1].request.id, 3);
  EXPECT_EQ(items[2].request.id, 1);
  EXPECT_EQ(items[3].request.id, 4) << "no date: last";

  auto count = [&](const WorkFilter& f) {
    int n = 0;
    for (const WorkItem& w : items) n += MatchesFilter(w, f);
    return n;
  };
  EXPECT_EQ(count({}), 4);
  EXPECT_EQ(count({.text = "预算"}), 3);
  EXPECT_EQ(count({.text = "预算公开"}), 1);
  EXPECT_EQ(count({.channel = Channel::kInPerson}), 1);
  EXPECT_EQ(count({.due_status = DueStatus::kOverdue}), 1);
  EXPECT_EQ(count({.due_status = DueStatus::kDueSoon}), 1);
  EXPECT_EQ(count({.received_from = D("2026-02-10")}), 1);
  EXPECT_EQ(count({.received_to = D("2026-02-10")}), 3);
  EXPECT_EQ(count({.state = RequestState::kConsulting}), 0);
}

TEST(WorkListTest, TableHasOneRowPerItemAndNoPersonalData) {
  WorkItem w =
      *ClassifyWork(Running(7, "2026-03-05"), std::nullopt, D("2026-03-06"), TestCalendar());
  w.request.content = "=cmd|' /C calc'!A0";
  PlainTable t = WorkListTable({w}, "待办");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.header.size(), t.rows[0].size());
  EXPECT_EQ(t.rows[0][0], "7");
  EXPECT_EQ(t.rows[0][6], "2026-03-05");
  EXPECT_EQ(t.rows[0][7], "已超期");
  std::string csv = RenderTableCsv(t);
  EXPECT_NE(csv.find("\"'=cmd|' /C calc'!A0\""), std::string::npos);
}

TEST(WorkListTest, FilterFromFields) {
  std::map<std::string, std::string> fields = {
      {"state", "awaiting_correction"}, {"channel", "in_person"}, {"due", "stopped"},
      {"from", "2026-01-01"},           {"to", "2026-01-31"},     {"q", "预算"}};
  auto field = [&](const std::string& name) { return fields[name]; };
  std::string error;
  WorkFilter f = ParseWorkFilter(field, &error);
  EXPECT_EQ(error, "");
  EXPECT_EQ(f.state, RequestState::kAwaitingCorrection);
  EXPECT_EQ(f.channel, Channel::kInPerson);
  EXPECT_EQ(f.due_status, DueStatus::kClockStopped);
  EXPECT_EQ(f.received_from, D("2026-01-01"));
  EXPECT_EQ(f.received_to, D("2026-01-31"));
  EXPECT_EQ(f.text, "预算");
  fields = {{"state", "concluded"}, {"from", "tomorrow"}, {"channel", "online"}};
  f = ParseWorkFilter(field, &error);
  EXPECT_NE(error.find("未知办理状态"), std::string::npos) << "the first bad field: " << error;
  EXPECT_FALSE(f.state.has_value()) << "a concluded request is never on the work list";
  EXPECT_FALSE(f.received_from.has_value());
  EXPECT_EQ(f.channel, Channel::kOnline) << "the good fields still apply";
}

TEST(WorkListTest, DueStatusIds) {
  for (int i = 0; i < kDueStatusCount; ++i) {
    auto s = static_cast<DueStatus>(i);
    EXPECT_EQ(*DueStatusFromId(DueStatusId(s)), s);
    EXPECT_EQ(*DueStatusFromId(DueStatusLabel(s)), s);
  }
  EXPECT_FALSE(DueStatusFromId("late").ok());
}

}  // namespace
}  // namespace gongkai
