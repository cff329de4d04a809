// StaffRegistry (staff_registry.h): the registries behind the acting user's scope and role.
#include "gongkai/staff_registry.h"

#include <string>

namespace gongkai {
namespace {

// The messages of a record that does not exist, also given for one the actor may not see.
Status NoAgency(int64_t id) {
  return NotFoundError("没有编号为 " + std::to_string(id) + " 的机关 (no such agency)");
}
Status NoDocument(int64_t id) {
  return NotFoundError("没有编号为 " + std::to_string(id) + " 的文件 (no such document)");
}
Status NoNormative(int64_t id) {
  return NotFoundError("没有编号为 " + std::to_string(id) +
                       " 的规章或规范性文件 (no such document)");
}
Status NoCase(int64_t id) {
  return NotFoundError("没有编号为 " + std::to_string(id) + " 的复议诉讼案件 (no such case)");
}
Status NoRequest(int64_t id) {
  return NotFoundError("没有编号为 " + std::to_string(id) + " 的申请 (no such request)");
}

Status SeesAgency(const Actor& actor, int64_t agency) {
  return actor.Sees(agency) ? Status::Ok() : NoAgency(agency);
}

// Clerks, approvers and admins record; a supervisor only reads.
Status MayRecord(const Actor& actor, int64_t agency) {
  GONGKAI_RETURN_IF_ERROR(SeesAgency(actor, agency));
  if (actor.role == Role::kSupervisor) {
    return FailedPreconditionError("督导人员只能查看，不能登记 (a supervisor only reads)");
  }
  return Status::Ok();
}

Status MayPublish(const Actor& actor, int64_t agency) {
  GONGKAI_RETURN_IF_ERROR(SeesAgency(actor, agency));
  if (actor.role != Role::kAdmin) {
    return FailedPreconditionError("只有本机关管理员可以发布 (only an admin publishes)");
  }
  return Status::Ok();
}

}  // namespace

StatusOr<std::unique_ptr<StaffRegistry>> StaffRegistry::Open(CaseStore& store) {
  GONGKAI_ASSIGN_OR_RETURN(std::unique_ptr<DocumentRegistry> documents,
                           OpenDocumentRegistry(store));
  GONGKAI_ASSIGN_OR_RETURN(std::unique_ptr<Registry> registry, OpenRegistry(store));
  GONGKAI_RETURN_IF_ERROR(OpenReportPublications(store).status());
  return std::unique_ptr<StaffRegistry>(
      new StaffRegistry(store, std::move(documents), std::move(registry)));
}

// ---- Documents ----

StatusOr<DocumentPage> StaffRegistry::ListDocuments(const Actor& actor, int64_t agency,
                                                    int64_t offset, int64_t limit) {
  GONGKAI_RETURN_IF_ERROR(SeesAgency(actor, agency));
  DocumentQuery q;
  q.agency_id = agency;
  q.offset = offset;
  q.limit = limit;
  q.with_drafts = true;
  return documents_->List(q);
}

StatusOr<PublishedDocument> StaffRegistry::GetDocument(const Actor& actor, int64_t id) {
  StatusOr<PublishedDocument> d = documents_->Get(id);
  if (d.ok() && !actor.Sees(d->agency_id)) return NoDocument(id);
  return d;
}

StatusOr<int64_t> StaffRegistry::AddDocument(const Actor& actor, const PublishedDocument& d) {
  GONGKAI_RETURN_IF_ERROR(MayRecord(actor, d.agency_id));
  // Making a document public at once is publishing.
  if (d.IsPublic()) GONGKAI_RETURN_IF_ERROR(MayPublish(actor, d.agency_id));
  return documents_->Add(d, actor.AuditName());
}

Status StaffRegistry::PublishDocument(const Actor& actor, int64_t id, const DocumentReview& review,
                                      Date published) {
  GONGKAI_ASSIGN_OR_RETURN(PublishedDocument d, GetDocument(actor, id));
  GONGKAI_RETURN_IF_ERROR(MayPublish(actor, d.agency_id));
  return documents_->Publish(id, review, published, actor.AuditName());
}

// ---- 规章 and 行政规范性文件 ----

StatusOr<std::vector<NormativeRecord>> StaffRegistry::ListNormative(const Actor& actor,
                                                                    int64_t agency) {
  GONGKAI_RETURN_IF_ERROR(SeesAgency(actor, agency));
  return registry_->ListNormative(agency, -1);
}

StatusOr<NormativeRecord> StaffRegistry::GetNormative(const Actor& actor, int64_t id) {
  StatusOr<NormativeRecord> r = registry_->GetNormative(id);
  if (r.ok() && !actor.Sees(r->doc.agency_id)) return NoNormative(id);
  return r;
}

StatusOr<int64_t> StaffRegistry::AddNormative(const Actor& actor, const NormativeDoc& doc) {
  GONGKAI_RETURN_IF_ERROR(MayRecord(actor, doc.agency_id));
  return registry_->AddNormative(doc, actor.AuditName());
}

Status StaffRegistry::Amend(const Actor& actor, int64_t id, const Amendment& a) {
  GONGKAI_ASSIGN_OR_RETURN(NormativeRecord r, GetNormative(actor, id));
  GONGKAI_RETURN_IF_ERROR(MayRecord(actor, r.doc.agency_id));
  return registry_->Amend(id, a, actor.AuditName());
}

Status StaffRegistry::Repeal(const Actor& actor, int64_t id, Date date) {
  GONGKAI_ASSIGN_OR_RETURN(NormativeRecord r, GetNormative(actor, id));
  GONGKAI_RETURN_IF_ERROR(MayRecord(actor, r.doc.agency_id));
  return registry_->Repeal(id, date, actor.AuditName());
}

// ---- Decisions and fees ----

StatusOr<std::optional<ActionCounts>> StaffRegistry::GetActions(const Actor& actor, int64_t agency,
                                                                int year) {
  GONGKAI_RETURN_IF_ERROR(SeesAgency(actor, agency));
  return registry_->GetActions(agency, year);
}

Status StaffRegistry::SetActions(const Actor& actor, const ActionCounts& counts) {
  GONGKAI_RETURN_IF_ERROR(MayRecord(actor, counts.counts.agency_id));
  return registry_->SetActions(counts, actor.AuditName());
}

// ---- Cases ----

StatusOr<std::vector<DisclosureCase>> StaffRegistry::ListCases(const Actor& actor, int64_t agency,
                                                               int year) {
  GONGKAI_RETURN_IF_ERROR(SeesAgency(actor, agency));
  return registry_->ListCases(agency, year);
}

StatusOr<DisclosureCase> StaffRegistry::GetCase(const Actor& actor, int64_t id) {
  StatusOr<DisclosureCase> c = registry_->GetCase(id);
  if (c.ok() && !actor.Sees(c->c.agency_id)) return NoCase(id);
  return c;
}

StatusOr<int64_t> StaffRegistry::AddCase(const Actor& actor, const DisclosureCase& c) {
  GONGKAI_RETURN_IF_ERROR(MayRecord(actor, c.c.agency_id));
  if (c.review_id) {
    StatusOr<DisclosureCase> review = GetCase(actor, c.review_id);
    if (!review.ok()) return review.status();
  }
  if (c.c.request_id) {
    StatusOr<Request> r = store_.GetRequest(c.c.request_id);
    if (!r.ok() || !actor.Sees(r->agency_id)) return NoRequest(c.c.request_id);
  }
  return registry_->AddCase(c, actor.AuditName());
}

Status StaffRegistry::DecideCase(const Actor& actor, int64_t id, CaseResult result, Date date) {
  GONGKAI_ASSIGN_OR_RETURN(DisclosureCase c, GetCase(actor, id));
  GONGKAI_RETURN_IF_ERROR(MayRecord(actor, c.c.agency_id));
  return registry_->DecideCase(id, result, date, actor.AuditName());
}

// ---- The annual report ----

StatusOr<ReportDraft> StaffRegistry::DraftReport(const Actor& actor, int64_t agency, int year) {
  GONGKAI_RETURN_IF_ERROR(SeesAgency(actor, agency));
  return DraftAnnualReport(store_, agency, year);
}

Status StaffRegistry::SaveReportText(const Actor& actor, int64_t agency, int year,
                                     const SectionTexts& texts) {
  GONGKAI_RETURN_IF_ERROR(MayRecord(actor, agency));
  return gongkai::SaveReportText(store_, agency, year, texts, actor.AuditName());
}

StatusOr<std::optional<PublishedReport>> StaffRegistry::Published(const Actor& actor,
                                                                  int64_t agency, int year) {
  GONGKAI_RETURN_IF_ERROR(SeesAgency(actor, agency));
  GONGKAI_ASSIGN_OR_RETURN(std::unique_ptr<ReportPublications> pubs,
                           OpenReportPublications(store_));
  return pubs->GetPublished(agency, year);
}

StatusOr<PublishedReport> StaffRegistry::PublishReport(const Actor& actor, int64_t agency, int year,
                                                       Date today) {
  GONGKAI_RETURN_IF_ERROR(MayPublish(actor, agency));
  return PublishAnnualReport(store_, agency, year, today, actor.AuditName());
}

}  // namespace gongkai
