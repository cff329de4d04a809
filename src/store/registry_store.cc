// The Registry (registry.h) on the connection and audit log of the CaseStore it is opened on,
// SQLite or PostgreSQL: one template over the backend (store_backend.h), so that both backends
// run the same checks, the same SQL and the same audit entries.
#include <array>
#include <cmath>
#include <set>
#include <utility>
#include <nlohmann/json.hpp>

#include "gongkai/registry.h"
#include "record_codec.h"
#include "store_backend.h"

namespace gongkai {
namespace {

using store_internal::CheckTextFields;
using store_internal::ReturnedId;
using namespace store_internal;  // record_codec.h

constexpr std::array<std::string_view, 4> kResultIds = {"upheld", "corrected", "other", "pending"};
constexpr std::array<std::string_view, 4> kResultLabels = {"结果维持", "结果纠正", "其他结果",
                                                           "尚未审结"};

size_t ResultIndex(CaseResult r) { return r == CaseResult::kPending ? 3 : static_cast<size_t>(r); }

template <class Backend>
class RegistryOn final : public Registry {
  using Context = typename Backend::Context;
  using Statement = typename Backend::Stmt;

 public:
  explicit RegistryOn(Context* ctx) : ctx_(ctx) {}

  // ---- 规章 and 行政规范性文件 ----

  StatusOr<int64_t> AddNormative(const NormativeDoc& d, const std::string& actor) override {
    if (d.kind < 0 || d.kind >= kDocKindCount) {
      return InvalidArgumentError("文件类别无效 (invalid document kind)");
    }
    if (d.abolished) {
      return InvalidArgumentError(
          "登记时不能带废止日期，请用废止命令 (record the repeal separately)");
    }
    GONGKAI_RETURN_IF_ERROR(CheckTextFields({{"标题", &d.title}, {"文号", &d.number}}));
    if (d.title.empty()) return InvalidArgumentError("标题不能为空 (title is empty)");
    GONGKAI_RETURN_IF_ERROR(Backend::AgencyExists(ctx_, d.agency_id));
    int64_t id = 0;
    Status s = ctx_->RunInTransaction([&]() -> Status {
      Statement& q = Stmt(insert_doc_,
                          "INSERT INTO normative_doc(agency_id, kind, title, number, made, "
                          "abolished) VALUES (?1, ?2, ?3, ?4, ?5, NULL) RETURNING id");
      q.Bind(1, d.agency_id).Bind(2, d.kind).Bind(3, d.title).Bind(4, d.number);
      q.Bind(5, d.made.ToString());
      StatusOr<int64_t> inserted = ReturnedId(q);
      if (!inserted.ok()) return inserted.status().WithContext("登记文件 (add)");
      id = *inserted;
      NormativeDoc stored = d;
      stored.id = id;
      return ctx_->AppendAudit(actor, "insert", "normative_doc", id, "",
                               NormativeJson(stored).dump());
    });
    if (!s.ok()) return s;
    return id;
  }

  Status Amend(int64_t id, const Amendment& a, const std::string& actor) override {
    GONGKAI_RETURN_IF_ERROR(CheckTextFields({{"文号", &a.number}, {"修改说明", &a.note}}));
    GONGKAI_ASSIGN_OR_RETURN(NormativeRecord r, GetNormative(id));
    if (a.date < r.doc.made) {
      return InvalidArgumentError("修改日期 " + a.date.ToString() + " 早于制发日期 " +
                                  r.doc.made.ToString() + " (amended before it was made)");
    }
    if (r.doc.abolished) {
      return FailedPreconditionError("文件已于 " + r.doc.abolished->ToString() +
                                     " 废止，不能再修改 (already abolished)");
    }
    return ctx_->RunInTransaction([&]() -> Status {
      Statement& q = Stmt(insert_amend_,
                          "INSERT INTO normative_amendment(doc_id, date, number, note) "
                          "VALUES (?1, ?2, ?3, ?4) RETURNING id");
      q.Bind(1, id).Bind(2, a.date.ToString()).Bind(3, a.number).Bind(4, a.note);
      StatusOr<int64_t> inserted = ReturnedId(q);
      if (!inserted.ok()) return inserted.status().WithContext("登记修改 (record amendment)");
      const int64_t aid = *inserted;
      Json j{{"id", aid},
             {"doc_id", id},
             {"date", a.date.ToString()},
             {"number", a.number},
             {"note", a.note}};
      return ctx_->AppendAudit(actor, "insert", "normative_amendment", aid, "", j.dump());
    });
  }

