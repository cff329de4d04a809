// The PostgreSQL CaseStore: the contracts of store.h on PostgreSQL 15. Every mutating call is
// one transaction that first takes the audit log's EXCLUSIVE lock (readers are not blocked), so
// the hash chain has one writer at a time, as SQLite's BEGIN IMMEDIATE gives; requests carry
// optimistic versions, so a writer holding a stale version gets kFailedPrecondition, never a
// lost update. The schema's triggers (pg_schema.cc) keep the audit log, events, attachments
// and query codes append-only whatever client writes to the database.
#include <nlohmann/json.hpp>

#include "audit_chain.h"
#include "gongkai/ledger_limits.h"
#include "gongkai/sha256.h"
#include "gongkai/store.h"
#include "pg_context.h"
#include "pg_db.h"
#include "pg_schema.h"
#include "record_codec.h"
#include "sqlite_context.h"

namespace gongkai {
namespace {

using namespace store_internal;  // record_codec.h, pg_db.h

class PgStore final : public CaseStore, public PgContext {
 public:
  explicit PgStore(std::unique_ptr<PgConnection> conn) : conn_(std::move(conn)) {}

  // PgContext (pg_context.h): the registries share this connection and audit log.
  PgConnection* conn() override { return conn_.get(); }
  Status RunInTransaction(const std::function<Status()>& body) override {
    return InTransaction<int64_t>([&]() -> StatusOr<int64_t> {
             GONGKAI_RETURN_IF_ERROR(body());
             return 0;
           })
        .status();
  }
  Status AppendAudit(const std::string& actor, const char* action, const char* entity, int64_t id,
                     const std::string& before, const std::string& after) override {
    return Audit(actor, action, entity, id, before, after);
  }

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

  StatusOr<int64_t> AddAgency(const Agency& a, const std::string& actor) override {
    if (a.name.empty()) return InvalidArgumentError("机关名称不能为空 (agency name is empty)");
    GONGKAI_RETURN_IF_ERROR(
        CheckTextFields({{"机关名称 (agency name)", a.name}, {"经办人 (actor)", actor}}));
    return InTransaction<int64_t>([&]() -> StatusOr<int64_t> {
      GONGKAI_RETURN_IF_ERROR(CheckAgencyPlace(a));
      PgStatement s(conn(),
                    "INSERT INTO agency(name, parent_id, kind) VALUES ($1, $2, $3) RETURNING id");
      s.Bind(1, a.name).Bind(3, AgencyKindId(a.kind));
      if (a.parent_id) {
        s.Bind(2, a.parent_id);
      } else {
        s.BindNull(2);
      }
      GONGKAI_ASSIGN_OR_RETURN(int64_t id, InsertedId(s, "登记机关 (add agency)"));
      Json j{
          {"id", id}, {"name", a.name}, {"parent_id", a.parent_id}, {"kind", AgencyKindId(a.kind)}};
      GONGKAI_RETURN_IF_ERROR(Audit(actor, "insert", "agency", id, "", j.dump()));
      return id;
    });
  }

  StatusOr<Agency> GetAgency(int64_t id) override {
    PgStatement s(conn(),
                  "SELECT id, name, coalesce(parent_id, 0), kind FROM agency WHERE id = $1");
    s.Bind(1, id);
    GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return NotFoundError("没有编号为 " + std::to_string(id) + " 的机关 (no such agency)");
    return ReadAgency(s);
  }

  StatusOr<std::vector<Agency>> ListAgencies() override {
    PgStatement s(conn(), "SELECT id, name, coalesce(parent_id, 0), kind FROM agency ORDER BY id");
    return ReadAll<Agency>(s, [](const PgStatement& r) { return ReadAgency(r); });
  }

