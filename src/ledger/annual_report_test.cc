// Property test of the two report paths: for random requests AND random registry facts (cases,
// 规章/规范性文件 with amendments and repeals, action counts, published documents) over several
// years, the one-tally bulk path (GenerateAllAnnualReports) gives every agency exactly the report
// of the per-agency path (GenerateAnnualReport), and every roll-up exactly the per-agency
// roll-up. Reports are compared whole, as their interchange JSON.
#include <gtest/gtest.h>

#include <random>

#include "gongkai/documents.h"
#include "gongkai/ledger.h"
#include "gongkai/ledger_simulation.h"
#include "gongkai/registry.h"
#include "gongkai/report_json.h"
#include "ledger_test_util.h"

namespace gongkai {
namespace {

constexpr int kFirstYear = 2023;
constexpr int kLastYear = 2025;

template <typename T>
T Pick(std::mt19937_64& rng, T lo, T hi) {
  return std::uniform_int_distribution<T>(lo, hi)(rng);
}

Date RandomDay(std::mt19937_64& rng, int first_year, int last_year) {
  const Date first = Date::FromYmd(first_year, 1, 1);
  return first + Pick(rng, 0, Date::FromYmd(last_year, 12, 31) - first);
}

// A few random facts of each kind for `agency`, lawful by construction.
void AddRandomFacts(Registry& registry, DocumentRegistry& documents, int64_t agency,
                    std::mt19937_64& rng) {
  for (int i = Pick(rng, 0, 4); i > 0; --i) {
    DisclosureCase c;
    c.c.agency_id = agency;
    c.c.group = Pick(rng, 0, 1);  // review or direct suit (a suit after review needs no link)
    c.c.filed = RandomDay(rng, kFirstYear - 1, kLastYear);
    c.number = "案" + std::to_string(agency) + "-" + std::to_string(i);
    auto id = registry.AddCase(c, "t");
    ASSERT_TRUE(id.ok()) << id.status().message();
    if (Pick(rng, 0, 2) > 0) {
      const auto result = static_cast<CaseResult>(Pick(rng, 0, 2));
      ASSERT_TRUE(registry.DecideCase(*id, result, c.c.filed + Pick(rng, 1, 400), "t").ok());
    }
  }
  for (int i = Pick(rng, 0, 4); i > 0; --i) {
    NormativeDoc d;
    d.agency_id = agency;
    d.kind = Pick(rng, 0, kDocKindCount - 1);
    d.title = "规定" + std::to_string(i);
    d.number = "文" + std::to_string(agency) + "-" + std::to_string(i);
    d.made = RandomDay(rng, kFirstYear - 1, kLastYear);
    auto id = registry.AddNormative(d, "t");
    ASSERT_TRUE(id.ok()) << id.status().message();
    if (Pick(rng, 0, 2) == 0) {
      ASSERT_TRUE(registry.Amend(*id, {d.made + Pick(rng, 1, 300), "", "修改"}, "t").ok());
    }
    if (Pick(rng, 0, 2) == 0) {
      ASSERT_TRUE(registry.Repeal(*id, d.made + Pick(rng, 301, 900), "t").ok());
    }
  }
  for (int year = kFirstYear; year <= kLastYear; ++year) {
    if (Pick(rng, 0, 3) == 0) continue;  // some years have no counts recorded
    ActionCounts counts{{agency, year, Pick<int64_t>(rng, 0, 900), Pick<int64_t>(rng, 0, 90),
                         Pick<int64_t>(rng, 0, 9), Pick(rng, 0, 5000) / 100.0},
                        "测试"};
    ASSERT_TRUE(registry.SetActions(counts, "t").ok());
  }
  static const char* const kCategories[] = {"财政预决算", "政务公开", "重点领域"};
  for (int i = Pick(rng, 0, 5); i > 0; --i) {
    PublishedDocument d;
    d.agency_id = agency;
    d.index_number = std::to_string(agency) + "-" + std::to_string(i);
    d.title = "文件" + std::to_string(i);
    d.category = kCategories[Pick(rng, 0, 2)];
    d.publisher = "某机关";
    d.created = RandomDay(rng, kFirstYear, kLastYear);
    d.published = d.created + Pick(rng, 0, 20);
    d.mode = static_cast<DisclosureMode>(Pick(rng, 0, kDisclosureModeCount - 1));
    d.body = "正文";
    d.review = {"拟稿人", "审核人", "签发人", d.created, true};  // 三审 before publication
    if (d.mode == DisclosureMode::kProactive && Pick(rng, 0, 4) == 0) {
      d.draft = true;  // not yet public, not counted
      d.published.reset();
    }
    ASSERT_TRUE(documents.Add(d, "t").ok());
  }
}

std::string Json(const AnnualReport& r) { return ReportToJson(r, {}, {}); }

TEST(AnnualReportProperty, BulkPathEqualsPerAgencyPathWithRegistryFacts) {
  ledger_test::TempDir dir;
  auto opened = OpenSqliteStore(dir.File("ledger.db"), {.durable = false});
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  CaseStore& store = **opened;
  const WorkCalendar& cal = ledger_test::TestCalendar();
  Ledger ledger(&store, &cal);
  auto registry = OpenRegistry(store);
  ASSERT_TRUE(registry.ok()) << registry.status().message();
  auto documents = OpenDocumentRegistry(store);
  ASSERT_TRUE(documents.ok()) << documents.status().message();
  std::mt19937_64 rng(7);

  // region → 2 cities → a county and a department each.
  std::vector<int64_t> agencies;
  const int64_t region = *store.AddAgency({0, "某区人民政府", 0, AgencyKind::kRegion}, "t");
  agencies.push_back(region);
  for (int c = 0; c < 2; ++c) {
    const std::string n = std::to_string(c);
    const int64_t city = *store.AddAgency({0, "某市" + n, region, AgencyKind::kCity}, "t");
    agencies.push_back(city);
    agencies.push_back(*store.AddAgency({0, "某县" + n, city, AgencyKind::kCounty}, "t"));
    agencies.push_back(*store.AddAgency({0, "某局" + n, city, AgencyKind::kDepartment}, "t"));
  }
  for (int64_t a : agencies) {
    AddRandomFacts(**registry, **documents, a, rng);
    if (HasFatalFailure()) return;
  }
  const int64_t applicant =
      *store.AddApplicant({0, ApplicantKind::kNatural, "申请人"}, {}, "t");
  const Date stop = Date::FromYmd(kLastYear, 12, 31);
  for (int i = 0; i < 300; ++i) {
    NewRequest n;
    n.agency_id = agencies[Pick<size_t>(rng, 0, agencies.size() - 1)];
    n.applicant_id = applicant;
    const Date received = RandomDay(rng, kFirstYear, kLastYear);
    n.channel = Channel::kOnline;
    n.dates = {received, received, received};
    n.content = "某项政府信息";
    n.actor = "t";
    auto id = ledger.Register(n);
    ASSERT_TRUE(id.ok()) << id.status().message();
    ASSERT_TRUE(SimulateRequest(ledger, cal, *id, received, stop, -1, rng).ok());
  }

  auto listed = store.ListAgencies();
  ASSERT_TRUE(listed.ok());
  for (int year = kFirstYear; year <= kLastYear; ++year) {
    auto bulk = GenerateAllAnnualReports(store, year, true);
    ASSERT_TRUE(bulk.ok()) << bulk.status().message();
    ASSERT_EQ(bulk->size(), listed->size() + 3);  // the region and the two cities roll up
    size_t rollup = listed->size();
    for (size_t i = 0; i < listed->size(); ++i) {
      const int64_t id = (*listed)[i].id;
      auto one = GenerateAnnualReport(store, id, year, false);
      ASSERT_TRUE(one.ok()) << one.status().message();
      EXPECT_EQ(Json((*bulk)[i]), Json(*one)) << year << " agency " << id;
      if ((*listed)[i].kind == AgencyKind::kDepartment ||
          (*listed)[i].kind == AgencyKind::kCounty) {
        continue;
      }
      auto up = GenerateAnnualReport(store, id, year, true);
      ASSERT_TRUE(up.ok()) << up.status().message();
      EXPECT_EQ(Json((*bulk)[rollup++]), Json(*up)) << year << " roll-up of " << id;
    }
  }
}

}  // namespace
}  // namespace gongkai