  Status Repeal(int64_t id, Date date, const std::string& actor) override {
    GONGKAI_ASSIGN_OR_RETURN(NormativeRecord r, GetNormative(id));
    if (r.doc.abolished) {
      return FailedPreconditionError("文件已于 " + r.doc.abolished->ToString() +
                                     " 废止 (already abolished)");
    }
    if (date < r.doc.made) {
      return InvalidArgumentError("废止日期 " + date.ToString() + " 早于制发日期 " +
                                  r.doc.made.ToString() + " (abolished before it was made)");
    }
    if (!r.amendments.empty() && date < r.amendments.back().date) {
      return InvalidArgumentError("废止日期早于最后一次修改 " +
                                  r.amendments.back().date.ToString() +
                                  " (abolished before its last amendment)");
    }
    return ctx_->RunInTransaction([&]() -> Status {
      Statement& q = Stmt(repeal_,
                          "UPDATE normative_doc SET abolished = ?2 WHERE id = ?1 AND "
                          "abolished IS NULL");
      GONGKAI_RETURN_IF_ERROR(q.Bind(1, id).Bind(2, date.ToString()).Run());
      if (Backend::Changes(ctx_, q) != 1) {
        return FailedPreconditionError("文件已被他人修改，请重试 (changed concurrently)");
      }
      NormativeDoc after = r.doc;
      after.abolished = date;
      return ctx_->AppendAudit(actor, "update", "normative_doc", id, NormativeJson(r.doc).dump(),
                               NormativeJson(after).dump());
    });
  }

  StatusOr<NormativeRecord> GetNormative(int64_t id) override {
    GONGKAI_ASSIGN_OR_RETURN(std::vector<NormativeRecord> found, QueryNormative(id, 0, -1));
    if (found.empty()) {
      return NotFoundError("没有编号为 " + std::to_string(id) +
                           " 的规章或规范性文件 (no such document)");
    }
    return found.front();
  }

  StatusOr<std::vector<NormativeRecord>> ListNormative(int64_t agency_id, int kind) override {
    return QueryNormative(0, agency_id, kind);
  }

  // ---- Decisions and fees ----

  Status SetActions(const ActionCounts& a, const std::string& actor) override {
    const YearCounts& c = a.counts;
    if (c.licensing < 0 || c.penalty < 0 || c.coercion < 0 || !std::isfinite(c.fees_10k_yuan) ||
        c.fees_10k_yuan < 0) {
      return InvalidArgumentError("数量和金额不能为负数 (counts must be non-negative numbers)");
    }
    if (c.fees_10k_yuan > kMaxFees10kYuan) {
      return InvalidArgumentError("行政事业性收费金额过大，单位是万元 (fee too large; unit 万元)");
    }
    if (c.year < 1900 || c.year > 9999) return InvalidArgumentError("年份无效 (invalid year)");
    GONGKAI_RETURN_IF_ERROR(CheckTextFields({{"数据来源", &a.source}}));
    if (a.source.empty()) {
      return InvalidArgumentError("请注明数据来源 --source (the source of the counts is required)");
    }
    GONGKAI_RETURN_IF_ERROR(Backend::AgencyExists(ctx_, c.agency_id));
    return ctx_->RunInTransaction([&]() -> Status {
      GONGKAI_ASSIGN_OR_RETURN(std::optional<ActionCounts> before, GetActions(c.agency_id, c.year));
      Statement& q = Stmt(set_actions_,
                          "INSERT INTO year_counts(agency_id, year, licensing, penalty, coercion, "
                          "fees_10k_yuan, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                          "ON CONFLICT(agency_id, year) DO UPDATE SET licensing = ?3, "
                          "penalty = ?4, coercion = ?5, fees_10k_yuan = ?6, source = ?7");
      q.Bind(1, c.agency_id).Bind(2, c.year).Bind(3, c.licensing).Bind(4, c.penalty);
      q.Bind(5, c.coercion).Bind(6, c.fees_10k_yuan).Bind(7, a.source);
      GONGKAI_RETURN_IF_ERROR(q.Run().WithContext("登记年度数量 (set year counts)"));
      // The same entity id as CaseStore::SetYearCounts, so one record has one audit trail.
      return ctx_->AppendAudit(actor, before ? "update" : "insert", "year_counts",
                               c.agency_id * 10000 + c.year,
                               before ? ActionsJson(*before).dump() : "", ActionsJson(a).dump());
    });
  }

