// Internal to the CLI: option parsing and opening of the ledger shared by the ledger commands
// (agency, applicant, requests, registry, report, demo).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "command.h"
#include "gongkai/calendar.h"
#include "gongkai/ledger.h"
#include "gongkai/store.h"
#include "gongkai/stores.h"

namespace gongkai::cli {

// "--key value" options (a key may repeat) and "--flag" switches.
class CliOptions {
 public:
  // Parses args[first..]. Keys in `flags` take no value. Returns false and sets error() on a
  // malformed argument.
  bool Parse(const Args& args, size_t first, const std::vector<std::string>& flags);
  const std::string& error() const { return error_; }

  bool Has(const std::string& key) const { return values_.count(key) != 0; }
  bool help() const { return Has("help") || Has("h"); }
  std::string Get(const std::string& key, const std::string& fallback = "") const;
  std::vector<std::string> GetAll(const std::string& key) const;
  // Returns an error naming the option if it is missing or malformed.
  StatusOr<std::string> Required(const std::string& key) const;
  StatusOr<int64_t> Int(const std::string& key) const;
  StatusOr<Date> DateOf(const std::string& key) const;
  StatusOr<std::optional<Date>> OptionalDate(const std::string& key) const;
  // Rejects options outside `allowed` (plus db and help).
  Status OnlyAllowed(const std::vector<std::string>& allowed) const;

 private:
  std::multimap<std::string, std::string> values_;
  std::string error_;
};

// The store at --db (default ./gongkai.db), the default calendar and a ledger over both.
struct LedgerSession {
  std::unique_ptr<CaseStore> store;
  WorkCalendar calendar;
  std::unique_ptr<Ledger> ledger;
};
// `mode`: kReadOnly for commands that only read (they refuse a missing file and never wait for
// the write lock), kExisting for steps on an existing ledger, kCreate for the commands that may
// start one. --today D (for tests and back-office entry) sets LedgerOptions::today;
// --max-attachment-mb N sets the attachment limit.
StatusOr<std::unique_ptr<LedgerSession>> OpenLedger(const CliOptions& options,
                                                    OpenMode mode = OpenMode::kCreate);

// --max-attachment-mb in bytes, or the default of ledger_limits.h.
StatusOr<int64_t> MaxAttachmentBytes(const CliOptions& options);

// The current calendar year (local time).
int CurrentYear();

// Prints "gongkai <command>: <message>" to stderr and returns 1.
int Fail(const std::string& command, const Status& status);

}  // namespace gongkai::cli
