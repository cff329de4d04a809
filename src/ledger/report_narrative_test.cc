// The generated report's sentences state only what the records hold: every figure in the text of
// every section is recomputed here from the database with SQL of the test's own, and a text with
// a figure the test cannot account for fails.
#include "report_narrative.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <random>

#include "gongkai/documents.h"
#include "gongkai/ledger_simulation.h"
#include "gongkai/registry.h"
#include "gongkai/rules.h"
#include "gongkai/validator.h"
#include "ledger_test_util.h"

namespace gongkai {
namespace {

using ledger_test::D;
using ledger_test::TestCalendar;

constexpr int kYear = 2025;

// Runs a one-row integer query with ?1 = agency, ?2 = first day, ?3 = last day of kYear.
class Sql {
 public:
  explicit Sql(const std::string& path) { sqlite3_open(path.c_str(), &db_); }
  ~Sql() { sqlite3_close(db_); }
  std::vector<std::vector<std::string>> Rows(const std::string& sql, int64_t agency) {
    sqlite3_stmt* s = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr), SQLITE_OK) << sql;
    sqlite3_bind_int64(s, 1, agency);
    sqlite3_bind_text(s, 2, "2025-01-01", -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, "2025-12-31", -1, SQLITE_STATIC);
    std::vector<std::vector<std::string>> out;
    while (sqlite3_step(s) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int c = 0; c < sqlite3_column_count(s); ++c) {
        const unsigned char* t = sqlite3_column_text(s, c);
        row.push_back(t ? reinterpret_cast<const char*>(t) : "0");
      }
      out.push_back(std::move(row));
    }
    sqlite3_finalize(s);
    return out;
  }
  int64_t Int(const std::string& sql, int64_t agency) {
    auto rows = Rows(sql, agency);
    return rows.empty() ? 0 : std::stoll(rows[0][0]);
  }

 private:
  sqlite3* db_ = nullptr;
};

// Finds `needle` in `*text` and blanks it out (so that each figure is accounted for once).
void Consume(std::string* text, const std::string& needle, const char* section) {
  size_t pos = text->find(needle);
  ASSERT_NE(pos, std::string::npos) << section << ": no “" << needle << "” in\n" << *text;
  text->replace(pos, needle.size(), "|");
}

void Erase(std::string* text, const std::string& what) {
  for (size_t pos = text->find(what); pos != std::string::npos; pos = text->find(what)) {
    text->replace(pos, what.size(), "|");
  }
}

// What is left must hold no figure: only the year and 12月31日 are allowed.
void ExpectNoFigureLeft(std::string text, const char* section) {
  Erase(&text, std::to_string(kYear) + "年");
  Erase(&text, "12月31日");
  for (const RuleInfo& r : RuleCatalogue()) Erase(&text, std::string(r.title));
  for (char c : text) {
    EXPECT_FALSE(c >= '0' && c <= '9') << section << ": a figure the records do not explain in\n"
                                       << text;
    if (c >= '0' && c <= '9') break;
  }
}

class ReportNarrativeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.File("ledger.db");
    store_ = std::move(OpenSqliteStore(path_, {.durable = false})).value();
    ledger_ = std::make_unique<Ledger>(store_.get(), &TestCalendar());
    registry_ = std::move(OpenRegistry(*store_)).value();
    documents_ = std::move(OpenDocumentRegistry(*store_)).value();
    county_ = *store_->AddAgency({0, "某旗人民政府", 0, AgencyKind::kCounty}, "t");
    dept_ = *store_->AddAgency({0, "某旗教育局", county_, AgencyKind::kDepartment}, "t");
    for (int i = 0; i < 6; ++i) {
      applicants_.push_back(*store_->AddApplicant(
          {0, static_cast<ApplicantKind>(i), "申请人" + std::to_string(i)}, {}, "t"));
    }
  }

  int64_t Register(int64_t agency, Date received, int64_t applicant) {
    NewRequest n;
    n.agency_id = agency;
    n.applicant_id = applicant;
    n.channel = Channel::kOnline;
    n.dates.confirmed = received;
    n.content = "某项目审批文件";
    n.actor = "王";
    auto id = ledger_->Register(n);
    EXPECT_TRUE(id.ok()) << id.status().message();
    return *id;
  }

  void Fill(int64_t agency, uint64_t seed) {
    std::mt19937_64 rng(seed);
    for (int i = 0; i < 60; ++i) {
      Date start = i % 6 == 0 ? D("2024-11-01") : D("2025-01-02");
      Date received = start + std::uniform_int_distribution<int>(0, i % 6 == 0 ? 60 : 360)(rng);
      int64_t id = Register(agency, received, applicants_[static_cast<size_t>(i % 6)]);
      ASSERT_TRUE(
          SimulateRequest(*ledger_, TestCalendar(), id, received, D("2025-12-31"), -1, rng).ok());
    }
    // One late reply for certain, and one per-page fee paid.
    int64_t late = Register(agency, D("2025-03-03"), applicants_[0]);
    ReplyInput r{D("2025-05-30"), "王", {"granted"}, "《条例》第三十六条第（二）项", "予以公开"};
    ASSERT_TRUE(ledger_->Reply(late, r).ok());
    int64_t fee = Register(agency, D("2025-06-02"), applicants_[1]);
    ASSERT_TRUE(
        ledger_->SendFeeNotice(fee, {D("2025-06-05"), "王", ""}, FeeMethod::kPerPage, 120).ok());
    ASSERT_TRUE(ledger_->RecordFeePaid(fee, {D("2025-06-10"), "王", ""}).ok());

    for (auto [index, category, mode] :
         {std::tuple{"A-1", "政策文件", DisclosureMode::kProactive},
          std::tuple{"A-2", "政策文件", DisclosureMode::kProactive},
          std::tuple{"A-3", "人事信息", DisclosureMode::kProactive},
          std::tuple{"A-4", "人事信息", DisclosureMode::kOnRequest}}) {
      PublishedDocument d;
      d.agency_id = agency;
      d.index_number = index;
      d.title = "文件";
      d.category = category;
      d.publisher = "办公室";
      d.created = D("2025-04-01");
      d.mode = mode;
      d.review = {"张拟稿", "李审核", "赵签发", d.created, true};
      ASSERT_TRUE(documents_->Add(d, "t").ok());
    }
    NormativeDoc n{0, agency, 1, "某办法", "某政发〔2024〕1号", D("2024-05-01"), std::nullopt};
    int64_t a = *registry_->AddNormative(n, "t");
    n.made = D("2025-05-01");
    ASSERT_TRUE(registry_->AddNormative(n, "t").ok());
    n.kind = 0;
    ASSERT_TRUE(registry_->AddNormative(n, "t").ok());
    ASSERT_TRUE(registry_->Repeal(a, D("2025-09-01"), "t").ok());
    ASSERT_TRUE(
        registry_->SetActions({{agency, kYear, 130, 27, 3, 12.3456}, "审批系统"}, "t").ok());
    DisclosureCase review;
    review.c.agency_id = agency;
    review.c.group = kReview;
    review.c.filed = D("2024-12-01");
    int64_t rid = *registry_->AddCase(review, "t");
    ASSERT_TRUE(registry_->DecideCase(rid, CaseResult::kUpheld, D("2025-02-01"), "t").ok());
    DisclosureCase suit = review;
    suit.c.group = kSuitAfterReview;
    suit.c.filed = D("2025-03-01");
    suit.review_id = rid;
    ASSERT_TRUE(registry_->AddCase(suit, "t").ok());
    DisclosureCase direct = review;
    direct.c.group = kSuitDirect;
    direct.c.filed = D("2025-04-01");
    direct.c.decided = D("2025-08-01");
    direct.c.result = CaseResult::kCorrected;
    ASSERT_TRUE(registry_->AddCase(direct, "t").ok());
  }

  // Checks every figure of `report`'s sections against SQL over the agencies in `scope`.
  void CheckAgainstDatabase(const AnnualReport& report, const std::string& scope) {
    Sql sql(path_);
    const std::string in = " agency_id IN (" + scope + ") ";
    const std::string r_in = " r.agency_id IN (" + scope + ") ";
    auto count = [&](const std::string& where) {
      return sql.Int("SELECT count(*) FROM request WHERE" + in + "AND " + where, 0);
    };
    auto n = [](int64_t v) { return std::to_string(v); };
    // 一
    std::string s1 = report.sections[0].text;
    EXPECT_EQ(s1.rfind(ledger_internal::kPlaceholderMark, 0), 0u);
    auto categories =
        sql.Rows("SELECT category, count(*) FROM published_document WHERE" + in +
                     "AND mode = 0 AND coalesce(published, created) BETWEEN ?2 AND ?3 GROUP BY 1",
                 0);
    int64_t docs = 0;
    for (const auto& row : categories) docs += std::stoll(row[1]);
    Consume(&s1, "主动公开政府信息" + n(docs) + "条", "一");
    for (const auto& row : categories) Consume(&s1, row[0] + row[1] + "条", "一");
    const int64_t received = count("received BETWEEN ?2 AND ?3");
    Consume(&s1, "新收政府信息公开申请" + n(received) + "件", "一");
    ExpectNoFigureLeft(s1, "一");

    // 二
    std::string s2 = report.sections[1].text;
    for (int kind : {0, 1}) {
      const std::string k = " AND kind = " + n(kind);
      const char* label = kind ? "行政规范性文件" : "规章";
      auto docs_where = [&](const std::string& w) {
        return sql.Int("SELECT count(*) FROM normative_doc WHERE" + in + k + " AND " + w, 0);
      };
      Consume(&s2, label + n(docs_where("made BETWEEN ?2 AND ?3")) + "件", "二");
      Consume(&s2, label + n(docs_where("abolished BETWEEN ?2 AND ?3")) + "件", "二");
      Consume(&s2,
              label + n(docs_where("made <= ?3 AND (abolished IS NULL OR abolished > ?3)")) + "件",
              "二");
    }
    auto counts = sql.Rows(
        "SELECT sum(licensing), sum(penalty), sum(coercion), "
        "printf('%.4f', sum(fees_10k_yuan)) FROM year_counts WHERE" +
            in + "AND year = 2025",
        0);
    Consume(&s2, "行政许可处理决定" + counts[0][0] + "件", "二");
    Consume(&s2, "行政处罚处理决定" + counts[0][1] + "件", "二");
    Consume(&s2, "行政强制处理决定" + counts[0][2] + "件", "二");
    std::string fees = counts[0][3];
    while (fees.back() == '0') fees.pop_back();
    if (fees.back() == '.') fees.pop_back();
    Consume(&s2, "行政事业性收费" + fees + "万元", "二");
    ExpectNoFigureLeft(s2, "二");

    // 三
    std::string s3 = report.sections[2].text;
    Consume(&s3, "新收到政府信息公开申请" + n(received) + "件", "三");
    Consume(&s3,
            "上年结转" +
                n(count("received < ?2 AND (concluded_on IS NULL OR concluded_on >= ?2)")) + "件",
            "三");
    Consume(&s3, "办理完结申请" + n(count("concluded_on BETWEEN ?2 AND ?3")) + "件", "三");
    for (const auto& row : sql.Rows("SELECT outcome, count(*) FROM request WHERE" + in +
                                        "AND concluded_on BETWEEN ?2 AND ?3 GROUP BY 1",
                                    0)) {
      int t3row = T3RowFromId(row[0]);
      std::string label(T3RowLabel(t3row));
      std::string detail = label.substr(label.find('.') + 1);
      if (t3row == kGranted)
        Consume(&s3, "予以公开" + row[1] + "件", "三");
      else if (t3row == kPartial)
        Consume(&s3, "部分公开" + row[1] + "件", "三");
      else
        Consume(&s3, detail + "）" + row[1] + "件", "三");
    }
    Consume(&s3,
            "结转下年度继续办理" +
                n(count("received <= ?3 AND (concluded_on IS NULL OR concluded_on > ?3)")) + "件",
            "三");
    const std::string breach_sql =
        "SELECT e.breach, count(*) FROM event e JOIN request r ON r.id = e.request_id WHERE" +
        r_in + "AND e.breach <> '' AND e.date BETWEEN ?2 AND ?3 GROUP BY 1";
    auto breaches = sql.Rows(breach_sql, 0);
    int64_t late = 0;
    for (const auto& row : breaches) {
      if (row[0] == kBreachLateReply) late = std::stoll(row[1]);
    }
    EXPECT_GT(late, 0);
    Consume(&s3, "有" + n(late) + "件申请逾期答复", "三");
    Consume(&s3,
            "涉及申请" +
                n(sql.Int("SELECT count(DISTINCT e.request_id) FROM event e JOIN request r ON "
                          "r.id = e.request_id WHERE" +
                              r_in + "AND e.breach <> '' AND e.date BETWEEN ?2 AND ?3",
                          0)) +
                "件",
            "三");
    for (const auto& row : breaches) {
      Consume(&s3, std::string(Rule(row[0]).title) + row[1] + "次", "三");
    }
    int64_t overdue =
        count("received <= ?3 AND (concluded_on IS NULL OR concluded_on > ?3) AND due < ?3");
    if (overdue) Consume(&s3, "另有" + n(overdue) + "件申请已超过答复期限仍未答复", "三");
    EXPECT_EQ(s3.find("均未超过法定期限"), std::string::npos);
    EXPECT_EQ(s3.find("按法定期限办理"), std::string::npos);
    ExpectNoFigureLeft(s3, "三");

    // 四
    std::string s4 = report.sections[3].text;
    auto cases = [&](int group, const std::string& w) {
      return sql.Int("SELECT count(*) FROM review_case WHERE" + in + "AND grp = " + n(group) +
                         " AND filed <= ?3 AND (decided IS NULL OR decided >= ?2)" + w,
                     0);
    };
    const char* kResults[] = {"结果维持", "结果纠正", "其他结果"};
    int64_t suits = cases(kSuitDirect, "") + cases(kSuitAfterReview, "");
    Consume(&s4, "行政复议" + n(cases(kReview, "")) + "件", "四");
    Consume(&s4, "行政诉讼" + n(suits) + "件", "四");
    Consume(&s4, "直接起诉" + n(cases(kSuitDirect, "")) + "件", "四");
    Consume(&s4, "复议后起诉" + n(cases(kSuitAfterReview, "")) + "件", "四");
    for (int g = 0; g < kT4Groups; ++g) {
      for (int c = 0; c < 3; ++c) {
        int64_t v = cases(g, " AND decided <= ?3 AND result = " + n(c));
        if (v) Consume(&s4, kResults[c] + n(v) + "件", "四");
      }
      int64_t pending = cases(g, " AND (decided IS NULL OR decided > ?3)");
      if (pending) Consume(&s4, "尚未审结" + n(pending) + "件", "四");
    }
    ExpectNoFigureLeft(s4, "四");

    // 五: a placeholder, with the breaches for reference.
    std::string s5 = report.sections[4].text;
    EXPECT_EQ(s5.rfind(ledger_internal::kPlaceholderMark, 0), 0u);
    for (const auto& row : breaches) {
      Consume(&s5, std::string(Rule(row[0]).title) + row[1] + "次", "五");
    }
    ExpectNoFigureLeft(s5, "五");

    // 六: fees by method and their total.
    std::string s6 = report.sections[5].text;
    auto fee_rows = [&](const char* kind, const std::string& extra) {
      return sql.Rows(
          "SELECT count(*), coalesce(sum(r.fee_yuan), 0) FROM event e JOIN request r "
          "ON r.id = e.request_id WHERE" +
              r_in + "AND e.kind = '" + kind + "' AND e.date BETWEEN ?2 AND ?3" + extra,
          0)[0];
    };
    auto all_notices = fee_rows("fee_notice", "");
    Consume(&s6, "收费通知" + all_notices[0] + "件", "六");
    auto per_request = fee_rows("fee_notice", " AND r.fee_method = 1");
    if (per_request[0] != "0") {
      Consume(&s6, "按件计收" + per_request[0] + "件、" + per_request[1] + "元", "六");
    }
    auto per_page = fee_rows("fee_notice", " AND r.fee_method = 2");
    if (per_page[0] != "0") {
      Consume(&s6, "按量计收" + per_page[0] + "件、" + per_page[1] + "元", "六");
    }
    auto paid = fee_rows("fee_paid", "");
    EXPECT_NE(paid[0], "0");
    Consume(&s6, "收取信息处理费" + paid[0] + "件，共计" + paid[1] + "元", "六");
    ExpectNoFigureLeft(s6, "六");
  }

  ledger_test::TempDir dir_;
  std::string path_;
  std::unique_ptr<CaseStore> store_;
  std::unique_ptr<Ledger> ledger_;
  std::unique_ptr<Registry> registry_;
  std::unique_ptr<DocumentRegistry> documents_;
  int64_t county_ = 0, dept_ = 0;
  std::vector<int64_t> applicants_;
};

