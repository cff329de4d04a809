// ReportPublications (report_publication.h) on the connection and audit log of the CaseStore it
// is opened on, SQLite or PostgreSQL: one template over the backend (store_backend.h).
#include <algorithm>
#include <nlohmann/json.hpp>

#include "gongkai/report_publication.h"
#include "store_backend.h"

namespace gongkai {
namespace {

using store_internal::AllRows;
using store_internal::ReturnedId;
using Json = nlohmann::ordered_json;

// One audit trail per agency's year, as for year_counts.
int64_t YearEntityId(int64_t agency_id, int year) { return agency_id * 10000 + year; }

Json TextsJson(int64_t agency_id, int year, const SectionTexts& t) {
  Json sections = Json::array();
  for (const std::string& s : t) sections.push_back(s);
  return Json{{"agency_id", agency_id}, {"year", year}, {"sections", sections}};
}

Status CheckYear(int year) {
  if (year < 2008 || year > 2100) {
    return InvalidArgumentError("年份 " + std::to_string(year) + " 无效 (invalid year)");
  }
  return Status::Ok();
}

template <class Backend>
class ReportPublicationsOn final : public ReportPublications {
  using Context = typename Backend::Context;
  using Statement = typename Backend::Stmt;

 public:
  explicit ReportPublicationsOn(Context* ctx) : ctx_(ctx) {}

  StatusOr<SectionTexts> GetText(int64_t agency_id, int year) override {
    Statement& q =
        Stmt(get_text_, "SELECT section, text FROM report_text WHERE agency_id = ?1 AND year = ?2");
    q.Bind(1, agency_id).Bind(2, year);
    SectionTexts out;
    for (;;) {
      GONGKAI_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) break;
      int64_t s = q.Int(0);
      if (s >= 0 && s < kSectionCount) out[static_cast<size_t>(s)] = q.Text(1);
    }
    q.Reset();
    return out;
  }

  Status SetText(int64_t agency_id, int year, const SectionTexts& texts,
                 const std::string& actor) override {
    GONGKAI_RETURN_IF_ERROR(CheckYear(year));
    for (int s = 0; s < kSectionCount; ++s) {
      const std::string& t = texts[static_cast<size_t>(s)];
      const std::string name = std::string(SectionTitle(s));
      GONGKAI_RETURN_IF_ERROR(store_internal::CheckTextFields({{name.c_str(), &t}}));
      if (t.size() > kMaxOfficeTextBytes) {
        return InvalidArgumentError(name + " 的文字超过 " +
                                    std::to_string(kMaxOfficeTextBytes / 1024) +
                                    " KB (section text too long)");
      }
    }
    GONGKAI_RETURN_IF_ERROR(Backend::AgencyExists(ctx_, agency_id));
    return ctx_->RunInTransaction([&]() -> Status {
      GONGKAI_ASSIGN_OR_RETURN(SectionTexts before, GetText(agency_id, year));
      if (before == texts) return Status::Ok();
      Statement& q = Stmt(set_text_,
                          "INSERT INTO report_text(agency_id, year, section, text) VALUES "
                          "(?1, ?2, ?3, ?4) ON CONFLICT(agency_id, year, section) DO UPDATE SET "
                          "text = ?4");
      for (int s = 0; s < kSectionCount; ++s) {
        q.Bind(1, agency_id).Bind(2, year).Bind(3, s).Bind(4, texts[static_cast<size_t>(s)]);
        GONGKAI_RETURN_IF_ERROR(q.Run().WithContext("保存年报文字 (save report text)"));
      }
      const bool had = std::any_of(before.begin(), before.end(),
                                   [](const std::string& t) { return !t.empty(); });
      return ctx_->AppendAudit(actor, had ? "update" : "insert", "report_text",
                               YearEntityId(agency_id, year),
                               had ? TextsJson(agency_id, year, before).dump() : "",
                               TextsJson(agency_id, year, texts).dump());
    });
  }

