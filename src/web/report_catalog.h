// Internal to the web server: the annual reports the 专栏 publishes and the renderers render.
// For each agency and year: the newest version the office published (report_publication.h), kept
// until a newer one appears; for a finished year (before today's) with records in the ledger but
// no published version, the report generated from the records (GenerateAnnualReport) as before
// publication existed, kept for `ttl` so that a busy page does not re-tally the year on every
// request. Thread-safe.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "gongkai/calendar.h"
#include "gongkai/render.h"
#include "gongkai/report.h"
#include "gongkai/store.h"

namespace gongkai::web {

class ReportCatalog {
 public:
  ReportCatalog(std::vector<int> years, RenderOptions render, std::chrono::seconds ttl)
      : years_(std::move(years)), render_(std::move(render)), ttl_(ttl) {}

  // Years with a published version, and finished years (before today's year) in which `agency`
  // has records, newest first.
  StatusOr<std::vector<int>> PublishedYears(CaseStore& store, int64_t agency, Date today);
  // The report, kNotFound unless `year` is one of PublishedYears.
  StatusOr<std::shared_ptr<const AnnualReport>> Report(CaseStore& store, int64_t agency, int year,
                                                       Date today);
  // The report rendered in `format` (bytes).
  StatusOr<std::shared_ptr<const std::string>> Rendered(CaseStore& store, int64_t agency, int year,
                                                        Date today, RenderFormat format);

 private:
  using Clock = std::chrono::steady_clock;
  struct Entry {
    std::shared_ptr<const AnnualReport> report;
    std::map<RenderFormat, std::shared_ptr<const std::string>> rendered;
    Clock::time_point made;
    int64_t version = 0;  // the published version's id; 0: generated from the records
  };
  // The report generated from the records, kNotFound unless the year is finished with records.
  StatusOr<AnnualReport> Generate(CaseStore& store, int64_t agency, int year, Date today);
  StatusOr<std::set<int64_t>> AgenciesWithRecords(CaseStore& store, int year);

  std::vector<int> years_;  // the calendar's years
  RenderOptions render_;
  std::chrono::seconds ttl_;
  std::mutex mu_;
  std::map<int, std::pair<std::set<int64_t>, Clock::time_point>> with_records_;
  std::map<std::pair<int64_t, int>, Entry> entries_;
};

// The renderer's report page reduced to its <main> content (title, sections, tables), for
// embedding in the site's layout; the renderer escapes everything it writes.
std::string ReportMainHtml(const std::string& page);

}  // namespace gongkai::web