TEST_F(ReportNarrativeTest, EveryFigureOfEverySectionHoldsForTheRecords) {
  Fill(county_, 7);
  Fill(dept_, 11);
  auto one = GenerateAnnualReport(*store_, county_, kYear, false);
  ASSERT_TRUE(one.ok()) << one.status().message();
  CheckAgainstDatabase(*one, std::to_string(county_));
  EXPECT_EQ(CountSeverity(Validate(*one), Severity::kError), 0);
  auto rollup = GenerateAnnualReport(*store_, county_, kYear, true);
  ASSERT_TRUE(rollup.ok());
  CheckAgainstDatabase(*rollup, std::to_string(county_) + ", " + std::to_string(dept_));
  auto all = GenerateAllAnnualReports(*store_, kYear, true);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);
  CheckAgainstDatabase((*all)[1], std::to_string(dept_));
  CheckAgainstDatabase((*all)[2], std::to_string(county_) + ", " + std::to_string(dept_));
}

TEST_F(ReportNarrativeTest, AQuietYearSaysSoAndClaimsNothingElse) {
  auto r = GenerateAnnualReport(*store_, county_, kYear, false);
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->sections[0].text.find("没有本年主动公开政府信息的记录"), std::string::npos);
  EXPECT_NE(r->sections[3].text.find("没有因政府信息公开工作被申请行政复议"), std::string::npos);
  EXPECT_NE(r->sections[5].text.find("未收取信息处理费"), std::string::npos);
  // No request was handled, so there is nothing to say about deadlines.
  EXPECT_EQ(r->sections[2].text.find("法定期限"), std::string::npos);
  // Without registries (null facts), no sentence about breaches or fees at all.
  AnnualReport bare = BuildAnnualReport("某机关", kYear, YearFigures{});
  EXPECT_EQ(bare.sections[2].text.find("期限"), std::string::npos);
  EXPECT_EQ(bare.sections[5].text.find("收费"), std::string::npos);
  EXPECT_EQ(bare.sections[5].text.rfind(ledger_internal::kPlaceholderMark, 0), 0u);
}

}  // namespace
}  // namespace gongkai
