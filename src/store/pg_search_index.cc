// SearchIndex on PostgreSQL (search.h): the search_doc table of the ledger's database (schema
// migration 6), shared by every server on it, searched by substring with ILIKE through
// pg_trgm's trigram GIN index (terms of three or more characters use the index; two-character
// terms scan, as with SQLite's FTS5 trigram tokenizer).
#include <mutex>

#include "gongkai/search.h"
#include "gongkai/stores.h"
#include "pg_db.h"
#include "pg_schema.h"
#include "search_internal.h"

namespace gongkai {
namespace {

using store_internal::PgConnection;
using store_internal::PgStatement;

class PgSearchIndex final : public SearchIndex {
 public:
  explicit PgSearchIndex(std::unique_ptr<PgConnection> conn) : conn_(std::move(conn)) {}

  // Migrates the schema and checks that pg_trgm sees Chinese characters as word characters
  // (it does not in a database whose LC_CTYPE is "C": no trigram, hence no match).
  Status Init() {
    GONGKAI_RETURN_IF_ERROR(store_internal::MigratePg(conn_.get()));
    PgStatement q(conn_.get(), "SELECT cardinality(show_trgm($1))");
    q.Bind(1, "政府信息");
    GONGKAI_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row || q.Int(0) == 0) {
      return FailedPreconditionError(
          "数据库的 LC_CTYPE 不把汉字当作文字，pg_trgm 无法检索中文；请用 C.UTF-8 或 zh_CN.UTF-8 "
          "建库 (the database's LC_CTYPE hides CJK characters from pg_trgm; create it with "
          "LC_CTYPE C.UTF-8)");
    }
    return Status::Ok();
  }

  Status Upsert(const SearchDocument& d) override {
    std::lock_guard<std::mutex> lock(mu_);
    PgStatement s(conn_.get(),
                  "INSERT INTO search_doc(key, kind, agency_id, title, url, body) VALUES ($1, $2, "
                  "$3, $4, $5, $6) ON CONFLICT (key) DO UPDATE SET kind = EXCLUDED.kind, "
                  "agency_id = EXCLUDED.agency_id, title = EXCLUDED.title, url = EXCLUDED.url, "
                  "body = EXCLUDED.body");
    s.Bind(1, d.key).Bind(2, d.kind).Bind(3, d.agency_id).Bind(4, d.title).Bind(5, d.url);
    s.Bind(6, d.body);
    return s.Run().WithContext("更新检索索引 (index) " + d.key);
  }

  Status Remove(const std::string& key) override {
    std::lock_guard<std::mutex> lock(mu_);
    PgStatement s(conn_.get(), "DELETE FROM search_doc WHERE key = $1");
    return s.Bind(1, key).Run();
  }

  StatusOr<SearchResults> Search(std::string_view query, int64_t offset, int64_t limit) override {
    GONGKAI_ASSIGN_OR_RETURN(std::vector<std::string> terms, ParseSearchQuery(query));
    // The WHERE clause is built from fixed fragments only; every term is a bound parameter.
    std::string where = "true";
    for (size_t i = 0; i < terms.size(); ++i) {
      where += " AND (title || ' ' || body) ILIKE $" + std::to_string(i + 1);
    }
    const std::string n = std::to_string(terms.size());
    std::lock_guard<std::mutex> lock(mu_);
    // One snapshot for the count and the page.
    GONGKAI_RETURN_IF_ERROR(conn_->Exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
    StatusOr<SearchResults> out = SearchInSnapshot(terms, where, offset, limit);
    Status end = conn_->Exec(out.ok() ? "COMMIT" : "ROLLBACK");
    if (out.ok() && !end.ok()) return end;
    return out;
  }

 private:
  StatusOr<SearchResults> SearchInSnapshot(const std::vector<std::string>& terms,
                                           const std::string& where, int64_t offset,
                                           int64_t limit) {
    SearchResults out;
    PgStatement count(conn_.get(), ("SELECT count(*) FROM search_doc WHERE " + where).c_str());
    BindTerms(&count, terms);
    GONGKAI_ASSIGN_OR_RETURN(bool any, count.Step());
    out.total = any ? count.Int(0) : 0;
    // Best first: documents whose title holds the first term, then the shorter texts (the term
    // weighs more in them), then by key for a stable order across pages.
    const size_t n = terms.size();
    PgStatement rows(conn_.get(),
                     ("SELECT key, kind, agency_id, title, url, body FROM search_doc WHERE " +
                      where + " ORDER BY title ILIKE $1 DESC, length(body), key LIMIT $" +
                      std::to_string(n + 1) + " OFFSET $" + std::to_string(n + 2))
                         .c_str());
    BindTerms(&rows, terms);
    rows.Bind(static_cast<int>(n) + 1, limit).Bind(static_cast<int>(n) + 2, offset);
    for (;;) {
      GONGKAI_ASSIGN_OR_RETURN(bool row, rows.Step());
      if (!row) break;
      SearchHit h;
      h.key = rows.Text(0);
      h.kind = rows.Text(1);
      h.agency_id = rows.Int(2);
      h.title = rows.Text(3);
      h.url = rows.Text(4);
      std::string body = rows.Text(5);
      CutSnippet(body.find(terms[0]) == std::string::npos ? h.title : body, terms[0], &h);
      out.hits.push_back(std::move(h));
    }
    return out;
  }

  static void BindTerms(PgStatement* s, const std::vector<std::string>& terms) {
    for (size_t i = 0; i < terms.size(); ++i) {
      s->Bind(static_cast<int>(i) + 1, store_internal::ContainsLikePattern(terms[i]));
    }
  }

  std::mutex mu_;
  std::unique_ptr<PgConnection> conn_;
};

}  // namespace

StatusOr<std::unique_ptr<SearchIndex>> OpenPgSearchIndex(const std::string& url) {
  GONGKAI_ASSIGN_OR_RETURN(std::unique_ptr<PgConnection> conn, PgConnection::Connect(url));
  auto index = std::make_unique<PgSearchIndex>(std::move(conn));
  GONGKAI_RETURN_IF_ERROR(index->Init().WithContext("打开检索索引 (open search index)"));
  return std::unique_ptr<SearchIndex>(std::move(index));
}

}  // namespace gongkai
