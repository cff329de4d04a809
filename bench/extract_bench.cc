// Extract + validate throughput of the text importer, single thread, on the shared seeds and
// corpus (text and markdown) replicated in memory. Prints MB/s and reports/s for the whole
// pipeline and for each stage (decoding, parsing, validation), and each as a ratio against a
// baseline measured in the same run: one pass over the same bytes counting lines (memchr).
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

#include "gongkai/decode.h"
#include "gongkai/file.h"
#include "gongkai/importer.h"
#include "gongkai/validator.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::vector<std::string> LoadReports(const fs::path& shared) {
  std::vector<std::string> out;
  for (const char* dir : {"seeds", "corpus"}) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(shared / dir)) {
      auto ext = e.path().extension();
      if (ext == ".txt" || ext == ".md") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      auto bytes = gongkai::ReadFileToString(f.string());
      if (bytes.ok()) out.push_back(std::move(bytes).value());
    }
  }
  return out;
}

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: extract_bench SHARED_DIR [MEGABYTES]\n");
    return 2;
  }
  size_t target = (argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 64) << 20;
  std::vector<std::string> originals = LoadReports(argv[1]);
  if (originals.empty()) {
    std::fprintf(stderr, "extract_bench: no reports under %s\n", argv[1]);
    return 1;
  }
  std::vector<const std::string*> batch;
  size_t bytes = 0;
  while (bytes < target) {
    for (const auto& r : originals) {
      batch.push_back(&r);
      bytes += r.size();
    }
  }
  const double mb = static_cast<double>(bytes) / (1 << 20);
  const double n = static_cast<double>(batch.size());

  // Baseline: one pass over the bytes.
  auto t0 = Clock::now();
  size_t lines = 0;
  for (const std::string* r : batch) {
    const char* p = r->data();
    const char* end = p + r->size();
    while ((p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p))))) {
      ++lines;
      ++p;
    }
  }
  double baseline = Seconds(Clock::now() - t0);

  Clock::duration decode{}, parse{}, validate{};
  size_t findings = 0, failures = 0;
  auto start = Clock::now();
  for (const std::string* r : batch) {
    auto a = Clock::now();
    auto text = gongkai::DecodeToUtf8(*r, "bench");
    auto b = Clock::now();
    decode += b - a;
    if (!text.ok()) {
      ++failures;
      continue;
    }
    auto imported = gongkai::ImportLayoutText(text->utf8, "bench");
    auto c = Clock::now();
    parse += c - b;
    if (!imported.ok()) {
      ++failures;
      continue;
    }
    gongkai::Findings f = gongkai::Validate(imported->report);
    validate += Clock::now() - c;
    findings += f.size() + imported->findings.size();
  }
  double total = Seconds(Clock::now() - start);

  std::printf("input: %zu reports (%zu distinct), %.1f MB, %zu lines; %zu findings, %zu failures\n",
              batch.size(), originals.size(), mb, lines, findings, failures);
  std::printf("baseline (memchr line count): %8.1f MB/s\n", mb / baseline);
  std::printf("%-28s %10s %12s %14s\n", "stage", "MB/s", "reports/s", "x baseline time");
  auto row = [&](const char* name, double secs) {
    std::printf("%-28s %10.1f %12.0f %14.1f\n", name, mb / secs, n / secs, secs / baseline);
  };
  row("decode (UTF-8 check)", Seconds(decode));
  row("parse (tables, sections)", Seconds(parse));
  row("validate", Seconds(validate));
  row("extract+validate (total)", total);
  return failures == 0 ? 0 : 1;
}
