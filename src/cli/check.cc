// gongkai check: findings for people, one per line, and a summary.
#include <cstdio>
#include <iostream>

#include "batch.h"
#include "command.h"
#include "gongkai/finding.h"

namespace gongkai::cli {
namespace {

constexpr const char* kHelp =
    "用法 (usage): gongkai check [--summary csv] [--all] [--lang zh|en] 文件或目录...\n"
    "\n"
    "检查年度报告（目录则递归检查），每行一条问题：文件:行: 级别: 规则: 说明，最后给出汇总。\n"
    "同一机构连续年度的报告一并检查时，还核对上年结转下年度数与本年上年结转数。\n"
    "Checks reports (directories recursively) and prints one finding per line as\n"
    "file:line: severity: rule: message, then a summary. Consecutive years of one agency are\n"
    "also checked for carry-over.\n"
    "\n"
    "  --summary csv   每份报告一行 CSV：文件、机构、年度、错误数、警告数、首个错误\n"
    "                  (one CSV row per report: file, agency, year, errors, warnings, first "
    "error)\n"
    "  --all           同时列出提示（info）级别 (also list info findings)\n"
    "  --lang en       用英文输出说明 (messages in English)\n"
    "\n"
    "退出码 (exit status): 0 未发现错误；1 发现错误或有文件无法读取；2 用法错误。\n";

std::string Location(const std::string& path, const SourceLocation& l) {
  std::string s = l.file.empty() ? path : l.file;
  if (l.line > 0)
    s += ":" + std::to_string(l.line);
  else if (l.page > 0)
    s += ":p" + std::to_string(l.page);
  else if (l.table >= 0)
    s += ":table" + std::to_string(l.table + 1) + "/row" + std::to_string(l.row + 1);
  return s;
}

std::string Csv(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"')
      out += "\"\"";
    else if (c == '\n')
      out += ' ';
    else
      out += c;
  }
  return out + "\"";
}

}  // namespace

int RunCheck(const Args& args) {
  bool csv = false, all = false, english = false;
  std::vector<std::string> inputs;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      std::fputs(kHelp, stdout);
      return 0;
    } else if (a == "--summary") {
      if (i + 1 >= args.size() || args[i + 1] != "csv") {
        return UsageError("check", "--summary 只支持 csv (only --summary csv is supported)");
      }
      csv = true;
      ++i;
    } else if (a == "--summary=csv") {
      csv = true;
    } else if (a == "--all") {
      all = true;
    } else if (a == "--lang" || a.rfind("--lang=", 0) == 0) {
      std::string v = a == "--lang" ? (i + 1 < args.size() ? args[++i] : "") : a.substr(7);
      if (v != "zh" && v != "en") return UsageError("check", "--lang 应为 zh 或 en");
      english = v == "en";
    } else if (!a.empty() && a[0] == '-') {
      return UsageError("check", "未知选项 " + a + " (unknown option)");
    } else {
      inputs.push_back(a);
    }
  }
  if (inputs.empty()) return UsageError("check", "缺少文件 (no input file)");
  std::vector<BatchItem> failed;
  std::vector<std::string> paths = ExpandInputs(inputs, &failed);
  std::vector<BatchItem> items = RunBatch(paths);
  for (BatchItem& f : failed) items.push_back(std::move(f));

  int errors = 0, warnings = 0, unreadable = 0, with_errors = 0;
  if (csv) std::cout << "file,agency,year,errors,warnings,first_error\n";
  for (const BatchItem& it : items) {
    if (!it.status.ok()) {
      ++unreadable;
      if (csv) {
        std::cout << Csv(it.path) << ",,,1,0," << Csv(it.status.message()) << "\n";
      } else {
        std::cout << it.path << ": error: READ: " << it.status.message() << "\n";
      }
      continue;
    }
    int e = CountSeverity(it.findings, Severity::kError);
    int w = CountSeverity(it.findings, Severity::kWarning);
    errors += e;
    warnings += w;
    if (e > 0) ++with_errors;
    if (csv) {
      std::string first;
      for (const Finding& f : it.findings) {
        if (f.severity == Severity::kError) {
          first = f.rule + ": " + (english ? f.message_en : f.message);
          break;
        }
      }
      const AnnualReport& r = it.imported.report;
      std::cout << Csv(it.path) << "," << Csv(r.agency) << ","
                << (r.year ? std::to_string(*r.year) : "") << "," << e << "," << w << ","
                << Csv(first) << "\n";
      continue;
    }
    for (const Finding& f : it.findings) {
      if (f.severity == Severity::kInfo && !all) continue;
      std::cout << Location(it.path, f.location) << ": " << SeverityName(f.severity) << ": "
                << f.rule << ": " << (english ? f.message_en : f.message) << "\n";
    }
  }
  if (!csv) {
    size_t reports = items.size();
    if (english) {
      std::cout << "checked " << reports << " reports: " << errors << " errors, " << warnings
                << " warnings; " << with_errors << " reports with errors; " << unreadable
                << " unreadable\n";
    } else {
      std::cout << "共检查 " << reports << " 份报告：错误 " << errors << " 条，警告 " << warnings
                << " 条；" << with_errors << " 份有错误，" << unreadable << " 份无法读取\n";
    }
  }
  return (errors > 0 || unreadable > 0) ? 1 : 0;
}

}  // namespace gongkai::cli

GONGKAI_COMMAND("check", "检查年度报告，逐条列出问题 (check reports, list findings)",
                gongkai::cli::RunCheck)
