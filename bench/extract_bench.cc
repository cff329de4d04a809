// Extract + validate throughput of the importers per core (times are this thread's CPU time, so
// other processes on the machine do not skew them), on the mixed corpus: the shared
// seeds and corpus (text, markdown and HTML) replicated in memory. Prints MB/s and reports/s for
// the whole pipeline and for each stage (decoding text; rendering HTML to layout text with
// libxml2; parsing tables and sections; validation), each as a ratio against a baseline measured
// in the same run: one pass over the same bytes counting lines (memchr). Then the whole pipeline
// per format, since an HTML page is mostly markup and a text report is all text, and the floor
// of the HTML path: libxml2's HTML parser alone over the same pages, with no callbacks (no tree,
// nothing kept), and what the total would be if the HTML importer cost only that. Every figure is
// the fastest of three passes.
//
// usage: extract_bench SHARED_DIR [MEGABYTES=64]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <libxml/HTMLparser.h>

#include "bench_support.h"
#include "gongkai/decode.h"
#include "gongkai/file.h"
#include "gongkai/importer.h"
#include "gongkai/validator.h"
#include "ingest/importers.h"

namespace {

namespace fs = std::filesystem;
using Clock = bench::ThreadCpuClock;

constexpr int kPasses = 3;

struct Report {
  std::string bytes;
  bool html = false;
};

std::vector<Report> LoadReports(const fs::path& shared) {
  std::vector<Report> out;
  for (const char* dir : {"seeds", "corpus"}) {
    for (const auto& f : bench::FilesIn(shared / dir, {".txt", ".md", ".html"})) {
      auto bytes = gongkai::ReadFileToString(f.string());
      if (!bytes.ok()) continue;
      const bool html = gongkai::DetectFormat(*bytes) == gongkai::ReportFormat::kHtml;
      out.push_back({std::move(bytes).value(), html});
    }
  }
  return out;
}

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

// libxml2's HTML parser over each HTML report with every SAX callback unset: its tokenizing
// alone, which no importer built on it can go below. Options as the HTML importer's.
Clock::duration LibxmlTokenizing(const std::vector<const Report*>& batch) {
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                      HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NOIMPLIED;
  auto start = Clock::now();
  for (const Report* r : batch) {
    if (!r->html) continue;
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (!ctxt) continue;
    std::memset(ctxt->sax, 0, sizeof(*ctxt->sax));
    htmlDocPtr doc = htmlCtxtReadMemory(ctxt, r->bytes.data(), static_cast<int>(r->bytes.size()),
                                        nullptr, "UTF-8", options);
    if (doc) xmlFreeDoc(doc);
    htmlFreeParserCtxt(ctxt);
  }
  return Clock::now() - start;
}

// The baseline: one pass over the bytes counting lines with memchr.
Clock::duration LineCounting(const std::vector<const Report*>& batch, size_t* lines) {
  auto start = Clock::now();
  *lines = 0;
  for (const Report* r : batch) {
    const char* p = r->bytes.data();
    const char* end = p + r->bytes.size();
    while ((p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p))))) {
      ++*lines;
      ++p;
    }
  }
  return Clock::now() - start;
}

// The time of each stage of one pass of the pipeline over the batch.
struct PipelineTimes {
  Clock::duration decode{}, html{}, parse{}, validate{}, total{};
  Clock::duration text_total{}, html_total{};  // per format, all stages
  size_t findings = 0, failures = 0;
  bool measured = false;

  // Keeps, for each stage, the faster of this and `pass`.
  void KeepFastest(const PipelineTimes& pass) {
    if (!measured) {
      *this = pass;
      measured = true;
      return;
    }
    for (auto [mine, theirs] : {std::pair{&decode, &pass.decode}, {&html, &pass.html},
                                {&parse, &pass.parse}, {&validate, &pass.validate},
                                {&total, &pass.total}, {&text_total, &pass.text_total},
                                {&html_total, &pass.html_total}}) {
      *mine = std::min(*mine, *theirs);
    }
  }
};

