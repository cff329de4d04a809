// The SubmissionStore (submissions.h) on the connection and audit log of the CaseStore it is
// opened on, SQLite or PostgreSQL: one template over the backend (store_backend.h).
#include <array>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>

#include "gongkai/submissions.h"
#include "record_codec.h"
#include "store_backend.h"

namespace gongkai {
namespace {

using store_internal::AllRows;
using store_internal::CheckTextFields;
using store_internal::ReturnedId;
using Json = nlohmann::ordered_json;

constexpr std::array<std::string_view, 4> kMatchIds = {"none", "exact", "partial", "assigned"};

// What the audit log records of a submission: everything but the model (its hash stands for the
// bytes, the counts for the findings).
Json SubmissionJson(const Submission& s) {
  return Json{{"id", s.id},
              {"supervisor_id", s.supervisor_id},
              {"agency_id", s.agency_id},
              {"year", s.year},
              {"match", SubmissionMatchId(s.match)},
              {"file_name", s.file_name},
              {"sha256", s.sha256},
              {"format", s.format},
              {"report_agency", s.report_agency},
              {"errors", s.errors},
              {"warnings", s.warnings},
              {"filed", s.filed.ToString()},
              {"uploaded_by", s.uploaded_by}};
}

bool IsLowerHex64(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

// Columns read by ReadSubmission; `version` is computed by each query as column 14.
constexpr const char* kColumns =
    "s.id, s.supervisor_id, coalesce(s.agency_id, 0), s.year, s.match, s.file_name, s.sha256, "
    "s.format, s.report_agency, s.errors, s.warnings, s.filed, s.uploaded_by, s.uploaded_at";

template <class Row>
Submission ReadSubmission(const Row& q) {
  Submission s;
  s.id = q.Int(0);
  s.supervisor_id = q.Int(1);
  s.agency_id = q.Int(2);
  s.year = static_cast<int>(q.Int(3));
  int64_t m = q.Int(4);
  s.match = m >= 0 && m <= 3 ? static_cast<SubmissionMatch>(m) : SubmissionMatch::kNone;
  s.file_name = q.Text(5);
  s.sha256 = q.Text(6);
  s.format = q.Text(7);
  s.report_agency = q.Text(8);
  s.errors = static_cast<int>(q.Int(9));
  s.warnings = static_cast<int>(q.Int(10));
  s.filed = store_internal::ColDate(q, 11).value_or(Date());
  s.uploaded_by = q.Text(12);
  s.uploaded_at = q.Text(13);
  s.version = static_cast<int>(q.Int(14));
  return s;
}

// The ids of the newest submission of every agency for the year ?1.
constexpr const char* kNewestIds =
    "(SELECT max(id) FROM supervision_submission WHERE year = ?1 AND agency_id IS NOT NULL "
    "GROUP BY agency_id)";

// The version of row `s` among its agency's rows for its year (0 while unassigned).
constexpr const char* kVersionExpr =
    "CASE WHEN s.agency_id IS NULL THEN 0 ELSE (SELECT count(*) FROM supervision_submission v "
    "WHERE v.year = s.year AND v.agency_id = s.agency_id AND v.id <= s.id) END";

template <class Backend>
class SubmissionStoreOn final : public SubmissionStore {
  using Context = typename Backend::Context;
  using Statement = typename Backend::Stmt;

 public:
  explicit SubmissionStoreOn(Context* ctx) : ctx_(ctx) {}

  StatusOr<std::vector<int64_t>> Add(const std::vector<Submission>& all,
                                     const std::string& actor) override {
    std::set<int64_t> known;  // agencies found to exist: each looked up once per call
    for (const Submission& in : all) GONGKAI_RETURN_IF_ERROR(Check(in, &known));
    std::vector<int64_t> ids;
    GONGKAI_RETURN_IF_ERROR(ctx_->RunInTransaction([&]() -> Status {
      ids.clear();
      for (const Submission& in : all) {
        GONGKAI_ASSIGN_OR_RETURN(int64_t id, Insert(in, actor));
        ids.push_back(id);
      }
      return Status::Ok();
    }));
    return ids;
  }

  Status Assign(int64_t id, int64_t agency_id, int year, const std::string& actor) override {
    if (year < 2008 || year > 2200) {
      return InvalidArgumentError("年度应为 2008 年以后的四位年份 (year out of range)");
    }
    GONGKAI_RETURN_IF_ERROR(Backend::AgencyExists(ctx_, agency_id));
    return ctx_->RunInTransaction([&]() -> Status {
      GONGKAI_ASSIGN_OR_RETURN(Submission before, Get(id));
      Statement& q = Stmt(assign_,
                          "UPDATE supervision_submission SET agency_id = ?2, year = ?3, match = ?4 "
                          "WHERE id = ?1");
      q.Bind(1, id).Bind(2, agency_id).Bind(3, year);
      GONGKAI_RETURN_IF_ERROR(q.Bind(4, static_cast<int>(SubmissionMatch::kAssigned))
                                  .Run()
                                  .WithContext("指定机关 (assign)"));
      Submission after = before;
      after.agency_id = agency_id;
      after.year = year;
      after.match = SubmissionMatch::kAssigned;
      return ctx_->AppendAudit(actor, "update", "supervision_submission", id,
                               SubmissionJson(before).dump(), SubmissionJson(after).dump());
    });
  }

  StatusOr<Submission> Get(int64_t id) override {
    Statement& q = Stmt(
        get_,
        (std::string("SELECT ") + kColumns + ", " + kVersionExpr +
         ", m.model_json, m.tables_json FROM supervision_submission s JOIN supervision_model m "
         "ON m.submission_id = s.id WHERE s.id = ?1")
            .c_str());
    q.Bind(1, id);
    GONGKAI_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) {
      q.Reset();
      return NotFoundError("没有编号为 " + std::to_string(id) + " 的报告 (no such submission)");
    }
    Submission s = ReadSubmission(q);
    s.model_json = q.Text(15);
    s.tables_json = q.Text(16);
    q.Reset();
    return s;
  }

  StatusOr<std::map<int64_t, Submission>> Latest(int year) override {
    Statement& q = Stmt(latest_, (std::string("SELECT ") + kColumns + ", " + kVersionExpr +
                                  " FROM supervision_submission s WHERE s.id IN " + kNewestIds)
                                     .c_str());
    q.Bind(1, year);
    GONGKAI_ASSIGN_OR_RETURN(std::vector<Submission> rows,
                             AllRows<Submission>(q, ReadSubmission<Statement>));
    std::map<int64_t, Submission> out;
    for (Submission& s : rows) {
      const int64_t agency = s.agency_id;
      out[agency] = std::move(s);
    }
    return out;
  }

  StatusOr<std::map<int64_t, std::string>> LatestTables(int year) override {
    Statement& q = Stmt(latest_tables_,
                        (std::string("SELECT s.agency_id, m.tables_json FROM supervision_submission s "
                                     "JOIN supervision_model m ON m.submission_id = s.id WHERE "
                                     "s.id IN ") +
                         kNewestIds)
                            .c_str());
    q.Bind(1, year);
    std::map<int64_t, std::string> out;
    for (;;) {
      GONGKAI_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) break;
      out[q.Int(0)] = q.Text(1);
    }
    q.Reset();
    return out;
  }

