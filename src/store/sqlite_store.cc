// The SQLite CaseStore.
#include <sqlite3.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "gongkai/ledger_limits.h"
#include "gongkai/sha256.h"
#include "gongkai/store.h"
#include "audit_chain.h"
#include "record_codec.h"
#include "schema.h"
#include "sqlite_context.h"
#include "sqlite_db.h"

namespace gongkai {
namespace {

using store_internal::Exec;
using store_internal::SqliteError;
using store_internal::Statement;
using namespace store_internal;  // record_codec.h: the shared row and JSON codecs

class SqliteStore final : public CaseStore, public store_internal::SqliteContext {
 public:
  explicit SqliteStore(sqlite3* db) : db_(db) {}
  ~SqliteStore() override { sqlite3_close_v2(db_); }

  // SqliteContext (sqlite_context.h): the registries share this connection and audit log.
  sqlite3* db() override { return db_; }
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

  StatusOr<int64_t> AddAgency(const Agency& a, const std::string& actor) override {
    if (a.name.empty()) return InvalidArgumentError("机关名称不能为空 (agency name is empty)");
    GONGKAI_RETURN_IF_ERROR(
        CheckTextFields({{"机关名称 (agency name)", a.name}, {"经办人 (actor)", actor}}));
    return InTransaction<int64_t>([&]() -> StatusOr<int64_t> {
      GONGKAI_RETURN_IF_ERROR(CheckAgencyPlace(a));
      Statement& s =
          Stmt(kInsertAgency, "INSERT INTO agency(name, parent_id, kind) VALUES (?1, ?2, ?3)");
      s.Bind(1, a.name).Bind(3, AgencyKindId(a.kind));
      if (a.parent_id) {
        s.Bind(2, a.parent_id);
      } else {
        s.BindNull(2);
      }
      GONGKAI_RETURN_IF_ERROR(s.Run().WithContext("登记机关 (add agency)"));
      int64_t id = sqlite3_last_insert_rowid(db_);
      Json j{
          {"id", id}, {"name", a.name}, {"parent_id", a.parent_id}, {"kind", AgencyKindId(a.kind)}};
      GONGKAI_RETURN_IF_ERROR(Audit(actor, "insert", "agency", id, "", j.dump()));
      return id;
    });
  }

  StatusOr<Agency> GetAgency(int64_t id) override {
    Statement& s =
        Stmt(kGetAgency, "SELECT id, name, coalesce(parent_id, 0), kind FROM agency WHERE id = ?1");
    s.Bind(1, id);
    GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) {
      s.Reset();
      return NotFoundError("没有编号为 " + std::to_string(id) + " 的机关 (no such agency)");
    }
    Agency a = ReadAgency(s);
    s.Reset();
    return a;
  }

  StatusOr<std::vector<Agency>> ListAgencies() override {
    Statement& s = Stmt(kListAgencies,
                        "SELECT id, name, coalesce(parent_id, 0), kind FROM agency ORDER BY id");
    std::vector<Agency> out;
    for (;;) {
      GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      out.push_back(ReadAgency(s));
    }
    s.Reset();
    return out;
  }

