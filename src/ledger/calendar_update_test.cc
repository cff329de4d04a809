// Next year's calendar: before the State Council's notice, a request is counted on a provisional
// calendar; once the year's file is added, every open request's due date is recomputed and
// audited.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "gongkai/ledger.h"
#include "ledger_test_util.h"

namespace gongkai {
namespace {

using ledger_test::D;

class CalendarUpdateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    cal_dir_ = dir_.File("calendar");
    std::filesystem::create_directories(cal_dir_);
    std::filesystem::copy_file(GONGKAI_SOURCE_DIR "/data/calendar/2026.txt",
                               cal_dir_ + "/2026.txt");
    store_ = std::move(OpenSqliteStore(dir_.File("ledger.db"), {.durable = false})).value();
    agency_ = *store_->AddAgency({0, "某旗人民政府", 0, AgencyKind::kCounty}, "t");
    applicant_ = *store_->AddApplicant({0, ApplicantKind::kNatural, "张三"}, {}, "t");
  }

  WorkCalendar Load(int through) {
    auto cal = WorkCalendar::LoadDir(cal_dir_);
    EXPECT_TRUE(cal.ok()) << cal.status().message();
    EXPECT_TRUE(cal->AddProvisionalYearsThrough(through).ok());
    return std::move(cal).value();
  }

  int64_t Register(Ledger& ledger, const char* date) {
    NewRequest n;
    n.agency_id = agency_;
    n.applicant_id = applicant_;
    n.channel = Channel::kOnline;
    n.dates.confirmed = D(date);
    n.content = "2026年部门决算";
    n.actor = "王";
    auto id = ledger.Register(n);
    EXPECT_TRUE(id.ok()) << id.status().message();
    return id.ok() ? *id : 0;
  }

  ledger_test::TempDir dir_;
  std::string cal_dir_;
  std::unique_ptr<CaseStore> store_;
  int64_t agency_ = 0, applicant_ = 0;
};

TEST_F(CalendarUpdateTest, ProvisionalYearHasWeekendsAndTheHolidaysFixedByDate) {
  WorkCalendar cal = Load(2028);
  EXPECT_FALSE(cal.IsProvisional(2026));
  EXPECT_TRUE(cal.IsProvisional(2027));
  EXPECT_TRUE(cal.IsProvisional(2028));
  EXPECT_EQ(cal.LastDataYear(), 2026);
  EXPECT_FALSE(*cal.IsWorkingDay(D("2027-01-01")));  // Friday, 元旦
  EXPECT_FALSE(*cal.IsWorkingDay(D("2027-10-01")));  // Friday, 国庆
  // 2027-05-03 is a Monday: the 调休 of the notice is not known yet, so it counts as working.
  EXPECT_TRUE(*cal.IsWorkingDay(D("2027-05-03")));
  EXPECT_FALSE(*cal.IsWorkingDay(D("2028-05-01")));  // a Monday
  EXPECT_FALSE(*cal.IsWorkingDay(D("2028-05-02")));  // Tuesday: 劳动节 is 1–2 May
  EXPECT_TRUE(*cal.IsWorkingDay(D("2028-05-03")));
  auto year = cal.Year(2027);
  ASSERT_TRUE(year.ok());
  EXPECT_TRUE(year->weekend_workdays.empty());
  EXPECT_FALSE(cal.IsWorkingDay(D("2029-01-02")).ok());  // beyond the provisional years
  WorkCalendar empty;
  EXPECT_FALSE(empty.AddProvisionalYearsThrough(2027).ok());
}

TEST_F(CalendarUpdateTest, RegistrationOnAProvisionalCalendarIsRecomputedWhenTheFileArrives) {
  WorkCalendar provisional = Load(2027);
  LedgerOptions on_the_30th;  // no step may be dated after today
  on_the_30th.today = D("2026-12-30");
  Ledger before_notice(store_.get(), &provisional, on_the_30th);
  int64_t id = Register(before_notice, "2026-12-28");
  auto r = store_->GetRequest(id);
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r->due);
  // Dec 29–31 (3), Jan 1 off, then 17 more working days: 26 January.
  EXPECT_EQ(r->due->ToString(), "2027-01-26");
  EXPECT_TRUE(provisional.IsProvisional(r->due->year()));

  // The notice comes out. (A test fixture: these are not the real 2027 holidays.)
  std::ofstream(cal_dir_ + "/2027.txt") << "# test fixture, not the official notice\n"
                                           "off 2027-01-01\noff 2027-01-18..2027-01-19\n";
  WorkCalendar official = Load(2027);
  EXPECT_FALSE(official.IsProvisional(2027));
  Ledger after_notice(store_.get(), &official, on_the_30th);
  auto changes = after_notice.RecomputeDueDates("李主任", D("2026-12-30"));
  ASSERT_TRUE(changes.ok()) << changes.status().message();
  ASSERT_EQ(changes->size(), 1u);
  EXPECT_EQ((*changes)[0].request_id, id);
  EXPECT_EQ((*changes)[0].before->ToString(), "2027-01-26");
  EXPECT_EQ((*changes)[0].after->ToString(), "2027-01-28");
  EXPECT_EQ(store_->GetRequest(id)->due->ToString(), "2027-01-28");

  auto events = store_->ListEvents(id);
  ASSERT_TRUE(events.ok());
  EXPECT_EQ(events->back().kind, "due_recomputed");
  EXPECT_EQ(events->back().actor, "李主任");
  auto audit = store_->ListAudit("request", id);
  ASSERT_TRUE(audit.ok());
  EXPECT_NE(audit->back().before_json.find("\"due\":\"2027-01-26\""), std::string::npos);
  EXPECT_NE(audit->back().after_json.find("\"due\":\"2027-01-28\""), std::string::npos);
  EXPECT_EQ(audit->back().actor, "李主任");

  // Nothing left to change; and the recomputation does not block a step dated before it.
  EXPECT_TRUE(after_notice.RecomputeDueDates("李主任", D("2026-12-31"))->empty());
  ReplyInput reply{D("2026-12-29"), "王", {"granted"}, "《条例》第三十六条", "予以公开"};
  EXPECT_TRUE(after_notice.Reply(id, reply).ok());
}

}  // namespace
}  // namespace gongkai
