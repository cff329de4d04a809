// The two backends side by side: the same ledger workload on SQLite (the baseline) and on
// PostgreSQL 15, each figure of PostgreSQL as a ratio against SQLite's in the same run.
//
// Workload: 4,589 agencies (1 region, 12 cities, 103 counties, 4,473 departments) and
// GONGKAI_BACKEND_BENCH_REQUESTS requests (default 1,000,000; 200000 for a quick run) received
// over 2025 with their final state, stored durably (SQLite synchronous=FULL; PostgreSQL fsync and
// synchronous_commit on):
//   bulk     CaseStore::AddRequests in transactions of 10,000 (each row with its event and audit;
//            PostgreSQL loads the three tables with COPY)
//   single   2,000 requests registered one transaction each (a clerk's AddRequest)
//   8 clients  8 threads, each with its own store, registering 250 requests each at once
//   reports  every agency's 2025 report and the roll-ups from one tally (GenerateAllAnnualReports)
// PostgreSQL: the server at GONGKAI_BENCH_PG_URL (a database the bench may fill), or a
// throwaway one started with scripts/pg-up --durable next to this build.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "bench_support.h"
#include "gongkai/ledger.h"
#include "gongkai/stores.h"

namespace {

using gongkai::Date;
using namespace bench;  // bench_support.h

struct Figures {
  double bulk = 0, single = 0, concurrent = 0, reports = 0;
};

gongkai::Request NewRequest(std::mt19937_64& rng, const std::vector<int64_t>& agencies,
                            const std::vector<int64_t>& applicants,
                            const gongkai::WorkCalendar& cal) {
  gongkai::Request r;
  r.agency_id = agencies[rng() % agencies.size()];
  r.applicant_id = applicants[rng() % applicants.size()];
  r.applicant_kind = static_cast<gongkai::ApplicantKind>((r.applicant_id - applicants[0]) % 6);
  r.received = Date::FromYmd(2025, 1, 1) + static_cast<int>(rng() % 365);
  r.clock_start = r.received;
  r.content = "某项政府信息";
  r.form = "电子邮件";
  r.due = Check(cal.AddWorkingDays(r.received, 20), "due");
  if (rng() % 10 != 0) {
    r.state = gongkai::RequestState::kConcluded;
    r.concluded_on = Check(cal.AddWorkingDays(r.received, static_cast<int>(rng() % 20)), "reply");
    r.outcome =
        std::string(gongkai::T3RowId(gongkai::kFirstOutcomeRow + static_cast<int>(rng() % 21)));
    r.due.reset();
  }
  return r;
}

Figures Run(const std::string& db, int64_t n, const gongkai::WorkCalendar& cal) {
  constexpr int kAgencies = Region::kAgencies, kCities = Region::kCities,
                kCounties = Region::kCounties;
  constexpr int64_t kBatch = 10000;
  // Agencies and applicants without fsync; the timed part reopens durably.
  auto store = Check(gongkai::OpenCaseStore(db, {.durable = false}), "open");
  const auto [agencies, applicants] = AddRegion(*store);
  // The same rows on both backends (one seed); made batch by batch, outside the timed part.
  std::mt19937_64 rng(1);
  auto next_batch = [&](int64_t from) {
    std::vector<gongkai::Request> batch;
    for (int64_t i = from; i < std::min<int64_t>(n, from + kBatch); ++i) {
      batch.push_back(NewRequest(rng, agencies, applicants, cal));
    }
    return batch;
  };

  Figures f;
  store = Check(gongkai::OpenCaseStore(db), "reopen");
  for (int64_t i = 0; i < n; i += kBatch) {
    std::vector<gongkai::Request> batch = next_batch(i);
    auto t0 = Clock::now();
    Check(store->AddRequests(&batch, "bench"), "bulk");
    f.bulk += Seconds(t0);
  }

  const gongkai::Event registered{0, 0, "register", Date::FromYmd(2025, 6, 2), "b", "", "{}", ""};
  auto t0 = Clock::now();
  for (int i = 0; i < 2000; ++i) {
    Check(store->AddRequest(NewRequest(rng, agencies, applicants, cal), {}, registered, ""),
          "single");
  }
  f.single = Seconds(t0);

  t0 = Clock::now();
  std::vector<std::thread> clients;
  for (int c = 0; c < 8; ++c) {
    clients.emplace_back([&, c] {
      std::mt19937_64 mine(100 + c);
      auto s = Check(gongkai::OpenCaseStore(db), "client");
      for (int i = 0; i < 250; ++i) {
        gongkai::Status st;
        do {  // a busy database is retried, as a clerk would
          st = s->AddRequest(NewRequest(mine, agencies, applicants, cal), {}, registered, "")
                   .status();
        } while (st.code() == gongkai::StatusCode::kFailedPrecondition);
        Check(st, "concurrent");
      }
    });
  }
  for (std::thread& t : clients) t.join();
  f.concurrent = Seconds(t0);

  t0 = Clock::now();
  auto reports = Check(gongkai::GenerateAllAnnualReports(*store, 2025, true), "reports");
  f.reports = Seconds(t0);
  if (reports.size() != static_cast<size_t>(kAgencies + 1 + kCities + kCounties)) {
    Die("unexpected report count " + std::to_string(reports.size()));
  }
  auto v = Check(store->VerifyAuditLog(), "verify");
  if (!v.intact) Die("audit log broken: " + v.problem);
  return f;
}

// Starts a durable throwaway server with scripts/pg-up; returns its URL (and the state dir).
std::string StartPostgres(const std::filesystem::path& state) {
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe");
  std::filesystem::path script = exe.parent_path().parent_path().parent_path() / "scripts/pg-up";
  if (!std::filesystem::exists(script)) Die("no scripts/pg-up next to " + exe.string());
  std::string cmd = script.string() + " " + state.string() + " --durable >/dev/null";
  if (std::system(cmd.c_str()) != 0) Die("scripts/pg-up failed");
  std::ifstream in(state / "url");
  std::string url;
  std::getline(in, url);
  return url;
}

}  // namespace

