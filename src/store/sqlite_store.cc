// The SQLite CaseStore: CaseStoreOn (case_store_on.h) with SQLite's transactions (BEGIN
// IMMEDIATE: one writer at a time), its bulk path, its tally and its audit-chain walk.
#include <sqlite3.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "audit_chain.h"
#include "case_store_on.h"
#include "gongkai/store.h"
#include "record_codec.h"
#include "schema.h"
#include "sqlite_context.h"
#include "sqlite_db.h"

namespace gongkai {
namespace {

using store_internal::Exec;
using store_internal::SqliteError;
using namespace store_internal;  // record_codec.h: the shared row and JSON codecs

// SQLite's forms of CaseStoreOn's backend SQL: correlated subqueries find the last audit entry
// (through the audit log's index on entity and entity_id).
constexpr BackendSql kSqliteSql = {
    .new_request_id = "NULL",
    .request_last_audit =
        "(SELECT max(a.id) FROM audit_log a WHERE a.entity = 'request' AND a.entity_id = "
        "request.id), (SELECT a.after_json FROM audit_log a WHERE a.entity = 'request' AND "
        "a.entity_id = request.id ORDER BY a.id DESC LIMIT 1) FROM request ORDER BY id",
    .attachments_with_last_audit =
        "SELECT attachment.id, request_id, name, sha256, size, content, a.id, a.after_json FROM "
        "attachment LEFT JOIN audit_log a ON a.id = (SELECT max(id) FROM audit_log WHERE entity = "
        "'attachment' AND entity_id = attachment.id) ORDER BY attachment.id",
    .query_codes_with_last_audit =
        "SELECT request_id, code_sha256, a.id, a.after_json FROM query_code LEFT JOIN audit_log a "
        "ON a.id = (SELECT max(id) FROM audit_log WHERE entity = 'query_code' AND entity_id = "
        "query_code.request_id) ORDER BY request_id",
};

class SqliteStore final : public CaseStoreOn<SqliteBackend> {
 public:
  explicit SqliteStore(sqlite3* db) : CaseStoreOn(kSqliteSql), db_(db) {}
  // sqlite3_close_v2: the connection closes once the statements (members) are finalized.
  ~SqliteStore() override { sqlite3_close_v2(db_); }

  // SqliteContext (sqlite_context.h).
  sqlite3* db() override { return db_; }

