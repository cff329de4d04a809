// Internal to the store backends: how records become rows, audit JSON and back, shared by the
// SQLite and PostgreSQL backends so that both write the same audit entries and read rows the
// same way. The row readers are templates over the backend's statement type (sqlite_db.h
// Statement, pg_db.h PgStatement: Int, Double, Text, IsNull of a 0-based column).
#pragma once

#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "gongkai/documents.h"
#include "gongkai/registry.h"
#include "gongkai/store.h"

namespace gongkai::store_internal {

using Json = nlohmann::ordered_json;

std::optional<std::string> OptDate(const std::optional<Date>& d);
Json DateJson(const std::optional<Date>& d);
std::string JoinBreaches(const std::vector<std::string>& v);
std::vector<std::string> SplitBreaches(const std::string& s);
RequestState RequestStateFromId(const std::string& id);  // kOpen for an unknown id

// The audit JSON of each record (after_json / before_json).
Json RequestJson(const Request& r);
Json QueryCodeJson(int64_t request_id, const std::string& code_sha256);
Json NormativeJson(const NormativeDoc& d);
Json ActionsJson(const ActionCounts& a);
Json CaseJson(const DisclosureCase& c);
Json DocumentJson(const PublishedDocument& d);

// Input checks made before anything is written.
Status CheckRequestText(const Request& r);
Status CheckEventText(const Event& e);
Status CheckQueryCodeHash(const std::string& h);  // "" or 64 lowercase hex digits
Status ValidateDocument(const PublishedDocument& d);
// The rule of documents.h: a public document has its three reviews and the secrecy check, done
// by the day it is made public.
Status CheckReviewAllowsPublication(const DocumentReview& r, const std::optional<Date>& published);
// DocumentRegistry::Publish's rule: `draft` is a draft, `published` is not before it was
// created, and `review` allows publication on that day.
Status CheckDraftPublishable(const PublishedDocument& draft, const DocumentReview& review,
                             Date published);
// Where an agency may sit under `parent`: governments nest region → city → county and never
// under a department; departments sit under anything.
Status CheckAgencyNesting(const Agency& a, const Agency& parent);

// Column lists of the readers below, in their order.
inline constexpr const char* kRequestColumns =
    "id, agency_id, applicant_id, applicant_kind, channel, received, content, form, state, "
    "clock_start, excluded_days, paused_since, correction_due, correction_received, "
    "extension_days, extension_approver, fee_method, fee_yuan, fee_due, due, concluded_on, "
    "outcome, reply_basis, reply_text, breaches, version";
inline constexpr const char* kCaseColumns =
    "id, agency_id, grp, filed, decided, result, coalesce(request_id, 0), number, note, "
    "coalesce(review_id, 0)";
inline constexpr const char* kDocumentColumns =
    "id, agency_id, index_number, title, category, publisher, created, published, mode, body, "
    "draft, drafter, reviewer, approver, review_date, secrecy_checked";

template <class Row>
std::optional<Date> ColDate(const Row& s, int col) {
  if (s.IsNull(col)) return std::nullopt;
  StatusOr<Date> d = Date::Parse(s.Text(col));
  if (!d.ok()) return std::nullopt;
  return *d;
}

// Binds parameters 2..26 of an INSERT/UPDATE that lists kRequestColumns after the id (1).
template <class Stmt>
void BindRequest(Stmt& s, const Request& r, int version) {
  s.Bind(2, r.agency_id)
      .Bind(3, r.applicant_id)
      .Bind(4, static_cast<int>(r.applicant_kind))
      .Bind(5, ChannelId(r.channel))
      .Bind(6, r.received.ToString())
      .Bind(7, r.content)
      .Bind(8, r.form)
      .Bind(9, RequestStateId(r.state))
      .Bind(10, r.clock_start.ToString())
      .Bind(11, r.excluded_days)
      .Bind(12, OptDate(r.paused_since))
      .Bind(13, OptDate(r.correction_due))
      .Bind(14, r.correction_received ? 1 : 0)
      .Bind(15, r.extension_days)
      .Bind(16, r.extension_approver)
      .Bind(17, static_cast<int>(r.fee_method))
      .Bind(18, r.fee_yuan)
      .Bind(19, OptDate(r.fee_due))
      .Bind(20, OptDate(r.due))
      .Bind(21, OptDate(r.concluded_on))
      .Bind(22, r.outcome)
      .Bind(23, r.reply_basis)
      .Bind(24, r.reply_text)
      .Bind(25, JoinBreaches(r.breaches))
      .Bind(26, version);
}

// A row of kRequestColumns.
template <class Row>
Request ReadRequest(const Row& s) {
  Request r;
  r.id = s.Int(0);
  r.agency_id = s.Int(1);
  r.applicant_id = s.Int(2);
  r.applicant_kind = static_cast<ApplicantKind>(s.Int(3));
  StatusOr<Channel> channel = ChannelFromId(s.Text(4));
  r.channel = channel.ok() ? *channel : Channel::kOnline;
  r.received = ColDate(s, 5).value_or(Date());
  r.content = s.Text(6);
  r.form = s.Text(7);
  r.state = RequestStateFromId(s.Text(8));
  r.clock_start = ColDate(s, 9).value_or(Date());
  r.excluded_days = static_cast<int>(s.Int(10));
  r.paused_since = ColDate(s, 11);
  r.correction_due = ColDate(s, 12);
  r.correction_received = s.Int(13) != 0;
  r.extension_days = static_cast<int>(s.Int(14));
  r.extension_approver = s.Text(15);
  r.fee_method = static_cast<FeeMethod>(s.Int(16));
  r.fee_yuan = s.Int(17);
  r.fee_due = ColDate(s, 18);
  r.due = ColDate(s, 19);
  r.concluded_on = ColDate(s, 20);
  r.outcome = s.Text(21);
  r.reply_basis = s.Text(22);
  r.reply_text = s.Text(23);
  r.breaches = SplitBreaches(s.Text(24));
  r.version = static_cast<int>(s.Int(25));
  return r;
}

// A row of: id, request_id, kind, date, actor, reason, detail, breach.
template <class Row>
Event ReadEvent(const Row& s) {
  Event e;
  e.id = s.Int(0);
  e.request_id = s.Int(1);
  e.kind = s.Text(2);
  e.date = ColDate(s, 3).value_or(Date());
  e.actor = s.Text(4);
  e.reason = s.Text(5);
  e.detail = s.Text(6);
  e.breach = s.Text(7);
  return e;
}

// A row of: id, name, parent id or 0, kind.
template <class Row>
Agency ReadAgency(const Row& s) {
  Agency a;
  a.id = s.Int(0);
  a.name = s.Text(1);
  a.parent_id = s.Int(2);
  StatusOr<AgencyKind> kind = AgencyKindFromId(s.Text(3));
  a.kind = kind.ok() ? *kind : AgencyKind::kDepartment;
  return a;
}

// A row of kCaseColumns.
template <class Row>
DisclosureCase ReadCase(const Row& s) {
  DisclosureCase c;
  c.c.id = s.Int(0);
  c.c.agency_id = s.Int(1);
  c.c.group = static_cast<int>(s.Int(2));
  c.c.filed = ColDate(s, 3).value_or(Date());
  c.c.decided = ColDate(s, 4);
  int64_t r = s.Int(5);
  c.c.result = r >= 0 && r <= 2 ? static_cast<CaseResult>(r) : CaseResult::kPending;
  c.c.request_id = s.Int(6);
  c.number = s.Text(7);
  c.note = s.Text(8);
  c.review_id = s.Int(9);
  return c;
}

// A row of kDocumentColumns.
template <class Row>
PublishedDocument ReadDocument(const Row& s) {
  PublishedDocument d;
  d.id = s.Int(0);
  d.agency_id = s.Int(1);
  d.index_number = s.Text(2);
  d.title = s.Text(3);
  d.category = s.Text(4);
  d.publisher = s.Text(5);
  d.created = ColDate(s, 6).value_or(Date());
  d.published = ColDate(s, 7);
  int64_t mode = s.Int(8);
  if (mode >= 0 && mode < kDisclosureModeCount) d.mode = static_cast<DisclosureMode>(mode);
  d.body = s.Text(9);
  d.draft = s.Int(10) != 0;
  d.review.drafter = s.Text(11);
  d.review.reviewer = s.Text(12);
  d.review.approver = s.Text(13);
  d.review.date = ColDate(s, 14);
  d.review.secrecy_checked = s.Int(15) != 0;
  return d;
}

// Binds the five review columns (drafter, reviewer, approver, review_date, secrecy_checked)
// from parameter `first` on.
template <class Stmt>
void BindReview(Stmt& s, int first, const DocumentReview& r) {
  s.Bind(first, r.drafter).Bind(first + 1, r.reviewer).Bind(first + 2, r.approver);
  if (r.date) {
    s.Bind(first + 3, r.date->ToString());
  } else {
    s.BindNull(first + 3);
  }
  s.Bind(first + 4, r.secrecy_checked ? 1 : 0);
}

// Adds one row of TallyYear's request query: columns agency_id, applicant_kind, outcome, then
// the counts of new, carried-over, concluded-in-year and carried-forward requests of the group.
Status AddRequestTally(int64_t agency_id, int64_t kind, const std::string& outcome,
                       const std::array<int64_t, 4>& counts, std::map<int64_t, YearFigures>* out);
// Adds one review-case row (agency, group, result column 0..3, count).
void AddCaseTally(int64_t agency_id, int64_t group, int64_t column, int64_t n,
                  std::map<int64_t, YearFigures>* out);
// Adds one normative-document row (agency, kind, made, abolished, in force).
void AddDocTally(int64_t agency_id, int64_t kind, const std::array<int64_t, 3>& counts,
                 std::map<int64_t, YearFigures>* out);

// Adds one step of TallyFacts' event query (agency_id, request_id, kind, breach, fee_method,
// fee_yuan) to `f`; `breached` collects the (agency, request) pairs with a breach.
template <class Row>
void AddEventFacts(const Row& q, YearFacts* f, std::set<std::pair<int64_t, int64_t>>* breached) {
  const std::string kind = q.Text(2), breach = q.Text(3);
  if (!breach.empty()) {
    f->breaches[breach] += 1;
    breached->insert({q.Int(0), q.Int(1)});
  }
  if (kind == "fee_notice") {
    int64_t method = q.Int(4);
    if (method >= 0 && method < 3) {
      f->fee_notices[static_cast<size_t>(method)] += 1;
      f->fee_notice_yuan[static_cast<size_t>(method)] += q.Int(5);
    }
  } else if (kind == "fee_paid") {
    f->fees_paid += 1;
    f->fees_paid_yuan += q.Int(5);
  }
}

}  // namespace gongkai::store_internal
