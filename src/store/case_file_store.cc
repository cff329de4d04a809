// CaseFiles (case_files.h) on the connection and audit log of the CaseStore it is opened on,
// SQLite or PostgreSQL: one template over the backend (store_backend.h).
#include <nlohmann/json.hpp>

#include "gongkai/case_files.h"
#include "record_codec.h"
#include "store_backend.h"

namespace gongkai {
namespace {

using store_internal::AllRows;
using store_internal::ReturnedId;
using Json = nlohmann::ordered_json;

constexpr const char* kProposalColumns =
    "id, request_id, days, reason, proposed_by, proposed_on, state, decided_by, decided_on";

Json ProposalJson(const ExtensionProposal& p) {
  return Json{{"id", p.id},
              {"request_id", p.request_id},
              {"days", p.days},
              {"reason", p.reason},
              {"proposed_by", p.proposed_by},
              {"proposed_on", p.proposed_on.ToString()},
              {"state", static_cast<int>(p.state)},
              {"decided_by", p.decided_by},
              {"decided_on", p.decided_on ? Json(p.decided_on->ToString()) : Json(nullptr)}};
}

template <class Row>
ExtensionProposal ReadProposal(const Row& s) {
  ExtensionProposal p;
  p.id = s.Int(0);
  p.request_id = s.Int(1);
  p.days = static_cast<int>(s.Int(2));
  p.reason = s.Text(3);
  p.proposed_by = s.Text(4);
  p.proposed_on = store_internal::ColDate(s, 5).value_or(Date());
  int64_t state = s.Int(6);
  if (state >= 0 && state <= 2) p.state = static_cast<ProposalState>(state);
  p.decided_by = s.Text(7);
  p.decided_on = store_internal::ColDate(s, 8);
  return p;
}

Status NoAttachment(int64_t request_id, int64_t attachment_id) {
  return NotFoundError("申请 " + std::to_string(request_id) + " 没有编号为 " +
                       std::to_string(attachment_id) + " 的附件 (no such attachment)");
}

template <class Backend>
class CaseFilesOn final : public CaseFiles {
  using Context = typename Backend::Context;
  using Statement = typename Backend::Stmt;

 public:
  explicit CaseFilesOn(Context* ctx) : ctx_(ctx) {}

  StatusOr<Attachment> GetAttachment(int64_t request_id, int64_t attachment_id) override {
    Statement& s = Stmt(attachment_,
                        "SELECT id, name, sha256, size, content FROM attachment "
                        "WHERE id = ?1 AND request_id = ?2");
    s.Bind(1, attachment_id).Bind(2, request_id);
    GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) {
      s.Reset();
      return NoAttachment(request_id, attachment_id);
    }
    Attachment a{s.Int(0), s.Text(1), s.Text(2), s.Int(3), Backend::Bytes(s, 4)};
    s.Reset();
    return a;
  }

  StatusOr<PersonalData> ViewPersonalData(int64_t request_id, const std::string& actor) override {
    GONGKAI_RETURN_IF_ERROR(store_internal::CheckTextFields({{"经办人 (actor)", &actor}}));
    if (actor.empty()) return InvalidArgumentError("需要经办人 (actor is required)");
    PersonalData data;
    Status read = ctx_->RunInTransaction([&]() -> Status {
      Statement& s = Stmt(personal_,
                          "SELECT p.applicant_id, p.id_number, p.phone, p.address FROM request r "
                          "JOIN applicant_private p ON p.applicant_id = r.applicant_id "
                          "WHERE r.id = ?1");
      s.Bind(1, request_id);
      GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) {
        s.Reset();
        return NotFoundError("申请 " + std::to_string(request_id) +
                             " 没有申请人个人信息记录 (no personal data)");
      }
      const int64_t applicant = s.Int(0);
      data = PersonalData{s.Text(1), s.Text(2), s.Text(3)};
      s.Reset();
      // Who looked, at whose data, for which request: never the data itself (store.h).
      return ctx_->AppendAudit(actor, "view", "applicant_private", applicant, "",
                               Json{{"request_id", request_id}}.dump());
    });
    if (!read.ok()) return read;
    return data;
  }

