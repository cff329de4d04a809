// The PostgreSQL CaseStore: CaseStoreOn (case_store_on.h) on PostgreSQL 15. Every write
// transaction first takes the audit log's EXCLUSIVE lock (readers are not blocked), so the hash
// chain has one writer at a time, as SQLite's BEGIN IMMEDIATE gives; requests carry optimistic
// versions, so a writer holding a stale version gets kFailedPrecondition, never a lost update.
// The schema's triggers (pg_schema.cc) keep the audit log, events, attachments and query codes
// append-only whatever client writes to the database. Bulk registration loads with COPY.
#include <nlohmann/json.hpp>

#include "audit_chain.h"
#include "case_store_on.h"
#include "gongkai/store.h"
#include "pg_context.h"
#include "pg_db.h"
#include "pg_schema.h"
#include "record_codec.h"

namespace gongkai {
namespace {

using namespace store_internal;  // record_codec.h, pg_db.h

// PostgreSQL's forms of CaseStoreOn's backend SQL: a lateral join finds the last audit entry.
constexpr BackendSql kPgSql = {
    .new_request_id = "nextval(pg_get_serial_sequence('request', 'id'))",
    .request_last_audit =
        "a.audit_id, a.after_json FROM request LEFT JOIN LATERAL (SELECT id AS audit_id, "
        "after_json FROM audit_log WHERE entity = 'request' AND entity_id = request.id ORDER BY "
        "id DESC LIMIT 1) a ON true ORDER BY request.id",
    .attachments_with_last_audit =
        "SELECT attachment.id, request_id, name, sha256, size, content, a.id, a.after_json FROM "
        "attachment LEFT JOIN LATERAL (SELECT id, after_json FROM audit_log WHERE entity = "
        "'attachment' AND entity_id = attachment.id ORDER BY id DESC LIMIT 1) a ON true ORDER BY "
        "attachment.id",
    .query_codes_with_last_audit =
        "SELECT request_id, code_sha256, a.id, a.after_json FROM query_code LEFT JOIN LATERAL "
        "(SELECT id, after_json FROM audit_log WHERE entity = 'query_code' AND entity_id = "
        "query_code.request_id ORDER BY id DESC LIMIT 1) a ON true ORDER BY request_id",
};

class PgStore final : public CaseStoreOn<PgBackend> {
 public:
  explicit PgStore(std::unique_ptr<PgConnection> conn)
      : CaseStoreOn(kPgSql), conn_(std::move(conn)) {}

  // PgContext (pg_context.h).
  PgConnection* conn() override { return conn_.get(); }

  Status Init(const SqliteOptions& options) {
    // A write waits at most 10 s for another writer (SQLite's busy timeout), then fails with
    // kFailedPrecondition (database busy).
    GONGKAI_RETURN_IF_ERROR(conn_->Exec("SET lock_timeout = '10s'"));
    read_only_ = options.mode == OpenMode::kReadOnly;
    if (read_only_) {
      GONGKAI_RETURN_IF_ERROR(conn_->Exec("SET default_transaction_read_only = on"));
      return CheckPgSchemaCurrent(conn_.get());
    }
    // Not durable: a commit returns before its WAL reaches the disk (a crash may lose the last
    // transactions, never half of one).
    GONGKAI_RETURN_IF_ERROR(conn_->Exec(options.durable ? "SET synchronous_commit = on"
                                                        : "SET synchronous_commit = off"));
    // Like SQLite's missing file: kExisting refuses a database without a ledger.
    Status current = CheckPgSchemaCurrent(conn_.get());
    if (current.code() == StatusCode::kInvalidArgument) return current;
    if (current.code() == StatusCode::kNotFound && options.mode == OpenMode::kExisting) {
      return current;
    }
    return MigratePg(conn_.get());
  }