  StatusOr<std::vector<Submission>> Versions(int64_t agency_id, int year) override {
    Statement& q = Stmt(versions_, (std::string("SELECT ") + kColumns + ", " + kVersionExpr +
                                    " FROM supervision_submission s WHERE s.agency_id = ?1 AND "
                                    "s.year = ?2 ORDER BY s.id")
                                       .c_str());
    q.Bind(1, agency_id).Bind(2, year);
    return Collect(q);
  }

  StatusOr<std::vector<Submission>> Unassigned(int64_t supervisor_id) override {
    Statement& q = Stmt(unassigned_, (std::string("SELECT ") + kColumns +
                                      ", 0 FROM supervision_submission s WHERE s.supervisor_id = "
                                      "?1 AND s.agency_id IS NULL ORDER BY s.id")
                                         .c_str());
    q.Bind(1, supervisor_id);
    return Collect(q);
  }

 private:
  // Checks one submission; `known` holds the agencies already found to exist (and gains those
  // found now), so that a batch of one supervisor's uploads asks once per agency.
  Status Check(const Submission& in, std::set<int64_t>* known) {
    GONGKAI_RETURN_IF_ERROR(CheckTextFields({{"文件名", &in.file_name},
                                             {"报告中的机关名称", &in.report_agency},
                                             {"格式", &in.format},
                                             {"上传人", &in.uploaded_by}}));
    if (!IsLowerHex64(in.sha256)) {
      return InvalidArgumentError(in.file_name +
                                  ": sha256 应为 64 位小写十六进制 (sha256 must be 64 hex digits)");
    }
    if (in.errors < 0 || in.warnings < 0) {
      return InvalidArgumentError(in.file_name +
                                  ": 错误数和警告数不能为负 (counts must not be negative)");
    }
    if ((in.agency_id == 0) != (in.match == SubmissionMatch::kNone)) {
      return InvalidArgumentError(
          in.file_name +
          ": 未指定机关的报告匹配方式应为 none (match must be none exactly when unassigned)");
    }
    auto exists = [&](int64_t id) -> Status {
      if (known->count(id)) return Status::Ok();
      GONGKAI_RETURN_IF_ERROR(Backend::AgencyExists(ctx_, id));
      known->insert(id);
      return Status::Ok();
    };
    GONGKAI_RETURN_IF_ERROR(exists(in.supervisor_id));
    if (in.agency_id != 0) GONGKAI_RETURN_IF_ERROR(exists(in.agency_id));
    return Status::Ok();
  }

