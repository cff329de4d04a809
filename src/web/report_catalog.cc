#include "report_catalog.h"

#include <algorithm>

#include "gongkai/ledger.h"

namespace gongkai::web {

StatusOr<std::set<int64_t>> ReportCatalog::AgenciesWithRecords(CaseStore& store, int year) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = with_records_.find(year);
    if (it != with_records_.end() && Clock::now() - it->second.second < ttl_) {
      return it->second.first;
    }
  }
  GONGKAI_ASSIGN_OR_RETURN(auto figures, store.TallyYear(year, 0));
  std::set<int64_t> ids;
  for (const auto& [id, f] : figures) ids.insert(id);
  std::lock_guard<std::mutex> lock(mu_);
  with_records_[year] = {ids, Clock::now()};
  return ids;
}

StatusOr<std::vector<int>> ReportCatalog::PublishedYears(CaseStore& store, int64_t agency,
                                                         Date today) {
  std::vector<int> out;
  for (auto it = years_.rbegin(); it != years_.rend(); ++it) {
    if (*it >= today.year()) continue;
    GONGKAI_ASSIGN_OR_RETURN(std::set<int64_t> ids, AgenciesWithRecords(store, *it));
    if (ids.count(agency)) out.push_back(*it);
  }
  return out;
}

StatusOr<std::shared_ptr<const AnnualReport>> ReportCatalog::Report(CaseStore& store,
                                                                    int64_t agency, int year,
                                                                    Date today) {
  const auto key = std::make_pair(agency, year);
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = entries_.find(key);
    if (it != entries_.end() && Clock::now() - it->second.made < ttl_) return it->second.report;
  }
  GONGKAI_ASSIGN_OR_RETURN(std::vector<int> years, PublishedYears(store, agency, today));
  if (std::find(years.begin(), years.end(), year) == years.end()) {
    return NotFoundError("该机关没有 " + std::to_string(year) + " 年度报告 (no such report)");
  }
  GONGKAI_ASSIGN_OR_RETURN(AnnualReport r, GenerateAnnualReport(store, agency, year, false));
  auto report = std::make_shared<const AnnualReport>(std::move(r));
  std::lock_guard<std::mutex> lock(mu_);
  entries_[key] = Entry{report, {}, Clock::now()};
  return report;
}

StatusOr<std::shared_ptr<const std::string>> ReportCatalog::Rendered(CaseStore& store,
                                                                     int64_t agency, int year,
                                                                     Date today,
                                                                     RenderFormat format) {
  GONGKAI_ASSIGN_OR_RETURN(std::shared_ptr<const AnnualReport> report,
                           Report(store, agency, year, today));
  const auto key = std::make_pair(agency, year);
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto& rendered = entries_[key].rendered;
    auto it = rendered.find(format);
    if (it != rendered.end()) return it->second;
  }
  // Rendered outside the lock: PDF takes seconds (LibreOffice).
  GONGKAI_ASSIGN_OR_RETURN(std::string bytes, RenderReport(*report, format, render_));
  auto out = std::make_shared<const std::string>(std::move(bytes));
  std::lock_guard<std::mutex> lock(mu_);
  entries_[key].rendered[format] = out;
  return out;
}

std::string ReportMainHtml(const std::string& page) {
  size_t open = page.find("<main>");
  size_t close = page.rfind("</main>");
  if (open == std::string::npos || close == std::string::npos || close < open) return "";
  return page.substr(open + 6, close - open - 6);
}

}  // namespace gongkai::web