  // Bulk registration (imports, benchmarks): the same rows, events and audit entries as
  // AddRequest for each, loaded with COPY in one transaction.
  Status AddRequests(std::vector<Request>* requests, const std::string& actor) override {
    GONGKAI_RETURN_IF_ERROR(CheckTextFields({{"经办人 (actor)", actor}}));
    for (const Request& q : *requests) GONGKAI_RETURN_IF_ERROR(CheckRequestText(q));
    if (requests->empty()) return Status::Ok();
    StatusOr<int64_t> r = InTransaction<int64_t>([&]() -> StatusOr<int64_t> {
      GONGKAI_RETURN_IF_ERROR(ReserveRequestIds(requests));
      GONGKAI_ASSIGN_OR_RETURN(
          PgCopyIn rows,
          PgCopyIn::Begin(conn(), std::string("COPY request(") + kRequestColumns + ") FROM STDIN",
                          26));
      for (const Request& q : *requests) {
        rows.Bind(1, q.id);
        BindRequest(rows, q, 1);
        GONGKAI_RETURN_IF_ERROR(rows.EndRow());
      }
      GONGKAI_RETURN_IF_ERROR(rows.Finish("登记申请 (register requests)"));
      GONGKAI_ASSIGN_OR_RETURN(
          PgCopyIn events,
          PgCopyIn::Begin(conn(),
                          "COPY event(request_id, kind, date, actor, reason, detail, breach) "
                          "FROM STDIN",
                          7));
      for (const Request& q : *requests) {
        events.Bind(1, q.id).Bind(2, "register").Bind(3, q.received.ToString()).Bind(4, actor);
        events.Bind(5, "").Bind(6, "{}").Bind(7, "");
        GONGKAI_RETURN_IF_ERROR(events.EndRow());
      }
      GONGKAI_RETURN_IF_ERROR(events.Finish("记录事件 (record events)"));
      // The chain first: reading its end is a query, which must not run inside the COPY.
      std::vector<ChainedRow> chained;
      chained.reserve(requests->size());
      for (const Request& q : *requests) {
        Request stored = q;
        stored.version = 1;
        GONGKAI_ASSIGN_OR_RETURN(
            ChainedRow row,
            NextAuditRow(actor, "insert", "request", q.id, "", RequestJson(stored).dump()));
        chained.push_back(std::move(row));
      }
      GONGKAI_ASSIGN_OR_RETURN(PgCopyIn audit, PgCopyIn::Begin(conn(),
                                      std::string("COPY audit_log(") + kAuditLogColumns +
                                          ") FROM STDIN",
                                      10));
      for (const ChainedRow& row : chained) {
        BindAuditRow(audit, row);
        GONGKAI_RETURN_IF_ERROR(audit.EndRow());
      }
      GONGKAI_RETURN_IF_ERROR(audit.Finish("写审计日志 (append audit log)"));
      return 0;
    });
    return r.status();
  }


  StatusOr<std::map<int64_t, YearFigures>> TallyYear(int year, int64_t agency_id) override;

  StatusOr<AuditVerification> VerifyAuditLog() override {
    // One snapshot for the chain and the records checked against it.
    GONGKAI_RETURN_IF_ERROR(BeginTransaction(TransactionKind::kSnapshotRead));
    StatusOr<AuditVerification> v = VerifyInSnapshot();
    Status end = CommitTransaction();
    if (!end.ok()) RollbackTransaction();
    if (v.ok() && !end.ok()) return end;
    return v;
  }

 private:
  // The write lock of the chain: the audit log's EXCLUSIVE lock, held to COMMIT.
  Status BeginTransaction(TransactionKind kind) override {
    if (kind == TransactionKind::kSnapshotRead) {
      return conn_->Exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    }
    if (read_only_) {
      return FailedPreconditionError("只读打开的台账不能写入 (the ledger was opened read-only)");
    }
    return conn_->Exec("BEGIN; LOCK TABLE audit_log IN EXCLUSIVE MODE");
  }
  Status CommitTransaction() override { return conn_->Exec("COMMIT"); }
  void RollbackTransaction() override { (void)conn_->Exec("ROLLBACK"); }

  StatusOr<ChainEnd> ReadChainEnd() override {
    PgStatement last(conn(),
                     "SELECT id, row_hash, to_char(clock_timestamp() AT TIME ZONE 'UTC', "
                     "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') FROM (SELECT 1) one LEFT JOIN "
                     "(SELECT id, row_hash FROM audit_log ORDER BY id DESC LIMIT 1) a ON true");
    GONGKAI_ASSIGN_OR_RETURN(bool any, last.Step());
    if (!any) return IoError("读审计日志末尾失败 (cannot read the audit log's end)");
    ChainEnd end;
    end.last_id = last.IsNull(0) ? 0 : last.Int(0);
    end.last_hash = last.IsNull(0) ? std::string(kGenesisHash) : last.Text(1);
    end.at = last.Text(2);
    return end;
  }

  StatusOr<AuditVerification> VerifyInSnapshot() {
    PgStatement s(conn(),
                  "SELECT id, at, actor, action, entity, entity_id, before_json, after_json, "
                  "prev_hash, row_hash FROM audit_log ORDER BY id");
    AuditChainWalker walker;
    for (;;) {
      GONGKAI_ASSIGN_OR_RETURN(bool more, s.Step());
      if (!more) break;
      AuditRow row{s.Int(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4),
                   s.Int(5), s.Text(6), s.Text(7), s.Text(8)};
      if (!walker.Next(row, s.Text(9))) return walker.result();
    }
    AuditVerification v = walker.result();
    GONGKAI_RETURN_IF_ERROR(VerifyRecordsAgainstAudit(&v));
    return v;
  }

  // Gives each request a new id from the table's sequence, in one round trip.
  Status ReserveRequestIds(std::vector<Request>* requests) {
    PgStatement s(conn(),
                  "SELECT nextval(pg_get_serial_sequence('request', 'id')) FROM "
                  "generate_series(1, $1)");
    s.Bind(1, static_cast<int64_t>(requests->size()));
    for (Request& q : *requests) {
      GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) return IoError("分配申请编号失败 (cannot reserve request ids)");
      q.id = s.Int(0);
    }
    return Status::Ok();
  }

