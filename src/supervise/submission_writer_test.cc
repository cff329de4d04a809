// SubmissionWriter on each backend: batches stored in order behind the caller, ids by the
// caller's index, a failed batch ends the storing and is reported.
#include "submission_writer.h"

#include <gtest/gtest.h>

#include "gongkai/stores.h"
#include "store_test_backend.h"

namespace gongkai::supervise_internal {
namespace {

class SubmissionWriterTest : public store_testing::SubmissionsTest {
 protected:
  // A submission of report `n` (its hash names it); `valid` false makes the batch fail.
  Submission Make(int n, bool valid = true) {
    Submission s;
    s.supervisor_id = region_;
    s.year = 2024;
    s.file_name = "r" + std::to_string(n) + ".txt";
    s.sha256 = valid ? std::string(60, 'a') + std::to_string(1000 + n) : "not a hash";
    s.format = "text";
    s.report_agency = "某局";
    s.model_json = "{}";
    s.tables_json = "{}";
    s.filed = *Date::Parse("2024-01-20");
    s.uploaded_by = "user:wang";
    return s;
  }
  // `count` batches of three, their items numbered 10, 11, 12, 20, 21, …
  void AddBatches(SubmissionWriter& w, int count, int failing_batch = -1) {
    for (int b = 1; b <= count; ++b) {
      std::vector<Submission> batch;
      std::vector<size_t> items;
      for (int i = 0; i < 3; ++i) {
        batch.push_back(Make(b * 10 + i, b != failing_batch));
        items.push_back(static_cast<size_t>(b * 10 + i));
      }
      w.Add(std::move(batch), std::move(items));
    }
  }
};

TEST_P(SubmissionWriterTest, StoresEveryBatchInOrderWithTheCallersIndexes) {
  SubmissionWriter w(subs_.get(), "user:wang");
  AddBatches(w, 5);
  std::vector<SubmissionWriter::StoredId> ids;
  ASSERT_TRUE(w.Finish(&ids).ok());
  ASSERT_EQ(ids.size(), 15u);
  for (size_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(ids[i].first, (i / 3 + 1) * 10 + i % 3);
    auto s = subs_->Get(ids[i].second);
    ASSERT_TRUE(s.ok()) << s.status().message();
    EXPECT_EQ(s->file_name, "r" + std::to_string(ids[i].first) + ".txt");
    if (i > 0) {
      EXPECT_GT(ids[i].second, ids[i - 1].second);
    }
  }
  auto unassigned = subs_->Unassigned(region_);
  ASSERT_TRUE(unassigned.ok());
  EXPECT_EQ(unassigned->size(), 15u);
}

TEST_P(SubmissionWriterTest, AFailedBatchEndsTheStoringAndIsReported) {
  SubmissionWriter w(subs_.get(), "user:wang");
  AddBatches(w, 6, /*failing_batch=*/2);  // Add never blocks for good after the failure
  std::vector<SubmissionWriter::StoredId> ids;
  Status s = w.Finish(&ids);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << s.message();
  EXPECT_TRUE(w.failed());
  ASSERT_EQ(ids.size(), 3u);  // the first batch; nothing of the failed one or after it
  EXPECT_EQ(ids[0].first, 10u);
  auto unassigned = subs_->Unassigned(region_);
  ASSERT_TRUE(unassigned.ok());
  EXPECT_EQ(unassigned->size(), 3u);
}

TEST_P(SubmissionWriterTest, DestroyedWithoutFinishStoresWhatWasQueued) {
  {
    SubmissionWriter w(subs_.get(), "user:wang");
    AddBatches(w, 2);
  }
  auto unassigned = subs_->Unassigned(region_);
  ASSERT_TRUE(unassigned.ok());
  EXPECT_EQ(unassigned->size(), 6u);
}

GONGKAI_TEST_ON_EVERY_BACKEND(SubmissionWriterTest);

}  // namespace
}  // namespace gongkai::supervise_internal