  StatusOr<int64_t> AddApplicant(const Applicant& a, const PersonalData& p,
                                 const std::string& actor) override {
    GONGKAI_RETURN_IF_ERROR(CheckTextFields({{"申请人名称 (applicant name)", a.name},
                                             {"证件号码 (id number)", p.id_number},
                                             {"电话 (phone)", p.phone},
                                             {"地址 (address)", p.address},
                                             {"经办人 (actor)", actor}}));
    return InTransaction<int64_t>([&]() -> StatusOr<int64_t> {
      PgStatement s(conn(), "INSERT INTO applicant(kind, name) VALUES ($1, $2) RETURNING id");
      s.Bind(1, static_cast<int>(a.kind)).Bind(2, a.name);
      GONGKAI_ASSIGN_OR_RETURN(int64_t id, InsertedId(s, "登记申请人 (add applicant)"));
      PgStatement q(conn(),
                    "INSERT INTO applicant_private(applicant_id, id_number, phone, address) "
                    "VALUES ($1, $2, $3, $4)");
      GONGKAI_RETURN_IF_ERROR(
          q.Bind(1, id).Bind(2, p.id_number).Bind(3, p.phone).Bind(4, p.address).Run());
      Json j{{"id", id}, {"kind", ApplicantKindId(a.kind)}, {"name", a.name}};
      GONGKAI_RETURN_IF_ERROR(Audit(actor, "insert", "applicant", id, "", j.dump()));
      // The audit log records that personal data were stored, never their values.
      Json pj{{"applicant_id", id}, {"personal_data", "recorded (not logged)"}};
      GONGKAI_RETURN_IF_ERROR(Audit(actor, "insert", "applicant_private", id, "", pj.dump()));
      return id;
    });
  }

  StatusOr<Applicant> GetApplicant(int64_t id) override {
    PgStatement s(conn(), "SELECT id, kind, name FROM applicant WHERE id = $1");
    s.Bind(1, id);
    GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) {
      return NotFoundError("没有编号为 " + std::to_string(id) + " 的申请人 (no such applicant)");
    }
    return Applicant{s.Int(0), static_cast<ApplicantKind>(s.Int(1)), s.Text(2)};
  }

  StatusOr<PersonalData> GetPersonalData(int64_t applicant_id) override {
    PgStatement s(conn(),
                  "SELECT id_number, phone, address FROM applicant_private "
                  "WHERE applicant_id = $1");
    s.Bind(1, applicant_id);
    GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) {
      return NotFoundError("申请人 " + std::to_string(applicant_id) +
                           " 没有个人信息记录 (no personal data)");
    }
    return PersonalData{s.Text(0), s.Text(1), s.Text(2)};
  }

