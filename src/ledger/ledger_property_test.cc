// Property test: thousands of requests with random but lawful histories over five years, under a
// fixed seed. Every step is accepted, every generated report passes every validator rule, each
// year's carried_forward is the next year's carried_over, and each request is counted exactly
// once: in the outcome row of the year it concluded, or carried forward.
#include <gtest/gtest.h>

#include <random>

#include "gongkai/ledger_simulation.h"
#include "gongkai/stores.h"
#include "gongkai/validator.h"
#include "ledger_test_util.h"
#include "store_test_backend.h"

namespace gongkai {
namespace {

using ledger_test::D;

constexpr int kFirstYear = 2021;
constexpr int kLastYear = 2025;
constexpr int kRequests = 2500;

// Runs on each backend (store_test_backend.h).
class LedgerPropertyTest : public ::testing::TestWithParam<Backend> {};

INSTANTIATE_TEST_SUITE_P(Backends, LedgerPropertyTest,
                         ::testing::ValuesIn(store_testing::AllBackends()),
                         store_testing::BackendName);

TEST_P(LedgerPropertyTest, RandomLawfulHistoriesGiveValidConsistentReports) {
  store_testing::TestDatabase db(GetParam());
  GONGKAI_REQUIRE_TEST_DATABASE(db);
  auto opened = OpenCaseStore(db.url(), {.durable = false});
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  CaseStore& store = **opened;
  const WorkCalendar& cal = ledger_test::TestCalendar();
  Ledger ledger(&store, &cal);
  std::mt19937_64 rng(42);

  // region → 3 cities → 2 counties each; a department under every government.
  std::vector<int64_t> agencies;
  int64_t region = *store.AddAgency({0, "某自治区人民政府", 0, AgencyKind::kRegion}, "t");
  agencies.push_back(region);
  for (int c = 0; c < 3; ++c) {
    int64_t city =
        *store.AddAgency({0, "某市" + std::to_string(c), region, AgencyKind::kCity}, "t");
    agencies.push_back(city);
    agencies.push_back(
        *store.AddAgency({0, "某市局" + std::to_string(c), city, AgencyKind::kDepartment}, "t"));
    for (int k = 0; k < 2; ++k) {
      agencies.push_back(*store.AddAgency(
          {0, "某旗" + std::to_string(c * 2 + k), city, AgencyKind::kCounty}, "t"));
    }
  }
  std::vector<int64_t> applicants;
  for (int i = 0; i < 60; ++i) {
    auto kind = static_cast<ApplicantKind>(i < 30 ? 0 : i % kApplicantKindCount);
    applicants.push_back(*store.AddApplicant({0, kind, "申请人" + std::to_string(i)}, {}, "t"));
  }

  const Date start = D("2021-01-04"), stop = Date::FromYmd(kLastYear, 12, 31);
  const Channel kChannels[] = {Channel::kOnline, Channel::kInPerson, Channel::kLetterSigned};
  for (int i = 0; i < kRequests; ++i) {
    NewRequest n;
    n.agency_id = agencies[std::uniform_int_distribution<size_t>(0, agencies.size() - 1)(rng)];
    n.applicant_id =
        applicants[std::uniform_int_distribution<size_t>(0, applicants.size() - 1)(rng)];
    Date received = start + std::uniform_int_distribution<int>(0, stop - start)(rng);
    n.channel = kChannels[i % 3];
    n.dates = {received, received, received};
    n.content = "某项政府信息";
    n.actor = "t";
    auto id = ledger.Register(n);
    ASSERT_TRUE(id.ok()) << id.status().message();
    Status s = SimulateRequest(ledger, cal, *id, received, stop, -1, rng);
    ASSERT_TRUE(s.ok()) << "request " << *id << ": " << s.message();
  }

  int64_t concluded_in_reports = 0;
  for (int year = kFirstYear; year <= kLastYear; ++year) {
    int64_t new_sum = 0;
    for (int64_t a : agencies) {
      for (bool rollup : {false, true}) {
        auto report = GenerateAnnualReport(store, a, year, rollup);
        ASSERT_TRUE(report.ok()) << report.status().message();
        Findings f = Validate(*report);
        EXPECT_TRUE(f.empty()) << year << " agency " << a << ": " << f[0].rule << " "
                               << f[0].message;
        if (year > kFirstYear) {
          auto previous = GenerateAnnualReport(store, a, year - 1, rollup);
          ASSERT_TRUE(previous.ok());
          EXPECT_TRUE(ValidateCarryOver(*previous, *report).empty()) << year << " agency " << a;
        }
        if (!rollup) {
          concluded_in_reports +=
              static_cast<int64_t>(*report->table3.cells[kResultTotal][kTotal].value);
          new_sum += static_cast<int64_t>(*report->table3.cells[kNew][kTotal].value);
        }
      }
    }
    auto region_report = GenerateAnnualReport(store, region, year, true);
    EXPECT_EQ(*region_report->table3.cells[kNew][kTotal].value, new_sum) << year;
  }
  // Each request in exactly one row: concluded ones once in some year's outcome rows, open ones
  // in the last year's carried_forward.
  auto open = store.ListOpenRequests(0);
  ASSERT_TRUE(open.ok());
  auto last = GenerateAnnualReport(store, region, kLastYear, true);
  EXPECT_EQ(static_cast<int64_t>(*last->table3.cells[kCarriedForward][kTotal].value),
            static_cast<int64_t>(open->size()));
  EXPECT_EQ(concluded_in_reports + static_cast<int64_t>(open->size()), kRequests);
  // The generator exercised every outcome row and recorded some breaches.
  std::vector<int64_t> per_row(kT3Rows, 0);
  for (int year = kFirstYear; year <= kLastYear; ++year) {
    auto tally = store.TallyYear(year, 0);
    ASSERT_TRUE(tally.ok());
    for (const auto& [agency, fig] : *tally) {
      for (int row = kFirstOutcomeRow; row <= kLastOutcomeRow; ++row) {
        for (int64_t v : fig.t3[static_cast<size_t>(row)]) per_row[static_cast<size_t>(row)] += v;
      }
    }
  }
  for (int row = kFirstOutcomeRow; row <= kLastOutcomeRow; ++row) {
    EXPECT_GT(per_row[static_cast<size_t>(row)], 0) << T3RowId(row);
  }
  // The one-tally bulk path gives the same reports and roll-ups as the per-agency path.
  for (int year = kFirstYear; year <= kLastYear; ++year) {
    auto bulk = GenerateAllAnnualReports(store, year, true);
    ASSERT_TRUE(bulk.ok());
    ASSERT_EQ(bulk->size(), agencies.size() + 4);  // the region and the three cities roll up
    auto agencies_listed = *store.ListAgencies();
    for (size_t i = 0; i < agencies_listed.size(); ++i) {
      auto one = GenerateAnnualReport(store, agencies_listed[i].id, year, false);
      for (int row = 0; row < kT3Rows; ++row) {
        EXPECT_EQ((*bulk)[i].table3.cells[row][kTotal].value, one->table3.cells[row][kTotal].value);
      }
    }
    auto region_rollup = GenerateAnnualReport(store, region, year, true);
    const AnnualReport& bulk_region = (*bulk)[agencies_listed.size()];
    for (int row = 0; row < kT3Rows; ++row) {
      for (int c = 0; c < kT3Columns; ++c) {
        EXPECT_EQ(bulk_region.table3.cells[row][c].value,
                  region_rollup->table3.cells[row][c].value);
      }
    }
    EXPECT_TRUE(Validate(bulk_region).empty());
  }
}

}  // namespace
}  // namespace gongkai
