// gongkai render: a report in (interchange JSON or any format the importers read), the standard
// annual report out in the official layout of 国办公开办函〔2021〕30号.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "command.h"
#include "gongkai/file.h"
#include "gongkai/importer.h"
#include "gongkai/render.h"
#include "gongkai/report_json.h"

namespace gongkai::cli {
namespace {

constexpr const char* kHelp =
    "用法 (usage): gongkai render --format docx|html|md|xlsx|pdf|json 输入文件 -o 输出文件\n"
    "\n"
    "按国办公开办函〔2021〕30号规定的格式生成标准的政府信息公开工作年度报告：标题、六个部分、\n"
    "表二至表四（含合并单元格）。输入可以是标准 JSON（gongkai extract --json 的输出），也可以是\n"
    "导入器能读取的任何报告（用于把格式不规范的报告整理为标准格式）。未提供的数值留空，不填 0。\n"
    "Renders the standard annual report in the official layout. INPUT is interchange JSON or any\n"
    "report the importers read. Absent values stay empty.\n"
    "\n"
    "  --format 格式     docx、html、md、xlsx、pdf 或 json；省略时按输出文件的扩展名确定\n"
    "                    (output format; default: from the output file's extension)\n"
    "  -o, --output 文件 输出文件；“-”或省略表示标准输出（仅限文本格式）\n"
    "                    (output file; '-' or none: standard output, text formats only)\n"
    "  --soffice 程序    生成 PDF 所用的 LibreOffice 程序，默认 soffice (LibreOffice for pdf)\n"
    "\n"
    "退出码 (exit status): 0 成功；1 无法读取输入或无法生成；2 用法错误。\n";

StatusOr<AnnualReport> ReadInput(const std::string& path) {
  std::string bytes;
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    bytes = ss.str();
  } else {
    GONGKAI_ASSIGN_OR_RETURN(bytes, ReadFileToString(path, kMaxReportBytes));
  }
  if (bytes.size() > kMaxReportBytes) {
    return ResourceExhaustedError(path + ": 文件过大（" + std::to_string(bytes.size()) + " 字节） (file too large)");
  }
  size_t first = bytes.find_first_not_of(" \t\r\n");
  if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) first = bytes.find_first_not_of(" \t\r\n", 3);
  if (first != std::string::npos && bytes[first] == '{') {
    return ReportFromJson(bytes, path);
  }
  GONGKAI_ASSIGN_OR_RETURN(ImportedReport imported, ImportReportBytes(bytes, path));
  return std::move(imported.report);
}


}  // namespace

int RunRender(const Args& args) {
  std::string format_name, output, input;
  RenderOptions options;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string* into) {
      if (i + 1 >= args.size()) return false;
      *into = args[++i];
      return true;
    };
    if (a == "--help" || a == "-h") {
      std::fputs(kHelp, stdout);
      return 0;
    } else if (a == "--format" || a == "-f") {
      if (!value(&format_name)) return UsageError("render", a + " 缺少格式 (missing format)");
    } else if (a.rfind("--format=", 0) == 0) {
      format_name = a.substr(9);
    } else if (a == "-o" || a == "--output") {
      if (!value(&output)) return UsageError("render", a + " 缺少输出文件 (missing output file)");
    } else if (a.rfind("--output=", 0) == 0) {
      output = a.substr(9);
    } else if (a == "--soffice") {
      if (!value(&options.soffice)) return UsageError("render", "--soffice 缺少程序 (missing program)");
    } else if (!a.empty() && a[0] == '-' && a != "-") {
      return UsageError("render", "未知选项 " + a + " (unknown option)");
    } else if (input.empty()) {
      input = a;
    } else {
      return UsageError("render", "只能指定一个输入文件 (only one input file)");
    }
  }
  if (input.empty()) return UsageError("render", "缺少输入文件 (no input file)");
  if (format_name.empty()) {
    size_t dot = output.rfind('.');
    if (output.empty() || output == "-" || dot == std::string::npos) {
      return UsageError("render", "缺少 --format (missing --format)");
    }
    format_name = output.substr(dot + 1);
    if (format_name == "markdown") format_name = "md";
  }
  StatusOr<RenderFormat> format = ParseRenderFormat(format_name);
  if (!format.ok()) return UsageError("render", format.status().message());
  bool binary = *format == RenderFormat::kDocx || *format == RenderFormat::kXlsx ||
                *format == RenderFormat::kPdf;
  if (binary && (output.empty() || output == "-")) {
    return UsageError("render", std::string(RenderFormatName(*format)) +
                                    " 是二进制格式，请用 -o 指定输出文件 (binary format: give -o FILE)");
  }
  StatusOr<AnnualReport> report = ReadInput(input);
  if (!report.ok()) {
    std::fprintf(stderr, "gongkai render: %s\n", report.status().message().c_str());
    return 1;
  }
  StatusOr<std::string> bytes = RenderReport(*report, *format, options);
  if (!bytes.ok()) {
    std::fprintf(stderr, "gongkai render: %s: %s\n", input.c_str(), bytes.status().message().c_str());
    return 1;
  }
  if (output.empty() || output == "-") {
    std::cout << *bytes;
    std::cout.flush();
    return std::cout ? 0 : 1;
  }
  std::ofstream out(output, std::ios::binary | std::ios::trunc);
  out.write(bytes->data(), static_cast<std::streamsize>(bytes->size()));
  out.close();
  if (!out) {
    std::fprintf(stderr, "gongkai render: %s: 无法写入输出文件 (cannot write the output file)\n",
                 output.c_str());
    return 1;
  }
  return 0;
}

}  // namespace gongkai::cli

GONGKAI_COMMAND("render",
                "按标准格式生成年度报告 docx/html/md/xlsx/pdf/json (render the standard annual report)",
                gongkai::cli::RunRender)
