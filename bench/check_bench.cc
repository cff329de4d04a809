// Peak memory of `gongkai check DIR` against the number of files (issue 10, "Scale"): check
// streams its output and keeps only the carry-over cells of each report, so its peak RSS must not
// grow with the number of files. The shared seed reports are written N times into a temporary
// directory, each copy under its own agency name (so the carry-over check keeps one record per
// file), and `gongkai check` runs on it as a child process; its peak RSS comes from wait4's
// rusage (ru_maxrss). Baseline: the same command on one file, in the same run.
//
// usage: check_bench SHARED_DIR [SMALL=1000] [LARGE=20000]
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "bench_support.h"
#include "gongkai/file.h"

namespace {

namespace fs = std::filesystem;

struct Seed {
  std::string text;
  std::string agency;
};

std::vector<Seed> LoadSeeds(const fs::path& shared) {
  const std::vector<fs::path> files = bench::FilesIn(shared / "seeds", {".txt"});
  std::vector<Seed> out;
  const std::regex agency_re("\"agency\":\\s*\"([^\"]+)\"");
  for (const fs::path& f : files) {
    auto text = gongkai::ReadFileToString(f.string());
    fs::path expected = f;
    expected.replace_extension(".expected.json");
    auto json = gongkai::ReadFileToString(expected.string());
    std::smatch m;
    if (!text.ok() || !json.ok() || !std::regex_search(*json, m, agency_re)) continue;
    out.push_back({std::move(text).value(), m[1].str()});
  }
  return out;
}

std::string ReplaceAll(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

// Writes n reports into dir: seed i % seeds, with its agency renamed to a unique name.
void WriteReports(const std::vector<Seed>& seeds, size_t n, const fs::path& dir) {
  fs::create_directories(dir);
  for (size_t i = 0; i < n; ++i) {
    const Seed& s = seeds[i % seeds.size()];
    std::string name = s.agency + "第" + std::to_string(i) + "分局";
    char file[32];
    std::snprintf(file, sizeof file, "r%06zu.txt", i);
    std::ofstream(dir / file, std::ios::binary) << ReplaceAll(s.text, s.agency, name);
  }
}

struct Run {
  long max_rss_kb = 0;
  double seconds = 0;
  int status = -1;
};

// Runs `gongkai check dir` with its output discarded; returns its peak RSS and time.
Run RunCheck(const std::string& gongkai, const fs::path& dir) {
  auto start = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    FILE* null = std::fopen("/dev/null", "w");
    if (null) {
      dup2(fileno(null), 1);
      dup2(fileno(null), 2);
    }
    execl(gongkai.c_str(), gongkai.c_str(), "check", dir.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  Run r;
  int status = 0;
  struct rusage usage {};
  if (pid > 0 && wait4(pid, &status, 0, &usage) == pid) {
    r.max_rss_kb = usage.ru_maxrss;
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: check_bench SHARED_DIR [SMALL=1000] [LARGE=20000]\n");
    return 2;
  }
  const size_t small = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 1000;
  const size_t large = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 20000;
  // The gongkai beside this benchmark (build/bench/../gongkai), or $GONGKAI_BIN.
  const char* bin = std::getenv("GONGKAI_BIN");
  const std::string gongkai =
      bin ? std::string(bin)
          : (fs::canonical("/proc/self/exe").parent_path().parent_path() / "gongkai").string();
  std::vector<Seed> seeds = LoadSeeds(argv[1]);
  if (seeds.empty() || !fs::exists(gongkai)) {
    std::fprintf(stderr, "check_bench: no seeds in %s/seeds or no %s\n", argv[1], gongkai.c_str());
    return 1;
  }
  std::string tmpl = (fs::temp_directory_path() / "gongkai-check-bench-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) return 1;
  const fs::path root = tmpl;
  std::printf("%-28s %10s %10s %12s\n", "gongkai check", "peak MB", "seconds", "vs 1 file");
  Run one, first, last;
  for (size_t n : {size_t{1}, small, large}) {
    fs::path dir = root / std::to_string(n);
    WriteReports(seeds, n, dir);
    Run r = RunCheck(gongkai, dir);
    if (n == 1) one = r;
    if (n == small) first = r;
    last = r;
    std::printf(
        "%-28s %10.1f %10.2f %11.2fx%s\n", (std::to_string(n) + " files").c_str(),
        static_cast<double>(r.max_rss_kb) / 1024, r.seconds,
        static_cast<double>(r.max_rss_kb) / static_cast<double>(std::max(1L, one.max_rss_kb)),
        r.status == 0 || r.status == 1 ? "" : "  (failed)");
    fs::remove_all(dir);
  }
  fs::remove_all(root);
  std::printf(
      "peak RSS, %zu files vs %zu files: %.2fx (1.00x = independent of the number of files)\n",
      large, small,
      static_cast<double>(last.max_rss_kb) / static_cast<double>(std::max(1L, first.max_rss_kb)));
  return 0;
}
