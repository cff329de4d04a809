// gongkai report generate: the annual report of an agency, generated from the ledger.
#include <cstdio>
#include <iostream>

#include "gongkai/render.h"
#include "gongkai/report_json.h"
#include "gongkai/validator.h"
#include "ledger_options.h"

namespace gongkai::cli {

extern const char* const kReportPublishUsage;
int RunReportPublish(const CliOptions& o);  // report_publish.cc

// --agency and --year of the report commands, or an error naming the option.
StatusOr<std::pair<int64_t, int>> ReportAgencyYear(const CliOptions& o) {
  GONGKAI_ASSIGN_OR_RETURN(int64_t agency, o.Int("agency"));
  StatusOr<int64_t> year = o.Int("year");
  if (!year.ok() || *year < 2008 || *year > 2100) {
    return InvalidArgumentError("--year 应为四位年份 (expects a year)");
  }
  return std::make_pair(agency, static_cast<int>(*year));
}

int RunReport(const Args& args) {
  const char* kUsage =
      "用法 (usage): gongkai report generate --agency ID --year Y [--format json|md] [--rollup]\n"
      "                                      [--db PATH，默认 ./gongkai.db]\n\n"
      "由台账生成政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）并用全部检查规则核对；\n"
      "--rollup 汇总该机关及其所属全部机关。报告未通过检查时退出码为 1。\n"
      "Generates the annual report from the ledger and validates it; --rollup adds up the agency\n"
      "and everything under it. Exits 1 if the report fails a rule.\n\n"
      "       gongkai report publish --agency ID --year Y [--text FILE]：发布年度报告 (publish;\n"
      "       gongkai report publish --help)\n";
  std::string sub = args.empty() ? "" : args[0];
  if (sub.empty() || sub == "--help" || sub == "-h") {
    std::fputs(kUsage, stdout);
    return sub.empty() ? 2 : 0;
  }
  CliOptions o;
  if (!o.Parse(args, 1, {"rollup"})) return UsageError("report", o.error());
  if (o.help()) {
    std::fputs(sub == "publish" ? kReportPublishUsage : kUsage, stdout);
    return 0;
  }
  if (sub == "publish") return RunReportPublish(o);
  if (sub != "generate") return UsageError("report", "未知子命令 " + sub + " (unknown subcommand)");
  if (Status s = o.OnlyAllowed({"agency", "year", "format", "rollup"}); !s.ok()) {
    return UsageError("report", s.message());
  }
  StatusOr<std::pair<int64_t, int>> agency_year = ReportAgencyYear(o);
  if (!agency_year.ok()) return UsageError("report", agency_year.status().message());
  const auto [agency, year] = *agency_year;
  std::string format = o.Get("format", "json");
  if (format != "json" && format != "md") {
    return UsageError("report", "--format 应为 json 或 md (expects json or md)");
  }
  auto session = OpenLedger(o, OpenMode::kReadOnly);
  if (!session.ok()) return Fail("report", session.status());
  StatusOr<AnnualReport> report =
      GenerateAnnualReport(*(*session)->store, agency, year, o.Has("rollup"));
  if (!report.ok()) return Fail("report", report.status());
  Findings findings = Validate(*report);
  if (format == "json") {
    JsonExtras extras;
    extras.format = "ledger";
    std::cout << ReportToJson(*report, findings, extras, {false, true, 1}) << "\n";
  } else {
    std::cout << RenderMarkdown(*report);
  }
  bool error = false;
  for (const Finding& f : findings) {
    std::cerr << "gongkai report: " << SeverityName(f.severity) << ": " << f.rule << ": "
              << f.message << "\n";
    error = error || f.severity == Severity::kError;
  }
  return error ? 1 : 0;
}

}  // namespace gongkai::cli

GONGKAI_COMMAND("report", "由台账生成年度报告 (generate the annual report from the ledger)",
                gongkai::cli::RunReport)
