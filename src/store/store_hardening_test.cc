// Opening modes, the agency hierarchy and duplicate names: careless use of the store.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "gongkai/store.h"

namespace gongkai {
namespace {

class StoreHardeningTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("gongkai_store_hardening_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "ledger.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  static SqliteOptions Mode(OpenMode m) {
    SqliteOptions o;
    o.mode = m;
    return o;
  }
  std::filesystem::path dir_;
  std::string path_;
};

TEST_F(StoreHardeningTest, MissingDatabaseIsRefusedUnlessCreating) {
  auto ro = OpenSqliteStore(path_, Mode(OpenMode::kReadOnly));
  EXPECT_EQ(ro.status().code(), StatusCode::kNotFound);
  EXPECT_NE(ro.status().message().find("不存在"), std::string::npos);
  EXPECT_EQ(OpenSqliteStore(path_, Mode(OpenMode::kExisting)).status().code(),
            StatusCode::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(path_));
  ASSERT_TRUE(OpenSqliteStore(path_).ok());
  EXPECT_TRUE(OpenSqliteStore(path_, Mode(OpenMode::kReadOnly)).ok());
}

TEST_F(StoreHardeningTest, NonDatabaseFilesAreRefused) {
  std::ofstream(path_) << "这不是数据库 this is not a database, just a long enough text file\n";
  auto s = OpenSqliteStore(path_);
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

TEST_F(StoreHardeningTest, ReadOnlyOpenWorksWhileAWriterHoldsTheLock) {
  auto store = OpenSqliteStore(path_);
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->AddAgency({0, "某局", 0, AgencyKind::kDepartment}, "a").ok());
  sqlite3* writer = nullptr;
  sqlite3_open(path_.c_str(), &writer);
  ASSERT_EQ(sqlite3_exec(writer,
                         "BEGIN IMMEDIATE; INSERT INTO schema_version(version) VALUES (100)",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  auto reader = OpenSqliteStore(path_, Mode(OpenMode::kReadOnly));
  ASSERT_TRUE(reader.ok()) << reader.status().message();
  EXPECT_EQ((*reader)->ListAgencies()->size(), 1u);
  auto v = (*reader)->VerifyAuditLog();
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_TRUE(v->intact);
  // A read-only store cannot write.
  EXPECT_FALSE((*reader)->AddAgency({0, "又一局", 0, AgencyKind::kDepartment}, "a").ok());
  sqlite3_exec(writer, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(writer);
}

TEST_F(StoreHardeningTest, AgencyHierarchyAndNamesAreChecked) {
  auto store = OpenSqliteStore(path_);
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

TEST_F(StoreHardeningTest, HugeTextIsRefusedNotTruncated) {
  auto store = OpenSqliteStore(path_);
  ASSERT_TRUE(store.ok());
  std::string huge((size_t{1} << 20) + 1, 'a');
  auto r = (*store)->AddAgency({0, huge, 0, AgencyKind::kCity}, "a");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("过长"), std::string::npos);
}

}  // namespace
}  // namespace gongkai
