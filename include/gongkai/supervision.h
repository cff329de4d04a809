// The supervisor (政务公开办, 条例 Art. 49): collecting, checking and comparing the annual reports
// of every agency under it.
//
// An agency's report for a year comes from one of two sources:
//   - the ledger, for an agency in the system: the report generated from its year's records
//     (an agency is in the system for a year when the ledger holds any figures of that year);
//   - otherwise the newest submission (submissions.h) a supervisor uploaded for it.
// Its status follows from that report's findings: 未提交 (no report), 已提交有错误 (errors),
// 已提交有警告 (warnings only), 通过 (neither).
//
// Scope: a Supervision sees its supervisor's agency and every agency below it. Every call that
// names an agency, a submission or a report outside that subtree answers NotFound (never another
// supervisor's data). Not thread-safe (it uses the CaseStore); open one per thread.
//
// Example:
//   auto sup = Supervision::Open(*store, Supervisor{region_id, "user:wang"});
//   auto up = (*sup)->Upload(zip_bytes, "reports.zip", Date::FromYmd(2024, 1, 31));
//   auto tree = (*sup)->Tree(2023);
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "gongkai/accounts.h"
#include "gongkai/calendar.h"
#include "gongkai/finding.h"
#include "gongkai/render_letter.h"
#include "gongkai/report.h"
#include "gongkai/status.h"
#include "gongkai/store.h"
#include "gongkai/submissions.h"

namespace gongkai {

// Who supervises: the supervisor's agency (its subtree is the scope) and the audit name
// ("user:<login>") recorded with every change.
struct Supervisor {
  int64_t agency_id = 0;
  std::string actor;
};

enum class FilingStatus { kNotFiled = 0, kErrors = 1, kWarnings = 2, kPassed = 3 };
inline constexpr int kFilingStatusCount = 4;
std::string_view FilingStatusId(FilingStatus s);  // "not_filed", "errors", "warnings", "passed"
std::string_view FilingStatusLabel(
    FilingStatus s);  // "未提交", "已提交有错误", "已提交有警告", "通过"
// The status a report with these counts has.
FilingStatus StatusOfCounts(int errors, int warnings);

enum class ReportSource { kNone = 0, kLedger = 1, kUpload = 2 };
std::string_view ReportSourceLabel(ReportSource s);  // "", "台账生成", "上传"

// ---- Matching a report to an agency by name ----

struct AgencyMatch {
  int64_t agency_id = 0;  // 0: no unique match
  SubmissionMatch kind = SubmissionMatch::kNone;
  // When there is no unique match: the agencies that tie or come close, best first (≤ 5).
  std::vector<Agency> candidates;
};

// Matches the agency a report names (its title) against `agencies`: equal names first (ignoring
// white space and a bracketed suffix such as （汇总）), then the unique agency whose name contains
// the report's or is contained in it and covers most of it. Never guesses between ties.
AgencyMatch MatchAgency(std::string_view report_agency, const std::vector<Agency>& agencies);

// The same with the agencies' names prepared once, for matching many reports against one scope.
// `agencies` must outlive the matcher. Thread-compatible.
class AgencyMatcher {
 public:
  explicit AgencyMatcher(const std::vector<Agency>& agencies);
  AgencyMatch Match(std::string_view report_agency) const;