int main() {
  int64_t n = 1000000;
  if (const char* env = std::getenv("GONGKAI_BACKEND_BENCH_REQUESTS")) n = std::atoll(env);
  if (n <= 0) Die("GONGKAI_BACKEND_BENCH_REQUESTS must be positive");
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    ("gongkai_backend_bench_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  gongkai::WorkCalendar cal = Check(gongkai::WorkCalendar::LoadDefault(), "calendar");
  std::string pg;
  bool started = false;
  if (const char* env = std::getenv("GONGKAI_BENCH_PG_URL")) {
    pg = env;
  } else {
    pg = StartPostgres(dir / "postgres");
    started = true;
  }
  Figures sqlite = Run("sqlite:" + (dir / "ledger.db").string(), n, cal);
  Figures postgres = Run(pg, n, cal);
  if (started) {
    std::string down = (std::filesystem::path(std::filesystem::read_symlink("/proc/self/exe"))
                            .parent_path()
                            .parent_path()
                            .parent_path() /
                        "scripts/pg-down")
                           .string() +
                       " " + (dir / "postgres").string();
    (void)std::system(down.c_str());
  }
  std::filesystem::remove_all(dir);
  auto line = [&](const char* what, double count, double s, double p) {
    std::printf("%-34s SQLite %8.2f s (%9.0f/s)  PostgreSQL %8.2f s (%9.0f/s)  ratio %.2fx\n", what,
                s, count / s, p, count / p, p / s);
  };
  std::printf("backend_bench: %lld requests, 4,589 agencies; PostgreSQL / SQLite (baseline)\n",
              static_cast<long long>(n));
  line("bulk AddRequests (10,000/tx)", static_cast<double>(n), sqlite.bulk, postgres.bulk);
  line("single AddRequest (1/tx)", 2000, sqlite.single, postgres.single);
  line("8 clients x 250 AddRequest", 2000, sqlite.concurrent, postgres.concurrent);
  line("all 2025 reports + roll-ups", 4589 + 116, sqlite.reports, postgres.reports);
  return 0;
}
