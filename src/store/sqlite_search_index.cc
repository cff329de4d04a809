// SearchIndex on SQLite FTS5 with the trigram tokenizer (search.h).
#include <sqlite3.h>

#include <mutex>

#include "gongkai/search.h"
#include "search_internal.h"
#include "sqlite_db.h"

namespace gongkai {
namespace {

using store_internal::Exec;
using store_internal::SqliteError;
using store_internal::Statement;

// Terms of three or more characters go through the trigram index (MATCH with a quoted phrase);
// shorter ones through LIKE on the same table, which FTS5 answers by a scan.
bool UsesIndex(const std::string& term) {
  int chars = 0;
  for (char c : term) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return chars >= 3;
}

std::string QuotedPhrase(const std::string& term) {
  std::string out = "\"";
  for (char c : term) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

class SqliteSearchIndex final : public SearchIndex {
 public:
  explicit SqliteSearchIndex(sqlite3* db) : db_(db) {}
  ~SqliteSearchIndex() override { sqlite3_close_v2(db_); }

  Status Init() {
    sqlite3_busy_timeout(db_, 10000);
    return Exec(db_,
                "CREATE VIRTUAL TABLE IF NOT EXISTS search_doc USING fts5("
                "key UNINDEXED, kind UNINDEXED, agency_id UNINDEXED, title, url UNINDEXED, body, "
                "tokenize = 'trigram')");
  }

  Status Upsert(const SearchDocument& d) override {
    std::lock_guard<std::mutex> lock(mu_);
    GONGKAI_RETURN_IF_ERROR(Exec(db_, "BEGIN IMMEDIATE"));
    Status s = RemoveLocked(d.key);
    if (s.ok()) {
      Statement& ins = Prepared(insert_,
                                "INSERT INTO search_doc(key, kind, agency_id, title, url, body) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
      ins.Bind(1, d.key).Bind(2, d.kind).Bind(3, d.agency_id).Bind(4, d.title).Bind(5, d.url);
      ins.Bind(6, d.body);
      s = ins.Run();
    }
    if (!s.ok()) {
      (void)Exec(db_, "ROLLBACK");
      return s.WithContext("更新检索索引 (index) " + d.key);
    }
    return Exec(db_, "COMMIT");
  }

  Status Remove(const std::string& key) override {
    std::lock_guard<std::mutex> lock(mu_);
    return RemoveLocked(key);
  }

  StatusOr<SearchResults> Search(std::string_view query, int64_t offset, int64_t limit) override {
    GONGKAI_ASSIGN_OR_RETURN(std::vector<std::string> terms, ParseSearchQuery(query));
    // The WHERE clause is built from fixed fragments only; every term is a bound parameter.
    std::string match, where = "1";
    std::vector<std::string> params;
    for (const std::string& t : terms) {
      if (UsesIndex(t)) {
        match += (match.empty() ? "" : " AND ") + QuotedPhrase(t);
      } else {
        params.push_back(store_internal::ContainsLikePattern(t));
        where += " AND (title LIKE ?" + std::to_string(params.size() + 1) +
                 " ESCAPE '\\' OR body LIKE ?" + std::to_string(params.size() + 1) +
                 " ESCAPE '\\')";
      }
    }
    if (!match.empty()) where += " AND search_doc MATCH ?1";
    const std::string order = match.empty() ? " ORDER BY rowid" : " ORDER BY rank";
    std::lock_guard<std::mutex> lock(mu_);
    SearchResults out;
    {
      Statement count;
      GONGKAI_RETURN_IF_ERROR(
          count.Prepare(db_, ("SELECT count(*) FROM search_doc WHERE " + where).c_str()));
      BindTerms(&count, match, params);
      GONGKAI_ASSIGN_OR_RETURN(bool row, count.Step());
      out.total = row ? count.Int(0) : 0;
    }
    Statement rows;
    std::string sql = "SELECT key, kind, agency_id, title, url, body FROM search_doc WHERE " +
                      where + order + " LIMIT ?" + std::to_string(params.size() + 2) + " OFFSET ?" +
                      std::to_string(params.size() + 3);
    GONGKAI_RETURN_IF_ERROR(rows.Prepare(db_, sql.c_str()));
    BindTerms(&rows, match, params);
    rows.Bind(static_cast<int>(params.size()) + 2, limit);
    rows.Bind(static_cast<int>(params.size()) + 3, offset);
    while (true) {
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

 private:
  static void BindTerms(Statement* s, const std::string& match,
                        const std::vector<std::string>& params) {
    if (!match.empty()) {
      s->Bind(1, match);
    } else {
      s->BindNull(1);  // ?1 unused without indexed terms
    }
    for (size_t i = 0; i < params.size(); ++i) s->Bind(static_cast<int>(i) + 2, params[i]);
  }

  Status RemoveLocked(const std::string& key) {
    Statement& del = Prepared(delete_, "DELETE FROM search_doc WHERE key = ?1");
    del.Bind(1, key);
    return del.Run();
  }

  Statement& Prepared(Statement& s, const char* sql) {
    (void)s.Prepare(db_, sql);  // a failed Prepare is reported by the first Step
    return s;
  }

  std::mutex mu_;
  sqlite3* db_;
  Statement insert_, delete_;
};

}  // namespace

StatusOr<std::unique_ptr<SearchIndex>> OpenSqliteSearchIndex(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    Status s = IoError("打开检索索引 " + path + " 失败 (cannot open search index): " +
                       (db ? sqlite3_errmsg(db) : "out of memory"));
    sqlite3_close_v2(db);
    return s;
  }
  auto index = std::make_unique<SqliteSearchIndex>(db);
  GONGKAI_RETURN_IF_ERROR(index->Init().WithContext("打开检索索引 (open search index) " + path));
  return std::unique_ptr<SearchIndex>(std::move(index));
}

}  // namespace gongkai