  StatusOr<std::optional<ActionCounts>> GetActions(int64_t agency_id, int year) override {
    Statement& q = Stmt(get_actions_,
                        "SELECT licensing, penalty, coercion, fees_10k_yuan, source FROM "
                        "year_counts WHERE agency_id = ?1 AND year = ?2");
    q.Bind(1, agency_id).Bind(2, year);
    GONGKAI_ASSIGN_OR_RETURN(bool row, q.Step());
    std::optional<ActionCounts> out;
    if (row) {
      out = ActionCounts{{agency_id, year, q.Int(0), q.Int(1), q.Int(2), q.Double(3)}, q.Text(4)};
    }
    q.Reset();
    return out;
  }

  // ---- Cases ----

  StatusOr<int64_t> AddCase(const DisclosureCase& c, const std::string& actor) override {
    if (c.c.group < 0 || c.c.group >= kT4Groups) {
      return InvalidArgumentError("复议诉讼类别无效 (invalid review/suit group)");
    }
    if ((c.c.result == CaseResult::kPending) != !c.c.decided) {
      return InvalidArgumentError(
          "已审结的案件需要结果和审结日期，未审结的不能有 (a decided case needs a result and a "
          "date; a pending one has neither)");
    }
    if (c.c.decided && *c.c.decided < c.c.filed) {
      return InvalidArgumentError("审结日期早于立案日期 (decided before it was filed)");
    }
    GONGKAI_RETURN_IF_ERROR(CheckTextFields({{"案号", &c.number}, {"案情", &c.note}}));
    GONGKAI_RETURN_IF_ERROR(Backend::AgencyExists(ctx_, c.c.agency_id));
    if (c.review_id) {
      if (c.c.group != kSuitAfterReview) {
        return InvalidArgumentError(
            "只有复议后起诉的诉讼才能关联复议案件 (only a suit after review follows a review)");
      }
      GONGKAI_ASSIGN_OR_RETURN(DisclosureCase review, GetCase(c.review_id));
      if (review.c.group != kReview || review.c.agency_id != c.c.agency_id) {
        return InvalidArgumentError("案件 " + std::to_string(c.review_id) +
                                    " 不是本机关的行政复议案件 (not a review of this agency)");
      }
      if (c.c.filed < review.c.filed) {
        return InvalidArgumentError("诉讼早于所关联的复议 (suit filed before its review)");
      }
    }
    if (c.c.request_id) {
      // A linked request must exist; the store's foreign key says so, with a clearer message here.
      Statement& q = Stmt(request_exists_, "SELECT 1 FROM request WHERE id = ?1");
      q.Bind(1, c.c.request_id);
      GONGKAI_ASSIGN_OR_RETURN(bool row, q.Step());
      q.Reset();
      if (!row) {
        return NotFoundError("没有编号为 " + std::to_string(c.c.request_id) +
                             " 的申请 (no such request)");
      }
    }
    int64_t id = 0;
    Status s = ctx_->RunInTransaction([&]() -> Status {
      Statement& q = Stmt(insert_case_,
                          "INSERT INTO review_case(agency_id, grp, filed, decided, result, "
                          "request_id, number, note, review_id) VALUES (?1, ?2, ?3, ?4, ?5, "
                          "nullif(CAST(?6 AS BIGINT), 0), ?7, ?8, nullif(CAST(?9 AS BIGINT), 0)) RETURNING id");
      q.Bind(1, c.c.agency_id).Bind(2, c.c.group).Bind(3, c.c.filed.ToString());
      if (c.c.decided) {
        q.Bind(4, c.c.decided->ToString());
      } else {
        q.BindNull(4);
      }
      q.Bind(5, static_cast<int>(c.c.result)).Bind(6, c.c.request_id).Bind(7, c.number);
      q.Bind(8, c.note).Bind(9, c.review_id);
      StatusOr<int64_t> inserted = ReturnedId(q);
      if (!inserted.ok()) return inserted.status().WithContext("登记复议诉讼 (add case)");
      id = *inserted;
      DisclosureCase stored = c;
      stored.c.id = id;
      return ctx_->AppendAudit(actor, "insert", "review_case", id, "", CaseJson(stored).dump());
    });
    if (!s.ok()) return s;
    return id;
  }