  StatusOr<int64_t> AddRequest(const Request& r, const std::vector<Attachment>& attachments,
                               const Event& registered,
                               const std::string& query_code_sha256) override {
    GONGKAI_RETURN_IF_ERROR(CheckRequestText(r));
    GONGKAI_RETURN_IF_ERROR(CheckQueryCodeHash(query_code_sha256));
    GONGKAI_RETURN_IF_ERROR(CheckEventText(registered));
    for (const Attachment& a : attachments) {
      GONGKAI_RETURN_IF_ERROR(CheckTextFields({{"附件名 (attachment name)", a.name}}));
    }
    return InTransaction<int64_t>([&]() -> StatusOr<int64_t> {
      GONGKAI_ASSIGN_OR_RETURN(int64_t id, InsertRequest(r, registered));
      for (const Attachment& a : attachments) {
        // The hash is the store's own, over the bytes it stores (a given a.sha256 is ignored).
        const std::string sha256 = Sha256Hex(a.content);
        PgStatement s(conn(),
                      "INSERT INTO attachment(request_id, name, sha256, size, content) "
                      "VALUES ($1, $2, $3, $4, $5) RETURNING id");
        s.Bind(1, id).Bind(2, a.name).Bind(3, sha256);
        s.Bind(4, static_cast<int64_t>(a.content.size())).BindBlob(5, a.content);
        GONGKAI_ASSIGN_OR_RETURN(int64_t aid,
                                 InsertedId(s, "保存附件 (store attachment) " + a.name));
        Json j{{"id", aid},
               {"request_id", id},
               {"name", a.name},
               {"sha256", sha256},
               {"size", a.content.size()}};
        GONGKAI_RETURN_IF_ERROR(Audit(registered.actor, "insert", "attachment", aid, "", j.dump()));
      }
      if (!query_code_sha256.empty()) {
        GONGKAI_RETURN_IF_ERROR(InsertQueryCode(id, query_code_sha256, registered.actor));
      }
      return id;
    });
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
      GONGKAI_ASSIGN_OR_RETURN(PgCopyIn audit, PgCopyIn::Begin(conn(), kCopyAuditLog, 10));
      for (const ChainedRow& row : chained) {
        BindAuditRow(audit, row);
        GONGKAI_RETURN_IF_ERROR(audit.EndRow());
      }
      GONGKAI_RETURN_IF_ERROR(audit.Finish("写审计日志 (append audit log)"));
      return 0;
    });
    return r.status();
  }

  StatusOr<Request> GetRequest(int64_t id) override {
    PgStatement s(
        conn(), (std::string("SELECT ") + kRequestColumns + " FROM request WHERE id = $1").c_str());
    s.Bind(1, id);
    GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row)
      return NotFoundError("没有编号为 " + std::to_string(id) + " 的申请 (no such request)");
    return ReadRequest(s);
  }

  Status UpdateRequest(const Request& before, const Request& after, const Event& event) override {
    GONGKAI_RETURN_IF_ERROR(CheckRequestText(after));
    GONGKAI_RETURN_IF_ERROR(CheckEventText(event));
    StatusOr<int64_t> r = InTransaction<int64_t>([&]() -> StatusOr<int64_t> {
      PgStatement s(
          conn(),
          "UPDATE request SET agency_id=$2, applicant_id=$3, applicant_kind=$4, channel=$5, "
          "received=$6, content=$7, form=$8, state=$9, clock_start=$10, excluded_days=$11, "
          "paused_since=$12, correction_due=$13, correction_received=$14, extension_days=$15, "
          "extension_approver=$16, fee_method=$17, fee_yuan=$18, fee_due=$19, due=$20, "
          "concluded_on=$21, outcome=$22, reply_basis=$23, reply_text=$24, breaches=$25, "
          "version=$26 WHERE id=$1 AND version=$27");
      s.Bind(1, before.id);
      BindRequest(s, after, before.version + 1);
      s.Bind(27, before.version);
      GONGKAI_RETURN_IF_ERROR(s.Run().WithContext("更新申请 (update request)"));
      if (s.changes() != 1) {
        return FailedPreconditionError(
            "申请 " + std::to_string(before.id) +
            " 已被他人修改，请重试 (request changed concurrently; retry)");
      }
      Request stored = after;
      stored.id = before.id;
      stored.version = before.version + 1;
      GONGKAI_RETURN_IF_ERROR(InsertEvent(before.id, event));
      GONGKAI_RETURN_IF_ERROR(Audit(event.actor, "update", "request", before.id,
                                    RequestJson(before).dump(), RequestJson(stored).dump()));
      return 0;
    });
    return r.status();
  }

  StatusOr<std::vector<Event>> ListEvents(int64_t request_id) override {
    PgStatement s(conn(),
                  "SELECT id, request_id, kind, date, actor, reason, detail, breach "
                  "FROM event WHERE request_id = $1 ORDER BY id");
    s.Bind(1, request_id);
    return ReadAll<Event>(s, [](const PgStatement& r) { return ReadEvent(r); });
  }

  StatusOr<std::optional<CodedRequest>> FindRequestByQueryCode(
      const std::string& query_code_sha256) override {
    // One snapshot for the request row and its events.
    GONGKAI_RETURN_IF_ERROR(conn_->Exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
    StatusOr<std::optional<CodedRequest>> found = ReadCodedRequest(query_code_sha256);
    Status end = conn_->Exec("COMMIT");
    if (!end.ok()) (void)conn_->Exec("ROLLBACK");
    if (!found.ok()) return found.status();
    if (!end.ok()) return end;
    return found;
  }

  StatusOr<std::vector<Attachment>> ListAttachments(int64_t request_id) override {
    PgStatement s(conn(),
                  "SELECT id, name, sha256, size FROM attachment WHERE request_id = $1 "
                  "ORDER BY id");
    s.Bind(1, request_id);
    return ReadAll<Attachment>(s, [](const PgStatement& r) {
      return Attachment{r.Int(0), r.Text(1), r.Text(2), r.Int(3), ""};
    });
  }

  StatusOr<std::vector<Request>> ListOpenRequests(int64_t agency_id) override {
    PgStatement s(conn(), (std::string("SELECT ") + kRequestColumns +
                           " FROM request WHERE state <> 'concluded' AND "
                           "($1::bigint = 0 OR agency_id = $1) ORDER BY id")
                              .c_str());
    s.Bind(1, agency_id);
    return ReadAll<Request>(s, [](const PgStatement& r) { return ReadRequest(r); });
  }

  StatusOr<int64_t> CountApplicantRequestsInMonth(int64_t applicant_id, int64_t agency_id,
                                                  Date received, int64_t id) override {
    Date first = Date::FromYmd(received.year(), received.month(), 1);
    PgStatement s(conn(),
                  "SELECT count(*) FROM request WHERE applicant_id = $1 AND agency_id = $2 "
                  "AND received >= $3 AND (received < $4 OR (received = $4 AND id <= $5))");
    s.Bind(1, applicant_id).Bind(2, agency_id).Bind(3, first.ToString());
    s.Bind(4, received.ToString()).Bind(5, id);
    GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
    return row ? s.Int(0) : 0;
  }

  StatusOr<int64_t> AddReviewCase(const ReviewCase& c, const std::string& actor) override {
    GONGKAI_RETURN_IF_ERROR(CheckTextFields({{"经办人 (actor)", actor}}));
    if (c.group < 0 || c.group >= kT4Groups) {
      return InvalidArgumentError("复议诉讼类别无效 (invalid review/suit group)");
    }
    if ((c.result == CaseResult::kPending) != !c.decided) {
      return InvalidArgumentError(
          "已审结的案件需要结果和审结日期，未审结的不能有 (a decided case needs a result and a "
          "date; a pending one has neither)");
    }
    return InTransaction<int64_t>([&]() -> StatusOr<int64_t> {
      PgStatement s(conn(),
                    "INSERT INTO review_case(agency_id, grp, filed, decided, result, "
                    "request_id) VALUES ($1, $2, $3, $4, $5, nullif($6::bigint, 0)) RETURNING id");
      s.Bind(1, c.agency_id).Bind(2, c.group).Bind(3, c.filed.ToString());
      s.Bind(4, OptDate(c.decided)).Bind(5, static_cast<int>(c.result)).Bind(6, c.request_id);
      GONGKAI_ASSIGN_OR_RETURN(int64_t id, InsertedId(s, "登记复议诉讼 (add review case)"));
      Json j{{"id", id},
             {"agency_id", c.agency_id},
             {"group", T4GroupId(c.group)},
             {"filed", c.filed.ToString()},
             {"decided", DateJson(c.decided)},
             {"result", static_cast<int>(c.result)},
             {"request_id", c.request_id}};
      GONGKAI_RETURN_IF_ERROR(Audit(actor, "insert", "review_case", id, "", j.dump()));
      return id;
    });
  }

  StatusOr<int64_t> AddDocument(const NormativeDoc& d, const std::string& actor) override {
    GONGKAI_RETURN_IF_ERROR(CheckTextFields(
        {{"文件标题 (title)", d.title}, {"文号 (number)", d.number}, {"经办人 (actor)", actor}}));
    if (d.kind < 0 || d.kind >= kDocKindCount) {
      return InvalidArgumentError("文件类别无效 (invalid document kind)");
    }
    if (d.abolished && *d.abolished < d.made) {
      return InvalidArgumentError("废止日期早于制发日期 (abolished before it was made)");
    }
    return InTransaction<int64_t>([&]() -> StatusOr<int64_t> {
      PgStatement s(conn(),
                    "INSERT INTO normative_doc(agency_id, kind, title, number, made, abolished) "
                    "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id");
      s.Bind(1, d.agency_id).Bind(2, d.kind).Bind(3, d.title).Bind(4, d.number);
      s.Bind(5, d.made.ToString()).Bind(6, OptDate(d.abolished));
      GONGKAI_ASSIGN_OR_RETURN(int64_t id, InsertedId(s, "登记文件 (add document)"));
      NormativeDoc stored = d;
      stored.id = id;
      GONGKAI_RETURN_IF_ERROR(
          Audit(actor, "insert", "normative_doc", id, "", NormativeJson(stored).dump()));
      return id;
    });
  }

  Status SetYearCounts(const YearCounts& c, const std::string& actor) override {
    GONGKAI_RETURN_IF_ERROR(CheckTextFields({{"经办人 (actor)", actor}}));
    if (c.licensing < 0 || c.penalty < 0 || c.coercion < 0 || c.fees_10k_yuan < 0) {
      return InvalidArgumentError("数量和金额不能为负数 (counts must be non-negative)");
    }
    StatusOr<int64_t> r = InTransaction<int64_t>([&]() -> StatusOr<int64_t> {
      PgStatement q(conn(),
                    "SELECT licensing, penalty, coercion, fees_10k_yuan FROM year_counts "
                    "WHERE agency_id = $1 AND year = $2");
      q.Bind(1, c.agency_id).Bind(2, c.year);
      GONGKAI_ASSIGN_OR_RETURN(bool row, q.Step());
      std::string before;
      if (row) {
        before = Json{{"licensing", q.Int(0)},
                      {"penalty", q.Int(1)},
                      {"coercion", q.Int(2)},
                      {"fees_10k_yuan", q.Double(3)}}
                     .dump();
      }
      // As SQLite's INSERT OR REPLACE: the row is replaced whole (its source emptied).
      PgStatement s(conn(),
                    "INSERT INTO year_counts(agency_id, year, licensing, penalty, coercion, "
                    "fees_10k_yuan) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (agency_id, "
                    "year) DO UPDATE SET licensing = EXCLUDED.licensing, penalty = "
                    "EXCLUDED.penalty, coercion = EXCLUDED.coercion, fees_10k_yuan = "
                    "EXCLUDED.fees_10k_yuan, source = ''");
      s.Bind(1, c.agency_id).Bind(2, c.year).Bind(3, c.licensing).Bind(4, c.penalty);
      s.Bind(5, c.coercion).Bind(6, c.fees_10k_yuan);
      GONGKAI_RETURN_IF_ERROR(s.Run().WithContext("登记年度数量 (set year counts)"));
      Json j{{"agency_id", c.agency_id}, {"year", c.year},
             {"licensing", c.licensing}, {"penalty", c.penalty},
             {"coercion", c.coercion},   {"fees_10k_yuan", c.fees_10k_yuan}};
      GONGKAI_RETURN_IF_ERROR(Audit(actor, row ? "update" : "insert", "year_counts",
                                    c.agency_id * 10000 + c.year, before, j.dump()));
      return 0;
    });
    return r.status();
  }

  StatusOr<std::map<int64_t, YearFigures>> TallyYear(int year, int64_t agency_id) override;

  StatusOr<std::vector<AuditEntry>> ListAudit(const std::string& entity,
                                              int64_t entity_id) override {
    PgStatement s(conn(),
                  "SELECT id, at, actor, action, entity, entity_id, before_json, after_json "
                  "FROM audit_log WHERE $1::text = '' OR (entity = $1 AND entity_id = $2) "
                  "ORDER BY id");
    s.Bind(1, entity).Bind(2, entity_id);
    return ReadAll<AuditEntry>(s, [](const PgStatement& r) {
      return AuditEntry{r.Int(0),  r.Text(1), r.Text(2), r.Text(3),
                        r.Text(4), r.Int(5),  r.Text(6), r.Text(7)};
    });
  }

  StatusOr<AuditVerification> VerifyAuditLog() override {
    // One snapshot for the chain and the records checked against it.
    GONGKAI_RETURN_IF_ERROR(conn_->Exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
    StatusOr<AuditVerification> v = VerifyInSnapshot();
    Status end = conn_->Exec("COMMIT");
    if (!end.ok()) (void)conn_->Exec("ROLLBACK");
    if (v.ok() && !end.ok()) return end;
    return v;
  }

 private:
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

  template <typename T, typename Read>
  static StatusOr<std::vector<T>> ReadAll(PgStatement& s, Read read) {
    std::vector<T> out;
    for (;;) {
      GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      out.push_back(read(s));
    }
    return out;
  }

  // Runs an INSERT … RETURNING id and returns the id.
  static StatusOr<int64_t> InsertedId(PgStatement& s, const std::string& what) {
    StatusOr<bool> row = s.Step();
    if (!row.ok()) return row.status().WithContext(what);
    if (!*row) return IoError(what + ": no id returned");
    return s.Int(0);
  }

  // Where an agency may sit (record_codec.h CheckAgencyNesting); no two agencies of one parent
  // share a name.
  Status CheckAgencyPlace(const Agency& a) {
    if (a.parent_id) {
      StatusOr<Agency> parent = GetAgency(a.parent_id);
      if (!parent.ok()) return parent.status().WithContext("上级机关 (parent agency)");
      GONGKAI_RETURN_IF_ERROR(CheckAgencyNesting(a, *parent));
    }
    PgStatement q(conn(), "SELECT id FROM agency WHERE coalesce(parent_id, 0) = $1 AND name = $2");
    q.Bind(1, a.parent_id).Bind(2, a.name);
    GONGKAI_ASSIGN_OR_RETURN(bool taken, q.Step());
    if (taken) {
      return FailedPreconditionError("同一上级下已有名为“" + a.name + "”的机关（编号 " +
                                     std::to_string(q.Int(0)) +
                                     "）(an agency of that name already exists under this parent)");
    }
    return Status::Ok();
  }

  // One write transaction: the audit log's EXCLUSIVE lock first, held to COMMIT, serialises
  // the writers of the chain (plain reads go on).
  template <typename T, typename F>
  StatusOr<T> InTransaction(F&& body) {
    if (read_only_) {
      return FailedPreconditionError("只读打开的台账不能写入 (the ledger was opened read-only)");
    }
    chain_.valid = false;  // another process may have appended since our last transaction
    GONGKAI_RETURN_IF_ERROR(conn_->Exec("BEGIN; LOCK TABLE audit_log IN EXCLUSIVE MODE"));
    StatusOr<T> r = body();
    chain_.valid = false;
    if (r.ok()) {
      Status c = conn_->Exec("COMMIT");
      if (c.ok()) return r;
      r = c;
    }
    (void)conn_->Exec("ROLLBACK");
    return r;
  }

  StatusOr<int64_t> InsertRequest(const Request& r, const Event& registered) {
    PgStatement s(conn(), (std::string("INSERT INTO request(") + kRequestColumns +
                           ") VALUES (coalesce($1::bigint, nextval(pg_get_serial_sequence("
                           "'request', 'id'))), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
                           "$13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26) "
                           "RETURNING id")
                              .c_str());
    s.BindNull(1);
    BindRequest(s, r, 1);
    GONGKAI_ASSIGN_OR_RETURN(int64_t id, InsertedId(s, "登记申请 (register request)"));
    GONGKAI_RETURN_IF_ERROR(InsertEvent(id, registered));
    Request stored = r;
    stored.id = id;
    stored.version = 1;
    GONGKAI_RETURN_IF_ERROR(
        Audit(registered.actor, "insert", "request", id, "", RequestJson(stored).dump()));
    return id;
  }

  // FindRequestByQueryCode's reads, inside its transaction.
  StatusOr<std::optional<CodedRequest>> ReadCodedRequest(const std::string& query_code_sha256) {
    PgStatement q(conn(), (std::string("SELECT ") + kRequestColumns +
                           ", (SELECT name FROM agency WHERE agency.id = request.agency_id) "
                           "FROM request WHERE id = (SELECT request_id FROM query_code WHERE "
                           "code_sha256 = $1)")
                              .c_str());
    q.Bind(1, query_code_sha256);
    GONGKAI_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) return std::optional<CodedRequest>();
    CodedRequest c;
    c.request = ReadRequest(q);
    c.agency_name = q.Text(26);
    GONGKAI_ASSIGN_OR_RETURN(c.events, ListEvents(c.request.id));
    return std::optional<CodedRequest>(std::move(c));
  }

  Status InsertQueryCode(int64_t request_id, const std::string& code_sha256,
                         const std::string& actor) {
    PgStatement s(conn(), "INSERT INTO query_code(code_sha256, request_id) VALUES ($1, $2)");
    GONGKAI_RETURN_IF_ERROR(s.Bind(1, code_sha256)
                                .Bind(2, request_id)
                                .Run()
                                .WithContext("保存查询码 (store query code)"));
    return Audit(actor, "insert", "query_code", request_id, "",
                 QueryCodeJson(request_id, code_sha256).dump());
  }

  Status InsertEvent(int64_t request_id, const Event& e) {
    PgStatement s(conn(),
                  "INSERT INTO event(request_id, kind, date, actor, reason, detail, breach) "
                  "VALUES ($1, $2, $3, $4, $5, $6, $7)");
    return s.Bind(1, request_id)
        .Bind(2, e.kind)
        .Bind(3, e.date.ToString())
        .Bind(4, e.actor)
        .Bind(5, e.reason)
        .Bind(6, e.detail.empty() ? std::string("{}") : e.detail)
        .Bind(7, e.breach)
        .Run()
        .WithContext("记录事件 (record event)");
  }

  Status VerifyRecordsAgainstAudit(AuditVerification* v);

  // Appends one hash-chained row (audit_chain.h) after the last one. Runs inside the caller's
  // write transaction, which holds the audit log's lock.
  Status Audit(const std::string& actor, const char* action, const char* entity, int64_t id,
               const std::string& before, const std::string& after) {
    GONGKAI_ASSIGN_OR_RETURN(ChainedRow row,
                             NextAuditRow(actor, action, entity, id, before, after));
    PgStatement s(conn(),
                  "INSERT INTO audit_log(id, at, actor, action, entity, entity_id, "
                  "before_json, after_json, prev_hash, row_hash) "
                  "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)");
    BindAuditRow(s, row);
    return s.Run().WithContext("写审计日志 (append audit log)");
  }

  static constexpr const char* kCopyAuditLog =
      "COPY audit_log(id, at, actor, action, entity, entity_id, before_json, after_json, "
      "prev_hash, row_hash) FROM STDIN";

  struct ChainedRow {
    AuditRow row;
    std::string hash;  // AuditRowHash(row)
  };

  // The audit row after the chain's end, which it becomes (the caller must write it in this
  // transaction).
  StatusOr<ChainedRow> NextAuditRow(const std::string& actor, const char* action,
                                  const char* entity, int64_t id, const std::string& before,
                                  const std::string& after) {
    if (!chain_.valid) {  // first audit row of this transaction: read the chain's end
      PgStatement last(conn(),
                       "SELECT id, row_hash, to_char(clock_timestamp() AT TIME ZONE 'UTC', "
                       "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') FROM (SELECT 1) one LEFT JOIN "
                       "(SELECT id, row_hash FROM audit_log ORDER BY id DESC LIMIT 1) a ON true");
      GONGKAI_ASSIGN_OR_RETURN(bool any, last.Step());
      if (!any) return IoError("读审计日志末尾失败 (cannot read the audit log's end)");
      chain_.last_id = last.IsNull(0) ? 0 : last.Int(0);
      chain_.last_hash = last.IsNull(0) ? kGenesisHash : last.Text(1);
      chain_.at = last.Text(2);  // one timestamp per transaction
      chain_.valid = true;
    }
    AuditRow row;
    row.id = chain_.last_id + 1;
    row.prev_hash = chain_.last_hash;
    row.at = chain_.at;
    row.actor = actor;
    row.action = action;
    row.entity = entity;
    row.entity_id = id;
    row.before_json = before;
    row.after_json = after;
    chain_.last_id = row.id;
    chain_.last_hash = AuditRowHash(row);
    return ChainedRow{std::move(row), chain_.last_hash};
  }

  // Binds `chained` as the 10 columns of kCopyAuditLog.
  template <class Stmt>
  static void BindAuditRow(Stmt& s, const ChainedRow& chained) {
    const AuditRow& row = chained.row;
    s.Bind(1, row.id).Bind(2, row.at).Bind(3, row.actor).Bind(4, row.action).Bind(5, row.entity);
    s.Bind(6, row.entity_id).Bind(7, row.before_json).Bind(8, row.after_json);
    s.Bind(9, row.prev_hash).Bind(10, chained.hash);
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

  struct ChainEnd {
    bool valid = false;
    int64_t last_id = 0;
    std::string last_hash;
    std::string at;
  } chain_;

  bool read_only_ = false;
  std::unique_ptr<PgConnection> conn_;
};

Status PgStore::VerifyRecordsAgainstAudit(AuditVerification* v) {
  auto broken = [&](const std::string& what, int64_t id, int64_t audit_id, const std::string& zh,
                    const std::string& en) {
    v->intact = false;
    v->broken_row = audit_id;
    v->problem = what + " " + std::to_string(id) + "：" + zh + " (" + en + ")";
    return Status::Ok();
  };
  PgStatement r(conn(), (std::string("SELECT ") + kRequestColumns +
                         ", a.audit_id, a.after_json FROM request LEFT JOIN LATERAL (SELECT "
                         "id AS audit_id, after_json FROM audit_log WHERE entity = 'request' "
                         "AND entity_id = request.id ORDER BY id DESC LIMIT 1) a ON true "
                         "ORDER BY request.id")
                            .c_str());
  for (;;) {
    GONGKAI_ASSIGN_OR_RETURN(bool row, r.Step());
    if (!row) break;
    Request q = ReadRequest(r);
    int64_t audit_id = r.IsNull(26) ? 0 : r.Int(26);
    if (audit_id == 0 || RequestJson(q).dump() != r.Text(27)) {
      return broken("申请 (request)", q.id, audit_id,
                    audit_id == 0 ? "没有审计记录"
                                  : "与最后一条审计记录（第 " + std::to_string(audit_id) +
                                        " 条）不一致，被绕过台账改动过",
                    audit_id == 0 ? "no audit entry"
                                  : "differs from its last audit entry, row " +
                                        std::to_string(audit_id) + "; changed outside the ledger");
    }
  }
  PgStatement f(conn(),
                "SELECT attachment.id, request_id, name, sha256, size, content, a.id, "
                "a.after_json FROM attachment LEFT JOIN LATERAL (SELECT id, after_json FROM "
                "audit_log WHERE entity = 'attachment' AND entity_id = attachment.id ORDER BY id "
                "DESC LIMIT 1) a ON true ORDER BY attachment.id");
  for (;;) {
    GONGKAI_ASSIGN_OR_RETURN(bool row, f.Step());
    if (!row) break;
    int64_t id = f.Int(0);
    std::string content = f.Blob(5);
    Json j{{"id", id},
           {"request_id", f.Int(1)},
           {"name", f.Text(2)},
           {"sha256", f.Text(3)},
           {"size", f.Int(4)}};
    int64_t audit_id = f.IsNull(6) ? 0 : f.Int(6);
    bool same = audit_id != 0 && j.dump() == f.Text(7) && Sha256Hex(content) == f.Text(3) &&
                static_cast<int64_t>(content.size()) == f.Int(4);
    if (!same) {
      return broken("附件 (attachment)", id, audit_id, "内容、哈希或大小与审计记录不一致",
                    "content, hash or size differs from its audit entry");
    }
  }
  PgStatement c(conn(),
                "SELECT request_id, code_sha256, a.id, a.after_json FROM query_code LEFT JOIN "
                "LATERAL (SELECT id, after_json FROM audit_log WHERE entity = 'query_code' AND "
                "entity_id = query_code.request_id ORDER BY id DESC LIMIT 1) a ON true "
                "ORDER BY request_id");
  for (;;) {
    GONGKAI_ASSIGN_OR_RETURN(bool row, c.Step());
    if (!row) break;
    int64_t id = c.Int(0);
    int64_t audit_id = c.IsNull(2) ? 0 : c.Int(2);
    if (audit_id == 0 || QueryCodeJson(id, c.Text(1)).dump() != c.Text(3)) {
      return broken("申请 (request)", id, audit_id, "查询码与审计记录不一致",
                    "query code differs from its audit entry");
    }
  }
  return Status::Ok();
}

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
