// The supervisor at the scale of seed 001's region (issue 13): 4,589 agencies with five years of
// reports.
//   1. The tree (Supervision::Tree) of the whole region for one year, against the baseline of
//      reading the agencies alone (CaseStore::ListAgencies), in the same run.
//   2. An upload of 1,000 reports in one ZIP (Supervision::Upload: import, validate, match, store)
//      against what `gongkai check` does with the same ZIP (ImportReportsBytes + Validate), in the
//      same run: the goal is the importer's own speed (ratio near 1).
// The generated reports' stored model is their tables (the tree reads only counts and dates).
//
// usage: supervise_bench SHARED_DIR [--db PATH] [--zip PATH]   (for bench/supervise_web_bench.sh:
//        --db keeps the database, which must not exist yet; --zip writes the upload's ZIP)
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "bench_support.h"
#include "gongkai/file.h"
#include "gongkai/importer.h"
#include "gongkai/report_json.h"
#include "gongkai/store.h"
#include "gongkai/supervision.h"
#include "gongkai/validator.h"
#include "render/zip_writer.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using namespace gongkai;

constexpr int kAgencies = 4589;
constexpr int kCities = 12;
constexpr int kCountiesPerCity = 9;
constexpr int kFirstYear = 2021;
constexpr int kYears = 5;
constexpr int kUploadReports = 1000;

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

[[noreturn]] void Die(const std::string& what, const Status& s) {
  std::fprintf(stderr, "supervise_bench: %s: %s\n", what.c_str(), s.message().c_str());
  std::exit(1);
}

// A region, its cities and counties, and departments spread over them, 4,589 in all.
std::vector<int64_t> MakeAgencies(CaseStore& store) {
  std::vector<int64_t> ids, governments;
  auto add = [&](const std::string& name, int64_t parent, AgencyKind kind) {
    StatusOr<int64_t> id = store.AddAgency({0, name, parent, kind}, "bench");
    if (!id.ok()) Die("AddAgency", id.status());
    ids.push_back(*id);
    return *id;
  };
  int64_t region = add("某自治区", 0, AgencyKind::kRegion);
  governments.push_back(region);
  for (int c = 0; c < kCities; ++c) {
    int64_t city = add("第" + std::to_string(c + 1) + "市", region, AgencyKind::kCity);
    governments.push_back(city);
    for (int k = 0; k < kCountiesPerCity; ++k) {
      governments.push_back(
          add("第" + std::to_string(c + 1) + "市第" + std::to_string(k + 1) + "县", city,
              AgencyKind::kCounty));
    }
  }
  for (size_t i = 0; ids.size() < static_cast<size_t>(kAgencies); ++i) {
    int64_t parent = governments[i % governments.size()];
    add("部门" + std::to_string(i + 1), parent, AgencyKind::kDepartment);
  }
  return ids;
}

struct SeedReport {
  std::string text;
  std::string tables_json;
  int errors = 0, warnings = 0;
};

std::vector<SeedReport> LoadSeeds(const fs::path& shared) {
  const std::vector<fs::path> files = bench::FilesIn(shared / "seeds", {".txt"});
  std::vector<SeedReport> out;
  for (const fs::path& f : files) {
    StatusOr<std::string> text = ReadFileToString(f.string(), kMaxReportBytes);
    if (!text.ok()) Die(f.string(), text.status());
    StatusOr<ImportedReport> in = ImportReportBytes(*text, f.filename().string());
    if (!in.ok()) Die(f.string(), in.status());
    Findings v = Validate(in->report);
    SeedReport s;
    s.text = *text;
    s.tables_json = ReportToJson(in->report, {}, {}, {false, false, -1});
    s.errors = CountSeverity(v, Severity::kError);
    s.warnings = CountSeverity(v, Severity::kWarning);
    out.push_back(std::move(s));
  }
  return out;
}