  Status DecideCase(int64_t id, CaseResult result, Date date, const std::string& actor) override {
    if (result == CaseResult::kPending) {
      return InvalidArgumentError("审结结果应为 维持、纠正 或 其他结果 (upheld, corrected, other)");
    }
    GONGKAI_ASSIGN_OR_RETURN(DisclosureCase before, GetCase(id));
    if (before.c.decided) {
      return FailedPreconditionError("案件已于 " + before.c.decided->ToString() + " 审结（" +
                                     std::string(CaseResultLabel(before.c.result)) +
                                     "） (already decided)");
    }
    if (date < before.c.filed) {
      return InvalidArgumentError("审结日期 " + date.ToString() + " 早于立案日期 " +
                                  before.c.filed.ToString() + " (decided before it was filed)");
    }
    return ctx_->RunInTransaction([&]() -> Status {
      Statement& q = Stmt(decide_,
                          "UPDATE review_case SET decided = ?2, result = ?3 WHERE id = ?1 AND "
                          "decided IS NULL");
      GONGKAI_RETURN_IF_ERROR(
          q.Bind(1, id).Bind(2, date.ToString()).Bind(3, static_cast<int>(result)).Run());
      if (Backend::Changes(ctx_, q) != 1) {
        return FailedPreconditionError("案件已被他人修改，请重试 (changed concurrently)");
      }
      DisclosureCase after = before;
      after.c.decided = date;
      after.c.result = result;
      return ctx_->AppendAudit(actor, "update", "review_case", id, CaseJson(before).dump(),
                               CaseJson(after).dump());
    });
  }

  StatusOr<std::map<int64_t, YearFacts>> TallyFacts(int year, int64_t agency_id) override;

  StatusOr<std::vector<int64_t>> YearRequestIds(int64_t agency_id, int year) override {
    Statement& q = Stmt(year_requests_,
                        "SELECT id FROM request WHERE (CAST(?1 AS BIGINT) = 0 OR agency_id = ?1) AND "
                        "received <= ?3 AND (received >= ?2 OR concluded_on IS NULL OR "
                        "concluded_on >= ?2) ORDER BY id");
    q.Bind(1, agency_id)
        .Bind(2, Date::FromYmd(year, 1, 1).ToString())
        .Bind(3, Date::FromYmd(year, 12, 31).ToString());
    std::vector<int64_t> out;
    for (;;) {
      GONGKAI_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) break;
      out.push_back(q.Int(0));
    }
    q.Reset();
    return out;
  }

  StatusOr<std::vector<Applicant>> ListApplicants() override {
    Statement& q = Stmt(applicants_, "SELECT id, kind, name FROM applicant ORDER BY id");
    std::vector<Applicant> out;
    for (;;) {
      GONGKAI_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) break;
      int64_t kind = q.Int(1);
      out.push_back({q.Int(0),
                     kind >= 0 && kind < kApplicantKindCount ? static_cast<ApplicantKind>(kind)
                                                             : ApplicantKind::kOther,
                     q.Text(2)});
    }
    q.Reset();
    return out;
  }

