// Rendering throughput, single thread: the five shared seeds are imported once, then rendered
// round-robin in each format for about a second (PDF: a few conversions only, since each one
// starts LibreOffice). Prints reports rendered per second and bytes out per second, and each
// format's time per report as a ratio against the baseline measured in the same run:
// ReportToJson of the same models (the interchange JSON without provenance).
//
// usage: render_bench SHARED_DIR [SECONDS_PER_FORMAT=1] [PDF_RUNS=2]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_support.h"
#include "gongkai/importer.h"
#include "gongkai/render.h"
#include "gongkai/report_json.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Result {
  double seconds = 0;
  size_t reports = 0;
  size_t bytes = 0;
  bool failed = false;
  std::string error;
};

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

// Renders the models round-robin until `budget` seconds have passed (at least `min_runs`,
// at most `max_runs` renders).
template <typename Fn>
Result Measure(const std::vector<gongkai::AnnualReport>& models, double budget, size_t min_runs,
               size_t max_runs, Fn render) {
  Result r;
  auto start = Clock::now();
  while (r.reports < max_runs && (r.reports < min_runs || Seconds(Clock::now() - start) < budget)) {
    gongkai::StatusOr<std::string> out = render(models[r.reports % models.size()]);
    if (!out.ok()) {
      r.failed = true;
      r.error = out.status().message();
      break;
    }
    r.bytes += out->size();
    ++r.reports;
  }
  r.seconds = Seconds(Clock::now() - start);
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: render_bench SHARED_DIR [SECONDS_PER_FORMAT] [PDF_RUNS]\n");
    return 2;
  }
  const double budget = argc > 2 ? std::atof(argv[2]) : 1.0;
  const size_t pdf_runs = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 2;
  const std::vector<fs::path> files = bench::FilesIn(fs::path(argv[1]) / "seeds", {".txt"});
  std::vector<gongkai::AnnualReport> models;
  for (const fs::path& f : files) {
    auto imported = gongkai::ImportReportFile(f.string());
    if (!imported.ok()) {
      std::fprintf(stderr, "render_bench: %s\n", imported.status().message().c_str());
      return 1;
    }
    models.push_back(std::move(imported->report));
  }
  if (models.empty()) {
    std::fprintf(stderr, "render_bench: no seeds under %s/seeds\n", argv[1]);
    return 1;
  }

  gongkai::JsonOptions json_options;
  json_options.provenance = false;
  Result baseline = Measure(models, budget, 10, SIZE_MAX, [&](const gongkai::AnnualReport& m) {
    return gongkai::StatusOr<std::string>(
        gongkai::ReportToJson(m, gongkai::Findings{}, gongkai::JsonExtras{}, json_options));
  });
  const double base_per_report = baseline.seconds / static_cast<double>(baseline.reports);

  std::printf("models: %zu seeds, rendered round-robin, single thread\n", models.size());
  std::printf("%-30s %10s %12s %12s %16s\n", "format", "renders", "reports/s", "MB/s out", "x baseline time");
  int status = 0;
  auto row = [&](const char* name, const Result& r) {
    if (r.failed) {
      std::printf("%-30s failed: %s\n", name, r.error.c_str());
      status = 1;
      return;
    }
    double per_report = r.seconds / static_cast<double>(r.reports);
    std::printf("%-30s %10zu %12.1f %12.2f %16.2f\n", name, r.reports, 1.0 / per_report,
                static_cast<double>(r.bytes) / (1 << 20) / r.seconds, per_report / base_per_report);
  };
  row("baseline: ReportToJson", baseline);
  using gongkai::RenderFormat;
  for (RenderFormat f : {RenderFormat::kJson, RenderFormat::kMarkdown, RenderFormat::kHtml,
                         RenderFormat::kDocx, RenderFormat::kXlsx}) {
    Result r = Measure(models, budget, 10, SIZE_MAX,
                       [&](const gongkai::AnnualReport& m) { return gongkai::RenderReport(m, f); });
    row(std::string(gongkai::RenderFormatName(f)).c_str(), r);
  }
  if (pdf_runs > 0) {
    Result r = Measure(models, 0, pdf_runs, pdf_runs, [&](const gongkai::AnnualReport& m) {
      return gongkai::RenderReport(m, RenderFormat::kPdf);
    });
    row("pdf (LibreOffice, few runs)", r);
  }
  return status;
}
