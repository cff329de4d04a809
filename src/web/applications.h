// Internal to the web server: online applications (条例 Art. 29) and their status by query code,
// shared by the HTML pages and the JSON API. Registration goes through Ledger::Register, as the
// command line's `requests register`; the query code's hash is stored with the request, in the
// same transaction, and the status is read in one store call.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "gongkai/calendar.h"
#include "gongkai/ledger.h"
#include "gongkai/query_codes.h"
#include "gongkai/store.h"

namespace gongkai::web {

// What the applicant typed (Art. 29 ¶2).
struct ApplicationForm {
  int64_t agency_id = 0;
  std::string name;       // person or organisation
  std::string kind;       // ApplicantKindId: natural, commercial, research, social, legal, other
  std::string id_type;    // 证件类型
  std::string id_number;  // 证件号码
  std::string phone;
  std::string email;
  std::string address;
  std::string content;                  // the information asked for
  std::string form;                     // the form wanted: IdOfForm below
  std::vector<Attachment> attachments;  // name, content
};

// A field the applicant must correct: its form name and a message in Chinese.
struct FieldError {
  std::string field;
  std::string message;
};

struct Receipt {
  std::string query_code;  // canonical (FormatQueryCode for display)
  Date received;           // Art. 31
  Date due;                // Art. 33: 20 working days
  std::string agency;
};

struct TimelineEntry {
  Date date;
  std::string text;  // plain Chinese, no staff names, no personal data
};

struct ApplicationStatus {
  std::string agency;
  std::string content;
  Date received;
  std::string state;        // plain Chinese
  std::optional<Date> due;  // the reply due date while the clock runs
  std::vector<TimelineEntry> timeline;
  bool replied = false;
  std::string outcome;  // the table-3 label of the outcome
  std::string basis;
  std::string letter;
};

// The forms of delivery offered, as (id, label).
const std::vector<std::pair<std::string, std::string>>& DeliveryForms();
// The kinds of ID document offered.
const std::vector<std::string>& IdTypes();
// Chinese labels of the six applicant kinds of table 3.
std::string_view ApplicantKindLabel(ApplicantKind k);

// Limits of one application's attachments.
struct AttachmentLimits {
  size_t max_bytes = 5 << 20;
  int max_count = 3;
};

// Checks every field; returns the errors (empty if the form can be registered).
std::vector<FieldError> ValidateApplication(const ApplicationForm& form,
                                            const AttachmentLimits& limits);

// Registers `form` as an online request received `today` and issues its query code.
// REQUIRES: ValidateApplication(form) is empty.
StatusOr<Receipt> SubmitApplication(CaseStore& store, Ledger& ledger, const ApplicationForm& form,
                                    Date today);

// The status of the application opened by `typed_code`, or nullopt for any code that opens
// nothing (malformed or unknown alike).
StatusOr<std::optional<ApplicationStatus>> LookupApplication(CaseStore& store,
                                                             const std::string& typed_code);

}  // namespace gongkai::web
