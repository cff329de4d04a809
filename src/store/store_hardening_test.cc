// Opening modes, the agency hierarchy and duplicate names: careless use of the store.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "gongkai/store.h"
#include "gongkai/stores.h"
#include "pg_db.h"
#include "store_test_backend.h"

namespace gongkai {
namespace {

// Runs on each backend (store_test_backend.h).
class StoreHardeningTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<store_testing::TestDatabase>(GetParam());
    GONGKAI_REQUIRE_TEST_DATABASE(*db_);
    dir_ = db_->dir();
    path_ = (dir_ / "ledger.db").string();
  }
  void TearDown() override { db_.reset(); }
  static SqliteOptions Mode(OpenMode m) {
    SqliteOptions o;
    o.mode = m;
    return o;
  }
  StatusOr<std::unique_ptr<CaseStore>> Open(OpenMode m = OpenMode::kCreate) {
    return OpenCaseStore(db_->url(), Mode(m));
  }
  bool IsSqlite() const { return GetParam() == Backend::kSqlite; }
  std::unique_ptr<store_testing::TestDatabase> db_;
  std::filesystem::path dir_;
  std::string path_;
};

INSTANTIATE_TEST_SUITE_P(Backends, StoreHardeningTest,
                         ::testing::ValuesIn(store_testing::AllBackends()),
                         store_testing::BackendName);

TEST_P(StoreHardeningTest, MissingDatabaseIsRefusedUnlessCreating) {
  // A missing SQLite file; an empty PostgreSQL database.
  auto ro = Open(OpenMode::kReadOnly);
  EXPECT_EQ(ro.status().code(), StatusCode::kNotFound);
  EXPECT_NE(ro.status().message().find("不存在"), std::string::npos) << ro.status().message();
  EXPECT_EQ(Open(OpenMode::kExisting).status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(path_));
  ASSERT_TRUE(Open().ok());
  EXPECT_TRUE(Open(OpenMode::kReadOnly).ok());
  EXPECT_TRUE(Open(OpenMode::kExisting).ok());
}

TEST_P(StoreHardeningTest, NonDatabaseFilesAreRefused) {
  if (!IsSqlite()) {
    // Another application's PostgreSQL database gets no ledger tables added either.
    ASSERT_TRUE(db_->RawExec("CREATE TABLE contacts(name TEXT)"));
    auto o = Open();
    ASSERT_FALSE(o.ok());
    EXPECT_NE(o.status().message().find("其他程序"), std::string::npos) << o.status().message();
    EXPECT_EQ(db_->CountRows("agency"), -1);
    return;
  }
  std::ofstream(path_) << "这不是数据库 this is not a database, just a long enough text file\n";
  auto s = Open();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("不是 SQLite 数据库"), std::string::npos)
      << s.status().message();
  // Another application's SQLite database gets no ledger tables added.
  std::string other = (dir_ / "other.db").string();
  sqlite3* db = nullptr;
  sqlite3_open(other.c_str(), &db);
  sqlite3_exec(db, "CREATE TABLE contacts(name TEXT)", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  auto o = OpenSqliteStore(other);
  ASSERT_FALSE(o.ok());
  EXPECT_NE(o.status().message().find("其他程序"), std::string::npos) << o.status().message();
}

TEST_P(StoreHardeningTest, ReadOnlyOpenWorksWhileAWriterHoldsTheLock) {
  auto store = Open();
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->AddAgency({0, "某局", 0, AgencyKind::kDepartment}, "a").ok());
  // Another writer in the middle of a transaction that holds the write lock.
  std::unique_ptr<store_internal::PgConnection> pg_writer;
  sqlite3* writer = nullptr;
  if (IsSqlite()) {
    sqlite3_open(path_.c_str(), &writer);
    ASSERT_EQ(sqlite3_exec(writer,
                           "BEGIN IMMEDIATE; INSERT INTO schema_version(version) VALUES (100)",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
  } else {
    auto c = store_internal::PgConnection::Connect(db_->url());
    ASSERT_TRUE(c.ok());
    pg_writer = std::move(c).value();
    ASSERT_TRUE(pg_writer
                    ->Exec("BEGIN; LOCK TABLE audit_log IN EXCLUSIVE MODE; "
                           "INSERT INTO schema_version(version) VALUES (100)")
                    .ok());
  }
  auto reader = Open(OpenMode::kReadOnly);
  ASSERT_TRUE(reader.ok()) << reader.status().message();
  EXPECT_EQ((*reader)->ListAgencies()->size(), 1u);
  auto v = (*reader)->VerifyAuditLog();
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_TRUE(v->intact);
  // A read-only store cannot write.
  EXPECT_FALSE((*reader)->AddAgency({0, "又一局", 0, AgencyKind::kDepartment}, "a").ok());
  if (writer) {
    sqlite3_exec(writer, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(writer);
  } else {
    ASSERT_TRUE(pg_writer->Exec("ROLLBACK").ok());
  }
}

TEST_P(StoreHardeningTest, AgencyHierarchyAndNamesAreChecked) {
  auto store = Open();
  ASSERT_TRUE(store.ok());
  CaseStore& s = **store;
  int64_t region = *s.AddAgency({0, "内蒙古自治区人民政府", 0, AgencyKind::kRegion}, "a");
  int64_t dept = *s.AddAgency({0, "自治区教育厅", region, AgencyKind::kDepartment}, "a");
  int64_t city = *s.AddAgency({0, "通辽市人民政府", region, AgencyKind::kCity}, "a");
  auto bad = s.AddAgency({0, "某自治区", dept, AgencyKind::kRegion}, "a");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("不能隶属于"), std::string::npos);
  EXPECT_FALSE(s.AddAgency({0, "某市", dept, AgencyKind::kCity}, "a").ok());
  EXPECT_FALSE(s.AddAgency({0, "某区", region, AgencyKind::kRegion}, "a").ok());
  EXPECT_FALSE(s.AddAgency({0, "某市", city, AgencyKind::kCity}, "a").ok());
  EXPECT_TRUE(s.AddAgency({0, "科尔沁区人民政府", city, AgencyKind::kCounty}, "a").ok());
  EXPECT_TRUE(s.AddAgency({0, "处室", dept, AgencyKind::kDepartment}, "a").ok());
  auto dup = s.AddAgency({0, "自治区教育厅", region, AgencyKind::kDepartment}, "a");
  ASSERT_FALSE(dup.ok());
  EXPECT_NE(dup.status().message().find("已有名为"), std::string::npos);
  EXPECT_FALSE(s.AddAgency({0, "内蒙古自治区人民政府", 0, AgencyKind::kRegion}, "a").ok());
  // The same name under another parent is fine.
  EXPECT_TRUE(s.AddAgency({0, "自治区教育厅", city, AgencyKind::kDepartment}, "a").ok());
}

TEST_P(StoreHardeningTest, HugeTextIsRefusedNotTruncated) {
  auto store = Open();
  ASSERT_TRUE(store.ok());
  std::string huge((size_t{1} << 20) + 1, 'a');
  auto r = (*store)->AddAgency({0, huge, 0, AgencyKind::kCity}, "a");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("过长"), std::string::npos);
}

}  // namespace
}  // namespace gongkai