PipelineTimes RunPipeline(const std::vector<const Report*>& batch) {
  PipelineTimes t;
  auto start = Clock::now();
  for (const Report* r : batch) {
    auto a = Clock::now();
    gongkai::StatusOr<gongkai::ImportedReport> imported =
        gongkai::Status(gongkai::StatusCode::kInternal, "not imported");
    Clock::time_point c;
    if (r->html) {
      auto page = gongkai::ingest_internal::RenderHtmlLayout(r->bytes, "bench");
      auto b = Clock::now();
      t.html += b - a;
      if (!page.ok()) {
        ++t.failures;
        continue;
      }
      imported = gongkai::ingest_internal::FinishLayout(page->layout, "bench", "html", page->encoding);
      c = Clock::now();
      t.parse += c - b;
    } else {
      auto text = gongkai::DecodeToUtf8(r->bytes, "bench");
      auto b = Clock::now();
      t.decode += b - a;
      if (!text.ok()) {
        ++t.failures;
        continue;
      }
      imported = gongkai::ImportLayoutText(text->utf8, "bench");
      c = Clock::now();
      t.parse += c - b;
    }
    if (!imported.ok()) {
      ++t.failures;
      continue;
    }
    gongkai::Findings f = gongkai::Validate(imported->report);
    auto d = Clock::now();
    t.validate += d - c;
    (r->html ? t.html_total : t.text_total) += d - a;
    t.findings += f.size() + imported->findings.size();
  }
  t.total = Clock::now() - start;
  return t;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: extract_bench SHARED_DIR [MEGABYTES]\n");
    return 2;
  }
  size_t target = (argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 64) << 20;
  std::vector<Report> originals = LoadReports(argv[1]);
  if (originals.empty()) {
    std::fprintf(stderr, "extract_bench: no reports under %s\n", argv[1]);
    return 1;
  }
  std::vector<const Report*> batch;
  size_t bytes = 0, html_bytes = 0, html_reports = 0;
  while (bytes < target) {
    for (const auto& r : originals) {
      batch.push_back(&r);
      bytes += r.bytes.size();
      if (r.html) {
        html_bytes += r.bytes.size();
        ++html_reports;
      }
    }
  }
  const double mb = static_cast<double>(bytes) / (1 << 20);
  const double n = static_cast<double>(batch.size());

  // Each figure is the fastest of kPasses passes (bench::FastestOf).
  const auto wall_start = bench::Clock::now();
  size_t lines = 0;
  const double baseline =
      Seconds(bench::FastestOf(kPasses, [&] { return LineCounting(batch, &lines); }));
  PipelineTimes t;
  for (int pass = 0; pass < kPasses; ++pass) t.KeepFastest(RunPipeline(batch));
  const double libxml =
      Seconds(bench::FastestOf(kPasses, [&] { return LibxmlTokenizing(batch); }));
  const double wall = bench::Seconds(wall_start);

  std::printf("input: %zu reports (%zu distinct; %zu HTML, %.1f MB of it), %.1f MB, %zu lines; "
              "%zu findings, %zu failures\n",
              batch.size(), originals.size(), html_reports,
              static_cast<double>(html_bytes) / (1 << 20), mb, lines, t.findings, t.failures);
  std::printf("baseline (memchr line count): %8.1f MB/s  (times: this thread's CPU time, the "
              "fastest of %d passes, which took %.1f s of wall time)\n",
              mb / baseline, kPasses, wall);
  std::printf("%-36s %10s %12s %14s\n", "stage (MB/s of all input bytes)", "MB/s", "reports/s",
              "x baseline time");
  auto row = [&](const char* name, double secs) {
    std::printf("%-36s %10.1f %12.0f %14.1f\n", name, mb / secs, n / secs, secs / baseline);
  };
  row("decode (text: UTF-8 check)", Seconds(t.decode));
  row("html (decode, libxml2, walk)", Seconds(t.html));
  row("parse (tables, sections)", Seconds(t.parse));
  row("validate", Seconds(t.validate));
  row("extract+validate (total)", Seconds(t.total));
  std::printf("%-36s %10s %12s %14s\n", "per format (MB/s of its own bytes)", "MB/s", "reports/s",
              "x baseline time");
  auto format_row = [&](const char* name, double part_bytes, double reports, double secs) {
    if (reports == 0 || secs <= 0) return;
    const double part_baseline = baseline * part_bytes / static_cast<double>(bytes);
    std::printf("%-36s %10.1f %12.0f %14.1f\n", name, part_bytes / (1 << 20) / secs, reports / secs,
                secs / part_baseline);
  };
  format_row("extract+validate, text and markdown", static_cast<double>(bytes - html_bytes),
             n - static_cast<double>(html_reports), Seconds(t.text_total));
  format_row("extract+validate, HTML", static_cast<double>(html_bytes),
             static_cast<double>(html_reports), Seconds(t.html_total));
  format_row("libxml2's HTML tokenizing alone", static_cast<double>(html_bytes),
             static_cast<double>(html_reports), libxml);
  std::printf("ceiling of the total with HTML at libxml2's tokenizing: %.1f MB/s\n",
              mb / (Seconds(t.text_total) + libxml));
  return t.failures == 0 ? 0 : 1;
}
