// Test support: the driver of the crash tests (ledger_crash_test: a process registering requests
// through the ledger; serve_crash_test: `gongkai serve` taking applications over HTTP), on
// either backend. Each round starts a writer process, lets it work for a random moment and
// kills it with SIGKILL mid-write; the test then checks that everything the writer
// acknowledged (reported only after its commit returned) is in the database.
#pragma once

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <functional>
#include <random>
#include <thread>

namespace gongkai::store_testing {

struct CrashRounds {
  int rounds = 6;
  int min_ms = 20, max_ms = 200;  // how long each writer runs before SIGKILL
  unsigned seed = 7;
};

// For each round: start() launches the writer and returns its pid (or -1 on failure: the test
// fails); after a random moment the writer gets SIGKILL and is reaped; then collect() gathers
// what it acknowledged. A writer that exits on its own (it failed) fails the test.
inline void KillRepeatedly(const CrashRounds& c, const std::function<pid_t()>& start,
                           const std::function<void()>& collect) {
  std::mt19937 rng(c.seed);
  for (int round = 0; round < c.rounds; ++round) {
    pid_t pid = start();
    ASSERT_GT(pid, 0) << "round " << round << ": the writer did not start";
    std::this_thread::sleep_for(
        std::chrono::milliseconds(std::uniform_int_distribution<int>(c.min_ms, c.max_ms)(rng)));
    ASSERT_EQ(kill(pid, SIGKILL), 0);
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFSIGNALED(status)) << "round " << round << ": the writer exited early with "
                                     << WEXITSTATUS(status);
    collect();
  }
}

}  // namespace gongkai::store_testing
