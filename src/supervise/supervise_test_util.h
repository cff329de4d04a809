// Test helpers for the supervisor: a fresh store with a small region whose agencies are named as
// the seed reports name them, and the seed and corpus files of ../shared.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

#include "../ingest/ingest_test_util.h"
#include "../ledger/ledger_test_util.h"
#include "gongkai/store.h"
#include "gongkai/supervision.h"

namespace gongkai::supervise_test {

using ledger_test::D;

inline std::string Seed(const std::string& stem) {
  return ingest_test::ReadFileBytes(std::string(GONGKAI_SHARED_DIR) + "/seeds/" + stem + ".txt");
}
inline constexpr const char* kSeed004 = "004_4adde12ab8e15d65";  // 满洲里市人民政府办公室 2021
inline constexpr const char* kSeed003 = "003_3d7b3d37fbadc280";  // 通辽市民族事务委员会 2021
inline const char* const kSeeds[] = {"000_6208f52ea13da654", "001_295a9685f4c126e8",
                                     "002_641fc7d161c03c36", kSeed003, kSeed004};

inline std::string Corpus(const std::string& file) {
  return ingest_test::ReadFileBytes(std::string(GONGKAI_SHARED_DIR) + "/corpus/" + file);
}
inline std::string CorpusZip() {
  return ingest_test::MakeZip({{"corpus/pingtan-2021.txt", Corpus("pingtan-2021.txt")},
                               {"corpus/pingtan-2022.txt", Corpus("pingtan-2022.txt")},
                               {"corpus/shanghai-kewei-2024.md", Corpus("shanghai-kewei-2024.md")},
                               {"corpus/shuyang-fgj-2023.html", Corpus("shuyang-fgj-2023.html")}});
}

// 内蒙古自治区 with the seeds' agencies below it, and 福建省 (another supervisor) beside it.
class Region : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = OpenSqliteStore(dir_.File("g.db"), {OpenMode::kCreate, false});
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(s).value();
    region_ = Add("内蒙古自治区", 0, AgencyKind::kRegion);
    Add("内蒙古自治区人民政府办公厅", region_, AgencyKind::kDepartment);
    Add("内蒙古自治区民族事务委员会", region_, AgencyKind::kDepartment);
    int64_t tongliao = Add("通辽市", region_, AgencyKind::kCity);
    Add("通辽市民族事务委员会", tongliao, AgencyKind::kDepartment);
    int64_t hulunbuir = Add("呼伦贝尔市", region_, AgencyKind::kCity);
    int64_t manzhouli = Add("满洲里市", hulunbuir, AgencyKind::kCounty);
    Add("满洲里市人民政府办公室", manzhouli, AgencyKind::kDepartment);
    int64_t ordos = Add("鄂尔多斯市", region_, AgencyKind::kCity);
    Add("鄂托克前旗", ordos, AgencyKind::kCounty);
    fujian_ = Add("福建省", 0, AgencyKind::kRegion);
    Add("平潭综合实验区", fujian_, AgencyKind::kCity);
  }

  int64_t Add(const std::string& name, int64_t parent, AgencyKind kind) {
    Agency a;
    a.name = name;
    a.parent_id = parent;
    a.kind = kind;
    auto id = store_->AddAgency(a, "test");
    EXPECT_TRUE(id.ok()) << id.status().message();
    ids_[name] = id.ok() ? *id : 0;
    return ids_[name];
  }
  int64_t Id(const std::string& name) { return ids_.at(name); }

  std::unique_ptr<Supervision> Open(int64_t agency, const std::string& actor = "user:wang") {
    auto s = Supervision::Open(*store_, Supervisor{agency, actor});
    EXPECT_TRUE(s.ok()) << s.status().message();
    return s.ok() ? std::move(s).value() : nullptr;
  }

  // Uploads the five seeds one by one, filed on 2024-01-20.
  void UploadSeeds(Supervision& sup) {
    for (const char* stem : kSeeds) {
      auto r = sup.Upload(Seed(stem), std::string(stem) + ".txt", D("2024-01-20"));
      ASSERT_TRUE(r.ok()) << r.status().message();
      ASSERT_EQ(r->stored, 1) << stem;
    }
  }

  ledger_test::TempDir dir_;
  std::unique_ptr<CaseStore> store_;
  std::map<std::string, int64_t> ids_;
  int64_t region_ = 0, fujian_ = 0;
};

}  // namespace gongkai::supervise_test
