// Internal to the supervision module: stores batches of submissions on a thread of its own, in
// the order given, while the caller reads and checks the next reports of an upload (a durable
// commit mostly waits for the disk). The store is used by that thread alone from construction
// to Finish; the caller must not use it meanwhile.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "gongkai/status.h"
#include "gongkai/submissions.h"

namespace gongkai::supervise_internal {

class SubmissionWriter {
 public:
  // A submission's id, by the caller's index of it.
  using StoredId = std::pair<size_t, int64_t>;

  SubmissionWriter(SubmissionStore* store, std::string actor);
  ~SubmissionWriter();  // Finish()es, dropping its result, if the caller did not
  SubmissionWriter(const SubmissionWriter&) = delete;
  SubmissionWriter& operator=(const SubmissionWriter&) = delete;

  // Queues `batch` (one transaction, SubmissionStore::Add); `items[i]` is the caller's index of
  // batch[i]. Waits while two batches are already queued, so memory stays bounded.
  void Add(std::vector<Submission> batch, std::vector<size_t> items);
  // True once a batch has failed: later batches are not stored.
  bool failed();
  // Waits for every queued batch; returns the first failure (the batches before it are stored)
  // and the ids of the stored submissions.
  Status Finish(std::vector<StoredId>* ids);

 private:
  struct Batch {
    std::vector<Submission> submissions;
    std::vector<size_t> items;
  };
  void Run();

  SubmissionStore* store_;
  const std::string actor_;
  std::mutex mu_;
  std::condition_variable changed_;
  std::deque<Batch> queue_;  // guarded by mu_
  bool closing_ = false;     // guarded by mu_
  Status failure_;           // guarded by mu_
  std::vector<StoredId> ids_;  // written by the thread, read after join
  std::thread thread_;         // last: starts once the rest is ready
};

}  // namespace gongkai::supervise_internal
