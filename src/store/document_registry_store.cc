// The DocumentRegistry (documents.h) on the connection and audit log of the CaseStore it is
// opened on, SQLite or PostgreSQL: one template over the backend (store_backend.h), so that both
// backends run the same checks, the same SQL and the same audit entries.
#include <array>
#include <nlohmann/json.hpp>

#include "gongkai/documents.h"
#include "record_codec.h"
#include "store_backend.h"

namespace gongkai {
namespace {

using namespace store_internal;  // record_codec.h, store_backend.h

constexpr std::array<std::string_view, kDisclosureModeCount> kModeIds = {"proactive", "on_request",
                                                                         "not_disclosed"};
constexpr std::array<std::string_view, kDisclosureModeCount> kModeLabels = {
    "主动公开", "依申请公开", "不予公开"};

template <class Backend>
class DocumentRegistryOn final : public DocumentRegistry {
  using Context = typename Backend::Context;
  using Statement = typename Backend::Stmt;

 public:
  explicit DocumentRegistryOn(Context* ctx) : ctx_(ctx) {}

  StatusOr<int64_t> Add(const PublishedDocument& d, const std::string& actor) override {
    GONGKAI_RETURN_IF_ERROR(ValidateDocument(d));
    GONGKAI_RETURN_IF_ERROR(Backend::AgencyExists(ctx_, d.agency_id));
    GONGKAI_RETURN_IF_ERROR(UniqueIndexNumber(d));
    int64_t id = 0;
    Status written = ctx_->RunInTransaction([&]() -> Status {
      Statement& s = Stmt(insert_,
                          "INSERT INTO published_document(agency_id, index_number, title, "
                          "category, publisher, created, published, mode, body, draft, drafter, "
                          "reviewer, approver, review_date, secrecy_checked) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                          "?15) RETURNING id");
      s.Bind(1, d.agency_id).Bind(2, d.index_number).Bind(3, d.title).Bind(4, d.category);
      s.Bind(5, d.publisher).Bind(6, d.created.ToString());
      if (d.published) {
        s.Bind(7, d.published->ToString());
      } else {
        s.BindNull(7);
      }
      s.Bind(8, static_cast<int>(d.mode)).Bind(9, d.body).Bind(10, d.draft ? 1 : 0);
      BindReview(s, 11, d.review);
      StatusOr<int64_t> inserted = ReturnedId(s);
      if (!inserted.ok()) return inserted.status().WithContext("登记文件 (add document)");
      id = *inserted;
      PublishedDocument stored = d;
      stored.id = id;
      return ctx_->AppendAudit(actor, "insert", "published_document", id, "",
                               DocumentJson(stored).dump());
    });
    if (!written.ok()) return written;
    return id;
  }

  Status Publish(int64_t id, const DocumentReview& review, Date published,
                 const std::string& actor) override {
    GONGKAI_ASSIGN_OR_RETURN(PublishedDocument before, Get(id));
    GONGKAI_RETURN_IF_ERROR(CheckDraftPublishable(before, review, published));
    return ctx_->RunInTransaction([&]() -> Status {
      Statement& s = Stmt(publish_,
                          "UPDATE published_document SET draft = 0, published = ?2, drafter = ?3, "
                          "reviewer = ?4, approver = ?5, review_date = ?6, secrecy_checked = ?7 "
                          "WHERE id = ?1 AND draft = 1");
      s.Bind(1, id).Bind(2, published.ToString());
      BindReview(s, 3, review);
      GONGKAI_RETURN_IF_ERROR(s.Run().WithContext("公开文件 (publish document)"));
      if (Backend::Changes(ctx_, s) != 1) {
        return FailedPreconditionError("文件已被他人公开，请刷新 (published concurrently)");
      }
      PublishedDocument after = before;
      after.draft = false;
      after.published = published;
      after.review = review;
      return ctx_->AppendAudit(actor, "update", "published_document", id,
                               DocumentJson(before).dump(), DocumentJson(after).dump());
    });
  }

  StatusOr<PublishedDocument> Get(int64_t id) override {
    Statement& s = Stmt(
        get_,
        (std::string("SELECT ") + kDocumentColumns + " FROM published_document WHERE id = ?1").c_str());
    s.Bind(1, id);
    GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) {
      s.Reset();
      return NotFoundError("没有编号为 " + std::to_string(id) + " 的文件 (no such document)");
    }
    PublishedDocument d = ReadDocument(s);
    s.Reset();
    return d;
  }

