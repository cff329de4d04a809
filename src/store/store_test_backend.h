// Test support: the conformance tests of the stores run once per backend (gtest value
// parameters). A TestDatabase is a fresh, empty database of one backend for one test: an SQLite
// file in a new temporary directory, or a new database on the PostgreSQL test server that
// scripts/pg-up started (ctest's `postgres` fixture; its state directory in the environment
// variable GONGKAI_TEST_PG_STATE). Without that variable (a test binary run by hand) the
// PostgreSQL cases skip; with it, a server that cannot be reached fails them.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "gongkai/stores.h"
#include "gongkai/submissions.h"

namespace gongkai {
// Test names show the backend (gtest prints parameters with PrintTo).
inline void PrintTo(Backend b, std::ostream* os) {
  *os << (b == Backend::kSqlite ? "sqlite" : "postgres");
}
}  // namespace gongkai

namespace gongkai::store_testing {

inline std::vector<Backend> AllBackends() { return {Backend::kSqlite, Backend::kPostgres}; }
std::string BackendName(const ::testing::TestParamInfo<Backend>& info);

class TestDatabase {
 public:
  // Creates the database; on failure ok() is false and error() says why.
  explicit TestDatabase(Backend backend);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  // Whether the backend is configured for this run (false: skip).
  bool configured() const { return configured_; }
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  Backend backend() const { return backend_; }
  // The --db value of the database (OpenCaseStore, OpenStores).
  const std::string& url() const { return url_; }
  // A directory for the test's other files, removed with the database.
  const std::filesystem::path& dir() const { return dir_; }

  // Runs SQL on a connection of its own, as someone bypassing the application would. Returns
  // true iff it succeeded.
  bool RawExec(const std::string& sql);
  // The rows of `table`, or -1 on error.
  int64_t CountRows(const std::string& table);
  // The first column of the first row of `sql` as text ("" for NULL or no row), run on a
  // connection of its own; nullopt on error.
  std::optional<std::string> QueryText(const std::string& sql);

 private:
  Backend backend_;
  bool configured_ = true;
  std::string error_, url_, pg_admin_url_, pg_name_;
  std::filesystem::path dir_;
};

// Fails or skips the current test unless `db` is usable (in SetUp: followed by a return).
#define GONGKAI_REQUIRE_TEST_DATABASE(db)                                                    \
  do {                                                                                       \
    if (!(db).configured()) GTEST_SKIP() << "PostgreSQL not configured (run through ctest)"; \
    ASSERT_TRUE((db).ok()) << (db).error();                                                  \
  } while (0)

// A conformance test of one backend (the test's parameter) on a fresh ledger: after SetUp,
// db_ and store_ (OpenCaseStore of db_) are ready, or the test has failed or skipped. A
// subclass's SetUp calls StoreTest::SetUp() first and returns if Opened() is false; its
// TearDown releases what it opened on store_ before calling StoreTest::TearDown().
class StoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;
  void TearDown() override;
  // Whether SetUp left a store (neither failed nor skipped).
  bool Opened() const { return store_ != nullptr && !HasFatalFailure() && !IsSkipped(); }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<CaseStore> store_;
};

// A StoreTest whose ledger also has a SubmissionStore (subs_) and a region (region_, the
// supervisor of the submissions).
class SubmissionsTest : public StoreTest {
 protected:
  void SetUp() override;
  void TearDown() override;

  std::unique_ptr<SubmissionStore> subs_;
  int64_t region_ = 0;
};

// Instantiates the TEST_Ps of `fixture` (a StoreTest) once per backend.
#define GONGKAI_TEST_ON_EVERY_BACKEND(fixture)                                                \
  INSTANTIATE_TEST_SUITE_P(Backends, fixture,                                                 \
                           ::testing::ValuesIn(::gongkai::store_testing::AllBackends()),      \
                           ::gongkai::store_testing::BackendName)

}  // namespace gongkai::store_testing
