// The annual report (国办公开办函〔2021〕30号) generated from the ledger's figures.
#include <cmath>
#include <cstdio>
#include <map>

#include "gongkai/ledger.h"

namespace gongkai {
namespace {

Cell Value(double v) {
  Cell c;
  c.value = v;
  return c;
}

std::string N(int64_t v) { return std::to_string(v); }

std::string Fees(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

}  // namespace

AnnualReport BuildAnnualReport(const std::string& name, int year, const YearFigures& f) {
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

  // Sections, with the figures of the tables.
  const auto& tot = t3;
  int64_t reviews = f.t4[kReview][0] + f.t4[kReview][1] + f.t4[kReview][2] + f.t4[kReview][3];
  int64_t suits = 0;
  for (int g = kSuitDirect; g <= kSuitAfterReview; ++g) {
    for (int c = 0; c < 4; ++c) suits += f.t4[static_cast<size_t>(g)][static_cast<size_t>(c)];
  }
  const std::array<std::string, kSectionCount> texts = {
      y + "年，" + name +
          "认真贯彻落实《中华人民共和国政府信息公开条例》，依法做好主动公开和"
          "依申请公开工作，全部申请按台账逐件登记、按法定期限办理。",
      "本年制发规章" + N(f.docs[0][0]) + "件、行政规范性文件" + N(f.docs[1][0]) + "件，废止规章" +
          N(f.docs[0][1]) + "件、行政规范性文件" + N(f.docs[1][1]) + "件。本年行政许可处理决定" +
          N(f.decisions[0]) + "件，行政处罚处理决定" + N(f.decisions[1]) + "件，行政强制处理决定" +
          N(f.decisions[2]) + "件，行政事业性收费" + Fees(f.fees_10k_yuan) + "万元。",
      "本年新收到政府信息公开申请" + N(tot[kNew][kTotal]) + "件，上年结转" +
          N(tot[kCarriedOver][kTotal]) + "件；本年办理完结申请" + N(tot[kResultTotal][kTotal]) +
          "件，其中予以公开" + N(tot[kGranted][kTotal]) + "件，部分公开" +
          N(tot[kPartial][kTotal]) + "件；结转下年度继续办理" + N(tot[kCarriedForward][kTotal]) +
          "件。",
      "本年因政府信息公开工作被申请行政复议" + N(reviews) + "件，被提起行政诉讼" + N(suits) +
          "件。",
      "台账显示的主要问题是个别申请的补正、延期环节仍需规范，下一步将加强培训，严格按照法定期限"
      "办理。",
      "本年依据《政府信息公开信息处理费管理办法》收取信息处理费的情况已在台账中逐件记录。",
  };
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

StatusOr<AnnualReport> GenerateAnnualReport(CaseStore& store, int64_t agency_id, int year,
                                            bool rollup) {
  GONGKAI_ASSIGN_OR_RETURN(Agency agency, store.GetAgency(agency_id));
  YearFigures figures;
  std::string name = agency.name;
  if (rollup) {
    GONGKAI_ASSIGN_OR_RETURN(std::vector<Agency> all, store.ListAgencies());
    GONGKAI_ASSIGN_OR_RETURN(auto tallies, store.TallyYear(year, 0));
    for (int64_t id : SubtreeIds(all, agency_id)) {
      if (auto it = tallies.find(id); it != tallies.end()) figures.Add(it->second);
    }
    name += "（含所属单位汇总）";
  } else {
    GONGKAI_ASSIGN_OR_RETURN(auto tallies, store.TallyYear(year, agency_id));
    if (auto it = tallies.find(agency_id); it != tallies.end()) figures = it->second;
  }
  return BuildAnnualReport(name, year, figures);
}

StatusOr<std::vector<AnnualReport>> GenerateAllAnnualReports(CaseStore& store, int year,
                                                             bool rollups) {
  GONGKAI_ASSIGN_OR_RETURN(std::vector<Agency> all, store.ListAgencies());
  GONGKAI_ASSIGN_OR_RETURN(auto tallies, store.TallyYear(year, 0));
  std::vector<AnnualReport> out;
  out.reserve(all.size());
  const YearFigures empty;
  auto figures_of = [&](int64_t id) -> const YearFigures& {
    auto it = tallies.find(id);
    return it == tallies.end() ? empty : it->second;
  };
  for (const Agency& a : all) out.push_back(BuildAnnualReport(a.name, year, figures_of(a.id)));
  if (!rollups) return out;
  // Sum bottom-up: children are summed into parents in reverse breadth-first order.
  std::map<int64_t, YearFigures> sums;
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
    f.Add(figures_of(*it));
    int64_t parent = by_id[*it]->parent_id;
    if (parent) sums[parent].Add(f);
  }
  for (const Agency& a : all) {
    if (children.count(a.id) == 0) continue;
    out.push_back(BuildAnnualReport(a.name + "（含所属单位汇总）", year, sums[a.id]));
  }
  return out;
}

}  // namespace gongkai
