// CaseStore: durable storage of the request ledger (依申请公开台账).
//
// A narrow interface so that the workflow (ledger.h) never sees SQL and a second backend
// (PostgreSQL) can follow without touching it. Contracts every backend keeps:
//   - Every mutating call is one transaction: it happens entirely or not at all, and once it
//     returns OK the change survives a crash of the process (and, with the SQLite backend, of
//     the machine: synchronous=FULL).
//   - Every mutating call appends one entry per changed record to the audit log (who, when,
//     what, before → after as JSON). The audit log is append-only: no call updates or deletes
//     it, and the SQLite backend enforces that with triggers.
//   - Applicants' personal data (ID number, phone, address) live apart from case records and are
//     returned only by GetPersonalData; they never appear in requests, events, tallies or the
//     audit log (which records only that they changed).
//   - Dates are civil dates (calendar.h); timestamps in the audit log are UTC.
// A CaseStore object is not thread-safe; open one per thread. Several processes may open the
// same SQLite file; a write that loses a race fails with kFailedPrecondition.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gongkai/calendar.h"
#include "gongkai/report.h"
#include "gongkai/status.h"

namespace gongkai {

// ---- Records ----

// Region (自治区/省) → league or city (盟/市) → county (旗/县/区); departments under any of them.
enum class AgencyKind { kRegion = 0, kCity = 1, kCounty = 2, kDepartment = 3 };

struct Agency {
  int64_t id = 0;
  std::string name;
  int64_t parent_id = 0;  // 0 for a top-level agency
  AgencyKind kind = AgencyKind::kDepartment;
};

// The applicant columns of table 3: the values equal T3Column kNatural … kOther.
enum class ApplicantKind { kNatural = 0, kCommercial, kResearch, kSocial, kLegal, kOther };
inline constexpr int kApplicantKindCount = 6;

struct Applicant {
  int64_t id = 0;
  ApplicantKind kind = ApplicantKind::kNatural;
  std::string name;
};

// Kept in a separate table; see the contracts above.
struct PersonalData {
  std::string id_number;
  std::string phone;
  std::string address;
};

// How a request arrived (条例 Art. 29, 31).
enum class Channel { kOnline = 0, kLetterSigned, kLetterOrdinary, kInPerson, kFax, kEmail };
inline constexpr int kChannelCount = 6;

enum class RequestState {
  kOpen = 0,            // the reply clock runs
  kAwaitingCorrection,  // 补正 notice sent; clock stopped until the supplement arrives
  kConsulting,          // third party or other agency consulted; time excluded (Art. 33 ¶3)
  kAwaitingFee,         // fee notice sent; time excluded until paid
  kConcluded,           // replied, withdrawn or lapsed; `outcome` is set
};

enum class FeeMethod { kNone = 0, kPerRequest = 1, kPerPage = 2 };  // 按件 / 按量

struct Request {
  int64_t id = 0;
  int64_t agency_id = 0;
  int64_t applicant_id = 0;
  ApplicantKind applicant_kind = ApplicantKind::kNatural;  // copied from the applicant
  Channel channel = Channel::kOnline;
  Date received;        // the receipt date of Art. 31
  std::string content;  // what is asked for (Art. 29 ¶2 (二))
  std::string form;     // the form and channel asked for (Art. 29 ¶2 (三))
  RequestState state = RequestState::kOpen;
  Date clock_start;                    // receipt, or the day the supplement arrived (Art. 30)
  int excluded_days = 0;               // working days excluded so far (consultation, fee wait)
  std::optional<Date> paused_since;    // start of the current consultation or fee wait
  std::optional<Date> correction_due;  // set iff a 补正 notice was sent
  bool correction_received = false;
  int extension_days = 0;  // 0 = no extension
  std::string extension_approver;
  FeeMethod fee_method = FeeMethod::kNone;
  int64_t fee_yuan = 0;
  std::optional<Date> fee_due;
  std::optional<Date> due;  // reply due date; unset while the clock is stopped
  std::optional<Date> concluded_on;
  std::string outcome;  // a table-3 outcome row id (domain.md A.1) once concluded
  std::string reply_basis;
  std::string reply_text;
  std::vector<std::string> breaches;  // rule ids, e.g. "ART33-LATE-REPLY"
  int version = 0;                    // bumped by every update (optimistic concurrency)
};

struct Attachment {
  int64_t id = 0;
  std::string name;
  std::string sha256;  // hex
  int64_t size = 0;
  std::string content;  // the bytes (empty in listings)
};

// One step of a request's history. `kind` is one of: register, correction_notice,
// correction_received, consultation_start, consultation_end, extension, fee_notice, fee_paid,
// withdrawal, reply.
struct Event {
  int64_t id = 0;
  int64_t request_id = 0;
  std::string kind;
  Date date;
  std::string actor;   // who did it
  std::string reason;  // why
  std::string detail;  // a JSON object with the event's own fields
  std::string breach;  // empty, or the rule the step breaches (recorded, not refused)
};

// A request found by its query code: the request (its due date in request.due), the name of
// its agency and its events, oldest first.
struct CodedRequest {
  Request request;
  std::string agency_name;
  std::vector<Event> events;
};

struct AuditEntry {
  int64_t id = 0;
  std::string at;  // UTC, ISO 8601
  std::string actor;
  std::string action;  // insert / update
  std::string entity;  // table name
  int64_t entity_id = 0;
  std::string before_json;  // "" for inserts
  std::string after_json;
};

// The result of checking the audit log's hash chain and the records against it.
struct AuditVerification {
  bool intact = true;
  int64_t rows = 0;        // audit rows checked
  int64_t broken_row = 0;  // the first audit row whose link is broken (0 if intact or n/a)
  std::string problem;     // what differs, Chinese with English in brackets; "" if intact
};

// An administrative review or lawsuit about disclosure work (table 4).
enum class CaseResult { kPending = -1, kUpheld = 0, kCorrected = 1, kOther = 2 };

struct ReviewCase {
  int64_t id = 0;
  int64_t agency_id = 0;
  int group = kReview;  // T4Group
  Date filed;
  std::optional<Date> decided;  // set iff result != kPending
  CaseResult result = CaseResult::kPending;
  int64_t request_id = 0;  // 0 if not linked
};

// A 规章 or 规范性文件 made by an agency (table 2).
struct NormativeDoc {
  int64_t id = 0;
  int64_t agency_id = 0;
  int kind = 0;  // DocKind
  std::string title;
  std::string number;  // 文号
  Date made;
  std::optional<Date> abolished;
};

// An agency's yearly counts of table 2 (五)(六)(八).
struct YearCounts {
  int64_t agency_id = 0;
  int year = 0;
  int64_t licensing = 0;
  int64_t penalty = 0;
  int64_t coercion = 0;
  double fees_10k_yuan = 0;
};

// Everything one agency's annual tables are made of, for one year.
struct YearFigures {
  // [table-3 row][applicant kind]; the result_total row is left 0 (the ledger sums it).
  std::array<std::array<int64_t, kApplicantKindCount>, kT3Rows> t3{};
  // [T4Group][upheld, corrected, other, pending]
  std::array<std::array<int64_t, 4>, kT4Groups> t4{};
  // [DocKind][made, abolished, in_force]
  std::array<std::array<int64_t, kDocColumns>, kDocKindCount> docs{};
  std::array<int64_t, kDecisionKindCount> decisions{};
  double fees_10k_yuan = 0;