  StatusOr<int64_t> AddApplicant(const Applicant& a, const PersonalData& p,
                                 const std::string& actor) override {
    GONGKAI_RETURN_IF_ERROR(CheckTextFields({{"申请人名称 (applicant name)", a.name},
                                             {"证件号码 (id number)", p.id_number},
                                             {"电话 (phone)", p.phone},
                                             {"地址 (address)", p.address},
                                             {"经办人 (actor)", actor}}));
    return InTransaction<int64_t>([&]() -> StatusOr<int64_t> {
      Statement& s = Stmt(kInsertApplicant, "INSERT INTO applicant(kind, name) VALUES (?1, ?2)");
      GONGKAI_RETURN_IF_ERROR(s.Bind(1, static_cast<int>(a.kind)).Bind(2, a.name).Run());
      int64_t id = sqlite3_last_insert_rowid(db_);
      Statement& q = Stmt(kInsertPrivate,
                          "INSERT INTO applicant_private(applicant_id, id_number, phone, address) "
                          "VALUES (?1, ?2, ?3, ?4)");
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
    Statement& s = Stmt(kGetApplicant, "SELECT id, kind, name FROM applicant WHERE id = ?1");
    s.Bind(1, id);
    GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) {
      s.Reset();
      return NotFoundError("没有编号为 " + std::to_string(id) + " 的申请人 (no such applicant)");
    }
    Applicant a{s.Int(0), static_cast<ApplicantKind>(s.Int(1)), s.Text(2)};
    s.Reset();
    return a;
  }

  StatusOr<PersonalData> GetPersonalData(int64_t applicant_id) override {
    Statement& s = Stmt(kGetPrivate,
                        "SELECT id_number, phone, address FROM applicant_private "
                        "WHERE applicant_id = ?1");
    s.Bind(1, applicant_id);
    GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) {
      s.Reset();
      return NotFoundError("申请人 " + std::to_string(applicant_id) +
                           " 没有个人信息记录 (no personal data)");
    }
    PersonalData p{s.Text(0), s.Text(1), s.Text(2)};
    s.Reset();
    return p;
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
      Statement& s = Stmt(kInsertAttachment,
                          "INSERT INTO attachment(request_id, name, sha256, size, content) "
                          "VALUES (?1, ?2, ?3, ?4, ?5)");
      for (const Attachment& a : attachments) {
        // The hash is the store's own, over the bytes it stores (a given a.sha256 is ignored).
        const std::string sha256 = Sha256Hex(a.content);
        GONGKAI_RETURN_IF_ERROR(s.Bind(1, id)
                                    .Bind(2, a.name)
                                    .Bind(3, sha256)
                                    .Bind(4, static_cast<int64_t>(a.content.size()))
                                    .BindBlob(5, a.content)
                                    .Run()
                                    .WithContext("保存附件 (store attachment) " + a.name));
        int64_t aid = sqlite3_last_insert_rowid(db_);
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

  StatusOr<Request> GetRequest(int64_t id) override {
    Statement& s =
        Stmt(kGetRequest,
             (std::string("SELECT ") + kRequestColumns + " FROM request WHERE id = ?1").c_str());
    s.Bind(1, id);
    GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) {
      s.Reset();
      return NotFoundError("没有编号为 " + std::to_string(id) + " 的申请 (no such request)");
    }
    Request r = ReadRequest(s);
    s.Reset();
    return r;
  }

  Status UpdateRequest(const Request& before, const Request& after, const Event& event) override {
    GONGKAI_RETURN_IF_ERROR(CheckRequestText(after));
    GONGKAI_RETURN_IF_ERROR(CheckEventText(event));
    StatusOr<int64_t> r = InTransaction<int64_t>([&]() -> StatusOr<int64_t> {
      Statement& s =
          Stmt(kUpdateRequest,
               "UPDATE request SET agency_id=?2, applicant_id=?3, applicant_kind=?4, channel=?5, "
               "received=?6, content=?7, form=?8, state=?9, clock_start=?10, excluded_days=?11, "
               "paused_since=?12, correction_due=?13, correction_received=?14, extension_days=?15, "
               "extension_approver=?16, fee_method=?17, fee_yuan=?18, fee_due=?19, due=?20, "
               "concluded_on=?21, outcome=?22, reply_basis=?23, reply_text=?24, breaches=?25, "
               "version=?26 WHERE id=?1 AND version=?27");
      s.Bind(1, before.id);
      BindRequest(s, after, before.version + 1);
      s.Bind(27, before.version);
      GONGKAI_RETURN_IF_ERROR(s.Run().WithContext("更新申请 (update request)"));
      if (sqlite3_changes(db_) != 1) {
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
    Statement& s = Stmt(kListEvents,
                        "SELECT id, request_id, kind, date, actor, reason, detail, breach "
                        "FROM event WHERE request_id = ?1 ORDER BY id");
    s.Bind(1, request_id);
    std::vector<Event> out;
    for (;;) {
      GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      out.push_back(ReadEvent(s));
    }
    s.Reset();
    return out;
  }

  StatusOr<std::optional<CodedRequest>> FindRequestByQueryCode(
      const std::string& query_code_sha256) override {
    // One read transaction for the request row and its events: a consistent snapshot, and the
    // WAL read lock is taken once per look-up rather than once per statement.
    GONGKAI_RETURN_IF_ERROR(Stmt(kBeginRead, "BEGIN").Run());
    StatusOr<std::optional<CodedRequest>> found = ReadCodedRequest(query_code_sha256);
    Status end = Stmt(kCommit, "COMMIT").Run();
    if (!end.ok()) (void)Stmt(kRollback, "ROLLBACK").Run();
    if (!found.ok()) return found.status();
    if (!end.ok()) return end;
    return found;
  }

  StatusOr<std::vector<Attachment>> ListAttachments(int64_t request_id) override {
    Statement& s = Stmt(kListAttachments,
                        "SELECT id, name, sha256, size FROM attachment WHERE request_id = ?1 "
                        "ORDER BY id");
    s.Bind(1, request_id);
    std::vector<Attachment> out;
    for (;;) {
      GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      out.push_back(Attachment{s.Int(0), s.Text(1), s.Text(2), s.Int(3), ""});
    }
    s.Reset();
    return out;
  }

  StatusOr<std::vector<Request>> ListOpenRequests(int64_t agency_id) override {
    Statement& s = Stmt(kListOpen, (std::string("SELECT ") + kRequestColumns +
                                    " FROM request WHERE state <> 'concluded' AND "
                                    "(?1 = 0 OR agency_id = ?1) ORDER BY id")
                                       .c_str());
    s.Bind(1, agency_id);
    std::vector<Request> out;
    for (;;) {
      GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      out.push_back(ReadRequest(s));
    }
    s.Reset();
    return out;
  }

  StatusOr<int64_t> CountApplicantRequestsInMonth(int64_t applicant_id, int64_t agency_id,
                                                  Date received, int64_t id) override {
    Date first = Date::FromYmd(received.year(), received.month(), 1);
    Statement& s = Stmt(kCountMonth,
                        "SELECT count(*) FROM request WHERE applicant_id = ?1 AND agency_id = ?2 "
                        "AND received >= ?3 AND (received < ?4 OR (received = ?4 AND id <= ?5))");
    s.Bind(1, applicant_id).Bind(2, agency_id).Bind(3, first.ToString());
    s.Bind(4, received.ToString()).Bind(5, id);
    GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
    int64_t n = row ? s.Int(0) : 0;
    s.Reset();
    return n;
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
      Statement& s = Stmt(kInsertCase,
                          "INSERT INTO review_case(agency_id, grp, filed, decided, result, "
                          "request_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
      s.Bind(1, c.agency_id).Bind(2, c.group).Bind(3, c.filed.ToString());
      s.Bind(4, OptDate(c.decided)).Bind(5, static_cast<int>(c.result));
      if (c.request_id) {
        s.Bind(6, c.request_id);
      } else {
        s.BindNull(6);
      }
      GONGKAI_RETURN_IF_ERROR(s.Run().WithContext("登记复议诉讼 (add review case)"));
      int64_t id = sqlite3_last_insert_rowid(db_);
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
    GONGKAI_RETURN_IF_ERROR(CheckTextFields({{"文件标题 (title)", d.title},
                                             {"文号 (number)", d.number},
                                             {"经办人 (actor)", actor}}));
    if (d.kind < 0 || d.kind >= kDocKindCount) {
      return InvalidArgumentError("文件类别无效 (invalid document kind)");
    }
    if (d.abolished && *d.abolished < d.made) {
      return InvalidArgumentError("废止日期早于制发日期 (abolished before it was made)");
    }
    return InTransaction<int64_t>([&]() -> StatusOr<int64_t> {
      Statement& s = Stmt(kInsertDoc,
                          "INSERT INTO normative_doc(agency_id, kind, title, number, made, "
                          "abolished) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
      s.Bind(1, d.agency_id).Bind(2, d.kind).Bind(3, d.title).Bind(4, d.number);
      s.Bind(5, d.made.ToString()).Bind(6, OptDate(d.abolished));
      GONGKAI_RETURN_IF_ERROR(s.Run().WithContext("登记文件 (add document)"));
      int64_t id = sqlite3_last_insert_rowid(db_);
      Json j{{"id", id},
             {"agency_id", d.agency_id},
             {"kind", DocKindId(d.kind)},
             {"title", d.title},
             {"number", d.number},
             {"made", d.made.ToString()},
             {"abolished", DateJson(d.abolished)}};
      GONGKAI_RETURN_IF_ERROR(Audit(actor, "insert", "normative_doc", id, "", j.dump()));
      return id;
    });
  }

  Status SetYearCounts(const YearCounts& c, const std::string& actor) override {
    GONGKAI_RETURN_IF_ERROR(CheckTextFields({{"经办人 (actor)", actor}}));
    if (c.licensing < 0 || c.penalty < 0 || c.coercion < 0 || c.fees_10k_yuan < 0) {
      return InvalidArgumentError("数量和金额不能为负数 (counts must be non-negative)");
    }
    StatusOr<int64_t> r = InTransaction<int64_t>([&]() -> StatusOr<int64_t> {
      Statement& q = Stmt(kGetCounts,
                          "SELECT licensing, penalty, coercion, fees_10k_yuan FROM year_counts "
                          "WHERE agency_id = ?1 AND year = ?2");
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
      q.Reset();
      Statement& s = Stmt(kSetCounts,
                          "INSERT OR REPLACE INTO year_counts(agency_id, year, licensing, penalty, "
                          "coercion, fees_10k_yuan) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
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
    Statement& s = Stmt(kListAudit,
                        "SELECT id, at, actor, action, entity, entity_id, before_json, after_json "
                        "FROM audit_log WHERE ?1 = '' OR (entity = ?1 AND entity_id = ?2) "
                        "ORDER BY id");
    s.Bind(1, entity).Bind(2, entity_id);
    std::vector<AuditEntry> out;
    for (;;) {
      GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      out.push_back(AuditEntry{s.Int(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4), s.Int(5),
                               s.Text(6), s.Text(7)});
    }
    s.Reset();
    return out;
  }

  StatusOr<AuditVerification> VerifyAuditLog() override {
    GONGKAI_ASSIGN_OR_RETURN(AuditVerification v, store_internal::VerifyAuditChain(db_));
    if (!v.intact) return v;
    GONGKAI_RETURN_IF_ERROR(VerifyRecordsAgainstAudit(&v));
    return v;
  }

 private:
  enum StmtId {
    kInsertAgency,
    kGetAgency,
    kListAgencies,
    kInsertApplicant,
    kInsertPrivate,
    kGetApplicant,
    kGetPrivate,
    kInsertRequest,
    kInsertEvent,
    kInsertAttachment,
    kGetRequest,
    kUpdateRequest,
    kListEvents,
    kListAttachments,
    kListOpen,
    kCountMonth,
    kInsertCase,
    kInsertDoc,
    kGetCounts,
    kSetCounts,
    kListAudit,
    kAudit,
    kAuditLast,
    kNow,
    kVerifyRequests,
    kVerifyAttachments,
    kAgencyNameTaken,
    kInsertQueryCode,
    kFindByCode,
    kVerifyQueryCodes,
    kBeginRead,
    kBegin,
    kCommit,
    kRollback,
    kTallyFirst,  // TallyYear's statements follow
    kStmtCount = kTallyFirst + 16,
  };

  // The cached prepared statement `id`, prepared from `sql` on first use. A prepare failure is
  // a programming error (the SQL is fixed) and leaves the statement unprepared, so that its
  // first Step() fails with SQLite's message.
  Statement& Stmt(int id, const char* sql) {
    Statement& s = stmts_[static_cast<size_t>(id)];
    (void)s.Prepare(db_, sql);
    return s;
  }

  // Where an agency may sit: governments nest region → city → county and never under a
  // department; departments sit under anything; no two agencies of one parent share a name.
  Status CheckAgencyPlace(const Agency& a) {
    if (a.parent_id) {
      StatusOr<Agency> parent = GetAgency(a.parent_id);
      if (!parent.ok()) return parent.status().WithContext("上级机关 (parent agency)");
      GONGKAI_RETURN_IF_ERROR(CheckAgencyNesting(a, *parent));
    }
    Statement& q = Stmt(kAgencyNameTaken,
                        "SELECT id FROM agency WHERE coalesce(parent_id, 0) = ?1 AND name = ?2");
    q.Bind(1, a.parent_id).Bind(2, a.name);
    GONGKAI_ASSIGN_OR_RETURN(bool taken, q.Step());
    int64_t other = taken ? q.Int(0) : 0;
    q.Reset();
    if (taken) {
      return FailedPreconditionError("同一上级下已有名为“" + a.name + "”的机关（编号 " +
                                     std::to_string(other) +
                                     "）(an agency of that name already exists under this parent)");
    }
    return Status::Ok();
  }

  template <typename T, typename F>
  StatusOr<T> InTransaction(F&& body) {
    chain_.valid = false;  // another process may have appended since our last transaction
    GONGKAI_RETURN_IF_ERROR(Stmt(kBegin, "BEGIN IMMEDIATE").Run());
    StatusOr<T> r = body();
    chain_.valid = false;
    if (r.ok()) {
      Status c = Stmt(kCommit, "COMMIT").Run();
      if (c.ok()) return r;
      r = c;
    }
    (void)Stmt(kRollback, "ROLLBACK").Run();
    return r;
  }

  StatusOr<int64_t> InsertRequest(const Request& r, const Event& registered) {
    Statement& s = Stmt(kInsertRequest, (std::string("INSERT INTO request(") + kRequestColumns +
                                         ") VALUES (NULL, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                                         "?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, "
                                         "?22, ?23, ?24, ?25, ?26)")
                                            .c_str());
    BindRequest(s, r, 1);
    GONGKAI_RETURN_IF_ERROR(s.Run().WithContext("登记申请 (register request)"));
    int64_t id = sqlite3_last_insert_rowid(db_);
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
    Statement& q = Stmt(kFindByCode, (std::string("SELECT ") + kRequestColumns +
                                      ", (SELECT name FROM agency WHERE agency.id = "
                                      "request.agency_id) FROM request WHERE id = (SELECT "
                                      "request_id FROM query_code WHERE code_sha256 = ?1)")
                                         .c_str());
    q.Bind(1, query_code_sha256);
    GONGKAI_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) {
      q.Reset();
      return std::optional<CodedRequest>();
    }
    CodedRequest c;
    c.request = ReadRequest(q);
    c.agency_name = q.Text(26);
    q.Reset();
    GONGKAI_ASSIGN_OR_RETURN(c.events, ListEvents(c.request.id));
    return std::optional<CodedRequest>(std::move(c));
  }

  Status InsertQueryCode(int64_t request_id, const std::string& code_sha256,
                         const std::string& actor) {
    Statement& s =
        Stmt(kInsertQueryCode, "INSERT INTO query_code(code_sha256, request_id) VALUES (?1, ?2)");
    GONGKAI_RETURN_IF_ERROR(s.Bind(1, code_sha256)
                                .Bind(2, request_id)
                                .Run()
                                .WithContext("保存查询码 (store query code)"));
    return Audit(actor, "insert", "query_code", request_id, "",
                 QueryCodeJson(request_id, code_sha256).dump());
  }

  Status InsertEvent(int64_t request_id, const Event& e) {
    Statement& s = Stmt(kInsertEvent,
                        "INSERT INTO event(request_id, kind, date, actor, reason, detail, breach) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
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

  // Compares every request and attachment with the after_json of its last audit entry; the
  // first difference makes `v` broken.
  Status VerifyRecordsAgainstAudit(AuditVerification* v) {
    auto broken = [&](const std::string& what, int64_t id, int64_t audit_id,
                      const std::string& zh, const std::string& en) {
      v->intact = false;
      v->broken_row = audit_id;
      v->problem = what + " " + std::to_string(id) + "：" + zh + " (" + en + ")";
      return Status::Ok();
    };
    Statement& r = Stmt(kVerifyRequests,
                        (std::string("SELECT ") + kRequestColumns +
                         ", (SELECT max(a.id) FROM audit_log a WHERE a.entity = 'request' AND "
                         "a.entity_id = request.id), (SELECT a.after_json FROM audit_log a "
                         "WHERE a.entity = 'request' AND a.entity_id = request.id ORDER BY a.id "
                         "DESC LIMIT 1) FROM request ORDER BY id")
                            .c_str());
    for (;;) {
      GONGKAI_ASSIGN_OR_RETURN(bool row, r.Step());
      if (!row) break;
      Request q = ReadRequest(r);
      int64_t audit_id = r.IsNull(26) ? 0 : r.Int(26);
      std::string recorded = r.Text(27);
      if (audit_id == 0 || RequestJson(q).dump() != recorded) {
        r.Reset();
        return broken("申请 (request)", q.id, audit_id,
                      audit_id == 0 ? "没有审计记录" : "与最后一条审计记录（第 " +
                                                         std::to_string(audit_id) +
                                                         " 条）不一致，被绕过台账改动过",
                      audit_id == 0 ? "no audit entry"
                                    : "differs from its last audit entry, row " +
                                          std::to_string(audit_id) +
                                          "; changed outside the ledger");
      }
    }
    r.Reset();
    Statement& f = Stmt(kVerifyAttachments,
                        "SELECT attachment.id, request_id, name, sha256, size, content, a.id, "
                        "a.after_json FROM attachment LEFT JOIN audit_log a ON a.id = "
                        "(SELECT max(id) FROM audit_log WHERE entity = 'attachment' AND "
                        "entity_id = attachment.id) ORDER BY attachment.id");
    for (;;) {
      GONGKAI_ASSIGN_OR_RETURN(bool row, f.Step());
      if (!row) break;
      int64_t id = f.Int(0);
      std::string content = f.Text(5);
      Json j{{"id", id},
             {"request_id", f.Int(1)},
             {"name", f.Text(2)},
             {"sha256", f.Text(3)},
             {"size", f.Int(4)}};
      int64_t audit_id = f.IsNull(6) ? 0 : f.Int(6);
      bool same = audit_id != 0 && j.dump() == f.Text(7) && Sha256Hex(content) == f.Text(3) &&
                  static_cast<int64_t>(content.size()) == f.Int(4);
      if (!same) {
        f.Reset();
        return broken("附件 (attachment)", id, audit_id,
                      "内容、哈希或大小与审计记录不一致", "content, hash or size differs from "
                      "its audit entry");
      }
    }
    f.Reset();
    Statement& c = Stmt(kVerifyQueryCodes,
                        "SELECT request_id, code_sha256, a.id, a.after_json FROM query_code "
                        "LEFT JOIN audit_log a ON a.id = (SELECT max(id) FROM audit_log WHERE "
                        "entity = 'query_code' AND entity_id = query_code.request_id) "
                        "ORDER BY request_id");
    for (;;) {
      GONGKAI_ASSIGN_OR_RETURN(bool row, c.Step());
      if (!row) break;
      int64_t id = c.Int(0);
      int64_t audit_id = c.IsNull(2) ? 0 : c.Int(2);
      if (audit_id == 0 || QueryCodeJson(id, c.Text(1)).dump() != c.Text(3)) {
        c.Reset();
        return broken("申请 (request)", id, audit_id, "查询码与审计记录不一致",
                      "query code differs from its audit entry");
      }
    }
    c.Reset();
    return Status::Ok();
  }

  // Appends one hash-chained row (audit_chain.h) after the last one. Runs inside the caller's
  // write transaction, so no other writer can slip a row in between.
  Status Audit(const std::string& actor, const char* action, const char* entity, int64_t id,
               const std::string& before, const std::string& after) {
    if (!chain_.valid) {  // first audit row of this transaction: read the chain's end
      Statement& last =
          Stmt(kAuditLast, "SELECT id, row_hash FROM audit_log ORDER BY id DESC LIMIT 1");
      GONGKAI_ASSIGN_OR_RETURN(bool any, last.Step());
      chain_.last_id = any ? last.Int(0) : 0;
      chain_.last_hash = any ? last.Text(1) : store_internal::kGenesisHash;
      last.Reset();
      chain_.at = NowUtc();
      chain_.valid = true;
    }
    store_internal::AuditRow row;
    row.id = chain_.last_id + 1;
    row.prev_hash = chain_.last_hash;
    row.at = chain_.at;  // one timestamp per transaction
    row.actor = actor;
    row.action = action;
    row.entity = entity;
    row.entity_id = id;
    row.before_json = before;
    row.after_json = after;
    Statement& s = Stmt(kAudit,
                        "INSERT INTO audit_log(id, at, actor, action, entity, entity_id, "
                        "before_json, after_json, prev_hash, row_hash) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    const std::string hash = store_internal::AuditRowHash(row);
    GONGKAI_RETURN_IF_ERROR(s.Bind(1, row.id)
        .Bind(2, row.at)
        .Bind(3, row.actor)
        .Bind(4, row.action)
        .Bind(5, row.entity)
        .Bind(6, row.entity_id)
        .Bind(7, row.before_json)
        .Bind(8, row.after_json)
        .Bind(9, row.prev_hash)
        .Bind(10, hash)
        .Run()
        .WithContext("写审计日志 (append audit log)"));
    chain_.last_id = row.id;
    chain_.last_hash = hash;
    return Status::Ok();
  }

  // UTC now as ISO 8601 with milliseconds, as the schema's defaults write it.
  std::string NowUtc() {
    Statement& s = Stmt(kNow, "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");
    StatusOr<bool> row = s.Step();
    std::string at = row.ok() && *row ? s.Text(0) : "";
    s.Reset();
    return at;
  }

  // The end of the audit chain as this transaction left it (valid only inside InTransaction,
  // which holds the write lock, so no other writer can append meanwhile).
  struct ChainEnd {
    bool valid = false;
    int64_t last_id = 0;
    std::string last_hash;
    std::string at;
  } chain_;

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