  StatusOr<DocumentPage> List(const DocumentQuery& q) override {
    if (q.limit < 1 || q.limit > kMaxDocumentPage) {
      return InvalidArgumentError("每页条数应在 1 到 " + std::to_string(kMaxDocumentPage) +
                                  " 之间 (page size out of range)");
    }
    if (q.offset < 0) return InvalidArgumentError("起始位置不能为负 (negative offset)");
    DocumentPage page;
    const int64_t mode = q.mode ? static_cast<int64_t>(*q.mode) : -1;  // -1: every mode
    Statement& c = Stmt(count_,
                        "SELECT count(*) FROM published_document "
                        "WHERE (CAST(?1 AS BIGINT) = 0 OR agency_id = ?1) "
                        "AND (CAST(?2 AS INTEGER) < 0 OR mode = ?2) "
                        "AND (CAST(?3 AS INTEGER) <> 0 OR draft = 0)");
    c.Bind(1, q.agency_id).Bind(2, mode).Bind(3, q.with_drafts ? 1 : 0);
    GONGKAI_ASSIGN_OR_RETURN(bool any, c.Step());
    page.total = any ? c.Int(0) : 0;
    c.Reset();
    Statement& s = Stmt(q.agency_id ? list_agency_ : list_all_,
                        (std::string("SELECT ") + kDocumentColumns + " FROM published_document WHERE " +
                         (q.agency_id ? "agency_id = ?1" : "CAST(?1 AS BIGINT) = 0") +
                         " AND (CAST(?4 AS INTEGER) < 0 OR mode = ?4) "
                         "AND (CAST(?5 AS INTEGER) <> 0 OR draft = 0) "
                         "ORDER BY created DESC, id DESC LIMIT ?2 OFFSET ?3")
                            .c_str());
    s.Bind(1, q.agency_id).Bind(2, q.limit).Bind(3, q.offset).Bind(4, mode);
    s.Bind(5, q.with_drafts ? 1 : 0);
    for (;;) {
      GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      page.documents.push_back(ReadDocument(s));
    }
    s.Reset();
    return page;
  }

  StatusOr<std::vector<CategoryCount>> CountByCategory(int64_t agency_id, int year) override {
    Statement& s = Stmt(by_category_,
                        "SELECT category, count(*) FROM published_document "
                        "WHERE (CAST(?1 AS BIGINT) = 0 OR agency_id = ?1) AND mode = 0 AND draft = 0 AND "
                        "coalesce(published, created) BETWEEN ?2 AND ?3 "
                        "GROUP BY category ORDER BY category");
    s.Bind(1, agency_id)
        .Bind(2, Date::FromYmd(year, 1, 1).ToString())
        .Bind(3, Date::FromYmd(year, 12, 31).ToString());
    std::vector<CategoryCount> out;
    for (;;) {
      GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      out.push_back({s.Text(0), s.Int(1)});
    }
    s.Reset();
    return out;
  }

 private:
  Statement& Stmt(Statement& s, const char* sql) {
    (void)Backend::Prepare(ctx_, s, sql);
    return s;
  }

  Status UniqueIndexNumber(const PublishedDocument& d) {
    Statement& s = Stmt(index_,
                        "SELECT id FROM published_document WHERE agency_id = ?1 AND "
                        "index_number = ?2");
    s.Bind(1, d.agency_id).Bind(2, d.index_number);
    GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
    int64_t other = row ? s.Int(0) : 0;
    s.Reset();
    if (row) {
      return FailedPreconditionError("索引号 " + d.index_number + " 已用于文件 " +
                                     std::to_string(other) + " (index number already used)");
    }
    return Status::Ok();
  }

  Context* ctx_;
  Statement insert_, publish_, get_, count_, list_agency_, list_all_, by_category_, index_;
};

template <size_t N>
int FindIndex(const std::array<std::string_view, N>& ids, std::string_view id) {
  for (size_t i = 0; i < N; ++i) {
    if (ids[i] == id) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace

std::unique_ptr<DocumentRegistry> store_internal::NewSqliteDocumentRegistry(SqliteContext* ctx) {
  return std::make_unique<DocumentRegistryOn<SqliteBackend>>(ctx);
}

std::unique_ptr<DocumentRegistry> store_internal::NewPgDocumentRegistry(PgContext* ctx) {
  return std::make_unique<DocumentRegistryOn<PgBackend>>(ctx);
}

std::string DocumentReview::Missing() const {
  std::string out;
  auto add = [&out](const char* what) { out += (out.empty() ? "" : "、") + std::string(what); };
  if (drafter.empty()) add("拟稿人");
  if (reviewer.empty()) add("审核人");
  if (approver.empty()) add("签发人");
  if (!date) add("审查日期");
  if (!secrecy_checked) add("保密审查");
  if (!out.empty()) {
    return "缺少" + out + " (drafter, reviewer, approver, review date and secrecy check required)";
  }
  if (drafter == reviewer || drafter == approver || reviewer == approver) {
    return "三审须由三个不同的人完成 (three different reviewers required)";
  }
  return "";
}

std::string_view DisclosureModeId(DisclosureMode m) { return kModeIds[static_cast<size_t>(m)]; }
std::string_view DisclosureModeLabel(DisclosureMode m) {
  return kModeLabels[static_cast<size_t>(m)];
}

StatusOr<DisclosureMode> DisclosureModeFromId(std::string_view id) {
  int i = FindIndex(kModeIds, id);
  if (i < 0) i = FindIndex(kModeLabels, id);
  if (i < 0) {
    return InvalidArgumentError("未知公开方式“" + std::string(id) +
                                "”，应为 主动公开/依申请公开/不予公开 (proactive, on_request, "
                                "not_disclosed)");
  }
  return static_cast<DisclosureMode>(i);
}

}  // namespace gongkai