  StatusOr<DisclosureCase> GetCase(int64_t id) override {
    Statement& q =
        Stmt(get_case_,
             (std::string("SELECT ") + kCaseColumns + " FROM review_case WHERE id = ?1").c_str());
    q.Bind(1, id);
    GONGKAI_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) {
      q.Reset();
      return NotFoundError("没有编号为 " + std::to_string(id) + " 的复议诉讼案件 (no such case)");
    }
    DisclosureCase c = ReadCase(q);
    q.Reset();
    return c;
  }

  StatusOr<std::vector<DisclosureCase>> ListCases(int64_t agency_id, int year) override {
    Statement& q =
        Stmt(list_cases_, (std::string("SELECT ") + kCaseColumns +
                           " FROM review_case WHERE (CAST(?1 AS BIGINT) = 0 OR agency_id = ?1) "
                           "AND (CAST(?4 AS INTEGER) = 0 OR (filed <= ?3 AND (decided IS NULL OR "
                           "decided >= ?2))) ORDER BY id")
                              .c_str());
    // ?4 = 0 lists every year; the dates stay bound (and typed) either way.
    const int y = year ? year : 2000;
    q.Bind(1, agency_id)
        .Bind(2, Date::FromYmd(y, 1, 1).ToString())
        .Bind(3, Date::FromYmd(y, 12, 31).ToString())
        .Bind(4, year);
    std::vector<DisclosureCase> out;
    for (;;) {
      GONGKAI_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) break;
      out.push_back(ReadCase(q));
    }
    q.Reset();
    return out;
  }

 private:
  Statement& Stmt(Statement& s, const char* sql) {
    (void)Backend::Prepare(ctx_, s, sql);
    return s;
  }

  // Documents by id (id != 0), or of an agency (0 = all) and kind (-1 = both), with amendments.
  StatusOr<std::vector<NormativeRecord>> QueryNormative(int64_t id, int64_t agency_id, int kind) {
    Statement& q = Stmt(list_docs_,
                        "SELECT id, agency_id, kind, title, number, made, abolished FROM "
                        "normative_doc WHERE (CAST(?1 AS BIGINT) = 0 OR id = ?1) AND "
                        "(CAST(?2 AS BIGINT) = 0 OR agency_id = ?2) AND "
                        "(CAST(?3 AS INTEGER) < 0 OR kind = ?3) ORDER BY id");
    q.Bind(1, id).Bind(2, agency_id).Bind(3, kind);
    std::vector<NormativeRecord> out;
    for (;;) {
      GONGKAI_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) break;
      NormativeRecord r;
      r.doc.id = q.Int(0);
      r.doc.agency_id = q.Int(1);
      r.doc.kind = static_cast<int>(q.Int(2));
      r.doc.title = q.Text(3);
      r.doc.number = q.Text(4);
      r.doc.made = ColDate(q, 5).value_or(Date());
      r.doc.abolished = ColDate(q, 6);
      out.push_back(std::move(r));
    }
    q.Reset();
    Statement& a = Stmt(list_amend_,
                        "SELECT date, number, note FROM normative_amendment WHERE doc_id = ?1 "
                        "ORDER BY date, id");
    for (NormativeRecord& r : out) {
      a.Bind(1, r.doc.id);
      for (;;) {
        GONGKAI_ASSIGN_OR_RETURN(bool row, a.Step());
        if (!row) break;
        r.amendments.push_back({ColDate(a, 0).value_or(Date()), a.Text(1), a.Text(2)});
      }
      a.Reset();
    }
    return out;
  }

  Context* ctx_;
  Statement insert_doc_, insert_amend_, repeal_, list_docs_, list_amend_, set_actions_,
      get_actions_, request_exists_, insert_case_, decide_, get_case_, list_cases_,
      year_requests_, applicants_;
  std::array<Statement, 6> facts_;  // TallyFacts: [query][one agency]
};