  StatusOr<int64_t> AddPublished(const PublishedReport& p, const std::string& actor) override {
    GONGKAI_RETURN_IF_ERROR(CheckYear(p.year));
    GONGKAI_RETURN_IF_ERROR(Backend::AgencyExists(ctx_, p.agency_id));
    int64_t id = 0;
    Status s = ctx_->RunInTransaction([&]() -> Status {
      Statement& q = Stmt(add_published_,
                          "INSERT INTO published_report(agency_id, year, model_json, text, actor) "
                          "VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id");
      q.Bind(1, p.agency_id).Bind(2, p.year).Bind(3, p.model_json).Bind(4, p.text).Bind(5, actor);
      StatusOr<int64_t> inserted = ReturnedId(q);
      if (!inserted.ok()) return inserted.status().WithContext("发布年度报告 (publish report)");
      id = *inserted;
      // The audit entry names the version; its content is the row itself (append-only).
      Json after{{"id", id},
                 {"agency_id", p.agency_id},
                 {"year", p.year},
                 {"model_json_bytes", p.model_json.size()},
                 {"text", p.text}};
      return ctx_->AppendAudit(actor, "insert", "published_report", id, "", after.dump());
    });
    if (!s.ok()) return s;
    return id;
  }

  StatusOr<std::optional<PublishedReport>> GetPublished(int64_t agency_id, int year) override {
    Statement& q = Stmt(get_published_,
                        "SELECT id, model_json, text, published_at, actor FROM published_report "
                        "WHERE agency_id = ?1 AND year = ?2 ORDER BY id DESC LIMIT 1");
    q.Bind(1, agency_id).Bind(2, year);
    GONGKAI_ASSIGN_OR_RETURN(bool row, q.Step());
    std::optional<PublishedReport> out;
    if (row) {
      out = PublishedReport{q.Int(0), agency_id, year, q.Text(1), q.Text(2), q.Text(3), q.Text(4)};
    }
    q.Reset();
    return out;
  }

  StatusOr<int64_t> PublishedId(int64_t agency_id, int year) override {
    Statement& q = Stmt(published_id_,
                        "SELECT max(id) FROM published_report WHERE agency_id = ?1 AND year = ?2");
    q.Bind(1, agency_id).Bind(2, year);
    GONGKAI_ASSIGN_OR_RETURN(bool row, q.Step());
    int64_t id = row && !q.IsNull(0) ? q.Int(0) : 0;
    q.Reset();
    return id;
  }

  StatusOr<std::vector<int>> PublishedYears(int64_t agency_id) override {
    Statement& q = Stmt(years_,
                        "SELECT DISTINCT year FROM published_report WHERE agency_id = ?1 "
                        "ORDER BY year DESC");
    q.Bind(1, agency_id);
    return AllRows<int>(q, [](const Statement& row) { return static_cast<int>(row.Int(0)); });
  }

 private:
  Statement& Stmt(Statement& s, const char* sql) {
    (void)Backend::Prepare(ctx_, s, sql);
    return s;
  }

  Context* ctx_;
  Statement get_text_, set_text_, add_published_, get_published_, published_id_, years_;
};

}  // namespace

StatusOr<std::unique_ptr<ReportPublications>> OpenReportPublications(CaseStore& store) {
  if (auto* ctx = store_internal::SqliteContextOf(store)) {
    return std::unique_ptr<ReportPublications>(
        new ReportPublicationsOn<store_internal::SqliteBackend>(ctx));
  }
  if (auto* ctx = store_internal::PgContextOf(store)) {
    return std::unique_ptr<ReportPublications>(
        new ReportPublicationsOn<store_internal::PgBackend>(ctx));
  }
  return UnimplementedError(
      "年度报告发布需要 SQLite 或 PostgreSQL 台账 (publication needs a ledger store)");
}

}  // namespace gongkai