  // Adds another agency's figures (for roll-ups).
  void Add(const YearFigures& o);
};

// ---- The interface ----

class CaseStore {
 public:
  virtual ~CaseStore() = default;

  // Agencies. REQUIRES for AddAgency: parent_id is 0 or an existing agency. Returns the new id.
  virtual StatusOr<int64_t> AddAgency(const Agency& agency, const std::string& actor) = 0;
  virtual StatusOr<Agency> GetAgency(int64_t id) = 0;
  virtual StatusOr<std::vector<Agency>> ListAgencies() = 0;

  virtual StatusOr<int64_t> AddApplicant(const Applicant& applicant, const PersonalData& personal,
                                         const std::string& actor) = 0;
  virtual StatusOr<Applicant> GetApplicant(int64_t id) = 0;
  virtual StatusOr<PersonalData> GetPersonalData(int64_t applicant_id) = 0;

  // Stores a new request, its attachments, its "register" event and, unless
  // `query_code_sha256` is empty, its query code's hash (query_codes.h; 64 lowercase hex
  // digits, unique), all audited, in one transaction. Returns the new id; request.id is ignored.
  // Attachments are stored with the SHA-256 and size of their content (Attachment::sha256 and
  // ::size are ignored).
  virtual StatusOr<int64_t> AddRequest(const Request& request,
                                       const std::vector<Attachment>& attachments,
                                       const Event& registered,
                                       const std::string& query_code_sha256) = 0;
  // Bulk registration: every request with its register event and audit entry, in ONE
  // transaction (all or nothing). Sets each request's id.
  virtual Status AddRequests(std::vector<Request>* requests, const std::string& actor) = 0;
  virtual StatusOr<Request> GetRequest(int64_t id) = 0;
  // Replaces `before` by `after` and appends `event`, in one transaction. Fails with
  // kFailedPrecondition if the stored version is no longer before.version (someone else wrote).
  // after.version is ignored; the stored version becomes before.version + 1.
  virtual Status UpdateRequest(const Request& before, const Request& after, const Event& event) = 0;
  virtual StatusOr<std::vector<Event>> ListEvents(int64_t request_id) = 0;
  // What the public status page shows of the request whose query code hashes to
  // `query_code_sha256`, read in one transaction; nullopt if no request has that code.
  virtual StatusOr<std::optional<CodedRequest>> FindRequestByQueryCode(
      const std::string& query_code_sha256) = 0;
  virtual StatusOr<std::vector<Attachment>> ListAttachments(int64_t request_id) = 0;
  // Requests not concluded, of one agency or (agency_id == 0) of all, ordered by id.
  virtual StatusOr<std::vector<Request>> ListOpenRequests(int64_t agency_id) = 0;
  // The rank of request `id` (received on `received`) among the requests of one applicant to one
  // agency received in the same calendar month, ordered by receipt date then id: 1 for the
  // first. 按件 fees count per applicant, per agency, per month (109号).
  virtual StatusOr<int64_t> CountApplicantRequestsInMonth(int64_t applicant_id, int64_t agency_id,
                                                          Date received, int64_t id) = 0;

