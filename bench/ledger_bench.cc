// Ledger throughput: registering requests and generating annual reports, each as a ratio
// against a plain SQLite baseline measured in the same run.
//
// Workload: GONGKAI_LEDGER_BENCH_REQUESTS requests (default 1,000,000) across 4,589 agencies
// (1 region, 12 cities, 103 counties, 4,473 departments), received over 2025 and stored with
// their final state (about 90% concluded with one outcome row) through CaseStore::AddRequests:
// one transaction per batch of 10,000 (each row with its register event and audit entry, WAL,
// synchronous=FULL). Baseline: the same rows inserted with one prepared INSERT into a plain
// table with no indexes, events or audit log, in the same batches.
// Reports: every agency's 2025 report plus the 116 roll-ups from one tally of the year
// (GenerateAllAnnualReports), each validated; then the per-agency path (GenerateAnnualReport,
// indexed queries per agency). Baseline: one plain GROUP BY over the baseline table giving the
// same per-agency counts. The baseline and the one-tally reports are each the fastest of three.
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <vector>

#include "bench_support.h"
#include "gongkai/ledger.h"
#include "gongkai/store.h"
#include "gongkai/validator.h"

using gongkai::Date;
using namespace bench;  // bench_support.h

int main(int argc, char** argv) {
  (void)argc;
  (void)argv;
  int64_t n = 1000000;
  if (const char* env = std::getenv("GONGKAI_LEDGER_BENCH_REQUESTS")) n = std::atoll(env);
  if (n <= 0) Die("GONGKAI_LEDGER_BENCH_REQUESTS must be positive");
  constexpr int kAgencies = Region::kAgencies;
  constexpr size_t kBatch = 10000;
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("gongkai_ledger_bench_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  gongkai::WorkCalendar cal = Check(gongkai::WorkCalendar::LoadDefault(), "calendar");

  // Agencies and applicants are set up without fsync; the timed part reopens durably.
  auto store =
      Check(gongkai::OpenSqliteStore((dir / "ledger.db").string(), {.durable = false}), "open");
  const auto [agencies, applicants] = AddRegion(*store);

  // The rows, prepared up front so that both loops store the same data.
  std::mt19937_64 rng(1);
  const Date first = Date::FromYmd(2025, 1, 1);
  std::vector<gongkai::Request> rows(static_cast<size_t>(n));
  for (gongkai::Request& r : rows) {
    r.agency_id = agencies[rng() % agencies.size()];
    r.applicant_id = applicants[rng() % applicants.size()];
    r.applicant_kind = static_cast<gongkai::ApplicantKind>((r.applicant_id - applicants[0]) % 6);
    r.channel = gongkai::Channel::kOnline;
    r.received = first + static_cast<int>(rng() % 365);
    r.clock_start = r.received;
    r.content = "某项政府信息";
    r.form = "电子邮件";
    r.due = Check(cal.AddWorkingDays(r.received, 20), "due");
    if (rng() % 10 != 0) {
      int reply_in = static_cast<int>(rng() % 20);
      r.state = gongkai::RequestState::kConcluded;
      r.concluded_on = Check(cal.AddWorkingDays(r.received, reply_in), "reply");
      r.outcome =
          std::string(gongkai::T3RowId(gongkai::kFirstOutcomeRow + static_cast<int>(rng() % 21)));
      r.due.reset();
    }
  }

  // Baseline: plain inserts of the same columns.
  sqlite3* db = nullptr;
  sqlite3_open((dir / "baseline.db").string().c_str(), &db);
  sqlite3_exec(
      db,
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE request("
      "id INTEGER PRIMARY KEY, agency_id INTEGER, applicant_id INTEGER, applicant_kind "
      "INTEGER, channel TEXT, received TEXT, content TEXT, form TEXT, state TEXT, due TEXT, "
      "concluded_on TEXT, outcome TEXT)",
      nullptr, nullptr, nullptr);
  sqlite3_stmt* ins = nullptr;
  sqlite3_prepare_v2(
      db, "INSERT INTO request VALUES (NULL, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", -1,
      &ins, nullptr);
  auto t0 = Clock::now();
  for (size_t i = 0; i < rows.size(); ++i) {
    if (i % kBatch == 0) sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    const gongkai::Request& r = rows[i];
    std::string received = r.received.ToString();
    std::string due = r.due ? r.due->ToString() : "";
    std::string concluded = r.concluded_on ? r.concluded_on->ToString() : "";
    sqlite3_bind_int64(ins, 1, r.agency_id);
    sqlite3_bind_int64(ins, 2, r.applicant_id);
    sqlite3_bind_int(ins, 3, static_cast<int>(r.applicant_kind));
    sqlite3_bind_text(ins, 4, "online", -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 5, received.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(ins, 6, r.content.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(ins, 7, r.form.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(ins, 8, r.concluded_on ? "concluded" : "open", -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 9, due.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(ins, 10, concluded.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(ins, 11, r.outcome.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(ins) != SQLITE_DONE) Die(sqlite3_errmsg(db));
    sqlite3_reset(ins);
    if (i % kBatch == kBatch - 1 || i + 1 == rows.size())
      sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  }
  double base_insert = Seconds(t0);
  sqlite3_finalize(ins);

  // The ledger: AddRequests in the same batches, durable (synchronous=FULL).
  store = Check(gongkai::OpenSqliteStore((dir / "ledger.db").string()), "reopen");
  t0 = Clock::now();
  for (size_t i = 0; i < rows.size(); i += kBatch) {
    std::vector<gongkai::Request> batch(
        rows.begin() + static_cast<long>(i),
        rows.begin() + static_cast<long>(std::min(rows.size(), i + kBatch)));
    gongkai::Status s = store->AddRequests(&batch, "bench");
    if (!s.ok()) Die(s.message());
  }
  double ledger_insert = Seconds(t0);

  // The report timings are each the fastest of kReportPasses runs: on a shared machine a run is
  // only ever slowed.
  constexpr int kReportPasses = 3;
  // Baseline report: one GROUP BY giving per-agency counts.
  int64_t groups = 0;
  const double base_report = FastestOf(kReportPasses, [&] {
    t0 = Clock::now();
    sqlite3_stmt* grp = nullptr;
    sqlite3_prepare_v2(
        db, "SELECT agency_id, applicant_kind, outcome, count(*) FROM request GROUP BY 1, 2, 3",
        -1, &grp, nullptr);
    groups = 0;
    while (sqlite3_step(grp) == SQLITE_ROW) ++groups;
    sqlite3_finalize(grp);
    return Seconds(t0);
  });
  sqlite3_close(db);

  // All reports and roll-ups from one tally, each validated.
  double bulk_generate = 1e300, bulk_total = 1e300;
  std::vector<gongkai::AnnualReport> reports;
  int errors = 0;
  for (int pass = 0; pass < kReportPasses; ++pass) {
    t0 = Clock::now();
    reports = Check(gongkai::GenerateAllAnnualReports(*store, 2025, true), "reports");
    bulk_generate = std::min(bulk_generate, Seconds(t0));
    errors = 0;
    for (const gongkai::AnnualReport& r : reports)
      errors += gongkai::CountSeverity(gongkai::Validate(r), gongkai::Severity::kError);
    bulk_total = std::min(bulk_total, Seconds(t0));
  }
  // The per-agency path.
  t0 = Clock::now();
  for (int64_t a : agencies) Check(gongkai::GenerateAnnualReport(*store, a, 2025, false), "report");
  double per_agency = Seconds(t0);

  std::printf(
      "ledger_bench: %lld requests, %d agencies, batches of %zu rows (one transaction each)\n",
      static_cast<long long>(n), kAgencies, kBatch);
  std::printf(
      "  register (AddRequests, with events and audit): %10.0f requests/s  (%.2fx the plain SQLite "
      "insert loop, %.0f rows/s)\n",
      n / ledger_insert, base_insert / ledger_insert, n / base_insert);
  std::printf(
      "  reports (one tally, %zu reports incl. %zu roll-ups): %10.0f reports/s  (%.2f s; with "
      "validation %.2f s, %d errors)\n",
      reports.size(), reports.size() - agencies.size(), reports.size() / bulk_generate,
      bulk_generate, bulk_total, errors);
  std::printf("  reports (per agency, indexed queries):         %10.0f reports/s  (%.2f s)\n",
              agencies.size() / per_agency, per_agency);
  std::printf(
      "  baseline: plain GROUP BY over the same rows:   %10.0f agency tallies/s (%.2f s, %lld "
      "groups); "
      "one-tally reports at %.2fx, per-agency at %.2fx\n",
      agencies.size() / base_report, base_report, static_cast<long long>(groups),
      base_report / bulk_generate, base_report / per_agency);
  store.reset();
  std::filesystem::remove_all(dir);
  return errors ? 1 : 0;
}
