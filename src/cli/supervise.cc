// gongkai supervise: the supervisor's commands (supervision.h) — upload, assign, tree, roll-up,
// reminders — calling the same library functions as the /supervise pages.
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "batch.h"
#include "gongkai/file.h"
#include "gongkai/importer.h"
#include "gongkai/render.h"
#include "gongkai/render_letter.h"
#include "gongkai/report_json.h"
#include "gongkai/supervision.h"
#include "gongkai/text_safety.h"
#include "ledger_options.h"

namespace gongkai::cli {
namespace {

constexpr const char* kUsage =
    "用法 (usage): gongkai supervise <子命令> --agency 本机关ID [选项] [--db PATH]\n\n"
    "  upload    --file 文件或目录 [--file …] [--filed 提交日期] [--actor A]\n"
    "            上传报告（文本、HTML、DOCX、PDF、XLSX 或含多份报告的 ZIP），逐份检查，按标题中的\n"
    "            机关名称匹配所属机关；未匹配的列出编号，用 assign 指定\n"
    "  assign    [--submission 编号 --to 机关ID [--year Y]] [--actor A]\n"
    "            指定报告所属机关（不给 --submission 时列出待指定的报告）\n"
    "  tree      --year Y [--csv]     所属各机关本年度报告状态：未提交、已提交有错误、\n"
    "                                 已提交有警告、通过，及各级汇总\n"
    "  rollup    --year Y [--format json|md]   汇总所属机关的报告表格，并列出未提交的机关\n"
    "  reminders --year Y [--notices 目录] [--today D]\n"
    "            未提交或有错误的机关：CSV 邮件合并表（UTF-8 带 BOM）输出到标准输出；\n"
    "            --notices 为每个机关写一份督办通知（DOCX）\n\n"
    "Upload reports of agencies outside the system (matched to agencies by the name in their\n"
    "title), assign unmatched ones, show each agency's status for a year, roll up the region's\n"
    "tables, and list reminders (CSV mail-merge, DOCX notices). Only the supervisor's agency and\n"
    "those below it are visible.\n";

int Usage(const std::string& message) { return UsageError("supervise", message); }

Date LocalToday() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  return Date::FromYmd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

StatusOr<int> YearOf(const CliOptions& o) {
  GONGKAI_ASSIGN_OR_RETURN(int64_t y, o.Int("year"));
  if (y < 2008 || y > 2100) return InvalidArgumentError("--year 应为四位年份 (expects a year)");
  return static_cast<int>(y);
}

struct SupervisorSession {
  std::unique_ptr<LedgerSession> ledger;
  std::unique_ptr<Supervision> sup;  // on ledger->store; destroyed first
};

StatusOr<SupervisorSession> OpenSupervisor(const CliOptions& o, OpenMode mode) {
  GONGKAI_ASSIGN_OR_RETURN(int64_t agency, o.Int("agency"));
  SupervisorSession s;
  GONGKAI_ASSIGN_OR_RETURN(s.ledger, OpenLedger(o, mode));
  GONGKAI_ASSIGN_OR_RETURN(
      s.sup, Supervision::Open(*s.ledger->store, Supervisor{agency, o.Get("actor", "cli")}));
  return s;
}

void PrintItem(const UploadItem& it, const Supervision& sup) {
  std::string line = it.name + ": ";
  if (!it.status.ok()) {
    std::cout << TerminalSafe(line + "error: READ: " + it.status.message()) << "\n";
    return;
  }
  std::string counts =
      "错误 " + std::to_string(it.errors) + "，警告 " + std::to_string(it.warnings);
  if (it.match.agency_id != 0 && it.year != 0) {
    std::string name;
    for (const Agency& a : sup.agencies()) {
      if (a.id == it.match.agency_id) name = a.name;
    }
    line += name + " " + std::to_string(it.year) + " 年度（" +
            std::string(SubmissionMatchId(it.match.kind)) + "）报告 " +
            std::to_string(it.submission_id) + "：" + counts;
  } else {
    line += "未匹配 (unmatched) 报告 " + std::to_string(it.submission_id) + "：报告中的机关“" +
            it.report_agency + "”" +
            (it.year ? "，" + std::to_string(it.year) + " 年度" : "，未写明年度") + "；" + counts;
    for (const Agency& c : it.match.candidates) {
      line += "；候选 " + std::to_string(c.id) + " " + c.name;
    }
  }
  std::cout << TerminalSafe(line) << "\n";
}

int RunUpload(const CliOptions& o) {
  if (Status s = o.OnlyAllowed({"agency", "file", "filed", "actor"}); !s.ok())
    return Usage(s.message());
  std::vector<std::string> files = o.GetAll("file");
  if (files.empty()) return Usage("缺少 --file (missing --file)");
  StatusOr<std::optional<Date>> filed = o.OptionalDate("filed");
  if (!filed.ok()) return Usage(filed.status().message());
  auto session = OpenSupervisor(o, OpenMode::kExisting);
  if (!session.ok()) return Fail("supervise", session.status());
  Supervision& sup = *session->sup;
  Date when = filed->value_or(LocalToday());
  ExpandedInputs inputs = ExpandInputs(files);
  int stored = 0, unassigned = 0, unreadable = static_cast<int>(inputs.missing.size());
  for (const BatchItem& m : inputs.missing) {
    std::cout << TerminalSafe(m.path + ": error: READ: " + m.status.message()) << "\n";
  }
  for (const std::string& path : inputs.paths) {
    StatusOr<std::string> bytes = ReadFileToString(path, kMaxReportBytes);
    if (!bytes.ok()) {
      ++unreadable;
      std::cout << TerminalSafe(path + ": error: READ: " + bytes.status().message()) << "\n";
      continue;
    }
    StatusOr<UploadResult> r = sup.Upload(*bytes, path, when);
    if (!r.ok()) return Fail("supervise", r.status());
    for (const UploadItem& it : r->items) PrintItem(it, sup);
    stored += r->stored;
    unassigned += r->unassigned;
    unreadable += r->unreadable;
  }
  std::cout << "共保存 " << stored << " 份报告，其中 " << unassigned << " 份待指定机关；另有 "
            << unreadable << " 个文件不是报告或无法读取 (stored " << stored << ", " << unassigned
            << " to assign, " << unreadable << " unreadable)\n";
  return unreadable > 0 ? 1 : 0;
}

int RunAssign(const CliOptions& o) {
  if (Status s = o.OnlyAllowed({"agency", "submission", "to", "year", "actor"}); !s.ok()) {
    return Usage(s.message());
  }
  auto session = OpenSupervisor(o, o.Has("submission") ? OpenMode::kExisting : OpenMode::kReadOnly);
  if (!session.ok()) return Fail("supervise", session.status());
  if (!o.Has("submission")) {
    auto waiting = session->sup->Unassigned();
    if (!waiting.ok()) return Fail("supervise", waiting.status());
    for (const Submission& s : *waiting) {
      std::cout << TerminalSafe(std::to_string(s.id) + "\t" + s.file_name + "\t" + s.report_agency +
                                "\t" + (s.year ? std::to_string(s.year) : "-") + "\t错误 " +
                                std::to_string(s.errors))
                << "\n";
    }
    return 0;
  }
  StatusOr<int64_t> id = o.Int("submission");
  StatusOr<int64_t> to = o.Int("to");
  if (!id.ok()) return Usage(id.status().message());
  if (!to.ok()) return Usage(to.status().message());
  int year = 0;
  if (o.Has("year")) {
    StatusOr<int> y = YearOf(o);
    if (!y.ok()) return Usage(y.status().message());
    year = *y;
  }
  Status s = session->sup->Assign(*id, *to, year);
  if (!s.ok()) return Fail("supervise", s);
  std::cout << "报告 " << *id << " 已指定给机关 " << *to << " (assigned)\n";
  return 0;
}

int RunTree(const CliOptions& o) {
  if (Status s = o.OnlyAllowed({"agency", "year", "csv"}); !s.ok()) return Usage(s.message());
  StatusOr<int> year = YearOf(o);
  if (!year.ok()) return Usage(year.status().message());
  auto session = OpenSupervisor(o, OpenMode::kReadOnly);
  if (!session.ok()) return Fail("supervise", session.status());
  auto tree = session->sup->Tree(*year);
  if (!tree.ok()) return Fail("supervise", tree.status());
  if (o.Has("csv")) {
    std::cout << TreeCsv(*tree);
    return 0;
  }
  for (const AgencyFiling& r : tree->rows) {
    std::string line(static_cast<size_t>(r.depth) * 2, ' ');
    line += r.agency.name + "  " + std::string(FilingStatusLabel(r.status));
    if (r.status == FilingStatus::kErrors) line += "（" + std::to_string(r.errors) + "）";
    if (r.filed) line += "  " + r.filed->ToString();
    if (r.source == ReportSource::kLedger) line += "  台账生成";
    if (r.subtree[0] + r.subtree[1] + r.subtree[2] + r.subtree[3] > 1) {
      line += "  [未提交 " + std::to_string(r.subtree[0]) + " · 有错误 " +
              std::to_string(r.subtree[1]) + " · 有警告 " + std::to_string(r.subtree[2]) +
              " · 通过 " + std::to_string(r.subtree[3]) + "]";
    }
    std::cout << TerminalSafe(line) << "\n";
  }
  return 0;
}

nlohmann::ordered_json Names(const std::vector<Agency>& agencies) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const Agency& a : agencies) out.push_back({{"id", a.id}, {"name", a.name}});
  return out;
}

