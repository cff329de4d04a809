#include "batch.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <thread>

#include "gongkai/validator.h"

namespace gongkai::cli {
namespace fs = std::filesystem;

namespace {

bool IsSidecar(const fs::path& p) {
  std::string name = p.filename().string();
  return name.empty() || name[0] == '.' || name.ends_with(".expected.json");
}

// Imports one file (several reports for a ZIP bundle) and validates each report.
std::vector<BatchItem> ProcessFile(const std::string& path) {
  std::vector<BatchItem> out;
  for (NamedImport& n : ImportReportsFile(path)) {
    BatchItem item;
    item.path = n.name;
    if (!n.result.ok()) {
      item.status = n.result.status();
    } else {
      item.imported = std::move(n.result).value();
      item.findings = item.imported.findings;
      Findings v = Validate(item.imported.report);
      item.findings.insert(item.findings.end(), v.begin(), v.end());
    }
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace

std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs,
                                      std::vector<BatchItem>* missing) {
  std::vector<std::string> out;
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(
               in, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && !IsSidecar(it->path())) found.push_back(it->path().string());
      }
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else if (fs::exists(in, ec)) {
      out.push_back(in);
    } else {
      BatchItem item;
      item.path = in;
      item.status = NotFoundError(in + ": 文件或目录不存在 (no such file or directory)");
      missing->push_back(std::move(item));
    }
  }
  return out;
}

std::vector<BatchItem> RunBatch(const std::vector<std::string>& paths, unsigned threads) {
  std::vector<std::vector<BatchItem>> per_file(paths.size());
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<size_t>(threads, std::max<size_t>(1, paths.size())));
  std::atomic<size_t> next{0};
  auto work = [&]() {
    for (size_t i = next++; i < paths.size(); i = next++) per_file[i] = ProcessFile(paths[i]);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  std::vector<BatchItem> items;
  for (auto& file : per_file) {
    for (BatchItem& it : file) items.push_back(std::move(it));
  }

  // Carry-over between consecutive years of one agency.
  std::map<std::pair<std::string, int>, size_t> by_agency_year;
  for (size_t i = 0; i < items.size(); ++i) {
    const BatchItem& it = items[i];
    if (!it.status.ok() || it.imported.report.agency.empty() || !it.imported.report.year) continue;
    by_agency_year.emplace(std::make_pair(it.imported.report.agency, *it.imported.report.year), i);
  }
  for (const auto& [key, i] : by_agency_year) {
    auto prev = by_agency_year.find({key.first, key.second - 1});
    if (prev == by_agency_year.end()) continue;
    Findings f = ValidateCarryOver(items[prev->second].imported.report, items[i].imported.report);
    items[i].findings.insert(items[i].findings.end(), f.begin(), f.end());
  }
  return items;
}

}  // namespace gongkai::cli
