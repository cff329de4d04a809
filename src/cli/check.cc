// gongkai check: findings for people, one per line, and a summary.
#include <cstdio>
#include <iostream>

#include "batch.h"
#include "command.h"
#include "gongkai/finding.h"
#include "gongkai/text_safety.h"

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
    "每份报告读完即输出（按文件顺序）；若上一年度的报告排在后面，其结转核对结果列在最后。\n"
    "不是报告或无法读取的文件单独计数；目录中的 *.expected.json 不检查。\n"
    "Each report is printed as soon as it is read (in file order); carry-over findings whose\n"
    "previous year comes later are listed at the end. Files that are not reports are counted\n"
    "apart; *.expected.json files inside directories are skipped.\n"
    "\n"
    "  --summary csv   每份报告一行 CSV（UTF-8 带 "
    "BOM）：文件、机构、年度、错误数、警告数、首个错误\n"
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

std::string Csv(const std::string& raw) { return CsvCell(raw); }

// "1 report", "2 reports".
std::string Plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

struct CheckOptions {
  bool csv = false;
  bool all = false;
  bool english = false;
};

// Prints each item as the batch gives it and keeps the totals.
class CheckPrinter {
 public:
  explicit CheckPrinter(const CheckOptions& o) : o_(o) {}

  void Header() {
    // A UTF-8 BOM, so that Excel on Chinese Windows reads the CSV as UTF-8.
    if (o_.csv)
      std::cout << "\xEF\xBB\xBF"
                << "file,agency,year,errors,warnings,first_error\n";
  }

  void Print(const BatchItem& it) {
    if (it.late_carry_over) {
      PrintLate(it);
    } else if (!it.status.ok()) {
      PrintUnreadable(it);
    } else {
      PrintReport(it);
    }
    std::cout.flush();
  }

  void Summary(size_t skipped_sidecars) {
    if (skipped_sidecars > 0) {
      std::cerr << "gongkai check: 目录中的 " << skipped_sidecars
                << " 个 *.expected.json 文件（标注数据）未作为报告检查 (skipped "
                << Plural(skipped_sidecars, "*.expected.json file", "*.expected.json files")
                << " in directories)\n";
    }
    if (o_.csv) return;
    if (o_.english) {
      std::cout << "checked " << Plural(reports_, "report", "reports") << ": "
                << Plural(errors_, "error", "errors") << ", "
                << Plural(warnings_, "warning", "warnings") << "; "
                << Plural(with_errors_, "report", "reports") << " with errors";
      if (unreadable_ > 0) {
        std::cout << "; " << Plural(unreadable_, "other file is", "other files are")
                  << " not a report or unreadable";
      }
      std::cout << "\n";
    } else {
      std::cout << "共检查 " << reports_ << " 份报告：错误 " << errors_ << " 条，警告 " << warnings_
                << " 条；" << with_errors_ << " 份有错误";
      if (unreadable_ > 0) std::cout << "；另有 " << unreadable_ << " 个文件不是报告或无法读取";
      std::cout << "\n";
    }
  }

  int ExitStatus() const { return (errors_ > 0 || unreadable_ > 0) ? 1 : 0; }

 private:
  void PrintUnreadable(const BatchItem& it) {
    ++unreadable_;
    if (o_.csv) {
      std::cout << Csv(it.path) << ",,,1,0," << Csv(it.status.message()) << "\n";
    } else {
      std::cout << TerminalSafe(it.path + ": error: READ: " + it.status.message()) << "\n";
    }
  }

  void PrintFindings(const std::string& path, const Findings& findings) {
    for (const Finding& f : findings) {
      if (f.severity == Severity::kInfo && !o_.all) continue;
      std::cout << TerminalSafe(Location(path, f.location) + ": " +
                                std::string(SeverityName(f.severity)) + ": " + f.rule + ": " +
                                (o_.english ? f.message_en : f.message))
                << "\n";
    }
  }

  void PrintReport(const BatchItem& it) {
    ++reports_;
    size_t e = static_cast<size_t>(CountSeverity(it.findings, Severity::kError));
    size_t w = static_cast<size_t>(CountSeverity(it.findings, Severity::kWarning));
    errors_ += e;
    warnings_ += w;
    if (e > 0) ++with_errors_;
    if (!o_.csv) {
      PrintFindings(it.path, it.findings);
      return;
    }
    std::string first;
    for (const Finding& f : it.findings) {
      if (f.severity == Severity::kError) {
        first = f.rule + ": " + (o_.english ? f.message_en : f.message);
        break;
      }
    }
    const AnnualReport& r = it.imported.report;
    std::cout << Csv(it.path) << "," << Csv(r.agency) << ","
              << (r.year ? std::to_string(*r.year) : "") << "," << e << "," << w << ","
              << Csv(first) << "\n";
  }

  // Carry-over findings of a report printed earlier (its previous year came after it): in text
  // they follow the other findings; in CSV they are a second row of the report with their counts.
  void PrintLate(const BatchItem& it) {
    size_t e = static_cast<size_t>(CountSeverity(it.findings, Severity::kError));
    size_t w = static_cast<size_t>(CountSeverity(it.findings, Severity::kWarning));
    errors_ += e;
    warnings_ += w;
    if (o_.csv) {
      std::cout << Csv(it.path) << ",,," << e << "," << w << ","
                << Csv(it.findings.empty() ? "" : it.findings[0].rule) << "\n";
    } else {
      PrintFindings(it.path, it.findings);
    }
  }

  const CheckOptions o_;
  size_t reports_ = 0, errors_ = 0, warnings_ = 0, with_errors_ = 0, unreadable_ = 0;
};

}  // namespace

int RunCheck(const Args& args) {
  CheckOptions o;
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
      o.csv = true;
      ++i;
    } else if (a == "--summary=csv") {
      o.csv = true;
    } else if (a == "--all") {
      o.all = true;
    } else if (a == "--lang" || a.rfind("--lang=", 0) == 0) {
      std::string v = a == "--lang" ? (i + 1 < args.size() ? args[++i] : "") : a.substr(7);
      if (v != "zh" && v != "en") {
        return UsageError("check", "--lang 应为 zh 或 en (--lang must be zh or en)");
      }
      o.english = v == "en";
    } else if (!a.empty() && a[0] == '-') {
      return UsageError("check", "未知选项 " + a + " (unknown option)");
    } else {
      inputs.push_back(a);
    }
  }
  if (inputs.empty()) return UsageError("check", "缺少文件 (no input file)");
  ExpandedInputs expanded = ExpandInputs(inputs);
  CheckPrinter printer(o);
  printer.Header();
  RunBatch(expanded.paths, [&](BatchItem& item) { printer.Print(item); });
  for (const BatchItem& missing : expanded.missing) printer.Print(missing);
  printer.Summary(expanded.skipped_sidecars);
  return printer.ExitStatus();
}

}  // namespace gongkai::cli

GONGKAI_COMMAND("check", "检查年度报告，逐条列出问题 (check reports, list findings)",
                gongkai::cli::RunCheck)