// Five years of reports: about one agency in ten has not filed in a given year.
void MakeSubmissions(CaseStore& store, const std::vector<int64_t>& agencies,
                     const std::vector<SeedReport>& seeds) {
  StatusOr<std::unique_ptr<SubmissionStore>> subs = OpenSubmissionStore(store);
  if (!subs.ok()) Die("OpenSubmissionStore", subs.status());
  std::vector<Submission> batch;
  size_t n = 0;
  for (int y = kFirstYear; y < kFirstYear + kYears; ++y) {
    for (size_t i = 0; i < agencies.size(); ++i) {
      if ((i * 7 + static_cast<size_t>(y)) % 10 == 0) continue;
      const SeedReport& seed = seeds[(i + static_cast<size_t>(y)) % seeds.size()];
      Submission s;
      s.supervisor_id = agencies[0];
      s.agency_id = agencies[i];
      s.match = SubmissionMatch::kExact;
      s.year = y;
      s.file_name = "report-" + std::to_string(++n) + ".txt";
      s.sha256 = std::string(64, 'a');
      s.format = "text";
      s.report_agency = "部门";
      s.model_json = seed.tables_json;
      s.tables_json = seed.tables_json;
      s.errors = seed.errors;
      s.warnings = seed.warnings;
      s.filed = Date::FromYmd(y + 1, 1, 1 + static_cast<int>(i % 28));
      s.uploaded_by = "bench";
      batch.push_back(std::move(s));
      if (batch.size() == 1000) {
        if (auto r = (*subs)->Add(batch, "bench"); !r.ok()) Die("Add", r.status());
        batch.clear();
      }
    }
  }
  if (!batch.empty()) {
    if (auto r = (*subs)->Add(batch, "bench"); !r.ok()) Die("Add", r.status());
  }
}

