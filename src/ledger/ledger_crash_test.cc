// Crash test, on both backends: a child process registers requests and reports each id only
// after its commit returned; the parent kills it with SIGKILL at random moments
// (crash_driver.h). Every acknowledged request must be in the database afterwards, the audit
// chain intact, and on SQLite PRAGMA integrity_check must say ok.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <set>

#include "crash_driver.h"
#include "gongkai/stores.h"
#include "ledger_test_util.h"
#include "store_test_backend.h"

namespace gongkai {
namespace {

using store_testing::TestDatabase;

// Runs in the child: registers requests forever, writing each committed id to `fd`.
[[noreturn]] void RegisterForever(const std::string& db, int fd, int64_t agency,
                                  int64_t applicant) {
  auto store = OpenCaseStore(db);  // durable: SQLite synchronous=FULL, PostgreSQL sync commit
  if (!store.ok()) _exit(3);
  Ledger ledger(store->get(), &ledger_test::TestCalendar());
  for (int i = 0;; ++i) {
    NewRequest n;
    n.agency_id = agency;
    n.applicant_id = applicant;
    n.channel = Channel::kInPerson;
    n.dates.submitted = Date::FromYmd(2024, 1 + i % 12, 1 + i % 28);
    n.content = "崩溃测试申请 " + std::to_string(i);
    n.actor = "crash";
    StatusOr<int64_t> id = ledger.Register(n);
    if (!id.ok()) _exit(4);
    int64_t v = *id;
    if (write(fd, &v, sizeof v) != sizeof v) _exit(5);
  }
}

class LedgerCrashTest : public ::testing::TestWithParam<Backend> {};

TEST_P(LedgerCrashTest, AcknowledgedRequestsSurviveSigkill) {
  TestDatabase db(GetParam());
  GONGKAI_REQUIRE_TEST_DATABASE(db);
  int64_t agency, applicant;
  {
    auto store = OpenCaseStore(db.url());
    ASSERT_TRUE(store.ok()) << store.status().message();
    agency = *(*store)->AddAgency({0, "某局", 0, AgencyKind::kDepartment}, "t");
    applicant = *(*store)->AddApplicant({0, ApplicantKind::kNatural, "张三"}, {}, "t");
  }
  ledger_test::TestCalendar();  // load before forking
  std::set<int64_t> acknowledged;
  int fds[2] = {-1, -1};
  store_testing::KillRepeatedly(
      {},
      [&]() -> pid_t {
        if (pipe(fds) != 0) return -1;
        pid_t pid = fork();
        if (pid == 0) {
          close(fds[0]);
          RegisterForever(db.url(), fds[1], agency, applicant);
        }
        close(fds[1]);
        return pid;
      },
      [&] {
        int64_t v;
        while (read(fds[0], &v, sizeof v) == sizeof v) acknowledged.insert(v);
        close(fds[0]);
      });
  EXPECT_GT(acknowledged.size(), 0u);
  auto store = OpenCaseStore(db.url());
  ASSERT_TRUE(store.ok()) << store.status().message();
  for (int64_t id : acknowledged) {
    auto r = (*store)->GetRequest(id);
    EXPECT_TRUE(r.ok()) << "acknowledged request " << id << " lost";
  }
  auto v = (*store)->VerifyAuditLog();
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_TRUE(v->intact) << v->problem;
  store->reset();
  if (GetParam() != Backend::kSqlite) return;
  std::string path = db.url().substr(db.url().find(':') + 1);
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(raw, "PRAGMA integrity_check", -1, &st, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "ok");
  sqlite3_finalize(st);
  sqlite3_close(raw);
}

INSTANTIATE_TEST_SUITE_P(Backends, LedgerCrashTest,
                         ::testing::ValuesIn(store_testing::AllBackends()),
                         store_testing::BackendName);

}  // namespace
}  // namespace gongkai
