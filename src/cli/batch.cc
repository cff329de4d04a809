#include "batch.h"

#include <malloc.h>

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <filesystem>
#include <map>
#include <mutex>
#include <new>
#include <optional>
#include <thread>
#include <utility>

#include "gongkai/validator.h"

namespace gongkai::cli {
namespace fs = std::filesystem;

namespace {

bool IsHidden(const fs::path& p) {
  std::string name = p.filename().string();
  return name.empty() || name[0] == '.';
}

bool IsExpectedJson(const fs::path& p) { return p.filename().string().ends_with(".expected.json"); }

BatchItem ErrorItem(const std::string& path, Status status) {
  BatchItem item;
  item.path = path;
  item.status = std::move(status);
  return item;
}

// Imports one file (several reports for a ZIP bundle) and validates each report.
std::vector<BatchItem> ProcessFile(const std::string& path) {
  std::vector<BatchItem> out;
  try {
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
  } catch (const std::bad_alloc&) {
    out.clear();
    out.push_back(
        ErrorItem(path, ResourceExhaustedError(path + ": 内存不足，无法读取 (out of memory)")));
  } catch (...) {
    out.clear();
    out.push_back(
        ErrorItem(path, Status(StatusCode::kInternal,
                               path + ": 读取时发生内部错误 (internal error while reading)")));
  }
  return out;
}

// A counting semaphore of bytes: Acquire(n) waits until n more bytes fit under the capacity.
// A request larger than the capacity is clamped to it (it then runs alone). Thread-safe.
class ByteBudget {
 public:
  explicit ByteBudget(size_t capacity) : capacity_(capacity) {}
  size_t Acquire(size_t n) {
    n = std::min(n, capacity_);
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return used_ + n <= capacity_; });
    used_ += n;
    return n;
  }
  void Release(size_t n) {
    {
      std::lock_guard lock(mu_);
      used_ -= n;
    }
    cv_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  const size_t capacity_;
  size_t used_ = 0;
};

// A SourceLocation without its file name (the record's path), to keep records small.
struct CellPlace {
  int line = 0, page = 0, table = -1, row = -1, cell = -1;
};

// The part of a report the carry-over check reads, kept per (agency, year) for the whole batch:
// about 400 bytes beside the agency and the path.
struct CarryOverRecord {
  size_t sequence = 0;
  std::string path;
  std::array<std::optional<double>, kT3Columns> carried_forward;
  std::array<std::optional<double>, kT3Columns> carried_over;
  std::array<CellPlace, kT3Columns> carried_over_at;
};

CarryOverRecord MakeRecord(const BatchItem& item) {
  CarryOverRecord r;
  r.sequence = item.sequence;
  r.path = item.path;
  const Table3& t3 = item.imported.report.table3;
  for (size_t c = 0; c < static_cast<size_t>(kT3Columns); ++c) {
    r.carried_forward[c] = t3.cells[kCarriedForward][c].value;
    const Cell& over = t3.cells[kCarriedOver][c];
    r.carried_over[c] = over.value;
    r.carried_over_at[c] = {over.source.line, over.source.page, over.source.table, over.source.row,
                            over.source.cell};
  }
  return r;
}

Findings CheckCarryOver(const CarryOverRecord& prev, int prev_year, const CarryOverRecord& cur,
                        int cur_year) {
  AnnualReport p, c;
  p.year = prev_year;
  c.year = cur_year;
  for (size_t k = 0; k < static_cast<size_t>(kT3Columns); ++k) {
    p.table3.cells[kCarriedForward][k].value = prev.carried_forward[k];
    Cell& over = c.table3.cells[kCarriedOver][k];
    over.value = cur.carried_over[k];
    const CellPlace& at = cur.carried_over_at[k];
    over.source = {cur.path, at.line, at.page, at.table, at.row, at.cell};
  }
  return ValidateCarryOver(p, c);
}

// Runs the carry-over check as items arrive in order. Single-threaded (the emitting thread).
class CarryOverChecker {
 public:
  // Adds the carry-over findings against an earlier previous year to `item`, and keeps those
  // against an earlier next year for Late().
  void Add(BatchItem& item) {
    const AnnualReport& r = item.imported.report;
    if (!item.status.ok() || r.agency.empty() || !r.year) return;
    const int year = *r.year;
    auto [it, inserted] = records_.try_emplace({r.agency, year}, MakeRecord(item));
    if (!inserted) return;  // the first report of an agency and year is the one compared
    if (auto prev = records_.find({r.agency, year - 1}); prev != records_.end()) {
      Findings f = CheckCarryOver(prev->second, year - 1, it->second, year);
      item.findings.insert(item.findings.end(), f.begin(), f.end());
    }
    if (auto next = records_.find({r.agency, year + 1}); next != records_.end()) {
      Findings f = CheckCarryOver(it->second, year, next->second, year + 1);
      if (f.empty()) return;
      BatchItem late;
      late.path = next->second.path;
      late.sequence = next->second.sequence;
      late.late_carry_over = true;
      late.findings = std::move(f);
      late_.push_back(std::move(late));
    }
  }
  std::vector<BatchItem>& Late() {
    std::sort(late_.begin(), late_.end(),
              [](const BatchItem& a, const BatchItem& b) { return a.sequence < b.sequence; });
    return late_;
  }

