#include "report_catalog.h"

#include <algorithm>

#include "gongkai/ledger.h"
#include "gongkai/report_json.h"
#include "gongkai/report_publication.h"

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
  GONGKAI_ASSIGN_OR_RETURN(std::unique_ptr<ReportPublications> pubs, OpenReportPublications(store));
  GONGKAI_ASSIGN_OR_RETURN(std::vector<int> published, pubs->PublishedYears(agency));
  std::set<int, std::greater<int>> out(published.begin(), published.end());
  for (int y : years_) {
    if (y >= today.year() || out.count(y)) continue;
    GONGKAI_ASSIGN_OR_RETURN(std::set<int64_t> ids, AgenciesWithRecords(store, y));
    if (ids.count(agency)) out.insert(y);
  }
  return std::vector<int>(out.begin(), out.end());
}

StatusOr<AnnualReport> ReportCatalog::Generate(CaseStore& store, int64_t agency, int year,
                                               Date today) {
  bool finished_with_records = false;
  if (year < today.year() && std::find(years_.begin(), years_.end(), year) != years_.end()) {
    GONGKAI_ASSIGN_OR_RETURN(std::set<int64_t> ids, AgenciesWithRecords(store, year));
    finished_with_records = ids.count(agency) > 0;
  }
  if (!finished_with_records) {
    return NotFoundError("该机关没有 " + std::to_string(year) + " 年度报告 (no such report)");
  }
  return GenerateAnnualReport(store, agency, year, false);
}

StatusOr<std::shared_ptr<const AnnualReport>> ReportCatalog::Report(CaseStore& store,
                                                                    int64_t agency, int year,
                                                                    Date today) {
  const auto key = std::make_pair(agency, year);
  GONGKAI_ASSIGN_OR_RETURN(std::unique_ptr<ReportPublications> pubs, OpenReportPublications(store));
  GONGKAI_ASSIGN_OR_RETURN(int64_t version, pubs->PublishedId(agency, year));
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = entries_.find(key);
    // A published version never changes; a generated report is kept for ttl_.
    if (it != entries_.end() && it->second.version == version &&
        (version != 0 || Clock::now() - it->second.made < ttl_)) {
      return it->second.report;
    }
  }
  AnnualReport r;
  if (version != 0) {
    GONGKAI_ASSIGN_OR_RETURN(std::optional<PublishedReport> p, pubs->GetPublished(agency, year));
    if (!p) return NotFoundError("没有这份年度报告 (no such report)");
    version = p->id;
    GONGKAI_ASSIGN_OR_RETURN(
        r, ReportFromJson(p->model_json, "published_report/" + std::to_string(p->id)));
  } else {
    GONGKAI_ASSIGN_OR_RETURN(r, Generate(store, agency, year, today));
  }
  auto report = std::make_shared<const AnnualReport>(std::move(r));
  std::lock_guard<std::mutex> lock(mu_);
  entries_[key] = Entry{report, {}, Clock::now(), version};
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
    Entry& e = entries_[key];
    auto it = e.rendered.find(format);
    if (e.report == report && it != e.rendered.end()) return it->second;
  }
  // Rendered outside the lock: PDF takes seconds (LibreOffice).
  GONGKAI_ASSIGN_OR_RETURN(std::string bytes, RenderReport(*report, format, render_));
  auto out = std::make_shared<const std::string>(std::move(bytes));
  std::lock_guard<std::mutex> lock(mu_);
  Entry& e = entries_[key];
  if (e.report == report) e.rendered[format] = out;  // not if a newer version came meanwhile
  return out;
}

std::string ReportMainHtml(const std::string& page) {
  size_t open = page.find("<main>");
  size_t close = page.rfind("</main>");
  if (open == std::string::npos || close == std::string::npos || close < open) return "";
  return page.substr(open + 6, close - open - 6);
}

}  // namespace gongkai::web