 private:
  const std::vector<Agency>& agencies_;
  std::vector<std::u32string> names_;                        // normalized, by index
  std::unordered_multimap<std::u32string, size_t> by_name_;  // normalized name → index
  // Character → the indexes of the names holding it (each once, ascending): a name that shares
  // no character with the report's cannot contain it or be contained in it, so a miss looks only
  // at the names its characters reach.
  std::unordered_map<char32_t, std::vector<uint32_t>> postings_;
};

// ---- Upload ----

// One report of an upload.
struct UploadItem {
  std::string name;  // the file, or "bundle.zip!/member"
  Status status;     // not OK: the file is not a readable report (nothing stored)
  int64_t submission_id = 0;
  std::string report_agency;
  int year = 0;       // 0 when the report does not say
  AgencyMatch match;  // agency_id 0: stored unassigned, for the supervisor to assign
  int errors = 0;
  int warnings = 0;
};

struct UploadResult {
  std::vector<UploadItem> items;  // in file (and archive) order
  int stored = 0;
  int unassigned = 0;  // stored but not matched to an agency and year
  int unreadable = 0;
};

// ---- The tree ----

// One agency's state for the year.
struct AgencyFiling {
  Agency agency;
  int depth = 0;  // 0 for the supervisor's own agency
  FilingStatus status = FilingStatus::kNotFiled;
  ReportSource source = ReportSource::kNone;
  int errors = 0;
  int warnings = 0;
  std::optional<Date> filed;  // uploads: the date filed; ledger reports: none
  int64_t submission_id = 0;  // the newest version (uploads only)
  int versions = 0;           // uploaded versions for the year
  // Agencies of each status (FilingStatus index) in this agency's subtree, itself included.
  std::array<int, kFilingStatusCount> subtree{};
};

struct SupervisionTree {
  int year = 0;
  std::vector<AgencyFiling> rows;  // depth-first, children in id order; rows[0] is the supervisor
};

// The tree as a CSV for spreadsheets (UTF-8 with BOM, cells made spreadsheet-safe), one row per
// agency in tree order, with the counts per status of its subtree.
std::string TreeCsv(const SupervisionTree& tree);
// The same as an XLSX workbook (bytes), one sheet.
StatusOr<std::string> TreeXlsx(const SupervisionTree& tree);

// ---- A report's page ----

struct SubmissionReport {
  AgencyFiling filing;    // the agency's row (status of the newest version)
  Submission submission;  // this version (with model_json)
  AnnualReport report;    // read back with provenance
  Findings findings;      // as stored at upload (importer + validator)
  // Last year's report of the same agency (ledger or newest submission), if any, and the
  // carry-over check between the two.
  std::optional<AnnualReport> previous;
  ReportSource previous_source = ReportSource::kNone;
  int64_t previous_submission_id = 0;
  Findings carry_over;
};

// Where a finding points in its report: the cells whose provenance its location names (same line
// and cell, or same table, row and cell), else the section holding its line.
struct CellRef {
  int table = 3;  // 2, 3 or 4
  int row = 0;  // table 2: 0–1 documents, 2–4 decisions, 5 fees; table 3: T3Row; table 4: T4Group
  int col = 0;
  auto operator<=>(const CellRef&) const = default;
};
struct FindingPins {
  std::vector<CellRef> cells;
  int section = -1;  // the section (0–5) when no cell matches, else -1
};
FindingPins PinFinding(const Finding& finding, const AnnualReport& report);

// ---- Roll-up ----

struct RegionRollup {
  int year = 0;
  // The region's tables: each cell the sum over the contributing reports, present only when every
  // one of them gives it (otherwise absent, never a partial sum).
  AnnualReport report;
  std::vector<Agency> from_ledger;   // contributing agencies in the system
  std::vector<Agency> from_uploads;  // contributing agencies by their newest submission
  std::vector<Agency> missing;       // no report for the year
  std::vector<Agency> with_errors;   // contributing, but their report has errors
  int absent_cells = 0;              // cells left absent because some report lacks them
  // Late replies (ART33-LATE-REPLY) recorded in the ledger; reports filed from outside the system
  // do not state them, so this covers from_ledger only.
  int64_t late_replies_in_ledger = 0;
};

// ---- Reminders (督办) ----

struct Reminder {
  Agency agency;
  std::string parent_name;
  FilingStatus status = FilingStatus::kNotFiled;  // kNotFiled or kErrors
  int errors = 0;
  std::vector<std::string> first_errors;  // up to three error messages of the newest report
  Date due;  // Art. 49: departments by 31 January, governments by 31 March, of the next year
  int64_t submission_id = 0;
};

// The reminders as a mail-merge CSV (UTF-8 with BOM, cells made spreadsheet-safe).
std::string RemindersCsv(const std::vector<Reminder>& reminders, int year);
// The printable notice (督办通知) to one agency, from supervisor `from`, dated `today`.
Letter ReminderNotice(const Reminder& reminder, const std::string& from, int year, Date today);

// ---- Trends ----

// One year of the region: sums over the agencies whose reports give them (absent if none do).
struct YearTrend {
  int year = 0;
  int agencies = 0;                 // in scope
  int reporting = 0;                // with a report
  std::optional<int64_t> received;  // table 3 new, total column
  std::optional<int64_t> granted;   // granted + partial
  std::optional<int64_t> denied;    // the eight 不予公开 rows
  std::optional<int64_t> unable;    // 无法提供
  std::optional<int64_t> ignored;   // 不予处理
  std::optional<int64_t> other;     // 其他处理
  std::optional<int64_t> reviews;   // table 4 review, total
  std::optional<int64_t> suits;     // table 4 suits (direct + after review), total
  int64_t late_replies_in_ledger = 0;
};

class Supervision {
 public:
  // NotFound if the supervisor's agency does not exist; kUnimplemented for a store not made by
  // OpenSqliteStore or OpenPostgresStore. `store` must outlive the Supervision. Reads the
  // database's version (data_version.h) first; the scope is shared with other Supervisions of
  // the same supervisor opened at the same version (in this process).
  static StatusOr<std::unique_ptr<Supervision>> Open(CaseStore& store, Supervisor who);
  // For a logged-in staff member (accounts.h): a supervisor's scope is its agency's subtree.
  // FailedPrecondition for any other role.
  static StatusOr<std::unique_ptr<Supervision>> Open(CaseStore& store, const Actor& actor);

