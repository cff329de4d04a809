// gongkai extract: reports in, interchange JSON out.
#include <cstdio>
#include <iostream>

#include "batch.h"
#include "command.h"
#include "gongkai/report_json.h"
#include "gongkai/text_safety.h"

namespace gongkai::cli {
namespace {

constexpr const char* kHelp =
    "用法 (usage): gongkai extract [--json] [--compact] [--no-provenance] [--no-sections] "
    "文件或目录...\n"
    "\n"
    "读取政府信息公开工作年度报告（文本，目录则递归读取），按 domain.md A.2 的标准 JSON 输出，\n"
    "含 findings（导入与检查发现的问题）。一个文件输出一个 JSON 对象，多个文件输出数组。\n"
    "Reads annual reports (files, or directories recursively) and prints the interchange JSON "
    "with\n"
    "findings: one object for one file, an array for several.\n"
    "\n"
    "  --json            输出 JSON（默认）(print JSON, the default)\n"
    "  --compact         单行输出 (one line per report)\n"
    "  --no-provenance   不输出每个单元格的来源位置 (omit cell provenance)\n"
    "  --no-sections     不输出各部分正文 (omit the sections' text)\n"
    "\n"
    "退出码 (exit status): 0 全部读取成功；1 有文件无法读取；2 用法错误。\n";

}  // namespace

int RunExtract(const Args& args) {
  JsonOptions options;
  std::vector<std::string> inputs;
  for (const std::string& a : args) {
    if (a == "--help" || a == "-h") {
      std::fputs(kHelp, stdout);
      return 0;
    } else if (a == "--json") {
    } else if (a == "--compact") {
      options.indent = -1;
    } else if (a == "--no-provenance") {
      options.provenance = false;
    } else if (a == "--no-sections") {
      options.sections = false;
    } else if (!a.empty() && a[0] == '-' && a != "-") {
      return UsageError("extract", "未知选项 " + a + " (unknown option)");
    } else {
      inputs.push_back(a);
    }
  }
  if (inputs.empty()) return UsageError("extract", "缺少文件 (no input file)");
  ExpandedInputs expanded = ExpandInputs(inputs);
  // The JSON of every report is printed together (one object or one array), so items are kept;
  // carry-over findings found late join the report they belong to.
  std::vector<BatchItem> items;
  RunBatch(expanded.paths, [&](BatchItem& item) {
    if (item.late_carry_over) {
      Findings& f = items[item.sequence].findings;
      f.insert(f.end(), item.findings.begin(), item.findings.end());
    } else {
      items.push_back(std::move(item));
    }
  });
  for (BatchItem& f : expanded.missing) items.push_back(std::move(f));
  bool single = inputs.size() == 1 && items.size() == 1;
  int status = 0;
  std::string out;
  if (!single) out += "[";
  bool first = true;
  for (const BatchItem& it : items) {
    if (!it.status.ok()) {
      std::fprintf(stderr, "gongkai extract: %s\n", TerminalSafe(it.status.message()).c_str());
      status = 1;
      continue;
    }
    if (!single && !first) out += ",\n";
    first = false;
    JsonExtras extras{it.path, it.imported.format, it.imported.encoding};
    out += ReportToJson(it.imported.report, it.findings, extras, options);
  }
  if (!single) out += "]";
  if (single && status != 0) return status;
  std::cout << out << "\n";
  return status;
}

}  // namespace gongkai::cli

GONGKAI_COMMAND("extract", "读取年度报告，输出标准 JSON (read reports, print the interchange JSON)",
                gongkai::cli::RunExtract)
