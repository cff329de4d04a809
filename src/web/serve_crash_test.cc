// Crash test of the web server, on both backends (issue 14): `gongkai serve` takes public
// applications from 8 concurrent clients (POST /api/v1/applications) and is killed with SIGKILL
// mid-write, round after round (crash_driver.h, the driver of ledger_crash_test). Every
// application acknowledged with 201 and a query code must be found by that code after a restart,
// and the audit chain must verify.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>
#include <vector>

#include "crash_driver.h"
#include "gongkai/stores.h"
#include "store_test_backend.h"
#include "web_test_util.h"

namespace gongkai::web {
namespace {

using store_testing::TestDatabase;
using testing::Send;
using testing::TestResponse;

// `gongkai serve` on `db` with limits out of the way; *port receives its port. Returns the pid
// (-1 if it did not start).
pid_t StartServe(const std::string& db, uint16_t* port) {
  int out[2];
  if (pipe(out) != 0) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    close(out[1]);
    int null = open("/dev/null", O_WRONLY);
    dup2(null, STDERR_FILENO);
    execl(GONGKAI_BINARY, GONGKAI_BINARY, "serve", "--db", db.c_str(), "--listen",
          "127.0.0.1:0", "--threads", "4", "--today", "2026-03-02", "--no-access-log",
          "--data-dir", GONGKAI_SOURCE_DIR "/data", "--submissions-per-hour", "100000000",
          "--lookups-per-minute", "100000000", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(out[1]);
  std::string line;
  char c;
  while (read(out[0], &c, 1) == 1 && c != '\n') line += c;
  close(out[0]);  // the server writes nothing more to stdout until it stops
  size_t colon = line.rfind(':');
  if (pid < 0 || line.find("http://") == std::string::npos || colon == std::string::npos) {
    if (pid > 0) kill(pid, SIGKILL), waitpid(pid, nullptr, 0);
    return -1;
  }
  *port = static_cast<uint16_t>(std::stoi(line.substr(colon + 1)));
  return pid;
}

std::string Application(int64_t agency, int client, int i) {
  return nlohmann::json{{"agency_id", agency},
                        {"name", "崩溃测试"},
                        {"kind", "natural"},
                        {"id_type", "居民身份证"},
                        {"id_number", "150102"},
                        {"phone", "138"},
                        {"content", "部门预算 " + std::to_string(client) + "-" + std::to_string(i)},
                        {"form", "paper_post"}}
      .dump();
}

class ServeCrashTest : public ::testing::TestWithParam<Backend> {};

TEST_P(ServeCrashTest, AcknowledgedApplicationsSurviveSigkillOfTheServer) {
  TestDatabase db(GetParam());
  GONGKAI_REQUIRE_TEST_DATABASE(db);
  int64_t agency;
  {
    auto store = OpenCaseStore(db.url());
    ASSERT_TRUE(store.ok()) << store.status().message();
    int64_t region = *(*store)->AddAgency({0, "自治区人民政府", 0, AgencyKind::kRegion}, "t");
    agency = *(*store)->AddAgency({0, "民族事务委员会", region, AgencyKind::kDepartment}, "t");
  }
  std::mutex mu;
  std::set<std::string> acknowledged;
  std::vector<std::thread> clients;
  std::atomic<int> refused{0};
  store_testing::KillRepeatedly(
      {.rounds = 4, .min_ms = 300, .max_ms = 1200},
      [&]() -> pid_t {
        uint16_t port = 0;
        pid_t pid = StartServe(db.url(), &port);
        if (pid < 0) return pid;
        for (int c = 0; c < 8; ++c) {
          clients.emplace_back([&, c, port] {
            // Until the server is gone (no response at all).
            for (int i = 0;; ++i) {
              TestResponse r = Send(port, "POST", "/api/v1/applications", Application(agency, c, i),
                                    {{"Content-Type", "application/json"}});
              if (r.status == 0) return;
              if (r.status != 201) {
                ++refused;
                continue;
              }
              nlohmann::json j = nlohmann::json::parse(r.body, nullptr, false);
              std::lock_guard<std::mutex> lock(mu);
              acknowledged.insert(j.value("query_code", ""));
            }
          });
        }
        return pid;
      },
      [&] {
        for (std::thread& t : clients) t.join();
        clients.clear();
      });
  EXPECT_EQ(refused.load(), 0) << "applications refused while the server was up";
  ASSERT_GT(acknowledged.size(), 0u);
  EXPECT_EQ(acknowledged.count(""), 0u) << "a 201 without a query code";

  // After a restart every acknowledged code finds its application.
  uint16_t port = 0;
  pid_t pid = StartServe(db.url(), &port);
  ASSERT_GT(pid, 0);
  size_t lost = 0;
  for (const std::string& code : acknowledged) {
    TestResponse r = Send(port, "GET", "/api/v1/applications/" + code);
    if (r.status != 200) ++lost;
  }
  kill(pid, SIGTERM);
  waitpid(pid, nullptr, 0);
  EXPECT_EQ(lost, 0u) << "of " << acknowledged.size() << " acknowledged applications";
  auto store = OpenCaseStore(db.url());
  ASSERT_TRUE(store.ok());
  auto v = (*store)->VerifyAuditLog();
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_TRUE(v->intact) << v->problem;
}

INSTANTIATE_TEST_SUITE_P(Backends, ServeCrashTest,
                         ::testing::ValuesIn(store_testing::AllBackends()),
                         store_testing::BackendName);

}  // namespace
}  // namespace gongkai::web