  Supervision(const Supervision&) = delete;
  Supervision& operator=(const Supervision&) = delete;
  ~Supervision();

  const Agency& agency() const;                 // the supervisor's agency
  const std::vector<Agency>& agencies() const;  // the scope, depth-first (agency() first)
  bool Sees(int64_t agency_id) const;

  // Imports every report in `bytes` (one file, or a ZIP of many, through the importers' batch
  // path), validates each, matches it to an agency of the scope by the name in its title and
  // stores it as a new version filed on `filed`. Reports without a unique match (or without a
  // year) are stored unassigned. Files that are not reports are listed, not stored.
  StatusOr<UploadResult> Upload(std::string_view bytes, const std::string& file_name, Date filed);
  // Assigns (or re-assigns) a submission to an agency of the scope and a year.
  Status Assign(int64_t submission_id, int64_t agency_id, int year);
  // This supervisor's uploads waiting for an agency.
  StatusOr<std::vector<Submission>> Unassigned();
  // Every uploaded version of an agency's report for a year, oldest first.
  StatusOr<std::vector<Submission>> Versions(int64_t agency_id, int year);

  // Every agency of the scope with its status for `year`. Served from the process's cache while
  // the database is at the version read at Open (so a page read on any server after a write
  // acknowledged by any server shows it); otherwise assembled afresh, and cached if the database
  // has not changed since Open.
  StatusOr<SupervisionTree> Tree(int year);
  StatusOr<SubmissionReport> Report(int64_t submission_id);
  // The agency's report for `year` (ledger or newest submission) and where it came from;
  // NotFound if it has none.
  StatusOr<std::pair<AnnualReport, ReportSource>> EffectiveReport(int64_t agency_id, int year);
  StatusOr<RegionRollup> Rollup(int year);
  // Agencies not filed or filed with errors, in tree order.
  StatusOr<std::vector<Reminder>> Reminders(int year);
  StatusOr<std::vector<YearTrend>> Trends(int first_year, int last_year);

  struct Impl;  // internal (src/supervise/supervision_internal.h)

 private:
  explicit Supervision(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace gongkai