int RunRollup(const CliOptions& o) {
  if (Status s = o.OnlyAllowed({"agency", "year", "format"}); !s.ok()) return Usage(s.message());
  StatusOr<int> year = YearOf(o);
  if (!year.ok()) return Usage(year.status().message());
  std::string format = o.Get("format", "json");
  if (format != "json" && format != "md") return Usage("--format 应为 json 或 md (json or md)");
  auto session = OpenSupervisor(o, OpenMode::kReadOnly);
  if (!session.ok()) return Fail("supervise", session.status());
  auto r = session->sup->Rollup(*year);
  if (!r.ok()) return Fail("supervise", r.status());
  if (format == "md") {
    std::cout << RenderMarkdown(r->report);
    std::cout << "\n## 未提交报告的机关（" << r->missing.size() << "）\n\n";
    for (const Agency& a : r->missing) std::cout << "- " << TerminalSafe(a.name) << "\n";
    return 0;
  }
  nlohmann::ordered_json j;
  j["year"] = *year;
  j["report"] = nlohmann::ordered_json::parse(ReportToJson(r->report, {}, {}, {false, false, -1}));
  j["from_ledger"] = Names(r->from_ledger);
  j["from_uploads"] = Names(r->from_uploads);
  j["missing"] = Names(r->missing);
  j["with_errors"] = Names(r->with_errors);
  j["absent_cells"] = r->absent_cells;
  j["late_replies_in_ledger"] = r->late_replies_in_ledger;
  std::cout << j.dump(1) << "\n";
  return 0;
}

