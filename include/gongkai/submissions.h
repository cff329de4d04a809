// SubmissionStore: the annual reports a supervisor (政务公开办) received from agencies outside the
// system, as uploaded: every version kept, the newest per agency and year counting.
//
// Contracts (as for CaseStore, store.h): every change is one transaction and appends an audit
// entry (before → after); a submission's content (bytes' hash, extracted model, findings) never
// changes once stored — only its assignment to an agency and year does (Assign), and both
// backends enforce that with triggers; nothing is ever deleted. Shares the CaseStore's
// connection, must not outlive it and is not thread-safe. The rules (matching, status, scope)
// live in supervision.h; this is storage only.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "gongkai/calendar.h"
#include "gongkai/status.h"
#include "gongkai/store.h"

namespace gongkai {

// How a submission came to its agency.
enum class SubmissionMatch {
  kNone = 0,      // not assigned yet
  kExact = 1,     // the report's agency name equals the agency's
  kPartial = 2,   // the best unique match by name (one name contains the other)
  kAssigned = 3,  // assigned (or corrected) by the supervisor
};
std::string_view SubmissionMatchId(SubmissionMatch m);  // "none", "exact", "partial", "assigned"

// One version of an agency's report for a year.
struct Submission {
  int64_t id = 0;
  int64_t supervisor_id = 0;  // the uploading supervisor's agency: the submission's scope
  int64_t agency_id = 0;      // 0 while not assigned
  int year = 0;               // 0 when neither the report nor the supervisor gave one
  SubmissionMatch match = SubmissionMatch::kNone;
  std::string file_name;      // as uploaded; "bundle.zip!/inner.docx" for a member of a ZIP
  std::string sha256;         // lowercase hex SHA-256 of the original bytes (file or ZIP member)
  std::string format;         // the importer's: "text", "html", "docx", "xlsx", "pdf", "json"
  std::string report_agency;  // the agency as the report names it
  // The extracted model with provenance, sections and findings (report_json.h); empty in
  // listings (read it with Get).
  std::string model_json;
  // The tables alone (no sections, no provenance; report_json.h), for roll-ups; empty in
  // listings.
  std::string tables_json;
  int errors = 0;
  int warnings = 0;
  Date filed;               // when the agency filed it (by default the upload's day)
  std::string uploaded_by;  // audit name of the uploader
  std::string uploaded_at;  // UTC, ISO 8601
  int version = 0;  // 1-based among the agency's submissions for the year, by id; 0 if unassigned
};

class SubmissionStore {
 public:
  virtual ~SubmissionStore() = default;

  // Stores new submissions (id, version, uploaded_at are ignored) in one transaction, all or
  // none; returns their ids in order. Each needs: supervisor_id existing; agency_id 0 (then match
  // kNone) or existing (then not kNone); sha256 of 64 lowercase hex digits; clean text.
  virtual StatusOr<std::vector<int64_t>> Add(const std::vector<Submission>& s,
                                             const std::string& actor) = 0;
  // Assigns submission `id` to an agency and year (match becomes kAssigned).
  virtual Status Assign(int64_t id, int64_t agency_id, int year, const std::string& actor) = 0;
  // One submission with its model_json; NotFound if there is none.
  virtual StatusOr<Submission> Get(int64_t id) = 0;
  // The newest submission of every agency that has one for `year`, by agency (no model_json).
  virtual StatusOr<std::map<int64_t, Submission>> Latest(int year) = 0;
  // The tables_json of the newest submission of every agency that has one for `year`.
  virtual StatusOr<std::map<int64_t, std::string>> LatestTables(int year) = 0;
  // Every version of an agency's report for a year, oldest first (no model_json).
  virtual StatusOr<std::vector<Submission>> Versions(int64_t agency_id, int year) = 0;
  // Submissions uploaded by supervisor `supervisor_id` not yet assigned, oldest first.
  virtual StatusOr<std::vector<Submission>> Unassigned(int64_t supervisor_id) = 0;
};

// The submissions over `store`'s database (kUnimplemented for a store not made by
// OpenSqliteStore or OpenPostgresStore).
StatusOr<std::unique_ptr<SubmissionStore>> OpenSubmissionStore(CaseStore& store);

}  // namespace gongkai
