#include "ledger_options.h"

#include <algorithm>
#include <ctime>
#include <iostream>

namespace gongkai::cli {

bool CliOptions::Parse(const Args& args, size_t first, const std::vector<std::string>& flags) {
  for (size_t i = first; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h") {
      values_.emplace("help", "");
      continue;
    }
    if (a.rfind("--", 0) != 0 || a.size() < 3) {
      error_ = "未知参数 " + a + " (unknown argument)";
      return false;
    }
    std::string key = a.substr(2);
    if (key == "help" || std::find(flags.begin(), flags.end(), key) != flags.end()) {
      values_.emplace(key, "");
      continue;
    }
    if (i + 1 >= args.size()) {
      error_ = a + " 需要一个值 (needs a value)";
      return false;
    }
    values_.emplace(key, args[++i]);
  }
  return true;
}

std::string CliOptions::Get(const std::string& key, const std::string& fallback) const {
  auto it = values_.find(key);
  return it == values_.end() ? fallback : it->second;
}

std::vector<std::string> CliOptions::GetAll(const std::string& key) const {
  std::vector<std::string> out;
  auto [b, e] = values_.equal_range(key);
  for (auto it = b; it != e; ++it) out.push_back(it->second);
  return out;
}

StatusOr<std::string> CliOptions::Required(const std::string& key) const {
  if (!Has(key) || Get(key).empty()) {
    return InvalidArgumentError("缺少 --" + key + " (missing --" + key + ")");
  }
  return Get(key);
}

StatusOr<int64_t> CliOptions::Int(const std::string& key) const {
  GONGKAI_ASSIGN_OR_RETURN(std::string v, Required(key));
  size_t used = 0;
  int64_t n = 0;
  try {
    n = std::stoll(v, &used);
  } catch (...) {
    used = 0;
  }
  if (used == 0 || used != v.size()) {
    return InvalidArgumentError("--" + key + " 应为整数，而不是“" + v + "” (expects an integer)");
  }
  return n;
}

StatusOr<Date> CliOptions::DateOf(const std::string& key) const {
  GONGKAI_ASSIGN_OR_RETURN(std::string v, Required(key));
  StatusOr<Date> d = Date::Parse(v);
  if (!d.ok()) return d.status().WithContext("--" + key);
  return d;
}

StatusOr<std::optional<Date>> CliOptions::OptionalDate(const std::string& key) const {
  if (!Has(key)) return std::optional<Date>();
  GONGKAI_ASSIGN_OR_RETURN(Date d, DateOf(key));
  return std::optional<Date>(d);
}

Status CliOptions::OnlyAllowed(const std::vector<std::string>& allowed) const {
  for (const auto& [key, value] : values_) {
    if (key == "db" || key == "help" ||
        std::find(allowed.begin(), allowed.end(), key) != allowed.end()) {
      continue;
    }
    return InvalidArgumentError("未知参数 --" + key + " (unknown option)");
  }
  return Status::Ok();
}

StatusOr<std::unique_ptr<LedgerSession>> OpenLedger(const CliOptions& options, OpenMode mode) {
  auto session = std::make_unique<LedgerSession>();
  LedgerOptions ledger_options;
  GONGKAI_ASSIGN_OR_RETURN(ledger_options.today, options.OptionalDate("today"));
  GONGKAI_ASSIGN_OR_RETURN(ledger_options.max_attachment_bytes, MaxAttachmentBytes(options));
  GONGKAI_ASSIGN_OR_RETURN(session->calendar, WorkCalendar::LoadDefault());
  // Until next year's notice is a file, its dates count on a provisional calendar (calendar.h):
  // registration never fails for lack of it; `gongkai calendar reload` recomputes afterwards.
  GONGKAI_RETURN_IF_ERROR(session->calendar.AddProvisionalYearsThrough(
      std::max(session->calendar.LastDataYear(), CurrentYear()) + 1));
  SqliteOptions store_options;
  store_options.mode = mode;
  GONGKAI_ASSIGN_OR_RETURN(session->store,
                           OpenCaseStore(options.Get("db", "gongkai.db"), store_options));
  session->ledger =
      std::make_unique<Ledger>(session->store.get(), &session->calendar, ledger_options);
  return session;
}

int CurrentYear() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  return tm.tm_year + 1900;
}

StatusOr<int64_t> MaxAttachmentBytes(const CliOptions& options) {
  if (!options.Has("max-attachment-mb")) return ledger_limits::kDefaultMaxAttachmentBytes;
  GONGKAI_ASSIGN_OR_RETURN(int64_t mb, options.Int("max-attachment-mb"));
  if (mb < 1 || mb > 4096) {
    return InvalidArgumentError("--max-attachment-mb 应为 1 到 4096 (expects 1..4096)");
  }
  return mb * 1'000'000;
}

int Fail(const std::string& command, const Status& status) {
  std::cerr << "gongkai " << command << ": " << status.message() << "\n";
  return 1;
}

}  // namespace gongkai::cli
