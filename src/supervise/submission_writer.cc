#include "submission_writer.h"

namespace gongkai::supervise_internal {

namespace {
constexpr size_t kMaxQueuedBatches = 2;
}  // namespace

SubmissionWriter::SubmissionWriter(SubmissionStore* store, std::string actor)
    : store_(store), actor_(std::move(actor)), thread_([this] { Run(); }) {}

SubmissionWriter::~SubmissionWriter() {
  if (thread_.joinable()) {
    std::vector<StoredId> ignored;
    (void)Finish(&ignored);
  }
}

void SubmissionWriter::Add(std::vector<Submission> batch, std::vector<size_t> items) {
  std::unique_lock lock(mu_);
  changed_.wait(lock, [&] { return queue_.size() < kMaxQueuedBatches || !failure_.ok(); });
  if (!failure_.ok()) return;
  queue_.push_back({std::move(batch), std::move(items)});
  changed_.notify_all();
}

bool SubmissionWriter::failed() {
  std::lock_guard lock(mu_);
  return !failure_.ok();
}

Status SubmissionWriter::Finish(std::vector<StoredId>* ids) {
  {
    std::lock_guard lock(mu_);
    closing_ = true;
  }
  changed_.notify_all();
  thread_.join();
  *ids = std::move(ids_);
  return failure_;
}

void SubmissionWriter::Run() {
  for (;;) {
    Batch batch;
    {
      std::unique_lock lock(mu_);
      changed_.wait(lock, [&] { return !queue_.empty() || closing_; });
      if (queue_.empty()) return;  // closing, all stored
      batch = std::move(queue_.front());
      queue_.pop_front();
    }
    changed_.notify_all();  // room for the next batch
    StatusOr<std::vector<int64_t>> stored = store_->Add(batch.submissions, actor_);
    std::lock_guard lock(mu_);
    if (!stored.ok()) {
      failure_ = stored.status();
      queue_.clear();
      changed_.notify_all();
      return;
    }
    for (size_t i = 0; i < stored->size(); ++i) ids_.push_back({batch.items[i], (*stored)[i]});
  }
}

}  // namespace gongkai::supervise_internal
