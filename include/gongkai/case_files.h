// CaseFiles: what the staff console reads and writes about one request beyond the CaseStore
// interface — an attachment with its bytes, audited views of the applicant's personal data, and
// extension proposals awaiting an approver (条例 Art. 33 ¶2: an extension needs the approval of
// the head of the disclosure office).
//
// Contracts (as for CaseStore, store.h):
//   - Every write is one transaction and appends one audit-log entry per changed record; a view
//     of personal data appends one "view" entry (who, which applicant, for which request) in the
//     same transaction as the read, and the entry never holds the data itself.
//   - Calls take no scope: callers check that the request belongs to an agency the user may see
//     (case_desk.h does) before calling.
//   - The CaseFiles of OpenCaseFiles shares the CaseStore's database connection: it must not
//     outlive the store, and like the store it is not thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "gongkai/calendar.h"
#include "gongkai/status.h"
#include "gongkai/store.h"

namespace gongkai {

enum class ProposalState { kPending = 0, kApproved = 1, kRejected = 2 };

// A clerk's proposal to extend the reply period, and its decision.
struct ExtensionProposal {
  int64_t id = 0;
  int64_t request_id = 0;
  int days = 0;             // 1..20 working days
  std::string reason;       // why (required)
  std::string proposed_by;  // the proposer's audit name
  Date proposed_on;
  ProposalState state = ProposalState::kPending;
  std::string decided_by;  // the approver's audit name, once decided
  std::optional<Date> decided_on;
};

class CaseFiles {
 public:
  virtual ~CaseFiles() = default;

  // Attachment `attachment_id` of request `request_id`, with its content. NotFound (the same
  // error) if there is no such attachment or it belongs to another request.
  virtual StatusOr<Attachment> GetAttachment(int64_t request_id, int64_t attachment_id) = 0;

  // The personal data of request `request_id`'s applicant, read and audited ("view" by `actor`)
  // in one transaction. NotFound if the request or the data are missing.
  virtual StatusOr<PersonalData> ViewPersonalData(int64_t request_id, const std::string& actor) = 0;

  // Records a pending proposal (p.id, state and decision are ignored). Refused
  // (kFailedPrecondition) while another proposal of the request is pending; days outside 1..20,
  // an empty reason or proposer: kInvalidArgument. Returns the new id.
  virtual StatusOr<int64_t> ProposeExtension(const ExtensionProposal& p) = 0;
  // The request's pending proposal, if any.
  virtual StatusOr<std::optional<ExtensionProposal>> PendingExtension(int64_t request_id) = 0;
  // Every proposal of the request, oldest first.
  virtual StatusOr<std::vector<ExtensionProposal>> ListExtensionProposals(int64_t request_id) = 0;
  // Decides pending proposal `id` (kApproved or kRejected) by `actor` on `on`. NotFound for an
  // unknown id; kFailedPrecondition if it is no longer pending.
  virtual Status DecideExtension(int64_t id, ProposalState decision, const std::string& actor,
                                 Date on) = 0;
};

// The CaseFiles of a store made by OpenSqliteStore or OpenPostgresStore (Unimplemented for any
// other store).
StatusOr<std::unique_ptr<CaseFiles>> OpenCaseFiles(CaseStore& store);

}  // namespace gongkai
