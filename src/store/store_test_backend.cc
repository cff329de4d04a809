#include "store_test_backend.h"

#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>

#include "gongkai/submissions.h"
#include "pg_db.h"

namespace gongkai::store_testing {
namespace {

std::string UniqueName() {
  static std::atomic<int> counter{0};
  return "gk_test_" + std::to_string(getpid()) + "_" + std::to_string(++counter);
}

}  // namespace

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "Sqlite" : "Postgres";
}

TestDatabase::TestDatabase(Backend backend) : backend_(backend) {
  const std::string name = UniqueName();
  dir_ = std::filesystem::temp_directory_path() / name;
  std::filesystem::remove_all(dir_);
  std::filesystem::create_directories(dir_);
  if (backend == Backend::kSqlite) {
    url_ = "sqlite:" + (dir_ / "ledger.db").string();
    return;
  }
  const char* state = std::getenv("GONGKAI_TEST_PG_STATE");
  if (!state || !*state) {
    configured_ = false;
    return;
  }
  std::ifstream in(std::filesystem::path(state) / "url");
  std::getline(in, pg_admin_url_);
  const std::string suffix = "/postgres";
  if (pg_admin_url_.size() <= suffix.size() ||
      pg_admin_url_.compare(pg_admin_url_.size() - suffix.size(), suffix.size(), suffix) != 0) {
    error_ = "no PostgreSQL test server: " + std::string(state) + "/url missing (scripts/pg-up)";
    return;
  }
  auto admin = store_internal::PgConnection::Connect(pg_admin_url_);
  if (!admin.ok()) {
    error_ = admin.status().message();
    return;
  }
  Status created = (*admin)->Exec("CREATE DATABASE " + name +
                                  " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' "
                                  "LC_CTYPE 'C.UTF-8'");
  if (!created.ok()) {
    error_ = created.message();
    return;
  }
  pg_name_ = name;
  url_ = pg_admin_url_.substr(0, pg_admin_url_.size() - suffix.size()) + "/" + name;
}

TestDatabase::~TestDatabase() {
  if (!pg_name_.empty()) {
    auto admin = store_internal::PgConnection::Connect(pg_admin_url_);
    if (admin.ok()) (void)(*admin)->Exec("DROP DATABASE IF EXISTS " + pg_name_ + " WITH (FORCE)");
  }
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

bool TestDatabase::RawExec(const std::string& sql) {
  if (backend_ == Backend::kPostgres) {
    auto c = store_internal::PgConnection::Connect(url_);
    return c.ok() && (*c)->Exec(sql).ok();
  }
  sqlite3* db = nullptr;
  sqlite3_open((dir_ / "ledger.db").c_str(), &db);
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
  sqlite3_close(db);
  return rc == SQLITE_OK;
}

int64_t TestDatabase::CountRows(const std::string& table) {
  const std::string sql = "SELECT count(*) FROM " + table;
  if (backend_ == Backend::kPostgres) {
    auto c = store_internal::PgConnection::Connect(url_);
    if (!c.ok()) return -1;
    store_internal::PgStatement q(c->get(), sql.c_str());
    StatusOr<bool> row = q.Step();
    return row.ok() && *row ? q.Int(0) : -1;
  }
  sqlite3* db = nullptr;
  sqlite3_open((dir_ / "ledger.db").c_str(), &db);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr);
  int64_t n = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
  sqlite3_finalize(st);
  sqlite3_close(db);
  return n;
}

std::optional<std::string> TestDatabase::QueryText(const std::string& sql) {
  if (backend_ == Backend::kPostgres) {
    auto c = store_internal::PgConnection::Connect(url_);
    if (!c.ok()) return std::nullopt;
    store_internal::PgStatement q(c->get(), sql.c_str());
    StatusOr<bool> row = q.Step();
    if (!row.ok()) return std::nullopt;
    return *row ? q.Text(0) : std::string();
  }
  sqlite3* db = nullptr;
  sqlite3_open((dir_ / "ledger.db").c_str(), &db);
  sqlite3_stmt* st = nullptr;
  std::optional<std::string> out;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK) {
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
      out = text ? std::string(text, static_cast<size_t>(sqlite3_column_bytes(st, 0))) : "";
    } else if (rc == SQLITE_DONE) {
      out = "";
    }
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

void StoreTest::SetUp() {
  db_ = std::make_unique<TestDatabase>(GetParam());
  GONGKAI_REQUIRE_TEST_DATABASE(*db_);
  StatusOr<std::unique_ptr<CaseStore>> s = OpenCaseStore(db_->url(), {.durable = false});
  ASSERT_TRUE(s.ok()) << s.status().message();
  store_ = std::move(s).value();
}

void StoreTest::TearDown() {
  store_.reset();
  db_.reset();
}

void SubmissionsTest::SetUp() {
  StoreTest::SetUp();
  if (!Opened()) return;
  auto sub = OpenSubmissionStore(*store_);
  ASSERT_TRUE(sub.ok()) << sub.status().message();
  subs_ = std::move(sub).value();
  auto region = store_->AddAgency({0, "某自治区", 0, AgencyKind::kRegion}, "t");
  ASSERT_TRUE(region.ok()) << region.status().message();
  region_ = *region;
}

void SubmissionsTest::TearDown() {
  subs_.reset();
  StoreTest::TearDown();
}

}  // namespace gongkai::store_testing