  Status Init(const SqliteOptions& options) {
    sqlite3_busy_timeout(db_, 10000);
    GONGKAI_RETURN_IF_ERROR(store_internal::RegisterAuditHashFunction(db_));
    GONGKAI_RETURN_IF_ERROR(CheckIsLedger());
    if (options.mode == OpenMode::kReadOnly) return CheckSchemaCurrent();
    GONGKAI_RETURN_IF_ERROR(Exec(db_, "PRAGMA journal_mode=WAL"));
    GONGKAI_RETURN_IF_ERROR(
        Exec(db_, options.durable ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=OFF"));
    GONGKAI_RETURN_IF_ERROR(Exec(db_, "PRAGMA foreign_keys=ON"));
    // REPLACE then fires DELETE triggers too (the schema's BEFORE INSERT triggers refuse it in
    // any connection; this is a second line).
    GONGKAI_RETURN_IF_ERROR(Exec(db_, "PRAGMA recursive_triggers=ON"));
    // A 64 MiB page cache: the request table's four indexes are hot during bulk loads and tallies.
    GONGKAI_RETURN_IF_ERROR(Exec(db_, "PRAGMA cache_size=-65536"));
    GONGKAI_RETURN_IF_ERROR(Exec(db_, "PRAGMA temp_store=MEMORY"));
    return store_internal::Migrate(db_);
  }

  // Refuses a file that is not a SQLite database, or a SQLite database of another application
  // (it has tables but no schema_version), so that no command adds the ledger's tables to it.
  Status CheckIsLedger() {
    Statement q;
    Status prepared = q.Prepare(db_,
                                "SELECT count(*), sum(name = 'schema_version') FROM sqlite_master "
                                "WHERE type = 'table'");
    StatusOr<bool> row = prepared.ok() ? q.Step() : StatusOr<bool>(prepared);
    if (!row.ok()) {
      if ((sqlite3_extended_errcode(db_) & 0xff) == SQLITE_NOTADB) {
        return InvalidArgumentError("不是 SQLite 数据库文件 (not a database file)");
      }
      return row.status();
    }
    bool foreign = q.Int(0) > 0 && q.Int(1) == 0;
    q.Reset();
    if (foreign) {
      return InvalidArgumentError(
          "这是其他程序的 SQLite 数据库，不是公开台账数据库 (a SQLite database of another "
          "application, not a gongkai ledger)");
    }
    return Status::Ok();
  }

  // Read-only connections cannot migrate: the file must already be at this build's version.
  Status CheckSchemaCurrent() {
    Statement q;
    GONGKAI_RETURN_IF_ERROR(q.Prepare(db_, "SELECT coalesce(max(version), 0) FROM schema_version"));
    StatusOr<bool> row = q.Step();
    if (!row.ok()) {
      return InvalidArgumentError("不是公开台账数据库（没有结构版本）(not a gongkai ledger)");
    }
    int64_t version = q.Int(0);
    q.Reset();
    if (version != store_internal::LatestSchemaVersion()) {
      return FailedPreconditionError(
          "数据库结构版本 " + std::to_string(version) + "，本程序为 " +
          std::to_string(store_internal::LatestSchemaVersion()) +
          "；请先用写入命令打开一次以升级 (schema version differs; open once with a writing "
          "command to migrate)");
    }
    return Status::Ok();
  }

  // Bulk registration (imports, benchmarks): AddRequest's rows, events and audit entries for
  // each, in one transaction.
  Status AddRequests(std::vector<Request>* requests, const std::string& actor) override {
    GONGKAI_RETURN_IF_ERROR(CheckTextFields({{"经办人 (actor)", actor}}));
    for (const Request& q : *requests) GONGKAI_RETURN_IF_ERROR(CheckRequestText(q));
    StatusOr<int64_t> r = InTransaction<int64_t>([&]() -> StatusOr<int64_t> {
      Event e;
      e.kind = "register";
      e.actor = actor;
      e.detail = "{}";
      for (Request& q : *requests) {
        e.date = q.received;
        GONGKAI_ASSIGN_OR_RETURN(q.id, InsertRequest(q, e));
      }
      return 0;
    });
    return r.status();
  }

  StatusOr<std::map<int64_t, YearFigures>> TallyYear(int year, int64_t agency_id) override;

  StatusOr<AuditVerification> VerifyAuditLog() override {
    GONGKAI_ASSIGN_OR_RETURN(AuditVerification v, store_internal::VerifyAuditChain(db_));
    if (!v.intact) return v;
    GONGKAI_RETURN_IF_ERROR(VerifyRecordsAgainstAudit(&v));
    return v;
  }

 private:
  enum StmtId {
    kBeginWrite,
    kBeginRead,
    kCommit,
    kRollback,
    kChainEnd,
    kTallyFirst,  // TallyYear's statements follow
    kStmtCount = kTallyFirst + 16,
  };

  // The cached prepared statement `id`, prepared from `sql` on first use (see CaseStoreOn).
  Statement& Stmt(int id, const char* sql) {
    Statement& s = stmts_[static_cast<size_t>(id)];
    (void)s.Prepare(db_, sql);
    return s;
  }

  // BEGIN IMMEDIATE takes the database's write lock at once: the chain has one writer.
  Status BeginTransaction(TransactionKind kind) override {
    return kind == TransactionKind::kWrite ? Stmt(kBeginWrite, "BEGIN IMMEDIATE").Run()
                                           : Stmt(kBeginRead, "BEGIN").Run();
  }
  Status CommitTransaction() override { return Stmt(kCommit, "COMMIT").Run(); }
  void RollbackTransaction() override { (void)Stmt(kRollback, "ROLLBACK").Run(); }

  StatusOr<ChainEnd> ReadChainEnd() override {
    Statement& last = Stmt(kChainEnd,
                           "SELECT (SELECT id FROM audit_log ORDER BY id DESC LIMIT 1), "
                           "(SELECT row_hash FROM audit_log ORDER BY id DESC LIMIT 1), "
                           "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");
    StatusOr<bool> row = last.Step();
    if (!row.ok() || !*row) {
      last.Reset();
      if (!row.ok()) return row.status();
      return IoError("读审计日志末尾失败 (cannot read the audit log's end)");
    }
    ChainEnd end;
    end.last_id = last.IsNull(0) ? 0 : last.Int(0);
    end.last_hash = last.IsNull(0) ? std::string(kGenesisHash) : last.Text(1);
    end.at = last.Text(2);
    last.Reset();
    return end;
  }

  sqlite3* db_;
  std::array<Statement, kStmtCount> stmts_;
};

// Accumulates TallyYear's request rows (agency_id, applicant_kind, outcome, then 0/1 flags: new,
// carried over, concluded in the year, carried forward) per agency. The rows come ungrouped in
// table order: grouping in SQL sorted ~one group per row at national scale, while consecutive
// rows mostly share the agency and outcome, so the last lookups are kept.
class RequestTally {
 public:
  explicit RequestTally(std::map<int64_t, YearFigures>* out) : out_(out) {}

  Status Add(const Statement& s) {
    const int64_t kind = s.Int(1);
    const bool concluded = s.Int(5) != 0;
    int outcome_row = -1;
    if (concluded) {
      GONGKAI_ASSIGN_OR_RETURN(outcome_row, OutcomeRow(s.TextView(2)));
    }
    YearFigures& f = Figures(s.Int(0));
    if (kind < 0 || kind >= kApplicantKindCount) return Status::Ok();
    const auto k = static_cast<size_t>(kind);
    f.t3[kNew][k] += s.Int(3);
    f.t3[kCarriedOver][k] += s.Int(4);
    if (concluded) f.t3[static_cast<size_t>(outcome_row)][k] += 1;
    f.t3[kCarriedForward][k] += s.Int(6);
    return Status::Ok();
  }

 private:
  YearFigures& Figures(int64_t agency) {
    if (!last_figures_ || agency != last_agency_) {
      last_figures_ = &(*out_)[agency];
      last_agency_ = agency;
    }
    return *last_figures_;
  }

  StatusOr<int> OutcomeRow(std::string_view outcome) {
    if (last_outcome_row_ < 0 || outcome != last_outcome_) {
      const int row = T3RowFromId(outcome);
      if (row < kFirstOutcomeRow || row > kLastOutcomeRow) {
        return DataLossError("申请的办理结果“" + std::string(outcome) +
                             "”不是表三的结果行 (stored outcome is not a table-3 row)");
      }
      last_outcome_.assign(outcome);
      last_outcome_row_ = row;
    }
    return last_outcome_row_;
  }

  std::map<int64_t, YearFigures>* out_;
  int64_t last_agency_ = 0;
  YearFigures* last_figures_ = nullptr;  // std::map references stay valid on insertion
  std::string last_outcome_;
  int last_outcome_row_ = -1;
};

StatusOr<std::map<int64_t, YearFigures>> SqliteStore::TallyYear(int year, int64_t agency_id) {
  const std::string first = Date::FromYmd(year, 1, 1).ToString();
  const std::string last = Date::FromYmd(year, 12, 31).ToString();
  std::map<int64_t, YearFigures> out;
  // Each query binds ?1 = first day, ?2 = last day, ?3 = agency or 0; the "one agency" and "all
  // agencies" forms are separate statements so that the per-agency form uses the indexes on
  // agency_id, and the all-agency form reads each table once in rowid order (%N = NOT INDEXED:
  // an index scan would look each row up at random), linear in the table's rows. The request
  // rows come from the covering index request_tally in both forms (agency order, no row
  // lookups, a fraction of the table's bytes).
  struct Query {
    const char* sql;
    int kind;  // 0: requests; 2: t4; 3: docs; 4: counts
  };
  static const Query kQueries[] = {
      // The request rows that count in table 3 this year, in one pass, each with its flags:
      // new (received this year), carried over (received before, open on the first day),
      // concluded this year (by outcome), carried forward (open after the last day); summed by
      // RequestTally. The WHERE clause is the union of the four, so an agency has an entry iff
      // it has such a request.
      {"SELECT agency_id, applicant_kind, outcome, "
       "received BETWEEN ?1 AND ?2, "
       "received < ?1 AND (concluded_on IS NULL OR concluded_on >= ?1), "
       "coalesce(concluded_on BETWEEN ?1 AND ?2, 0), "
       "received <= ?2 AND (concluded_on IS NULL OR concluded_on > ?2) "
       "FROM request INDEXED BY request_tally WHERE %A ((received <= ?2 AND (concluded_on IS NULL OR "
       "concluded_on >= ?1)) OR concluded_on BETWEEN ?1 AND ?2)",
       0},
      {"SELECT agency_id, grp, CASE WHEN decided IS NULL OR decided > ?2 THEN 3 ELSE result END, "
       "count(*) FROM review_case %N WHERE %A filed <= ?2 AND (decided IS NULL OR decided >= ?1) "
       "GROUP BY 1, 2, 3",
       2},
      {"SELECT agency_id, kind, sum(made BETWEEN ?1 AND ?2), sum(abolished BETWEEN ?1 AND ?2), "
       "sum(made <= ?2 AND (abolished IS NULL OR abolished > ?2)) FROM normative_doc %N WHERE %A "
       "made <= ?2 GROUP BY 1, 2",
       3},
      {"SELECT agency_id, licensing, penalty, coercion, fees_10k_yuan FROM year_counts %N WHERE %A "
       "year = CAST(substr(?1, 1, 4) AS INTEGER)",
       4},
  };
  RequestTally requests(&out);
  int qi = 0;
  for (const Query& q : kQueries) {
    std::string sql = q.sql;
    if (size_t n = sql.find("%N"); n != std::string::npos) {
      sql.replace(n, 2, agency_id ? "" : "NOT INDEXED");
    }
    sql.replace(sql.find("%A"), 2, agency_id ? "agency_id = ?3 AND" : "?3 = 0 AND");
    Statement& s = Stmt(kTallyFirst + 2 * qi + (agency_id ? 1 : 0), sql.c_str());
    ++qi;
    s.Bind(1, first).Bind(2, last).Bind(3, agency_id);
    for (;;) {
      StatusOr<bool> row = s.Step();
      if (!row.ok()) return row.status().WithContext("统计年度数据 (tally the year)");
      if (!*row) break;
      switch (q.kind) {
        case 0: {
          Status added = requests.Add(s);
          if (!added.ok()) {
            s.Reset();
            return added;
          }
          break;
        }
        case 2:
          AddCaseTally(s.Int(0), s.Int(1), s.Int(2), s.Int(3), &out);
          break;
        case 3:
          AddDocTally(s.Int(0), s.Int(1), {s.Int(2), s.Int(3), s.Int(4)}, &out);
          break;
        default: {
          YearFigures& f = out[s.Int(0)];
          f.decisions = {s.Int(1), s.Int(2), s.Int(3)};
          f.fees_10k_yuan = s.Double(4);
        }
      }
    }
    s.Reset();
  }
  return out;
}

}  // namespace

store_internal::SqliteContext* store_internal::SqliteContextOf(CaseStore& store) {
  return dynamic_cast<SqliteStore*>(&store);
}

StatusOr<std::unique_ptr<CaseStore>> OpenSqliteStore(const std::string& path,
                                                     const SqliteOptions& options) {
  if (options.mode != OpenMode::kCreate && !std::filesystem::exists(path)) {
    return NotFoundError("数据库 " + path + " 不存在 (no such database)");
  }
  int flags = SQLITE_OPEN_NOMUTEX;
  flags |= options.mode == OpenMode::kReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (options.mode == OpenMode::kCreate) flags |= SQLITE_OPEN_CREATE;
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status s = IoError("打开数据库 " + path + " 失败 (cannot open database): " +
                       (db ? sqlite3_errmsg(db) : "out of memory"));
    sqlite3_close_v2(db);
    return s;
  }
  auto store = std::make_unique<SqliteStore>(db);
  GONGKAI_RETURN_IF_ERROR(store->Init(options).WithContext("打开数据库 (open database) " + path));
  return std::unique_ptr<CaseStore>(std::move(store));
}

}  // namespace gongkai
