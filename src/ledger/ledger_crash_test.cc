// Crash test: a child process registers requests and reports each id only after its commit
// returned; the parent kills it with SIGKILL at random moments. Every acknowledged request must
// be in the database afterwards, and PRAGMA integrity_check must say ok.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <set>
#include <thread>

#include "ledger_test_util.h"

namespace gongkai {
namespace {

// Runs in the child: registers requests forever, writing each committed id to `fd`.
[[noreturn]] void RegisterForever(const std::string& path, int fd, int64_t agency,
                                  int64_t applicant) {
  auto store = OpenSqliteStore(path);  // durable: synchronous=FULL
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

TEST(LedgerCrashTest, AcknowledgedRequestsSurviveSigkill) {
  ledger_test::TempDir dir;
  const std::string path = dir.File("ledger.db");
  int64_t agency, applicant;
  {
    auto store = OpenSqliteStore(path);
    ASSERT_TRUE(store.ok());
    agency = *(*store)->AddAgency({0, "某局", 0, AgencyKind::kDepartment}, "t");
    applicant = *(*store)->AddApplicant({0, ApplicantKind::kNatural, "张三"}, {}, "t");
  }
  ledger_test::TestCalendar();  // load before forking
  std::mt19937 rng(7);
  std::set<int64_t> acknowledged;
  for (int round = 0; round < 6; ++round) {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      close(fds[0]);
      RegisterForever(path, fds[1], agency, applicant);
    }
    close(fds[1]);
    std::this_thread::sleep_for(
        std::chrono::milliseconds(std::uniform_int_distribution<int>(20, 200)(rng)));
    ASSERT_EQ(kill(pid, SIGKILL), 0);
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFSIGNALED(status)) << "child exited early with " << WEXITSTATUS(status);
    int64_t v;
    while (read(fds[0], &v, sizeof v) == sizeof v) acknowledged.insert(v);
    close(fds[0]);
  }
  EXPECT_GT(acknowledged.size(), 0u);
  auto store = OpenSqliteStore(path);
  ASSERT_TRUE(store.ok()) << store.status().message();
  for (int64_t id : acknowledged) {
    auto r = (*store)->GetRequest(id);
    EXPECT_TRUE(r.ok()) << "acknowledged request " << id << " lost";
  }
  store->reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "ok");
  sqlite3_finalize(st);
  sqlite3_close(db);
}

}  // namespace
}  // namespace gongkai
