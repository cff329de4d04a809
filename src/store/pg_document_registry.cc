// The PostgreSQL DocumentRegistry (documents.h), on the connection of a PgStore.
#include "gongkai/documents.h"
#include "pg_context.h"
#include "pg_db.h"
#include "record_codec.h"

namespace gongkai {
namespace {

using namespace store_internal;  // record_codec.h, pg_db.h

class PgDocumentRegistry final : public DocumentRegistry {
 public:
  explicit PgDocumentRegistry(PgContext* ctx) : ctx_(ctx) {}

  StatusOr<int64_t> Add(const PublishedDocument& d, const std::string& actor) override {
    GONGKAI_RETURN_IF_ERROR(ValidateDocument(d));
    GONGKAI_RETURN_IF_ERROR(store_internal::CheckAgencyExists(ctx_->conn(), d.agency_id));
    GONGKAI_RETURN_IF_ERROR(UniqueIndexNumber(d));
    int64_t id = 0;
    Status written = ctx_->RunInTransaction([&]() -> Status {
      PgStatement s(ctx_->conn(),
                    "INSERT INTO published_document(agency_id, index_number, title, "
                    "category, publisher, created, published, mode, body, draft, drafter, "
                    "reviewer, approver, review_date, secrecy_checked) "
                    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) "
                    "RETURNING id");
      s.Bind(1, d.agency_id).Bind(2, d.index_number).Bind(3, d.title).Bind(4, d.category);
      s.Bind(5, d.publisher).Bind(6, d.created.ToString());
      if (d.published) {
        s.Bind(7, d.published->ToString());
      } else {
        s.BindNull(7);
      }
      s.Bind(8, static_cast<int>(d.mode)).Bind(9, d.body).Bind(10, d.draft ? 1 : 0);
      BindReview(s, 11, d.review);
      StatusOr<bool> row = s.Step();
      if (!row.ok()) return row.status().WithContext("登记文件 (add document)");
      id = s.Int(0);
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
      PgStatement s(ctx_->conn(),
                    "UPDATE published_document SET draft = 0, published = $2, drafter = $3, "
                    "reviewer = $4, approver = $5, review_date = $6, secrecy_checked = $7 "
                    "WHERE id = $1 AND draft = 1");
      s.Bind(1, id).Bind(2, published.ToString());
      BindReview(s, 3, review);
      GONGKAI_RETURN_IF_ERROR(s.Run().WithContext("公开文件 (publish document)"));
      if (s.changes() != 1) {
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
    PgStatement s(ctx_->conn(), (std::string("SELECT ") + kDocumentColumns +
                                 " FROM published_document WHERE id = $1")
                                    .c_str());
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
    PgStatement c(
        ctx_->conn(),
        "SELECT count(*) FROM published_document WHERE ($1::bigint = 0 OR agency_id = $1) "
        "AND ($2::integer < 0 OR mode = $2) AND ($3::integer <> 0 OR draft = 0)");
    c.Bind(1, q.agency_id).Bind(2, mode).Bind(3, q.with_drafts ? 1 : 0);
    GONGKAI_ASSIGN_OR_RETURN(bool any, c.Step());
    page.total = any ? c.Int(0) : 0;
    c.Reset();
    PgStatement s(ctx_->conn(),
                  (std::string("SELECT ") + kDocumentColumns + " FROM published_document WHERE " +
                   (q.agency_id ? "agency_id = $1" : "$1::bigint = 0") +
                   " AND ($4::integer < 0 OR mode = $4) AND ($5::integer <> 0 OR draft = 0) "
                   "ORDER BY created DESC, id DESC "
                   "LIMIT $2 OFFSET $3")
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
    PgStatement s(ctx_->conn(),
                  "SELECT category, count(*) FROM published_document "
                  "WHERE ($1::bigint = 0 OR agency_id = $1) AND mode = 0 AND draft = 0 AND "
                  "coalesce(published, created) BETWEEN $2 AND $3 "
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
  Status UniqueIndexNumber(const PublishedDocument& d) {
    PgStatement s(ctx_->conn(),
                  "SELECT id FROM published_document WHERE agency_id = $1 AND "
                  "index_number = $2");
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

  PgContext* ctx_;
};

}  // namespace

std::unique_ptr<DocumentRegistry> store_internal::NewPgDocumentRegistry(PgContext* ctx) {
  return std::make_unique<PgDocumentRegistry>(ctx);
}

}  // namespace gongkai
