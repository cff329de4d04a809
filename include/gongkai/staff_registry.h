// The registries (documents.h, registry.h) and the annual report (report_publication.h) as the
// staff console reaches them: every call takes the acting user (accounts.h).
//
// Contracts:
//   - Isolation: a record of an agency outside actor.agencies answers kNotFound with the same
//     message as a record that does not exist; lists take an agency the actor sees (else
//     kNotFound) and never show another agency's records.
//   - Roles: clerks, approvers and admins of the agency record (add, amend, repeal, decide, save
//     text); only an admin makes anything public (PublishDocument, PublishReport); a supervisor
//     reads. A call the role may not make fails with kFailedPrecondition naming the role needed.
//   - Every change is the underlying registry's call, audited under actor.AuditName().
//   - Shares the CaseStore's connection: must not outlive it; not thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "gongkai/accounts.h"
#include "gongkai/documents.h"
#include "gongkai/registry.h"
#include "gongkai/report_publication.h"
#include "gongkai/status.h"
#include "gongkai/store.h"

namespace gongkai {

class StaffRegistry {
 public:
  // Opens the registries on `store`'s connection (kUnimplemented for a non-SQLite store).
  static StatusOr<std::unique_ptr<StaffRegistry>> Open(CaseStore& store);

  // ---- Documents (政府信息公开目录), drafts included ----
  StatusOr<DocumentPage> ListDocuments(const Actor& actor, int64_t agency, int64_t offset,
                                       int64_t limit);
  StatusOr<PublishedDocument> GetDocument(const Actor& actor, int64_t id);
  StatusOr<int64_t> AddDocument(const Actor& actor, const PublishedDocument& d);
  // Admin only.
  Status PublishDocument(const Actor& actor, int64_t id, const DocumentReview& review,
                         Date published);

  // ---- 规章 and 行政规范性文件 ----
  StatusOr<std::vector<NormativeRecord>> ListNormative(const Actor& actor, int64_t agency);
  StatusOr<NormativeRecord> GetNormative(const Actor& actor, int64_t id);
  StatusOr<int64_t> AddNormative(const Actor& actor, const NormativeDoc& doc);
  Status Amend(const Actor& actor, int64_t id, const Amendment& a);
  Status Repeal(const Actor& actor, int64_t id, Date date);

  // ---- Administrative decisions and fees per year ----
  StatusOr<std::optional<ActionCounts>> GetActions(const Actor& actor, int64_t agency, int year);
  Status SetActions(const Actor& actor, const ActionCounts& counts);

  // ---- Review and litigation cases (every year's when year == 0) ----
  StatusOr<std::vector<DisclosureCase>> ListCases(const Actor& actor, int64_t agency, int year);
  StatusOr<DisclosureCase> GetCase(const Actor& actor, int64_t id);
  // A linked request or review must be the agency's own (else kNotFound).
  StatusOr<int64_t> AddCase(const Actor& actor, const DisclosureCase& c);
  Status DecideCase(const Actor& actor, int64_t id, CaseResult result, Date date);

  // ---- The annual report ----
  StatusOr<ReportDraft> DraftReport(const Actor& actor, int64_t agency, int year);
  Status SaveReportText(const Actor& actor, int64_t agency, int year, const SectionTexts& texts);
  // The newest published version, if any.
  StatusOr<std::optional<PublishedReport>> Published(const Actor& actor, int64_t agency, int year);
  // Admin only.
  StatusOr<PublishedReport> PublishReport(const Actor& actor, int64_t agency, int year, Date today);

 private:
  StaffRegistry(CaseStore& store, std::unique_ptr<DocumentRegistry> documents,
                std::unique_ptr<Registry> registry)
      : store_(store), documents_(std::move(documents)), registry_(std::move(registry)) {}

  CaseStore& store_;
  std::unique_ptr<DocumentRegistry> documents_;
  std::unique_ptr<Registry> registry_;
};

}  // namespace gongkai
