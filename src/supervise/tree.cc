// The tree: every agency in scope with its report's status for a year (Supervision::Tree).
#include <array>
#include <string_view>

#include "gongkai/supervision.h"
#include "gongkai/text_safety.h"
#include "supervision_internal.h"

namespace gongkai {
namespace {

constexpr std::array<std::string_view, kFilingStatusCount> kStatusIds = {"not_filed", "errors",
                                                                         "warnings", "passed"};
constexpr std::array<std::string_view, kFilingStatusCount> kStatusLabels = {
    "未提交", "已提交有错误", "已提交有警告", "通过"};

}  // namespace

std::string_view FilingStatusId(FilingStatus s) { return kStatusIds[static_cast<size_t>(s)]; }
std::string_view FilingStatusLabel(FilingStatus s) { return kStatusLabels[static_cast<size_t>(s)]; }

FilingStatus StatusOfCounts(int errors, int warnings) {
  if (errors > 0) return FilingStatus::kErrors;
  if (warnings > 0) return FilingStatus::kWarnings;
  return FilingStatus::kPassed;
}

std::string_view ReportSourceLabel(ReportSource s) {
  switch (s) {
    case ReportSource::kLedger:
      return "台账生成";
    case ReportSource::kUpload:
      return "上传";
    case ReportSource::kNone:
      break;
  }
  return "";
}

// One read of the newest submissions and one of the ledger for the whole scope; the counts per
// status are summed bottom-up (a child always follows its parent in scope order). Kept in the
// process's cache (supervision_cache.h) under the version read at Open, and served from it only
// while the database is still at that version: a change since (by anyone, this Supervision's own
// uploads included) makes this call read afresh.
StatusOr<SupervisionTree> Supervision::Tree(int year) {
  SupervisionCache& cache = SupervisionCache::Process();
  GONGKAI_ASSIGN_OR_RETURN(DataVersion now, ReadDataVersion(*impl_->store));
  // Everything this Supervision has read so far (scope, ledger reports) was read after
  // impl_->version was current; if it still is, nothing has changed since.
  const bool unchanged = now == impl_->version;
  if (unchanged) {
    if (auto hit = cache.FindTree(now, impl_->who.agency_id, year)) return *hit;
  }
  const SupervisionScope& scope = *impl_->scope;
  GONGKAI_ASSIGN_OR_RETURN(const auto* ledger, impl_->LedgerReports(year));
  GONGKAI_ASSIGN_OR_RETURN(auto latest, impl_->submissions->Latest(year));
  SupervisionTree tree;
  tree.year = year;
  tree.rows.resize(scope.agencies.size());
  for (size_t i = 0; i < scope.agencies.size(); ++i) {
    AgencyFiling& row = tree.rows[i];
    row.agency = scope.agencies[i];
    row.depth = scope.depth[i];
    auto s = latest.find(row.agency.id);
    if (s != latest.end()) row.versions = s->second.version;
    if (auto l = ledger->find(row.agency.id); l != ledger->end()) {
      row.source = ReportSource::kLedger;
      row.errors = l->second.errors;
      row.warnings = l->second.warnings;
      row.status = StatusOfCounts(row.errors, row.warnings);
    } else if (s != latest.end()) {
      row.source = ReportSource::kUpload;
      row.errors = s->second.errors;
      row.warnings = s->second.warnings;
      row.filed = s->second.filed;
      row.submission_id = s->second.id;
      row.status = StatusOfCounts(row.errors, row.warnings);
    }
    row.subtree[static_cast<size_t>(row.status)] = 1;
  }
  for (size_t i = tree.rows.size(); i-- > 1;) {
    AgencyFiling& parent = tree.rows[static_cast<size_t>(scope.parent[i])];
    for (size_t k = 0; k < kFilingStatusCount; ++k) parent.subtree[k] += tree.rows[i].subtree[k];
  }
  if (unchanged) {
    cache.StoreTree(now, impl_->who.agency_id, year, std::make_shared<const SupervisionTree>(tree));
  }
  return tree;
}

std::string TreeCsv(const SupervisionTree& tree) {
  // A UTF-8 BOM, so that Excel on Chinese Windows reads the file as UTF-8.
  std::string out =
      "\xEF\xBB\xBF"
      "机关编号,机关名称,上级机关编号,层级,年度,状态,错误数,警告数,提交日期,来源,版本数,"
      "未提交,已提交有错误,已提交有警告,通过\n";
  for (const AgencyFiling& r : tree.rows) {
    out += std::to_string(r.agency.id) + "," + CsvCell(r.agency.name) + "," +
           std::to_string(r.agency.parent_id) + "," + std::to_string(r.depth) + "," +
           std::to_string(tree.year) + "," + CsvCell(FilingStatusLabel(r.status)) + "," +
           std::to_string(r.errors) + "," + std::to_string(r.warnings) + "," +
           (r.filed ? r.filed->ToString() : "") + "," + CsvCell(ReportSourceLabel(r.source)) + "," +
           std::to_string(r.versions);
    for (int n : r.subtree) out += "," + std::to_string(n);
    out += "\n";
  }
  return out;
}

}  // namespace gongkai
