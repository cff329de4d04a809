// Import throughput per format, single thread: the shared seed reports are imported from text,
// rendered to HTML, DOCX and PDF in memory (render.h; PDF through LibreOffice, once per seed),
// and each format's import is timed over the same reports. Figures are reports/s and MB/s of
// input, each with a ratio against the baseline measured in the same run: the text importer on
// the seeds' own text (the same content). For PDF the time is split into poppler's text
// extraction, our line and column rebuilding, and the shared table logic.
//
// usage: ingest_bench SHARED_DIR [SECONDS_PER_FIGURE=1]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "bench_support.h"
#include "gongkai/file.h"
#include "gongkai/importer.h"
#include "gongkai/render.h"
#include "ingest/pdf_layout.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::vector<std::string> LoadSeeds(const fs::path& shared) {
  const std::vector<fs::path> files = bench::FilesIn(shared / "seeds", {".txt"});
  std::vector<std::string> out;
  for (const auto& f : files) {
    auto bytes = gongkai::ReadFileToString(f.string());
    if (bytes.ok()) out.push_back(std::move(bytes).value());
  }
  return out;
}

struct Figure {
  double reports_per_s = 0;
  double mb_per_s = 0;
  double s_per_report = 0;
};

// Runs `one(i)` over the inputs round-robin for at least `seconds`.
Figure Measure(const std::vector<std::string>& inputs, double seconds,
               const std::function<void(size_t)>& one) {
  size_t reports = 0, bytes = 0;
  Clock::time_point start = Clock::now();
  double elapsed = 0;
  do {
    for (size_t i = 0; i < inputs.size(); ++i) {
      one(i);
      bytes += inputs[i].size();
    }
    reports += inputs.size();
    elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  } while (elapsed < seconds);
  return {reports / elapsed, bytes / elapsed / (1 << 20), elapsed / reports};
}

void Print(const char* name, const Figure& f, const Figure& base) {
  std::printf("%-28s %9.1f reports/s %8.2f MB/s   %7.3f ms/report   x%.2f the text baseline's time\n",
              name, f.reports_per_s, f.mb_per_s, f.s_per_report * 1e3,
              f.s_per_report / base.s_per_report);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: ingest_bench SHARED_DIR [SECONDS_PER_FIGURE]\n");
    return 2;
  }
  const double seconds = argc > 2 ? std::atof(argv[2]) : 1.0;
  std::vector<std::string> texts = LoadSeeds(argv[1]);
  if (texts.empty()) {
    std::fprintf(stderr, "ingest_bench: no seeds under %s/seeds\n", argv[1]);
    return 1;
  }
  std::vector<std::string> html, docx, pdf;
  for (size_t i = 0; i < texts.size(); ++i) {
    auto r = gongkai::ImportReportBytes(texts[i], "seed");
    if (!r.ok()) {
      std::fprintf(stderr, "ingest_bench: seed %zu: %s\n", i, r.status().message().c_str());
      return 1;
    }
    html.push_back(gongkai::RenderHtml(r->report));
    auto d = gongkai::RenderReport(r->report, gongkai::RenderFormat::kDocx);
    if (!d.ok()) {
      std::fprintf(stderr, "ingest_bench: %s\n", d.status().message().c_str());
      return 1;
    }
    docx.push_back(*d);
    auto p = gongkai::RenderReport(r->report, gongkai::RenderFormat::kPdf);
    if (p.ok()) pdf.push_back(*p);
    else std::fprintf(stderr, "ingest_bench: no PDF fixture (%s)\n", p.status().message().c_str());
  }
  auto import = [](const std::vector<std::string>& in) {
    return [&in](size_t i) {
      auto r = gongkai::ImportReportBytes(in[i], "bench");
      if (!r.ok()) {
        std::fprintf(stderr, "ingest_bench: import failed: %s\n", r.status().message().c_str());
        std::exit(1);
      }
    };
  };
  std::printf("%zu seed reports; each figure at least %.1f s, single thread\n", texts.size(), seconds);
  Figure base = Measure(texts, seconds, import(texts));
  Print("text (baseline)", base, base);
  Print("html", Measure(html, seconds, import(html)), base);
  Print("docx", Measure(docx, seconds, import(docx)), base);
  if (pdf.empty()) return 0;
  Print("pdf (whole import)", Measure(pdf, seconds, import(pdf)), base);
  // Where PDF time goes: the same work in three stages.
  std::vector<std::vector<gongkai::ingest_internal::PdfPage>> pages(pdf.size());
  Figure extract = Measure(pdf, seconds, [&](size_t i) {
    auto p = gongkai::ingest_internal::ExtractPdfWords(pdf[i], "bench.pdf");
    if (p.ok()) pages[i] = std::move(p).value();
  });
  std::vector<gongkai::ingest_internal::LayoutText> layouts;
  for (size_t i = 0; i < pdf.size(); ++i) layouts.emplace_back("bench.pdf");
  Figure rebuild = Measure(pdf, seconds, [&](size_t i) {
    gongkai::ingest_internal::LayoutText l("bench.pdf");
    gongkai::ingest_internal::PdfPagesToLayout(pages[i], &l);
    layouts[i] = std::move(l);
  });
  Figure tables = Measure(pdf, seconds, [&](size_t i) {
    auto r = gongkai::ImportLayoutText(layouts[i].text(), "bench.pdf", layouts[i].sources());
    (void)r;
  });
  Print("  pdf: poppler text_list", extract, base);
  Print("  pdf: lines and columns", rebuild, base);
  Print("  pdf: shared table logic", tables, base);
  std::printf("  pdf time shares: poppler %.0f%%, rebuild %.0f%%, tables %.0f%%\n",
              100 * extract.s_per_report / (extract.s_per_report + rebuild.s_per_report + tables.s_per_report),
              100 * rebuild.s_per_report / (extract.s_per_report + rebuild.s_per_report + tables.s_per_report),
              100 * tables.s_per_report / (extract.s_per_report + rebuild.s_per_report + tables.s_per_report));
  return 0;
}
