// Supervision: scope, uploads, assignment and a report's page (supervision.h).
#include "gongkai/supervision.h"

#include <algorithm>
#include <map>
#include <utility>

#include "gongkai/importer.h"
#include "gongkai/ledger.h"
#include "gongkai/report_json.h"
#include "gongkai/validator.h"
#include "submission_writer.h"
#include "supervision_internal.h"

namespace gongkai {

namespace supervision_config {
// Reports of one upload stored per transaction: bounds the memory an upload of a large ZIP holds
// (a model is 10–100 KB with its sections; the SubmissionWriter holds at most four batches)
// while paying few commits (each a synchronous write, made while the next batch is read).
inline constexpr size_t kReportsPerCommit = 128;
}  // namespace supervision_config

namespace {

// The scope: `root` and everything below it, depth-first with children in id order.
SupervisionScope BuildScope(const std::vector<Agency>& all, const Agency& root) {
  SupervisionScope out;
  std::multimap<int64_t, const Agency*> children;
  for (const Agency& a : all) children.emplace(a.parent_id, &a);
  struct Frame {
    const Agency* agency;
    int depth;
    int parent;
  };
  std::vector<Frame> stack = {{&root, 0, -1}};
  while (!stack.empty()) {
    Frame f = stack.back();
    stack.pop_back();
    if (out.index.count(f.agency->id)) continue;  // a cycle in hostile data: visit once
    int pos = static_cast<int>(out.agencies.size());
    out.index[f.agency->id] = out.agencies.size();
    out.agencies.push_back(*f.agency);
    out.depth.push_back(f.depth);
    out.parent.push_back(f.parent);
    auto [b, e] = children.equal_range(f.agency->id);
    std::vector<const Agency*> kids;
    for (auto it = b; it != e; ++it) kids.push_back(it->second);
    std::sort(kids.begin(), kids.end(),
              [](const Agency* x, const Agency* y) { return x->id > y->id; });
    for (const Agency* k : kids) stack.push_back({k, f.depth + 1, pos});
  }
  return out;
}

// The model as stored: tables, sections, provenance and findings, on one line.
std::string ModelJson(const ImportedReport& in, const Findings& findings, const std::string& name) {
  JsonExtras extras;
  extras.file = name;
  extras.format = in.format;
  extras.encoding = in.encoding;
  return ReportToJson(in.report, findings, extras, {true, true, -1});
}

std::string TablesJson(const AnnualReport& report) {
  return ReportToJson(report, {}, {}, {false, false, -1});
}

}  // namespace

Status NoSuchSubmission(int64_t id) {
  return NotFoundError("没有编号为 " + std::to_string(id) + " 的报告 (no such submission)");
}

Status NoSuchAgency(int64_t id) {
  return NotFoundError("没有编号为 " + std::to_string(id) + " 的机关 (no such agency)");
}

std::vector<std::string> FirstErrors(const Findings& findings, size_t limit) {
  std::vector<std::string> out;
  for (const Finding& f : findings) {
    if (out.size() >= limit) break;
    if (f.severity == Severity::kError) out.push_back(f.message);
  }
  return out;
}

// ---- Impl ----

StatusOr<const std::map<int64_t, LedgerReport>*> Supervision::Impl::LedgerReports(int year) {
  auto cached = ledger_cache.find(year);
  if (cached != ledger_cache.end()) return &cached->second;
  GONGKAI_ASSIGN_OR_RETURN(auto tallies, store->TallyYear(year, 0));
  std::map<int64_t, YearFacts> facts;
  if (!tallies.empty()) {
    GONGKAI_ASSIGN_OR_RETURN(std::unique_ptr<Registry> registry, OpenRegistry(*store));
    GONGKAI_ASSIGN_OR_RETURN(facts, registry->TallyFacts(year, 0));
  }
  std::map<int64_t, LedgerReport> out;
  for (const auto& [agency_id, figures] : tallies) {
    const Agency* a = Find(agency_id);
    if (a == nullptr) continue;
    auto f = facts.find(agency_id);
    LedgerReport lr;
    lr.report = BuildAnnualReport(a->name, year, figures, f == facts.end() ? nullptr : &f->second);
    Findings findings = Validate(lr.report);
    lr.errors = CountSeverity(findings, Severity::kError);
    lr.warnings = CountSeverity(findings, Severity::kWarning);
    if (f != facts.end()) {
      auto late = f->second.breaches.find(kBreachLateReply);
      if (late != f->second.breaches.end()) lr.late_replies = late->second;
    }
    out.emplace(agency_id, std::move(lr));
  }
  return &ledger_cache.emplace(year, std::move(out)).first->second;
}

StatusOr<std::optional<Submission>> Supervision::Impl::NewestSubmission(int64_t agency_id,
                                                                        int year) {
  GONGKAI_ASSIGN_OR_RETURN(std::vector<Submission> versions,
                           submissions->Versions(agency_id, year));
  if (versions.empty()) return std::optional<Submission>();
  GONGKAI_ASSIGN_OR_RETURN(Submission newest, submissions->Get(versions.back().id));
  return std::optional<Submission>(std::move(newest));
}

StatusOr<AgencyFiling> Supervision::Impl::FilingOf(int64_t agency_id, int year) {
  auto it = scope->index.find(agency_id);
  if (it == scope->index.end()) return NoSuchAgency(agency_id);
  AgencyFiling row;
  row.agency = scope->agencies[it->second];
  row.depth = scope->depth[it->second];
  GONGKAI_ASSIGN_OR_RETURN(const auto* ledger, LedgerReports(year));
  GONGKAI_ASSIGN_OR_RETURN(std::vector<Submission> versions,
                           submissions->Versions(agency_id, year));
  row.versions = static_cast<int>(versions.size());
  if (auto l = ledger->find(agency_id); l != ledger->end()) {
    row.source = ReportSource::kLedger;
    row.errors = l->second.errors;
    row.warnings = l->second.warnings;
    row.status = StatusOfCounts(row.errors, row.warnings);
  } else if (!versions.empty()) {
    const Submission& s = versions.back();
    row.source = ReportSource::kUpload;
    row.errors = s.errors;
    row.warnings = s.warnings;
    row.filed = s.filed;
    row.submission_id = s.id;
    row.status = StatusOfCounts(row.errors, row.warnings);
  }
  return row;
}

// ---- Supervision ----

Supervision::Supervision(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Supervision::~Supervision() = default;

StatusOr<std::unique_ptr<Supervision>> Supervision::Open(CaseStore& store, Supervisor who) {
  auto impl = std::make_unique<Impl>();
  impl->store = &store;
  impl->who = std::move(who);
  GONGKAI_ASSIGN_OR_RETURN(impl->submissions, OpenSubmissionStore(store));
  // The version first: every read below is at least as new (supervision_cache.h).
  GONGKAI_ASSIGN_OR_RETURN(impl->version, ReadDataVersion(store));
  SupervisionCache& cache = SupervisionCache::Process();
  impl->scope = cache.FindScope(impl->version, impl->who.agency_id);
  if (impl->scope == nullptr) {
    GONGKAI_ASSIGN_OR_RETURN(std::vector<Agency> all, store.ListAgencies());
    auto root = std::find_if(all.begin(), all.end(),
                             [&](const Agency& a) { return a.id == impl->who.agency_id; });
    if (root == all.end()) return NoSuchAgency(impl->who.agency_id);
    impl->scope = std::make_shared<const SupervisionScope>(BuildScope(all, *root));
    cache.StoreScope(impl->version, impl->who.agency_id, impl->scope);
  }
  return std::unique_ptr<Supervision>(new Supervision(std::move(impl)));
}

StatusOr<std::unique_ptr<Supervision>> Supervision::Open(CaseStore& store, const Actor& actor) {
  if (actor.role != Role::kSupervisor) {
    return FailedPreconditionError("只有上级监督人员可以查看 (supervisors only)");
  }
  return Open(store, Supervisor{actor.agency_id, actor.AuditName()});
}

const Agency& Supervision::agency() const { return impl_->scope->agencies[0]; }
const std::vector<Agency>& Supervision::agencies() const { return impl_->scope->agencies; }
bool Supervision::Sees(int64_t agency_id) const { return impl_->Find(agency_id) != nullptr; }

// The reports are read and checked on the calling thread while a SubmissionWriter stores the
// finished batches behind it (the matcher and the scope are in memory: nothing here touches the
// database until the writer has finished).
StatusOr<UploadResult> Supervision::Upload(std::string_view bytes, const std::string& file_name,
                                           Date filed) {
  UploadResult result;
  if (!impl_->matcher) impl_->matcher = std::make_unique<AgencyMatcher>(impl_->scope->agencies);
  supervise_internal::SubmissionWriter writer(impl_->submissions.get(), impl_->who.actor);
  std::vector<Submission> pending;
  std::vector<size_t> pending_items;
  auto hand_over = [&] {
    if (pending.empty()) return;
    writer.Add(std::move(pending), std::move(pending_items));
    pending.clear();
    pending_items.clear();
  };
  ForEachReportInBytes(bytes, file_name, [&](NamedImport n) {
    if (writer.failed()) return;  // the upload fails: read no further
    UploadItem item;
    item.name = n.name;
    if (!n.result.ok()) {
      item.status = n.result.status();
      ++result.unreadable;
      result.items.push_back(std::move(item));
      return;
    }
    ImportedReport& in = *n.result;
    Findings findings = in.findings;
    Findings v = Validate(in.report);
    findings.insert(findings.end(), v.begin(), v.end());
    item.report_agency = in.report.agency;
    item.year = in.report.year.value_or(0);
    item.match = impl_->matcher->Match(in.report.agency);
    item.errors = CountSeverity(findings, Severity::kError);
    item.warnings = CountSeverity(findings, Severity::kWarning);
    Submission s;
    s.supervisor_id = impl_->who.agency_id;
    s.year = item.year;
    if (item.match.agency_id != 0 && item.year != 0) {
      s.agency_id = item.match.agency_id;
      s.match = item.match.kind;
    } else {
      ++result.unassigned;
    }
    s.file_name = n.name;
    s.sha256 = n.sha256;
    s.format = in.format;
    s.report_agency = in.report.agency;
    s.model_json = ModelJson(in, findings, n.name);
    s.tables_json = TablesJson(in.report);
    s.errors = item.errors;
    s.warnings = item.warnings;
    s.filed = filed;
    s.uploaded_by = impl_->who.actor;
    pending.push_back(std::move(s));
    pending_items.push_back(result.items.size());
    result.items.push_back(std::move(item));
    ++result.stored;
    if (pending.size() >= supervision_config::kReportsPerCommit) hand_over();
  });
  hand_over();
  std::vector<supervise_internal::SubmissionWriter::StoredId> ids;
  GONGKAI_RETURN_IF_ERROR(writer.Finish(&ids));
  for (const auto& [item, id] : ids) result.items[item].submission_id = id;
  return result;
}

Status Supervision::Assign(int64_t submission_id, int64_t agency_id, int year) {
  GONGKAI_ASSIGN_OR_RETURN(Submission s, impl_->submissions->Get(submission_id));
  bool visible = s.agency_id != 0 ? Sees(s.agency_id) : Sees(s.supervisor_id);
  if (!visible) return NoSuchSubmission(submission_id);
  if (agency_id == 0) {
    return InvalidArgumentError("请选择报告所属的机关 (choose the agency the report belongs to)");
  }
  if (!Sees(agency_id)) return NoSuchAgency(agency_id);
  if (year == 0) year = s.year;
  if (year == 0) {
    return InvalidArgumentError("报告未写明年度，请指定年度 (the report gives no year: give one)");
  }
  return impl_->submissions->Assign(submission_id, agency_id, year, impl_->who.actor);
}

StatusOr<std::vector<Submission>> Supervision::Unassigned() {
  return impl_->submissions->Unassigned(impl_->who.agency_id);
}

StatusOr<std::vector<Submission>> Supervision::Versions(int64_t agency_id, int year) {
  if (!Sees(agency_id)) return NoSuchAgency(agency_id);
  return impl_->submissions->Versions(agency_id, year);
}

StatusOr<std::pair<AnnualReport, ReportSource>> Supervision::EffectiveReport(int64_t agency_id,
                                                                             int year) {
  if (!Sees(agency_id)) return NoSuchAgency(agency_id);
  GONGKAI_ASSIGN_OR_RETURN(const auto* ledger, impl_->LedgerReports(year));
  if (auto l = ledger->find(agency_id); l != ledger->end()) {
    return std::make_pair(l->second.report, ReportSource::kLedger);
  }
  GONGKAI_ASSIGN_OR_RETURN(std::optional<Submission> s, impl_->NewestSubmission(agency_id, year));
  if (!s) {
    return NotFoundError(impl_->Find(agency_id)->name + " 没有 " + std::to_string(year) +
                         " 年度的报告 (no report for the year)");
  }
  GONGKAI_ASSIGN_OR_RETURN(AnnualReport r, ReportFromJson(s->model_json, s->file_name));
  return std::make_pair(std::move(r), ReportSource::kUpload);
}

StatusOr<SubmissionReport> Supervision::Report(int64_t submission_id) {
  StatusOr<Submission> got = impl_->submissions->Get(submission_id);
  if (!got.ok()) return got.status();
  bool visible = got->agency_id != 0 ? Sees(got->agency_id) : Sees(got->supervisor_id);
  if (!visible) return NoSuchSubmission(submission_id);
  SubmissionReport out;
  out.submission = std::move(got).value();
  const Submission& s = out.submission;
  GONGKAI_ASSIGN_OR_RETURN(out.report, ReportFromJson(s.model_json, s.file_name));
  GONGKAI_ASSIGN_OR_RETURN(out.findings, FindingsFromJson(s.model_json, s.file_name));
  if (s.agency_id == 0 || s.year == 0) return out;
  GONGKAI_ASSIGN_OR_RETURN(out.filing, impl_->FilingOf(s.agency_id, s.year));
  StatusOr<std::pair<AnnualReport, ReportSource>> prev = EffectiveReport(s.agency_id, s.year - 1);
  if (!prev.ok()) {
    if (prev.status().code() == StatusCode::kNotFound) return out;
    return prev.status();
  }
  out.previous = std::move(prev->first);
  out.previous_source = prev->second;
  if (out.previous_source == ReportSource::kUpload) {
    GONGKAI_ASSIGN_OR_RETURN(std::vector<Submission> v,
                             impl_->submissions->Versions(s.agency_id, s.year - 1));
    if (!v.empty()) out.previous_submission_id = v.back().id;
  }
  // ValidateCarryOver needs both reports to carry the year; both do (the previous by its query).
  AnnualReport current = out.report;
  current.year = s.year;
  out.previous->year = s.year - 1;
  out.carry_over = ValidateCarryOver(*out.previous, current);
  return out;
}

}  // namespace gongkai