  // Table 4 and table 2 registries.
  virtual StatusOr<int64_t> AddReviewCase(const ReviewCase& c, const std::string& actor) = 0;
  virtual StatusOr<int64_t> AddDocument(const NormativeDoc& d, const std::string& actor) = 0;
  virtual Status SetYearCounts(const YearCounts& counts, const std::string& actor) = 0;

  // The year's figures of every agency (agency_id == 0) or of one. Agencies with nothing
  // recorded are absent from the map. Table 3 counts: new = received in the year; carried_over =
  // received before it and not concluded before 1 January; outcome rows = concluded in the year;
  // carried_forward = received by 31 December and not concluded by then.
  // Table 4 counts the cases filed by 31 December and not decided before 1 January: a case
  // still open at the end of a year is pending (尚未审结) that year and carries into the next.
  virtual StatusOr<std::map<int64_t, YearFigures>> TallyYear(int year, int64_t agency_id) = 0;

  // The audit log of one record (entity = table name), oldest first; entity "" lists all.
  virtual StatusOr<std::vector<AuditEntry>> ListAudit(const std::string& entity,
                                                      int64_t entity_id) = 0;

  // Checks the audit log's hash chain (each row's hash over its content and its predecessor's
  // hash) and that every request, attachment and query code is exactly what its last audit
  // entry recorded. Reports the first problem found; an error only if the check itself could not
  // run.
  virtual StatusOr<AuditVerification> VerifyAuditLog() = 0;
};

enum class OpenMode {
  kCreate,    // create the file if it does not exist
  kExisting,  // read and write; refuse a missing file
  kReadOnly,  // read only: refuse a missing file, never take the write lock, never migrate
};

struct SqliteOptions {
  OpenMode mode = OpenMode::kCreate;
  // synchronous=FULL: an acknowledged write survives a crash of the process or the machine.
  // false (synchronous=OFF) only for throwaway databases (tests, benchmarks, demos in /tmp);
  // it gives up durability, never atomicity.
  bool durable = true;
};

// Opens a SQLite ledger at `path` (creating it only with OpenMode::kCreate) and, unless read-only,
// applies pending schema migrations. WAL journal, foreign keys on, recursive triggers on,
// synchronous=FULL unless options.durable is false. Refuses a file that is not a database, or a
// SQLite database of another application (tables but no gongkai schema_version).
StatusOr<std::unique_ptr<CaseStore>> OpenSqliteStore(const std::string& path,
                                                     const SqliteOptions& options = {});

// Canonical ids used in storage and JSON.
std::string_view ChannelId(Channel c);              // "online", "letter_signed", …
std::string_view ChannelLabel(Channel c);           // "网络", "挂号信件", …
std::string_view ApplicantKindId(ApplicantKind k);  // = T3ColumnId
std::string_view AgencyKindId(AgencyKind k);        // "region", "city", "county", "department"
std::string_view RequestStateId(RequestState s);    // "open", "awaiting_correction", …
StatusOr<Channel> ChannelFromId(std::string_view id);
StatusOr<ApplicantKind> ApplicantKindFromId(std::string_view id);
StatusOr<AgencyKind> AgencyKindFromId(std::string_view id);

}  // namespace gongkai
