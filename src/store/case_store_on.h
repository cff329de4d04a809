// Internal to the store backends: the CaseStore (store.h) written once over a Backend
// (store_backend.h), so that SQLite and PostgreSQL run the same checks, the same SQL and the
// same audit entries for every call whose logic is the same on both. A backend's store derives
// from CaseStoreOn<Backend> and supplies what differs:
//   - its transactions (BeginTransaction / CommitTransaction / RollbackTransaction): SQLite's
//     BEGIN IMMEDIATE, PostgreSQL's lock on the audit log; both give the chain one writer;
//   - the end of the audit chain and the transaction's timestamp (ReadChainEnd);
//   - the SQL whose efficient form differs (BackendSql: a new request's id, the joins of the
//     records with their last audit entries);
//   - AddRequests (bulk loading), TallyYear and VerifyAuditLog (the chain walk), which are
//     written for each backend's planner and bulk paths.
#pragma once

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "audit_chain.h"
#include "gongkai/ledger_limits.h"
#include "gongkai/sha256.h"
#include "gongkai/store.h"
#include "record_codec.h"
#include "store_backend.h"

namespace gongkai::store_internal {

// The SQL of CaseStoreOn that a backend writes in its own form. Parameters as ?N.
struct BackendSql {
  // The value of a new request's id in INSERT INTO request(kRequestColumns) VALUES (…): an
  // expression without parameters.
  const char* new_request_id;
  // What follows "SELECT kRequestColumns, " to read every request in id order with the id
  // and after_json of its last audit entry.
  const char* request_last_audit;
  // Every attachment: id, request_id, name, sha256, size, content, then the id and after_json
  // of its last audit entry.
  const char* attachments_with_last_audit;
  // Every query code: request_id, code_sha256, then the id and after_json of its last entry.
  const char* query_codes_with_last_audit;
};

template <class Backend>
class CaseStoreOn : public CaseStore, public Backend::Context {
 protected:
  using Statement = typename Backend::Stmt;

 public:
  explicit CaseStoreOn(const BackendSql& sql) : sql_(sql) {}

  // The Context (sqlite_context.h / pg_context.h): the other stores share this connection and
  // this audit log.
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