template <typename F>
std::vector<double> Time(int runs, F f) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    auto t0 = Clock::now();
    f();
    ms.push_back(Ms(Clock::now() - t0));
  }
  std::sort(ms.begin(), ms.end());
  return ms;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc % 2 != 0) {
    std::fprintf(stderr, "usage: supervise_bench SHARED_DIR [--db PATH] [--zip PATH]\n");
    return 2;
  }
  const fs::path shared = argv[1];
  std::string db, zip_out;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--db") {
      db = argv[i + 1];
    } else if (flag == "--zip") {
      zip_out = argv[i + 1];
    } else {
      std::fprintf(stderr, "usage: supervise_bench SHARED_DIR [--db PATH] [--zip PATH]\n");
      return 2;
    }
  }
  fs::path tmp;
  if (db.empty()) {
    tmp = fs::temp_directory_path() / ("supervise_bench_" + std::to_string(getpid()));
    fs::create_directories(tmp);
    db = (tmp / "s.db").string();
  }
  std::vector<SeedReport> seeds = LoadSeeds(shared);
  auto t0 = Clock::now();
  StatusOr<std::unique_ptr<CaseStore>> store = OpenSqliteStore(db, {OpenMode::kCreate, false});
  if (!store.ok()) Die(db, store.status());
  std::vector<int64_t> agencies = MakeAgencies(**store);
  MakeSubmissions(**store, agencies, seeds);
  std::printf("fixture: %d agencies, %d years of reports, built in %.1f s\n", kAgencies, kYears,
              Ms(Clock::now() - t0) / 1000);

  // 1. The tree.
  StatusOr<std::unique_ptr<Supervision>> sup =
      Supervision::Open(**store, Supervisor{agencies[0], "bench"});
  if (!sup.ok()) Die("Open", sup.status());
  const int year = kFirstYear + kYears - 1;
  std::vector<double> base = Time(20, [&] { (void)(*store)->ListAgencies(); });
  size_t rows = 0;
  // Each run opens a Supervision as a request of the web server does. The first run of a version
  // assembles the tree; the others find it in the process's cache (supervision_cache.h), as every
  // request does until the next write.
  std::vector<double> tree = Time(20, [&] {
    StatusOr<std::unique_ptr<Supervision>> s =
        Supervision::Open(**store, Supervisor{agencies[0], "bench"});
    StatusOr<SupervisionTree> t = (*s)->Tree(year);
    if (!t.ok()) Die("Tree", t.status());
    rows = t->rows.size();
  });
  std::printf(
      "tree of %zu agencies (%d): assembled %.1f ms (slowest run: the first), cached median "
      "%.2f ms; baseline ListAgencies median %.1f ms; ratio (cached) %.2fx\n",
      rows, year, tree.back(), tree[tree.size() / 2], base[base.size() / 2],
      tree[tree.size() / 2] / base[base.size() / 2]);

  // 2. An upload of 1,000 reports in one ZIP against the check of the same ZIP.
  std::vector<render_internal::ZipEntry> entries;
  for (int i = 0; i < kUploadReports; ++i) {
    entries.push_back({"reports/" + std::to_string(i) + ".txt",
                       seeds[static_cast<size_t>(i) % seeds.size()].text});
  }
  StatusOr<std::string> zip = render_internal::WriteZip(entries);
  if (!zip.ok()) Die("WriteZip", zip.status());
  if (!zip_out.empty()) {
    std::ofstream out(zip_out, std::ios::binary);
    out << *zip;
    if (!out.flush()) {
      std::fprintf(stderr, "supervise_bench: cannot write %s\n", zip_out.c_str());
      return 1;
    }
  }
  // Each side three times, the fastest counting (the machine may be shared).
  constexpr int kRuns = 3;
  size_t checked = 0, findings = 0;
  double check_ms = 1e300;
  for (int run = 0; run < kRuns; ++run) {
    auto c0 = Clock::now();
    checked = findings = 0;
    for (NamedImport& n : ImportReportsBytes(*zip, "bundle.zip")) {
      if (!n.result.ok()) continue;
      ++checked;
      findings += n.result->findings.size() + Validate(n.result->report).size();
    }
    check_ms = std::min(check_ms, Ms(Clock::now() - c0));
  }
  // The upload into a durable database, as the server writes.
  fs::path up_dir = fs::temp_directory_path() / ("supervise_bench_up_" + std::to_string(getpid()));
  fs::create_directories(up_dir);
  {
    StatusOr<std::unique_ptr<CaseStore>> up_store = OpenSqliteStore(
        (up_dir / "u.db").string(), {OpenMode::kCreate, getenv("NODURABLE") == nullptr});
    if (!up_store.ok()) Die("upload db", up_store.status());
    std::vector<int64_t> up_agencies = MakeAgencies(**up_store);
    StatusOr<std::unique_ptr<Supervision>> up =
        Supervision::Open(**up_store, Supervisor{up_agencies[0], "bench"});
    double upload_ms = 1e300;
    int stored = 0;
    for (int run = 0; run < kRuns; ++run) {  // each run stores another 1,000 versions
      auto u0 = Clock::now();
      StatusOr<UploadResult> r = (*up)->Upload(*zip, "bundle.zip", Date::FromYmd(2026, 1, 20));
      upload_ms = std::min(upload_ms, Ms(Clock::now() - u0));
      if (!r.ok()) Die("Upload", r.status());
      stored = r->stored;
    }
    std::printf(
        "upload of %d reports in a ZIP (%zu KB): %.0f ms (%d stored); check of the same "
        "ZIP (import + validate, %zu reports, %zu findings): %.0f ms; ratio %.2fx "
        "(fastest of %d each)\n",
        kUploadReports, zip->size() / 1024, upload_ms, stored, checked, findings, check_ms,
        upload_ms / check_ms, kRuns);
  }
  fs::remove_all(up_dir);
  if (!tmp.empty()) fs::remove_all(tmp);
  return 0;
}