  bool read_only_ = false;
  std::unique_ptr<PgConnection> conn_;
};

StatusOr<std::map<int64_t, YearFigures>> PgStore::TallyYear(int year, int64_t agency_id) {
  const std::string first = Date::FromYmd(year, 1, 1).ToString();
  const std::string last = Date::FromYmd(year, 12, 31).ToString();
  // Each query binds $1 = first day, $2 = last day, $3 = agency or 0; %A is the agency
  // condition, a separate statement for one agency (index on agency_id) and for all (one scan).
  static const char* const kQueries[] = {
      // The request rows that count in table 3 this year (store.h TallyYear), in one pass.
      "SELECT agency_id, applicant_kind, outcome, "
      "count(*) FILTER (WHERE received BETWEEN $1 AND $2), "
      "count(*) FILTER (WHERE received < $1 AND (concluded_on IS NULL OR concluded_on >= $1)), "
      "count(*) FILTER (WHERE concluded_on BETWEEN $1 AND $2), "
      "count(*) FILTER (WHERE received <= $2 AND (concluded_on IS NULL OR concluded_on > $2)) "
      "FROM request WHERE %A AND ((received <= $2 AND (concluded_on IS NULL OR concluded_on >= "
      "$1)) OR concluded_on BETWEEN $1 AND $2) GROUP BY 1, 2, 3",
      "SELECT agency_id, grp, CASE WHEN decided IS NULL OR decided > $2 THEN 3 ELSE result END, "
      "count(*) FROM review_case WHERE %A AND filed <= $2 AND (decided IS NULL OR decided >= $1) "
      "GROUP BY 1, 2, 3",
      "SELECT agency_id, kind, count(*) FILTER (WHERE made BETWEEN $1 AND $2), "
      "count(*) FILTER (WHERE abolished BETWEEN $1 AND $2), "
      "count(*) FILTER (WHERE made <= $2 AND (abolished IS NULL OR abolished > $2)) "
      "FROM normative_doc WHERE %A AND made <= $2 GROUP BY 1, 2",
      ("SELECT agency_id, licensing, penalty, coercion, fees_10k_yuan FROM year_counts "
       "WHERE %A AND year = extract(year FROM $2::date) AND $1::date <= $2::date"),
  };
  std::map<int64_t, YearFigures> out;
  for (size_t qi = 0; qi < std::size(kQueries); ++qi) {
    std::string sql = kQueries[qi];
    sql.replace(sql.find("%A"), 2, agency_id ? "agency_id = $3" : "$3::bigint = 0");
    PgStatement s(conn(), sql.c_str());
    s.Bind(1, first).Bind(2, last).Bind(3, agency_id);
    for (;;) {
      StatusOr<bool> row = s.Step();
      if (!row.ok()) return row.status().WithContext("统计年度数据 (tally the year)");
      if (!*row) break;
      switch (qi) {
        case 0:
          GONGKAI_RETURN_IF_ERROR(AddRequestTally(s.Int(0), s.Int(1), s.Text(2),
                                                  {s.Int(3), s.Int(4), s.Int(5), s.Int(6)}, &out));
          break;
        case 1:
          AddCaseTally(s.Int(0), s.Int(1), s.Int(2), s.Int(3), &out);
          break;
        case 2:
          AddDocTally(s.Int(0), s.Int(1), {s.Int(2), s.Int(3), s.Int(4)}, &out);
          break;
        default: {
          YearFigures& f = out[s.Int(0)];
          f.decisions = {s.Int(1), s.Int(2), s.Int(3)};
          f.fees_10k_yuan = s.Double(4);
        }
      }
    }
  }
  return out;
}

}  // namespace

store_internal::PgContext* store_internal::PgContextOf(CaseStore& store) {
  return dynamic_cast<PgStore*>(&store);
}

Status store_internal::CheckAgencyExists(PgConnection* c, int64_t agency_id) {
  PgStatement s(c, "SELECT 1 FROM agency WHERE id = $1");
  s.Bind(1, agency_id);
  GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) {
    return NotFoundError("没有编号为 " + std::to_string(agency_id) + " 的机关 (no such agency)");
  }
  return Status::Ok();
}

StatusOr<std::unique_ptr<CaseStore>> OpenPostgresStore(const std::string& url,
                                                       const SqliteOptions& options) {
  GONGKAI_ASSIGN_OR_RETURN(std::unique_ptr<PgConnection> conn, PgConnection::Connect(url));
  auto store = std::make_unique<PgStore>(std::move(conn));
  GONGKAI_RETURN_IF_ERROR(store->Init(options).WithContext("打开数据库 (open database)"));
  return std::unique_ptr<CaseStore>(std::move(store));
}

}  // namespace gongkai
