// Fuzzes the request ledger: the input becomes a sequence of Ledger and CaseStore calls with
// random arguments (ids, dates, page counts, arbitrary bytes as text) against a scratch database.
// Every call must return OK or an error, never crash; after each input the audit chain and the
// records must verify (gongkai audit verify) and SQLite's integrity_check must say "ok".
#include <fuzzer/FuzzedDataProvider.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>

#include "gongkai/calendar.h"
#include "gongkai/ledger.h"
#include "gongkai/store.h"

namespace {

using namespace gongkai;

const WorkCalendar& Calendar() {
  static const WorkCalendar* cal = [] {
    auto c = WorkCalendar::LoadDefault();
    if (!c.ok()) {
      std::fprintf(stderr, "ledger_fuzzer: %s\n", c.status().message().c_str());
      std::abort();
    }
    return new WorkCalendar(std::move(c).value());
  }();
  return *cal;
}

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "ledger_fuzzer: %s\n", what.c_str());
  std::abort();
}

const std::string& ScratchPath() {
  static const std::string path = [] {
    auto dir = std::filesystem::temp_directory_path() /
               ("gongkai_ledger_fuzzer_" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    return (dir / "ledger.db").string();
  }();
  return path;
}

// Copies `from` over `to`, again when a signal interrupts the copy (libFuzzer's timer, every
// second with -timeout, makes copy_file fail with EINTR now and then).
void CopyFile(const std::string& from, const std::string& to) {
  for (;;) {
    std::error_code ec;
    std::filesystem::copy_file(from, to, std::filesystem::copy_options::overwrite_existing, ec);
    if (!ec) return;
    if (ec != std::errc::interrupted) Fail("cannot copy " + from + ": " + ec.message());
  }
}

void RemoveScratch() {
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(ScratchPath() + suffix);
  }
}

// A migrated database with two agencies and an applicant, made once and copied for every input
// (creating the schema each time would dominate the run time).
const std::string& TemplatePath() {
  static const std::string path = [] {
    std::string t = ScratchPath() + ".template";
    RemoveScratch();
    {
      SqliteOptions options;
      options.durable = false;
      auto store = OpenSqliteStore(ScratchPath(), options);
      if (!store.ok()) Fail(store.status().message());
      if (!(*store)->AddAgency({0, "某市人民政府", 0, AgencyKind::kCity}, "admin").ok() ||
          !(*store)->AddAgency({0, "某市教育局", 1, AgencyKind::kDepartment}, "admin").ok() ||
          !(*store)->AddApplicant({0, ApplicantKind::kCommercial, "某公司"}, {}, "clerk").ok()) {
        Fail("cannot seed the template database");
      }
    }
    // Closing the last connection checkpoints the WAL into the main file.
    CopyFile(ScratchPath(), t);
    return t;
  }();
  return path;
}

std::string IntegrityCheck(const std::string& path) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  std::string result = "cannot run integrity_check";
  if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW) {
    result = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return result;
}

// Text: usually a plausible value, sometimes arbitrary bytes (invalid UTF-8, controls).
std::string Text(FuzzedDataProvider& in, const char* plausible) {
  switch (in.ConsumeIntegralInRange(0, 3)) {
    case 0:
      return in.ConsumeRandomLengthString(24);
    case 1:
      return "";
    default:
      return plausible;
  }
}

// A date around 2025, now and then far in the past or future.
Date SomeDate(FuzzedDataProvider& in) {
  const Date base = Date::FromYmd(2025, 1, 1);
  if (in.ConsumeIntegralInRange(0, 15) == 0) return base + in.ConsumeIntegralInRange(-3000, 30000);
  return base + in.ConsumeIntegralInRange(0, 400);
}