  // Inserts one checked submission and its audit entry (inside the caller's transaction).
  StatusOr<int64_t> Insert(const Submission& in, const std::string& actor) {
    Statement& q = Stmt(insert_,
                        "INSERT INTO supervision_submission(supervisor_id, agency_id, year, "
                        "match, file_name, sha256, format, report_agency, errors, warnings, filed, "
                        "uploaded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
                        "RETURNING id");
    q.Bind(1, in.supervisor_id);
    if (in.agency_id != 0) {
      q.Bind(2, in.agency_id);
    } else {
      q.BindNull(2);
    }
    q.Bind(3, in.year).Bind(4, static_cast<int>(in.match)).Bind(5, in.file_name);
    q.Bind(6, in.sha256).Bind(7, in.format).Bind(8, in.report_agency).Bind(9, in.errors);
    q.Bind(10, in.warnings).Bind(11, in.filed.ToString()).Bind(12, in.uploaded_by);
    StatusOr<int64_t> inserted = ReturnedId(q);
    if (!inserted.ok()) {
      return inserted.status().WithContext(in.file_name + ": 保存报告 (store submission)");
    }
    const int64_t id = *inserted;
    Statement& m = Stmt(insert_model_,
                        "INSERT INTO supervision_model(submission_id, model_json, tables_json) "
                        "VALUES (?1, ?2, ?3)");
    m.Bind(1, id).Bind(2, in.model_json).Bind(3, in.tables_json);
    GONGKAI_RETURN_IF_ERROR(m.Run().WithContext(in.file_name + ": 保存报告 (store submission)"));
    Submission stored = in;
    stored.id = id;
    GONGKAI_RETURN_IF_ERROR(ctx_->AppendAudit(actor, "insert", "supervision_submission", id, "",
                                              SubmissionJson(stored).dump()));
    return id;
  }

  Statement& Stmt(Statement& s, const char* sql) {
    (void)Backend::Prepare(ctx_, s, sql);
    return s;
  }

  static StatusOr<std::vector<Submission>> Collect(Statement& q) {
    return AllRows<Submission>(q, ReadSubmission<Statement>);
  }

  Context* ctx_;
  Statement insert_, insert_model_, assign_, get_, latest_, latest_tables_, versions_, unassigned_;
};

}  // namespace

std::string_view SubmissionMatchId(SubmissionMatch m) {
  size_t i = static_cast<size_t>(m);
  return i < kMatchIds.size() ? kMatchIds[i] : "none";
}

StatusOr<std::unique_ptr<SubmissionStore>> OpenSubmissionStore(CaseStore& store) {
  if (auto* ctx = store_internal::SqliteContextOf(store)) {
    return std::unique_ptr<SubmissionStore>(
        new SubmissionStoreOn<store_internal::SqliteBackend>(ctx));
  }
  if (auto* ctx = store_internal::PgContextOf(store)) {
    return std::unique_ptr<SubmissionStore>(new SubmissionStoreOn<store_internal::PgBackend>(ctx));
  }
  return UnimplementedError(
      "报告收集需要 SQLite 或 PostgreSQL 台账 (submissions need a ledger store)");
}

}  // namespace gongkai