  StatusOr<int64_t> AddAgency(const Agency& a, const std::string& actor) override {
    if (a.name.empty()) return InvalidArgumentError("机关名称不能为空 (agency name is empty)");
    GONGKAI_RETURN_IF_ERROR(
        gongkai::CheckTextFields({{"机关名称 (agency name)", a.name}, {"经办人 (actor)", actor}}));
    return InTransaction<int64_t>([&]() -> StatusOr<int64_t> {
      GONGKAI_RETURN_IF_ERROR(CheckAgencyPlace(a));
      Statement& s = Stmt(kInsertAgency,
                          "INSERT INTO agency(name, parent_id, kind) VALUES (?1, ?2, ?3) "
                          "RETURNING id");
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
    Statement& s =
        Stmt(kGetAgency, "SELECT id, name, coalesce(parent_id, 0), kind FROM agency WHERE id = ?1");
    s.Bind(1, id);
    return OneRow<Agency>(s, [](const Statement& r) { return ReadAgency(r); },
                          [&] {
                            return NotFoundError("没有编号为 " + std::to_string(id) +
                                                 " 的机关 (no such agency)");
                          });
  }

  StatusOr<std::vector<Agency>> ListAgencies() override {
    Statement& s = Stmt(kListAgencies,
                        "SELECT id, name, coalesce(parent_id, 0), kind FROM agency ORDER BY id");
    return AllRows<Agency>(s, [](const Statement& r) { return ReadAgency(r); });
  }

  StatusOr<int64_t> AddApplicant(const Applicant& a, const PersonalData& p,
                                 const std::string& actor) override {
    GONGKAI_RETURN_IF_ERROR(gongkai::CheckTextFields({{"申请人名称 (applicant name)", a.name},
                                             {"证件号码 (id number)", p.id_number},
                                             {"电话 (phone)", p.phone},
                                             {"地址 (address)", p.address},
                                             {"经办人 (actor)", actor}}));
    return InTransaction<int64_t>([&]() -> StatusOr<int64_t> {
      Statement& s = Stmt(kInsertApplicant,
                          "INSERT INTO applicant(kind, name) VALUES (?1, ?2) RETURNING id");
      s.Bind(1, static_cast<int>(a.kind)).Bind(2, a.name);
      GONGKAI_ASSIGN_OR_RETURN(int64_t id, InsertedId(s, "登记申请人 (add applicant)"));
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
    return OneRow<Applicant>(
        s,
        [](const Statement& r) {
          return Applicant{r.Int(0), static_cast<ApplicantKind>(r.Int(1)), r.Text(2)};
        },
        [&] {
          return NotFoundError("没有编号为 " + std::to_string(id) + " 的申请人 (no such applicant)");
        });
  }

  StatusOr<PersonalData> GetPersonalData(int64_t applicant_id) override {
    Statement& s = Stmt(kGetPrivate,
                        "SELECT id_number, phone, address FROM applicant_private "
                        "WHERE applicant_id = ?1");
    s.Bind(1, applicant_id);
    return OneRow<PersonalData>(
        s, [](const Statement& r) { return PersonalData{r.Text(0), r.Text(1), r.Text(2)}; },
        [&] {
          return NotFoundError("申请人 " + std::to_string(applicant_id) +
                               " 没有个人信息记录 (no personal data)");
        });
  }

  StatusOr<int64_t> AddRequest(const Request& r, const std::vector<Attachment>& attachments,
                               const Event& registered,
                               const std::string& query_code_sha256) override {
    GONGKAI_RETURN_IF_ERROR(CheckRequestText(r));
    GONGKAI_RETURN_IF_ERROR(CheckQueryCodeHash(query_code_sha256));
    GONGKAI_RETURN_IF_ERROR(CheckEventText(registered));
    for (const Attachment& a : attachments) {
      GONGKAI_RETURN_IF_ERROR(gongkai::CheckTextFields({{"附件名 (attachment name)", a.name}}));
    }
    return InTransaction<int64_t>([&]() -> StatusOr<int64_t> {
      GONGKAI_ASSIGN_OR_RETURN(int64_t id, InsertRequest(r, registered));
      for (const Attachment& a : attachments) {
        // The hash is the store's own, over the bytes it stores (a given a.sha256 is ignored).
        const std::string sha256 = Sha256Hex(a.content);
        Statement& s = Stmt(kInsertAttachment,
                            "INSERT INTO attachment(request_id, name, sha256, size, content) "
                            "VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id");
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

  StatusOr<Request> GetRequest(int64_t id) override {
    Statement& s =
        Stmt(kGetRequest,
             (std::string("SELECT ") + kRequestColumns + " FROM request WHERE id = ?1").c_str());
    s.Bind(1, id);
    return OneRow<Request>(s, [](const Statement& r) { return ReadRequest(r); }, [&] {
      return NotFoundError("没有编号为 " + std::to_string(id) + " 的申请 (no such request)");
    });
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
      if (Backend::Changes(this, s) != 1) {
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
    return AllRows<Event>(s, [](const Statement& r) { return ReadEvent(r); });
  }

  StatusOr<std::optional<CodedRequest>> FindRequestByQueryCode(
      const std::string& query_code_sha256) override {
    // One read transaction for the request row and its events: a consistent snapshot.
    GONGKAI_RETURN_IF_ERROR(BeginTransaction(TransactionKind::kSnapshotRead));
    StatusOr<std::optional<CodedRequest>> found = ReadCodedRequest(query_code_sha256);
    Status end = CommitTransaction();
    if (!end.ok()) RollbackTransaction();
    if (!found.ok()) return found.status();
    if (!end.ok()) return end;
    return found;
  }

  StatusOr<std::vector<Attachment>> ListAttachments(int64_t request_id) override {
    Statement& s = Stmt(kListAttachments,
                        "SELECT id, name, sha256, size FROM attachment WHERE request_id = ?1 "
                        "ORDER BY id");
    s.Bind(1, request_id);
    return AllRows<Attachment>(s, [](const Statement& r) {
      return Attachment{r.Int(0), r.Text(1), r.Text(2), r.Int(3), ""};
    });
  }

  StatusOr<std::vector<Request>> ListOpenRequests(int64_t agency_id) override {
    Statement& s = Stmt(kListOpen, (std::string("SELECT ") + kRequestColumns +
                                    " FROM request WHERE state <> 'concluded' AND "
                                    "(CAST(?1 AS BIGINT) = 0 OR agency_id = ?1) ORDER BY id")
                                       .c_str());
    s.Bind(1, agency_id);
    return AllRows<Request>(s, [](const Statement& r) { return ReadRequest(r); });
  }

  StatusOr<int64_t> CountApplicantRequestsInMonth(int64_t applicant_id, int64_t agency_id,
                                                  Date received, int64_t id) override {
    Date first = Date::FromYmd(received.year(), received.month(), 1);
    Statement& s = Stmt(kCountMonth,
                        "SELECT count(*) FROM request WHERE applicant_id = ?1 AND agency_id = ?2 "
                        "AND received >= ?3 AND (received < ?4 OR (received = ?4 AND id <= ?5))");
    s.Bind(1, applicant_id).Bind(2, agency_id).Bind(3, first.ToString());
    s.Bind(4, received.ToString()).Bind(5, id);
    return OneRow<int64_t>(s, [](const Statement& r) { return r.Int(0); },
                           [] { return StatusOr<int64_t>(int64_t{0}); });
  }

  StatusOr<int64_t> AddReviewCase(const ReviewCase& c, const std::string& actor) override {
    GONGKAI_RETURN_IF_ERROR(gongkai::CheckTextFields({{"经办人 (actor)", actor}}));
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
                          "request_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id");
      s.Bind(1, c.agency_id).Bind(2, c.group).Bind(3, c.filed.ToString());
      s.Bind(4, OptDate(c.decided)).Bind(5, static_cast<int>(c.result));
      if (c.request_id) {
        s.Bind(6, c.request_id);
      } else {
        s.BindNull(6);
      }
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
    GONGKAI_RETURN_IF_ERROR(gongkai::CheckTextFields(
        {{"文件标题 (title)", d.title}, {"文号 (number)", d.number}, {"经办人 (actor)", actor}}));
    if (d.kind < 0 || d.kind >= kDocKindCount) {
      return InvalidArgumentError("文件类别无效 (invalid document kind)");
    }
    if (d.abolished && *d.abolished < d.made) {
      return InvalidArgumentError("废止日期早于制发日期 (abolished before it was made)");
    }
    return InTransaction<int64_t>([&]() -> StatusOr<int64_t> {
      Statement& s = Stmt(kInsertDoc,
                          "INSERT INTO normative_doc(agency_id, kind, title, number, made, "
                          "abolished) VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id");
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
    GONGKAI_RETURN_IF_ERROR(gongkai::CheckTextFields({{"经办人 (actor)", actor}}));
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
      // The row is replaced whole: its source (the import it came from) emptied.
      Statement& s = Stmt(kSetCounts,
                          "INSERT INTO year_counts(agency_id, year, licensing, penalty, coercion, "
                          "fees_10k_yuan) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (agency_id, "
                          "year) DO UPDATE SET licensing = excluded.licensing, penalty = "
                          "excluded.penalty, coercion = excluded.coercion, fees_10k_yuan = "
                          "excluded.fees_10k_yuan, source = ''");
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

  StatusOr<std::vector<AuditEntry>> ListAudit(const std::string& entity,
                                              int64_t entity_id) override {
    Statement& s = Stmt(kListAudit,
                        "SELECT id, at, actor, action, entity, entity_id, before_json, after_json "
                        "FROM audit_log WHERE CAST(?1 AS TEXT) = '' OR (entity = ?1 AND "
                        "entity_id = ?2) ORDER BY id");
    s.Bind(1, entity).Bind(2, entity_id);
    return AllRows<AuditEntry>(s, [](const Statement& r) {
      return AuditEntry{r.Int(0),  r.Text(1), r.Text(2), r.Text(3),
                        r.Text(4), r.Int(5),  r.Text(6), r.Text(7)};
    });
  }

 protected:
  enum class TransactionKind { kWrite, kSnapshotRead };

  // The end of the audit chain as this transaction left it (valid only inside InTransaction,
  // which holds the chain's write lock, so no other writer can append meanwhile), and the
  // timestamp of every audit row of the transaction.
  struct ChainEnd {
    bool valid = false;
    int64_t last_id = 0;
    std::string last_hash;
    std::string at;
  };

  // One audit row after the chain's end, and its hash.
  struct ChainedRow {
    AuditRow row;
    std::string hash;  // AuditRowHash(row)
  };

  // Starts a transaction: kWrite takes the lock that makes this the chain's only writer (and
  // fails on a read-only store); kSnapshotRead reads one consistent snapshot.
  virtual Status BeginTransaction(TransactionKind kind) = 0;
  virtual Status CommitTransaction() = 0;
  virtual void RollbackTransaction() = 0;
  // The chain's last id and hash (0 and kGenesisHash when empty) and the time now, UTC ISO
  // 8601 with milliseconds; read inside a write transaction.
  virtual StatusOr<ChainEnd> ReadChainEnd() = 0;

  // Runs `body` in one write transaction; commits if it succeeds, rolls back if not.
  template <typename T, typename F>
  StatusOr<T> InTransaction(F&& body) {
    chain_.valid = false;  // another process may have appended since our last transaction
    GONGKAI_RETURN_IF_ERROR(BeginTransaction(TransactionKind::kWrite));
    StatusOr<T> r = body();
    chain_.valid = false;
    if (r.ok()) {
      Status c = CommitTransaction();
      if (c.ok()) return r;
      r = c;
    }
    RollbackTransaction();
    return r;
  }

  // Inserts `r` (version 1) with its registration event and audit entry, in the caller's
  // transaction; returns its id.
  StatusOr<int64_t> InsertRequest(const Request& r, const Event& registered) {
    Statement& s = Stmt(kInsertRequest,
                        (std::string("INSERT INTO request(") + kRequestColumns + ") VALUES (coalesce(CAST(?1 AS BIGINT), " +
                         sql_.new_request_id +
                         "), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
                         "?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26) RETURNING id")
                            .c_str());
    s.BindNull(1);  // a new id
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

  // The audit row after the chain's end, which it becomes: the caller must write it in this
  // write transaction.
  StatusOr<ChainedRow> NextAuditRow(const std::string& actor, const char* action,
                                    const char* entity, int64_t id, const std::string& before,
                                    const std::string& after) {
    if (!chain_.valid) {  // first audit row of this transaction: read the chain's end
      GONGKAI_ASSIGN_OR_RETURN(chain_, ReadChainEnd());
      chain_.valid = true;
    }
    AuditRow row;
    row.id = chain_.last_id + 1;
    row.prev_hash = chain_.last_hash;
    row.at = chain_.at;  // one timestamp per transaction
    row.actor = actor;
    row.action = action;
    row.entity = entity;
    row.entity_id = id;
    row.before_json = before;
    row.after_json = after;
    std::string hash = AuditRowHash(row);
    chain_.last_id = row.id;
    chain_.last_hash = hash;
    return ChainedRow{std::move(row), std::move(hash)};
  }

  // Binds `chained` as the ten columns of audit_log, in kAuditLogColumns' order.
  template <class Stmt>
  static void BindAuditRow(Stmt& s, const ChainedRow& chained) {
    const AuditRow& row = chained.row;
    s.Bind(1, row.id).Bind(2, row.at).Bind(3, row.actor).Bind(4, row.action).Bind(5, row.entity);
    s.Bind(6, row.entity_id).Bind(7, row.before_json).Bind(8, row.after_json);
    s.Bind(9, row.prev_hash).Bind(10, chained.hash);
  }
  static constexpr const char* kAuditLogColumns =
      "id, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, row_hash";

  // Compares every request, attachment and query code with the after_json of its last audit
  // entry; the first difference makes `v` broken. Runs in the caller's snapshot.
  Status VerifyRecordsAgainstAudit(AuditVerification* v) {
    auto broken = [&](const std::string& what, int64_t id, int64_t audit_id,
                      const std::string& zh, const std::string& en) {
      v->intact = false;
      v->broken_row = audit_id;
      v->problem = what + " " + std::to_string(id) + "：" + zh + " (" + en + ")";
      return Status::Ok();
    };
    Statement& r = Stmt(kVerifyRequests, (std::string("SELECT ") + kRequestColumns + ", " +
                                          sql_.request_last_audit)
                                             .c_str());
    for (;;) {
      GONGKAI_ASSIGN_OR_RETURN(bool row, r.Step());
      if (!row) break;
      Request q = ReadRequest(r);
      int64_t audit_id = r.IsNull(26) ? 0 : r.Int(26);
      if (audit_id == 0 || RequestJson(q).dump() != r.Text(27)) {
        r.Reset();
        return broken("申请 (request)", q.id, audit_id,
                      audit_id == 0 ? "没有审计记录"
                                    : "与最后一条审计记录（第 " + std::to_string(audit_id) +
                                          " 条）不一致，被绕过台账改动过",
                      audit_id == 0 ? "no audit entry"
                                    : "differs from its last audit entry, row " +
                                          std::to_string(audit_id) +
                                          "; changed outside the ledger");
      }
    }
    r.Reset();
    Statement& f = Stmt(kVerifyAttachments, sql_.attachments_with_last_audit);
    for (;;) {
      GONGKAI_ASSIGN_OR_RETURN(bool row, f.Step());
      if (!row) break;
      int64_t id = f.Int(0);
      std::string content = Backend::Bytes(f, 5);
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
        return broken("附件 (attachment)", id, audit_id, "内容、哈希或大小与审计记录不一致",
                      "content, hash or size differs from its audit entry");
      }
    }
    f.Reset();
    Statement& c = Stmt(kVerifyQueryCodes, sql_.query_codes_with_last_audit);
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
    kVerifyRequests,
    kVerifyAttachments,
    kAgencyNameTaken,
    kRootAgencyNameTaken,
    kInsertQueryCode,
    kFindByCode,
    kVerifyQueryCodes,
    kStmtCount,
  };

  // The cached prepared statement `id`, prepared from `sql` on first use. A prepare failure is
  // a programming error (the SQL is fixed) and leaves the statement unprepared, so that its
  // first Step() fails with the database's message.
  Statement& Stmt(StmtId id, const char* sql) {
    Statement& s = stmts_[static_cast<size_t>(id)];
    (void)Backend::Prepare(this, s, sql);
    return s;
  }

  // Steps an INSERT … RETURNING id (bound) and returns the id; errors name `what`.
  static StatusOr<int64_t> InsertedId(Statement& s, const std::string& what) {
    StatusOr<int64_t> id = ReturnedId(s);
    if (!id.ok()) return id.status().WithContext(what);
    return id;
  }

  // read(s) of the first row of `s` (bound), or missing() when it has none; `s` is reset.
  template <typename T, typename Read, typename Missing>
  static StatusOr<T> OneRow(Statement& s, Read read, Missing missing) {
    StatusOr<bool> row = s.Step();
    if (!row.ok() || !*row) {
      s.Reset();
      if (!row.ok()) return row.status();
      return missing();
    }
    T value = read(s);
    s.Reset();
    return value;
  }

  // Where an agency may sit (record_codec.h CheckAgencyNesting); no two agencies of one parent
  // share a name.
  Status CheckAgencyPlace(const Agency& a) {
    if (a.parent_id) {
      StatusOr<Agency> parent = GetAgency(a.parent_id);
      if (!parent.ok()) return parent.status().WithContext("上级机关 (parent agency)");
      GONGKAI_RETURN_IF_ERROR(CheckAgencyNesting(a, *parent));
    }
    // Two statements, so that both go through the agency_parent index (a comparison of
    // coalesce(parent_id, 0) read every agency: creating n agencies took n² reads).
    Statement& q = a.parent_id
                       ? Stmt(kAgencyNameTaken,
                              "SELECT id FROM agency WHERE parent_id = ?1 AND name = ?2")
                       : Stmt(kRootAgencyNameTaken,
                              "SELECT id FROM agency WHERE parent_id IS NULL AND name = ?1");
    if (a.parent_id) q.Bind(1, a.parent_id).Bind(2, a.name);
    else q.Bind(1, a.name);
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

  // Appends one hash-chained row (audit_chain.h) after the last one, inside the caller's write
  // transaction, so no other writer can slip a row in between.
  Status Audit(const std::string& actor, const char* action, const char* entity, int64_t id,
               const std::string& before, const std::string& after) {
    GONGKAI_ASSIGN_OR_RETURN(ChainedRow row,
                             NextAuditRow(actor, action, entity, id, before, after));
    Statement& s = Stmt(kAudit, (std::string("INSERT INTO audit_log(") + kAuditLogColumns +
                                 ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
                                    .c_str());
    BindAuditRow(s, row);
    Status written = s.Run().WithContext("写审计日志 (append audit log)");
    if (!written.ok()) chain_.valid = false;  // the row is not there: read the end again
    return written;
  }

  const BackendSql sql_;
  ChainEnd chain_;
  std::array<Statement, kStmtCount> stmts_;
};

}  // namespace gongkai::store_internal