template <class Backend>
StatusOr<std::map<int64_t, YearFacts>> RegistryOn<Backend>::TallyFacts(int year,
                                                                       int64_t agency_id) {
  // Each query binds its own parameters (`binds`: f = first day, l = last day, a = agency or 0,
  // in the order of ?1, ?2, …: a parameter PostgreSQL cannot type must not appear) and yields
  // agency_id first. %A is the agency condition on the last parameter: "r.agency_id = ?N" for
  // one agency (so that the indexes on agency_id drive the query) or "CAST(?N AS BIGINT) = 0"
  // for all, as separate statements. The backend's planner hints (store_backend.h) apply to the
  // all-agency form: on SQLite %J is a CROSS JOIN, kept in the written order, so that the events
  // are read in one scan and only the matching ones look their request up; %N reads a table once
  // in rowid order, never through an index with a random row lookup per entry; %T reads the
  // request rows from the covering index request_tally in both forms.
  struct Query {
    const char* sql;
    const char* binds;
  };
  static const Query kQueries[] = {
      // The year's steps that carry a breach or a fee, one row each: the breaches, the distinct
      // requests with a breach, the fee notices by method and the fees paid are summed below.
      {"SELECT r.agency_id, e.request_id, e.kind, e.breach, r.fee_method, r.fee_yuan FROM "
       "event e %N %J request r ON r.id = e.request_id WHERE %A AND e.date BETWEEN ?1 AND ?2 AND "
       "(e.breach <> '' OR e.kind IN ('fee_notice', 'fee_paid'))",
       "fla"},
      // Requests still open after the last day whose due date had passed by then.
      {"SELECT r.agency_id, count(*) FROM request r %T WHERE %A AND r.received <= ?1 AND "
       "(r.concluded_on IS NULL OR r.concluded_on > ?1) AND r.due < ?1 GROUP BY 1",
       "la"},
      // Published (not draft) documents proactively disclosed this year, by category.
      {"SELECT r.agency_id, r.category, count(*) FROM published_document r %N WHERE %A AND "
       "r.mode = 0 AND r.draft = 0 AND coalesce(r.published, r.created) BETWEEN ?1 AND ?2 "
       "GROUP BY 1, 2 ORDER BY 1, 2",
       "fla"},
  };
  const std::string first = Date::FromYmd(year, 1, 1).ToString();
  const std::string last = Date::FromYmd(year, 12, 31).ToString();
  std::map<int64_t, YearFacts> out;
  std::set<std::pair<int64_t, int64_t>> breached;  // (agency, request) with a breach this year
  for (size_t qi = 0; qi < std::size(kQueries); ++qi) {
    const Query& query = kQueries[qi];
    const std::string agency_param = "?" + std::to_string(std::strlen(query.binds));
    std::string sql = query.sql;
    ReplaceMarker(&sql, "%A",
                  agency_id ? "r.agency_id = " + agency_param
                            : "CAST(" + agency_param + " AS BIGINT) = 0");
    ReplaceMarker(&sql, "%N", agency_id ? "" : Backend::kNotIndexed);
    ReplaceMarker(&sql, "%J", agency_id ? "JOIN" : Backend::kJoinInWrittenOrder);
    ReplaceMarker(&sql, "%T", Backend::IndexedBy("request_tally"));
    Statement& q = Stmt(facts_[2 * qi + (agency_id ? 1 : 0)], sql.c_str());
    for (int b = 0; query.binds[b]; ++b) {
      switch (query.binds[b]) {
        case 'f':
          q.Bind(b + 1, first);
          break;
        case 'l':
          q.Bind(b + 1, last);
          break;
        default:
          q.Bind(b + 1, agency_id);
      }
    }
    for (;;) {
      StatusOr<bool> row = q.Step();
      if (!row.ok()) {
        q.Reset();
        return row.status().WithContext("统计年度台账情况 (tally the year's facts)");
      }
      if (!*row) break;
      YearFacts& f = out[q.Int(0)];
      switch (qi) {
        case 0:
          AddEventFacts(q, &f, &breached);
          break;
        case 1:
          f.overdue_at_year_end += q.Int(1);
          break;
        default:
          f.documents.push_back({q.Text(1), q.Int(2)});
      }
    }
    q.Reset();
  }
  for (const auto& [agency, request] : breached) ++out[agency].requests_with_breaches;
  return out;
}

}  // namespace

void YearFacts::Add(const YearFacts& o) {
  for (const auto& [rule, n] : o.breaches) breaches[rule] += n;
  requests_with_breaches += o.requests_with_breaches;
  overdue_at_year_end += o.overdue_at_year_end;
  for (size_t m = 0; m < fee_notices.size(); ++m) {
    fee_notices[m] += o.fee_notices[m];
    fee_notice_yuan[m] += o.fee_notice_yuan[m];
  }
  fees_paid += o.fees_paid;
  fees_paid_yuan += o.fees_paid_yuan;
  std::map<std::string, int64_t> docs;
  for (const CategoryCount& c : documents) docs[c.category] += c.count;
  for (const CategoryCount& c : o.documents) docs[c.category] += c.count;
  documents.clear();
  for (const auto& [category, n] : docs) documents.push_back({category, n});
}

std::string_view CaseResultId(CaseResult r) { return kResultIds[ResultIndex(r)]; }
std::string_view CaseResultLabel(CaseResult r) { return kResultLabels[ResultIndex(r)]; }

StatusOr<CaseResult> CaseResultFromId(std::string_view id) {
  for (size_t i = 0; i < kResultIds.size(); ++i) {
    // Also accept the short labels 维持, 纠正 (the label without 结果).
    if (id == kResultIds[i] || id == kResultLabels[i] ||
        (i < 2 && id == kResultLabels[i].substr(std::string_view("结果").size()))) {
      return i == 3 ? CaseResult::kPending : static_cast<CaseResult>(i);
    }
  }
  return InvalidArgumentError("未知审结结果“" + std::string(id) +
                              "”，应为 维持/纠正/其他结果 (upheld, corrected, other)");
}

std::unique_ptr<Registry> store_internal::NewSqliteRegistry(SqliteContext* ctx) {
  return std::make_unique<RegistryOn<SqliteBackend>>(ctx);
}

std::unique_ptr<Registry> store_internal::NewPgRegistry(PgContext* ctx) {
  return std::make_unique<RegistryOn<PgBackend>>(ctx);
}

}  // namespace gongkai