void RunOne(FuzzedDataProvider& in, CaseStore& store, Ledger& ledger) {
  static const char* const kOutcomes[] = {"granted", "partial", "unable_no_info", "other_no_fee",
                                          "other_no_correction", "unable_unclear", "nonsense"};
  auto id = [&] { return in.ConsumeIntegralInRange<int64_t>(-1, 6); };
  auto step = [&] { return StepInput{SomeDate(in), Text(in, "王科员"), Text(in, "依法办理")}; };
  switch (in.ConsumeIntegralInRange(0, 12)) {
    case 0: {
      Agency a{0, Text(in, "某局"), id(),
               static_cast<AgencyKind>(in.ConsumeIntegralInRange(0, 3))};
      (void)store.AddAgency(a, Text(in, "admin"));
      break;
    }
    case 1: {
      Applicant a{0, static_cast<ApplicantKind>(in.ConsumeIntegralInRange(0, 5)),
                  Text(in, "张三")};
      (void)store.AddApplicant(a, {Text(in, ""), Text(in, "138"), Text(in, "")}, "clerk");
      break;
    }
    case 2: {
      NewRequest n;
      n.agency_id = id();
      n.applicant_id = id();
      n.channel = static_cast<Channel>(in.ConsumeIntegralInRange(0, kChannelCount - 1));
      Date d = SomeDate(in);
      n.dates = {d, d + in.ConsumeIntegralInRange(0, 3), d + in.ConsumeIntegralInRange(0, 3)};
      n.content = Text(in, "部门决算");
      n.form = Text(in, "电子邮件");
      n.actor = Text(in, "王科员");
      if (in.ConsumeBool()) {
        n.attachments.push_back({0, Text(in, "申请表.pdf"), "", 0, in.ConsumeRandomLengthString(64)});
      }
      (void)ledger.Register(n);
      break;
    }
    case 3:
      (void)ledger.SendCorrectionNotice(id(), step(), SomeDate(in), Text(in, "请补充文号"));
      break;
    case 4:
      (void)ledger.ReceiveCorrection(id(), step());
      break;
    case 5:
      (void)ledger.StartConsultation(id(), step(), in.ConsumeBool() ? "third_party" : Text(in, "x"));
      break;
    case 6:
      (void)ledger.EndConsultation(id(), step());
      break;
    case 7:
      (void)ledger.Extend(id(), step(), in.ConsumeIntegralInRange(-2, 25), Text(in, "赵处长"));
      break;
    case 8:
      (void)ledger.SendFeeNotice(id(), step(),
                                 static_cast<FeeMethod>(in.ConsumeIntegralInRange(0, 3)),
                                 in.ConsumeBool() ? in.ConsumeIntegralInRange<int64_t>(0, 20000)
                                                  : in.ConsumeIntegral<int64_t>());
      break;
    case 9:
      (void)ledger.RecordFeePaid(id(), step());
      break;
    case 10:
      (void)ledger.Withdraw(id(), step());
      break;
    case 11: {
      ReplyInput r{SomeDate(in), Text(in, "李主任"), {}, Text(in, "《条例》第三十六条"),
                   Text(in, "答复书")};
      int n = in.ConsumeIntegralInRange(0, 2);
      for (int i = 0; i < n; ++i) {
        r.outcomes.push_back(in.ConsumeBool() ? kOutcomes[in.ConsumeIntegralInRange(0, 6)]
                                              : in.ConsumeRandomLengthString(12));
      }
      (void)ledger.Reply(id(), r);
      break;
    }
    default: {
      Date today = SomeDate(in);
      (void)ledger.Describe(id(), today);
      (void)ledger.ListDue(today, in.ConsumeIntegralInRange(0, 30), id());
      (void)store.TallyYear(today.year(), 0);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const WorkCalendar& cal = Calendar();
  const std::string& template_path = TemplatePath();
  RemoveScratch();
  CopyFile(template_path, ScratchPath());
  {
    SqliteOptions options;
    options.durable = false;
    auto store = OpenSqliteStore(ScratchPath(), options);
    if (!store.ok()) Fail(store.status().message());
    LedgerOptions lo;
    lo.today = Date::FromYmd(2025, 12, 31);
    lo.max_attachment_bytes = 48;
    Ledger ledger(store->get(), &cal, lo);
    FuzzedDataProvider in(data, size);
    for (int ops = 0; ops < 64 && in.remaining_bytes() > 0; ++ops) RunOne(in, **store, ledger);
    auto v = (*store)->VerifyAuditLog();
    if (!v.ok()) Fail("audit verify could not run: " + v.status().message());
    if (!v->intact) Fail("audit verify: " + v->problem);
  }
  std::string integrity = IntegrityCheck(ScratchPath());
  if (integrity != "ok") Fail("integrity_check: " + integrity);
  return 0;
}
