// PDF batch rendering (issue 10): 20 reports (the shared seeds, round-robin) rendered to PDF with
// RenderReports, which converts the whole batch in one LibreOffice process, against the baseline
// measured in the same run: one plain `soffice --convert-to pdf` call over the same 20 DOCX files
// (a fresh private profile, as the renderer uses). Each is run twice, alternating; the best time
// of each counts. Goal: at most 1.5x the baseline.
//
// usage: pdf_batch_bench SHARED_DIR [REPORTS=20]
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "bench_support.h"
#include "gongkai/importer.h"
#include "gongkai/render.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

// One plain LibreOffice conversion of every DOCX in `docx_dir` into `out_dir`; seconds, or -1.
double PlainSoffice(const fs::path& work, const std::vector<fs::path>& docx, int run) {
  const fs::path profile = work / ("profile-" + std::to_string(run));
  const fs::path out = work / ("out-" + std::to_string(run));
  fs::create_directories(out);
  std::string command = "soffice -env:UserInstallation=file://" + profile.string() +
                        " --headless --norestore --nologo --convert-to pdf --outdir '" + out.string() + "'";
  for (const fs::path& p : docx) command += " '" + p.string() + "'";
  command += " >/dev/null 2>&1";
  auto start = Clock::now();
  int rc = std::system(command.c_str());
  double seconds = Seconds(Clock::now() - start);
  size_t pdfs = 0;
  for (const auto& e : fs::directory_iterator(out)) pdfs += e.path().extension() == ".pdf";
  if (rc != 0 || pdfs != docx.size()) {
    std::fprintf(stderr, "pdf_batch_bench: soffice failed (exit %d, %zu of %zu PDFs)\n", rc, pdfs, docx.size());
    return -1;
  }
  return seconds;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: pdf_batch_bench SHARED_DIR [REPORTS]\n");
    return 2;
  }
  const size_t count = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 20;
  const std::vector<fs::path> files = bench::FilesIn(fs::path(argv[1]) / "seeds", {".txt"});
  if (count == 0) {
    std::fprintf(stderr, "pdf_batch_bench: COUNT must be at least 1\n");
    return 1;
  }
  std::vector<gongkai::AnnualReport> models;
  for (size_t i = 0; i < count; ++i) {
    auto imported = gongkai::ImportReportFile(files[i % files.size()].string());
    if (!imported.ok()) {
      std::fprintf(stderr, "pdf_batch_bench: %s\n", imported.status().message().c_str());
      return 1;
    }
    models.push_back(std::move(imported->report));
  }
  char pattern[] = "/tmp/pdf-batch-bench-XXXXXX";
  if (mkdtemp(pattern) == nullptr) return 1;
  const fs::path work = pattern;
  std::vector<fs::path> docx;
  for (size_t i = 0; i < models.size(); ++i) {
    auto bytes = gongkai::RenderReport(models[i], gongkai::RenderFormat::kDocx);
    if (!bytes.ok()) return 1;
    docx.push_back(work / ("report-" + std::to_string(i) + ".docx"));
    std::ofstream(docx.back(), std::ios::binary) << *bytes;
  }
  double best_plain = 1e9, best_batch = 1e9;
  int status = 0;
  for (int run = 0; run < 2; ++run) {
    double plain = PlainSoffice(work, docx, run);
    if (plain < 0) status = 1;
    else best_plain = std::min(best_plain, plain);
    auto start = Clock::now();
    auto pdfs = gongkai::RenderReports(models, gongkai::RenderFormat::kPdf);
    double batch = Seconds(Clock::now() - start);
    for (const auto& p : pdfs) {
      if (!p.ok()) {
        std::fprintf(stderr, "pdf_batch_bench: %s\n", p.status().message().c_str());
        status = 1;
      }
    }
    best_batch = std::min(best_batch, batch);
  }
  std::error_code ec;
  fs::remove_all(work, ec);
  if (status != 0) return status;
  std::printf("%zu reports to PDF, best of 2 runs each\n", models.size());
  std::printf("%-46s %8.2f s\n", "baseline: one soffice --convert-to, same DOCX", best_plain);
  std::printf("%-46s %8.2f s  %.2fx baseline (goal <= 1.5x)\n", "RenderReports(pdf), one LibreOffice", best_batch,
              best_batch / best_plain);
  return 0;
}