  StatusOr<int64_t> ProposeExtension(const ExtensionProposal& p) override {
    GONGKAI_RETURN_IF_ERROR(store_internal::CheckTextFields(
        {{"延期理由 (reason)", &p.reason}, {"经办人 (actor)", &p.proposed_by}}));
    if (p.days < 1 || p.days > 20) {
      return InvalidArgumentError("延长的期限应为 1 到 20 个工作日（条例第三十三条第二款），现为 " +
                                  std::to_string(p.days) + " (1 to 20 working days)");
    }
    if (p.reason.empty()) return InvalidArgumentError("延期须写明理由 (reason required)");
    if (p.proposed_by.empty()) return InvalidArgumentError("需要经办人 (actor is required)");
    int64_t id = 0;
    Status written = ctx_->RunInTransaction([&]() -> Status {
      GONGKAI_ASSIGN_OR_RETURN(std::optional<ExtensionProposal> pending,
                               PendingExtension(p.request_id));
      if (pending) {
        return FailedPreconditionError("该申请已有待批准的延期申请（" +
                                       std::to_string(pending->id) +
                                       "），请先由批准人决定 (an extension proposal is pending)");
      }
      Statement& s = Stmt(insert_,
                          "INSERT INTO extension_proposal(request_id, days, reason, proposed_by, "
                          "proposed_on) VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id");
      s.Bind(1, p.request_id).Bind(2, p.days).Bind(3, p.reason).Bind(4, p.proposed_by);
      s.Bind(5, p.proposed_on.ToString());
      StatusOr<int64_t> inserted = ReturnedId(s);
      if (!inserted.ok()) {
        return inserted.status().WithContext("登记延期申请 (propose extension)");
      }
      id = *inserted;
      ExtensionProposal stored = p;
      stored.id = id;
      stored.state = ProposalState::kPending;
      stored.decided_by.clear();
      stored.decided_on.reset();
      return ctx_->AppendAudit(p.proposed_by, "insert", "extension_proposal", id, "",
                               ProposalJson(stored).dump());
    });
    if (!written.ok()) return written;
    return id;
  }

  StatusOr<std::optional<ExtensionProposal>> PendingExtension(int64_t request_id) override {
    Statement& s = Stmt(pending_, (std::string("SELECT ") + kProposalColumns +
                                   " FROM extension_proposal WHERE request_id = ?1 AND state = 0")
                                      .c_str());
    s.Bind(1, request_id);
    GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
    std::optional<ExtensionProposal> out;
    if (row) out = ReadProposal(s);
    s.Reset();
    return out;
  }

  StatusOr<std::vector<ExtensionProposal>> ListExtensionProposals(int64_t request_id) override {
    Statement& s = Stmt(list_, (std::string("SELECT ") + kProposalColumns +
                                " FROM extension_proposal WHERE request_id = ?1 ORDER BY id")
                                   .c_str());
    s.Bind(1, request_id);
    return AllRows<ExtensionProposal>(s, ReadProposal<Statement>);
  }

  Status DecideExtension(int64_t id, ProposalState decision, const std::string& actor,
                         Date on) override {
    GONGKAI_RETURN_IF_ERROR(store_internal::CheckTextFields({{"批准人 (approver)", &actor}}));
    if (actor.empty()) return InvalidArgumentError("需要批准人 (approver is required)");
    if (decision == ProposalState::kPending) {
      return InvalidArgumentError("决定应为批准或驳回 (decision is approve or reject)");
    }
    return ctx_->RunInTransaction([&]() -> Status {
      Statement& g = Stmt(get_, (std::string("SELECT ") + kProposalColumns +
                                 " FROM extension_proposal WHERE id = ?1")
                                    .c_str());
      g.Bind(1, id);
      GONGKAI_ASSIGN_OR_RETURN(bool row, g.Step());
      if (!row) {
        g.Reset();
        return NotFoundError("没有编号为 " + std::to_string(id) +
                             " 的延期申请 (no such extension proposal)");
      }
      ExtensionProposal before = ReadProposal(g);
      g.Reset();
      if (before.state != ProposalState::kPending) {
        return FailedPreconditionError("延期申请 " + std::to_string(id) +
                                       " 已经决定，不能再次决定 (already decided)");
      }
      ExtensionProposal after = before;
      after.state = decision;
      after.decided_by = actor;
      after.decided_on = on;
      Statement& u = Stmt(decide_,
                          "UPDATE extension_proposal SET state = ?2, decided_by = ?3, "
                          "decided_on = ?4 WHERE id = ?1");
      u.Bind(1, id).Bind(2, static_cast<int>(decision)).Bind(3, actor).Bind(4, on.ToString());
      GONGKAI_RETURN_IF_ERROR(u.Run().WithContext("决定延期申请 (decide extension)"));
      return ctx_->AppendAudit(actor, "update", "extension_proposal", id,
                               ProposalJson(before).dump(), ProposalJson(after).dump());
    });
  }

 private:
  Statement& Stmt(Statement& s, const char* sql) {
    (void)Backend::Prepare(ctx_, s, sql);
    return s;
  }

  Context* ctx_;
  Statement attachment_, personal_, insert_, pending_, list_, get_, decide_;
};

}  // namespace

StatusOr<std::unique_ptr<CaseFiles>> OpenCaseFiles(CaseStore& store) {
  if (auto* ctx = store_internal::SqliteContextOf(store)) {
    return std::unique_ptr<CaseFiles>(new CaseFilesOn<store_internal::SqliteBackend>(ctx));
  }
  if (auto* ctx = store_internal::PgContextOf(store)) {
    return std::unique_ptr<CaseFiles>(new CaseFilesOn<store_internal::PgBackend>(ctx));
  }
  return UnimplementedError("案卷需要 SQLite 或 PostgreSQL 台账 (case files need a ledger store)");
}

}  // namespace gongkai
