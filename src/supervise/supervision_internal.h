// Internal to the supervisor: the state a Supervision shares across its files (scope, the
// submission store, the year's ledger reports).
#pragma once

#include <map>
#include <memory>
#include <unordered_map>
#include <vector>

#include "gongkai/data_version.h"
#include "gongkai/registry.h"
#include "gongkai/supervision.h"
#include "supervision_cache.h"

namespace gongkai {

// A report generated from the ledger for an agency in the system, with its findings.
struct LedgerReport {
  AnnualReport report;
  int errors = 0;
  int warnings = 0;
  int64_t late_replies = 0;  // ART33-LATE-REPLY breaches dated in the year
};

struct Supervision::Impl {
  CaseStore* store = nullptr;
  Supervisor who;
  std::unique_ptr<SubmissionStore> submissions;
  // The database's version read when the Supervision was opened, before any other read of it:
  // what this Supervision reads is at least that new (supervision_cache.h).
  DataVersion version;
  std::shared_ptr<const SupervisionScope> scope;  // of who's agency, at `version`
  std::map<int, std::map<int64_t, LedgerReport>> ledger_cache;  // by year
  std::unique_ptr<AgencyMatcher> matcher;                       // over scope, made on first use

  const Agency* Find(int64_t agency_id) const {
    auto it = scope->index.find(agency_id);
    return it == scope->index.end() ? nullptr : &scope->agencies[it->second];
  }
  // The ledger reports of the agencies in scope that have figures for `year` (computed once).
  StatusOr<const std::map<int64_t, LedgerReport>*> LedgerReports(int year);
  // The newest submission of an agency in scope for `year`, with its model; nullopt if none.
  StatusOr<std::optional<Submission>> NewestSubmission(int64_t agency_id, int year);
  // The row of one agency (status of its effective report); subtree counts left empty.
  StatusOr<AgencyFiling> FilingOf(int64_t agency_id, int year);
};

// NotFound for a submission or agency outside the scope (the same words as for one that does
// not exist).
Status NoSuchSubmission(int64_t id);
Status NoSuchAgency(int64_t id);

// Error findings' messages of a stored model (at most `limit`).
std::vector<std::string> FirstErrors(const Findings& findings, size_t limit);

}  // namespace gongkai
