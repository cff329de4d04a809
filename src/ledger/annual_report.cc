// The annual report (国办公开办函〔2021〕30号) generated from the ledger's figures.
#include <cmath>
#include <cstdio>
#include <map>

#include "gongkai/ledger.h"
#include "gongkai/registry.h"
#include "report_narrative.h"

namespace gongkai {
namespace {

Cell Value(double v) {
  Cell c;
  c.value = v;
  return c;
}

}  // namespace

AnnualReport BuildAnnualReport(const std::string& name, int year, const YearFigures& f) {
  return BuildAnnualReport(name, year, f, nullptr);
}

AnnualReport BuildAnnualReport(const std::string& name, int year, const YearFigures& f,
                               const YearFacts* facts) {
  AnnualReport r;
  r.agency = name;
  r.year = year;
  r.generated_from_ledger = true;
  const std::string y = std::to_string(year);
  r.preamble = name + y +
               "年政府信息公开工作年度报告\n本报告依据《中华人民共和国政府信息公开条例》"
               "编制，由本机关的政府信息公开台账生成。本报告统计期限为" +
               y + "年1月1日至" + y + "年12月31日。";

  // Table 2.
  for (int k = 0; k < kDocKindCount; ++k) {
    for (int c = 0; c < kDocColumns; ++c) {
      r.table2.docs[static_cast<size_t>(k)][static_cast<size_t>(c)] =
          Value(static_cast<double>(f.docs[static_cast<size_t>(k)][static_cast<size_t>(c)]));
    }
  }
  for (int k = 0; k < kDecisionKindCount; ++k) {
    r.table2.decisions[static_cast<size_t>(k)] =
        Value(static_cast<double>(f.decisions[static_cast<size_t>(k)]));
  }
  r.table2.fees_10k_yuan = Value(std::round(f.fees_10k_yuan * 10000) / 10000);

  // Table 3: the applicant columns, then the totals.
  std::array<std::array<int64_t, kT3Columns>, kT3Rows> t3{};
  for (int row = 0; row < kT3Rows; ++row) {
    for (int c = 0; c < kApplicantKindCount; ++c) {
      int64_t v = f.t3[static_cast<size_t>(row)][static_cast<size_t>(c)];
      if (row == kResultTotal) v = 0;
      t3[static_cast<size_t>(row)][static_cast<size_t>(c)] = v;
    }
  }
  for (int c = 0; c < kApplicantKindCount; ++c) {
    int64_t sum = 0;
    for (int row = kFirstOutcomeRow; row <= kLastOutcomeRow; ++row) {
      sum += t3[static_cast<size_t>(row)][static_cast<size_t>(c)];
    }
    t3[kResultTotal][static_cast<size_t>(c)] = sum;
  }
  for (int row = 0; row < kT3Rows; ++row) {
    int64_t sum = 0;
    for (int c = 0; c < kApplicantKindCount; ++c)
      sum += t3[static_cast<size_t>(row)][static_cast<size_t>(c)];
    t3[static_cast<size_t>(row)][kTotal] = sum;
    for (int c = 0; c < kT3Columns; ++c) {
      r.table3.cells[static_cast<size_t>(row)][static_cast<size_t>(c)] =
          Value(static_cast<double>(t3[static_cast<size_t>(row)][static_cast<size_t>(c)]));
    }
  }

  // Table 4.
  for (int g = 0; g < kT4Groups; ++g) {
    int64_t sum = 0;
    for (int c = 0; c < 4; ++c) {
      int64_t v = f.t4[static_cast<size_t>(g)][static_cast<size_t>(c)];
      sum += v;
      r.table4.cells[static_cast<size_t>(g)][static_cast<size_t>(c)] =
          Value(static_cast<double>(v));
    }
    r.table4.cells[static_cast<size_t>(g)][4] = Value(static_cast<double>(sum));
  }

  // Sections: what the records hold, placeholders for the rest (report_narrative.h).
  const std::array<std::string, kSectionCount> texts =
      ledger_internal::ReportSectionTexts(name, year, f, facts);
  for (int s = 0; s < kSectionCount; ++s) {
    Section& sec = r.sections[static_cast<size_t>(s)];
    sec.present = true;
    sec.order = s;
    sec.heading = std::string(SectionTitle(s));
    sec.text = texts[static_cast<size_t>(s)];
  }
  return r;
}

std::vector<int64_t> SubtreeIds(const std::vector<Agency>& agencies, int64_t root) {
  std::multimap<int64_t, int64_t> children;
  for (const Agency& a : agencies) children.emplace(a.parent_id, a.id);
  std::vector<int64_t> out = {root};
  for (size_t i = 0; i < out.size(); ++i) {
    auto [b, e] = children.equal_range(out[i]);
    for (auto it = b; it != e; ++it) out.push_back(it->second);
  }
  return out;
}

namespace {

// The year's facts of every agency (0) or of one; empty for a store without registries.
StatusOr<std::map<int64_t, YearFacts>> FactsOf(CaseStore& store, int year, int64_t agency_id) {
  StatusOr<std::unique_ptr<Registry>> registry = OpenRegistry(store);
  if (!registry.ok()) {
    if (registry.status().code() == StatusCode::kUnimplemented) {
      return std::map<int64_t, YearFacts>();
    }
    return registry.status();
  }
  return (*registry)->TallyFacts(year, agency_id);
}

template <typename T>
const T& Find(const std::map<int64_t, T>& m, int64_t id) {
  static const T kEmpty{};
  auto it = m.find(id);
  return it == m.end() ? kEmpty : it->second;
}

}  // namespace

StatusOr<AnnualReport> GenerateAnnualReport(CaseStore& store, int64_t agency_id, int year,
                                            bool rollup) {
  GONGKAI_ASSIGN_OR_RETURN(Agency agency, store.GetAgency(agency_id));
  const bool has_registry = OpenRegistry(store).ok();
  YearFigures figures;
  YearFacts facts;
  std::string name = agency.name;
  if (rollup) {
    GONGKAI_ASSIGN_OR_RETURN(std::vector<Agency> all, store.ListAgencies());
    GONGKAI_ASSIGN_OR_RETURN(auto tallies, store.TallyYear(year, 0));
    GONGKAI_ASSIGN_OR_RETURN(auto all_facts, FactsOf(store, year, 0));
    for (int64_t id : SubtreeIds(all, agency_id)) {
      figures.Add(Find(tallies, id));
      facts.Add(Find(all_facts, id));
    }
    name += "（含所属单位汇总）";
  } else {
    GONGKAI_ASSIGN_OR_RETURN(auto tallies, store.TallyYear(year, agency_id));
    GONGKAI_ASSIGN_OR_RETURN(auto one_facts, FactsOf(store, year, agency_id));
    figures = Find(tallies, agency_id);
    facts = Find(one_facts, agency_id);
  }
  return BuildAnnualReport(name, year, figures, has_registry ? &facts : nullptr);
}

StatusOr<std::vector<AnnualReport>> GenerateAllAnnualReports(CaseStore& store, int year,
                                                             bool rollups) {
  GONGKAI_ASSIGN_OR_RETURN(std::vector<Agency> all, store.ListAgencies());
  GONGKAI_ASSIGN_OR_RETURN(auto tallies, store.TallyYear(year, 0));
  GONGKAI_ASSIGN_OR_RETURN(auto all_facts, FactsOf(store, year, 0));
  const bool has_registry = OpenRegistry(store).ok();
  std::vector<AnnualReport> out;
  out.reserve(all.size());
  for (const Agency& a : all) {
    const YearFacts& f = Find(all_facts, a.id);
    out.push_back(
        BuildAnnualReport(a.name, year, Find(tallies, a.id), has_registry ? &f : nullptr));
  }
  if (!rollups) return out;
  // Sum bottom-up: children are summed into parents in reverse breadth-first order.
  std::map<int64_t, YearFigures> sums;
  std::map<int64_t, YearFacts> fact_sums;
  std::map<int64_t, const Agency*> by_id;
  std::multimap<int64_t, int64_t> children;
  for (const Agency& a : all) {
    by_id[a.id] = &a;
    children.emplace(a.parent_id, a.id);
  }
  std::vector<int64_t> order;
  for (auto [b, e] = children.equal_range(0); b != e; ++b) order.push_back(b->second);
  for (size_t i = 0; i < order.size(); ++i) {
    for (auto [b, e] = children.equal_range(order[i]); b != e; ++b) order.push_back(b->second);
  }
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    YearFigures& f = sums[*it];
    f.Add(Find(tallies, *it));
    YearFacts& k = fact_sums[*it];
    k.Add(Find(all_facts, *it));
    int64_t parent = by_id[*it]->parent_id;
    if (parent) {
      sums[parent].Add(f);
      fact_sums[parent].Add(k);
    }
  }
  for (const Agency& a : all) {
    if (children.count(a.id) == 0) continue;
    out.push_back(BuildAnnualReport(a.name + "（含所属单位汇总）", year, sums[a.id],
                                    has_registry ? &fact_sums[a.id] : nullptr));
  }
  return out;
}

}  // namespace gongkai