int RunReminders(const CliOptions& o) {
  if (Status s = o.OnlyAllowed({"agency", "year", "notices", "today"}); !s.ok()) {
    return Usage(s.message());
  }
  StatusOr<int> year = YearOf(o);
  if (!year.ok()) return Usage(year.status().message());
  auto session = OpenSupervisor(o, OpenMode::kReadOnly);
  if (!session.ok()) return Fail("supervise", session.status());
  auto list = session->sup->Reminders(*year);
  if (!list.ok()) return Fail("supervise", list.status());
  if (!o.Has("notices")) {
    std::cout << RemindersCsv(*list, *year);
    return 0;
  }
  StatusOr<std::optional<Date>> today = o.OptionalDate("today");
  if (!today.ok()) return Usage(today.status().message());
  Date day = today->value_or(LocalToday());
  std::filesystem::path dir = o.Get("notices");
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Fail("supervise", IoError(dir.string() + ": " + ec.message()));
  const std::string from = session->sup->agency().name;
  for (const Reminder& r : *list) {
    StatusOr<std::string> docx =
        RenderLetter(ReminderNotice(r, from, *year, day), RenderFormat::kDocx);
    if (!docx.ok()) return Fail("supervise", docx.status());
    std::filesystem::path file = dir / ("督办通知-" + std::to_string(r.agency.id) + ".docx");
    std::ofstream out(file, std::ios::binary);
    out << *docx;
    if (!out.flush())
      return Fail("supervise", IoError(file.string() + ": 写入失败 (write failed)"));
    std::cout << TerminalSafe(file.string() + "\t" + r.agency.name) << "\n";
  }
  return 0;
}

int RunSupervise(const Args& args) {
  std::string sub = args.empty() ? "" : args[0];
  if (sub.empty() || sub == "--help" || sub == "-h") {
    std::fputs(kUsage, stdout);
    return sub.empty() ? 2 : 0;
  }
  CliOptions o;
  if (!o.Parse(args, 1, {"csv"})) return Usage(o.error());
  if (o.help()) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (sub == "upload") return RunUpload(o);
  if (sub == "assign") return RunAssign(o);
  if (sub == "tree") return RunTree(o);
  if (sub == "rollup") return RunRollup(o);
  if (sub == "reminders") return RunReminders(o);
  return Usage("未知子命令 " + sub + " (unknown subcommand)");
}

}  // namespace
}  // namespace gongkai::cli

GONGKAI_COMMAND("supervise",
                "上级机关收集、检查、汇总所属机关的年度报告 (supervise agencies' annual reports)",
                gongkai::cli::RunSupervise)