 private:
  std::map<std::pair<std::string, int>, CarryOverRecord> records_;
  std::vector<BatchItem> late_;
};

uintmax_t FileSizeOrZero(const std::string& path) {
  std::error_code ec;
  uintmax_t size = fs::file_size(path, ec);
  return ec ? 0 : size;
}

}  // namespace

ExpandedInputs ExpandInputs(const std::vector<std::string>& inputs) {
  ExpandedInputs out;
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(
               in, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec) || IsHidden(it->path())) continue;
        if (IsExpectedJson(it->path())) {
          ++out.skipped_sidecars;
          continue;
        }
        found.push_back(it->path().string());
      }
      std::sort(found.begin(), found.end());
      out.paths.insert(out.paths.end(), found.begin(), found.end());
    } else if (fs::exists(fs::symlink_status(in, ec)) || fs::exists(in, ec)) {
      out.paths.push_back(in);
    } else {
      out.missing.push_back(
          ErrorItem(in, NotFoundError(in + ": 文件或目录不存在 (no such file or directory)")));
    }
  }
  return out;
}

void RunBatch(const std::vector<std::string>& paths, const std::function<void(BatchItem&)>& emit,
              unsigned threads) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<size_t>(threads, std::max<size_t>(1, paths.size())));
  const size_t window = batch_config::kMaxPendingPerThread * threads;
  ByteBudget budget(batch_config::kMaxBytesInFlight);

  std::mutex mu;
  std::condition_variable cv;
  size_t next_take = 0;  // guarded by mu
  size_t next_emit = 0;  // guarded by mu
  bool stopped = false;  // guarded by mu; set when the emitting thread gives up
  struct Finished {
    std::vector<BatchItem> items;
    size_t budget = 0;  // bytes of the ByteBudget held for them
  };
  std::map<size_t, Finished> done;  // guarded by mu

  auto work = [&] {
    while (true) {
      size_t i;
      {
        std::unique_lock lock(mu);
        cv.wait(lock, [&] { return next_take >= paths.size() || next_take < next_emit + window; });
        if (next_take >= paths.size()) return;
        i = next_take++;
      }
      // The budget is held until the items are given out: a report holds its text.
      const uintmax_t size = FileSizeOrZero(paths[i]);
      size_t held = budget.Acquire(std::max<uintmax_t>(1, size));
      std::vector<BatchItem> items = ProcessFile(paths[i]);
      // glibc keeps freed memory in each thread's arena; give a large file's back, so that the
      // next large file on another thread does not add to it.
      if (size >= batch_config::kTrimAfterBytes) malloc_trim(0);
      {
        std::unique_lock lock(mu);
        if (stopped) {
          lock.unlock();
          budget.Release(held);
          return;
        }
        done.emplace(i, Finished{std::move(items), held});
      }
      cv.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work);

  CarryOverChecker carry_over;
  size_t sequence = 0;
  size_t emitting_budget = 0;  // held for the items being given out
  try {
    for (size_t i = 0; i < paths.size(); ++i) {
      Finished finished;
      {
        std::unique_lock lock(mu);
        cv.wait(lock, [&] { return done.contains(i); });
        finished = std::move(done[i]);
        emitting_budget = finished.budget;
        done.erase(i);
        next_emit = i + 1;
      }
      cv.notify_all();
      for (BatchItem& item : finished.items) {
        item.sequence = sequence++;
        carry_over.Add(item);
        emit(item);
      }
      finished.items.clear();
      budget.Release(std::exchange(emitting_budget, 0));
    }
  } catch (...) {
    // An exception from `emit`: stop the workers, free what they hold, and let it propagate
    // (to main's last-resort handler) instead of destroying joinable threads.
    {
      std::lock_guard lock(mu);
      stopped = true;
      next_take = paths.size();
      for (auto& [index, finished] : done) budget.Release(finished.budget);
      done.clear();
      budget.Release(std::exchange(emitting_budget, 0));
    }
    cv.notify_all();
    for (auto& t : pool) t.join();
    throw;
  }
  for (auto& t : pool) t.join();
  for (BatchItem& late : carry_over.Late()) emit(late);
}

}  // namespace gongkai::cli
