// gongkai render: a report in (interchange JSON or any format the importers read), the standard
// annual report out in the official layout of 国办公开办函〔2021〕30号.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "command.h"
#include "gongkai/file.h"
#include "gongkai/importer.h"
#include "gongkai/render.h"
#include "gongkai/report_json.h"
#include "gongkai/text_safety.h"
#include "gongkai/validator.h"

namespace gongkai::cli {
namespace {

constexpr const char* kHelp =
    "用法 (usage): gongkai render --format docx|html|md|xlsx|pdf|json 输入文件 -o 输出文件\n"
    "             gongkai render --format 格式 输入文件... -o 输出目录\n"
    "\n"
    "按国办公开办函〔2021〕30号规定的格式生成标准的政府信息公开工作年度报告：标题、六个部分、\n"
    "表二至表四（含合并单元格）。输入可以是标准 JSON（gongkai extract --json 的输出），也可以是\n"
    "导入器能读取的任何报告（用于把格式不规范的报告整理为标准格式）。未提供的数值留空，不填 0。\n"
    "多个输入时 -o 为目录，每份报告写为“目录/原文件名.格式”；PDF 由一个 LibreOffice 进程批量转换。\n"
    "报告有检查错误时照常生成，并在标准错误输出中警告错误数和第一个错误。\n"
    "Renders the standard annual report in the official layout. INPUT is interchange JSON or any\n"
    "report the importers read. Absent values stay empty. With several inputs, -o is a directory\n"
    "(DIR/NAME.FORMAT each; PDF converted by one LibreOffice process). A report with validator\n"
    "errors is still rendered, with a warning giving the count and the first error.\n"
    "\n"
    "  --format 格式     docx、html、md、xlsx、pdf 或 json；省略时按输出文件的扩展名确定\n"
    "                    (output format; default: from the output file's extension)\n"
    "  -o, --output 路径 输出文件，或输出目录（多个输入，或已存在的目录）；“-”或省略表示标准输出\n"
    "                    （仅限单个文本格式） (output file or directory; '-' or none: stdout)\n"
    "  --strict          报告有检查错误时退出码为 1（仍生成输出） (exit 1 on validator errors)\n"
    "  --soffice 程序    生成 PDF 所用的 LibreOffice 程序，默认 soffice (LibreOffice for pdf)\n"
    "\n"
    "退出码 (exit status): 0 成功；1 无法读取输入、无法生成，或 --strict 时报告有错误；2 用法错误。\n";

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


// Prints the validator's error count and first error for `input` (a warning: the output is
// still written). Returns true iff the report has errors.
bool WarnAboutErrors(const std::string& input, const AnnualReport& report) {
  Findings findings = Validate(report);
  const int errors = CountSeverity(findings, Severity::kError);
  if (errors == 0) return false;
  const Finding* first = nullptr;
  for (const Finding& f : findings) {
    if (f.severity == Severity::kError) {
      first = &f;
      break;
    }
  }
  std::fprintf(stderr,
               "gongkai render: 警告 (warning): %s: 报告有 %d 个错误，仍已生成；第一个：%s: %s "
               "(the report has %d error%s, rendered anyway; first: %s)\n",
               TerminalSafe(input).c_str(), errors, first->rule.c_str(), TerminalSafe(first->message).c_str(),
               errors, errors == 1 ? "" : "s", TerminalSafe(first->message_en).c_str());
  return true;
}

void WarnAboutFonts() {
  for (const FontSubstitution& f : PdfFontSubstitutions()) {
    std::fprintf(stderr,
                 "gongkai render: 警告 (warning): 本机未安装字体“%s”，PDF 以“%s”代替 "
                 "(font %s is not installed; the PDF uses %s)\n",
                 f.requested.c_str(), f.used.c_str(), f.requested.c_str(), f.used.c_str());
  }
}

Status WriteOutput(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return IoError(path + ": 无法写入输出文件 (cannot write the output file)");
  return Status::Ok();
}

// DIR/<input's name without its extension>.<ext>; "report" for standard input.
std::string OutputPathIn(const std::string& dir, const std::string& input, RenderFormat format) {
  std::string stem = input == "-" ? "report" : std::filesystem::path(input).stem().string();
  return (std::filesystem::path(dir) / (stem + "." + std::string(RenderFormatExtension(format)))).string();
}

}  // namespace

int RunRender(const Args& args) {
  std::string format_name, output;
  std::vector<std::string> inputs;
  bool strict = false;
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
    } else if (a == "--strict") {
      strict = true;
    } else if (a == "--soffice") {
      if (!value(&options.soffice)) return UsageError("render", "--soffice 缺少程序 (missing program)");
    } else if (!a.empty() && a[0] == '-' && a != "-") {
      return UsageError("render", "未知选项 " + a + " (unknown option)");
    } else {
      inputs.push_back(a);
    }
  }
  if (inputs.empty()) return UsageError("render", "缺少输入文件 (no input file)");
  std::error_code ec;
  const bool to_dir = inputs.size() > 1 || (!output.empty() && std::filesystem::is_directory(output, ec));
  if (to_dir && (output.empty() || output == "-")) {
    return UsageError("render", "多个输入文件时请用 -o 指定输出目录 (several inputs: give -o DIR)");
  }
  if (format_name.empty()) {
    size_t dot = output.rfind('.');
    if (to_dir || output.empty() || output == "-" || dot == std::string::npos) {
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
  if (to_dir && !std::filesystem::is_directory(output, ec)) {
    std::filesystem::create_directories(output, ec);
    if (ec) {
      std::fprintf(stderr, "gongkai render: %s: 无法创建输出目录 (cannot create the output directory): %s\n",
                   output.c_str(), ec.message().c_str());
      return 1;
    }
  }

  bool failed = false, has_errors = false;
  std::vector<AnnualReport> reports;
  std::vector<std::string> read;  // the inputs of `reports`
  for (const std::string& input : inputs) {
    StatusOr<AnnualReport> report = ReadInput(input);
    if (!report.ok()) {
      std::fprintf(stderr, "gongkai render: %s\n", TerminalSafe(report.status().message()).c_str());
      failed = true;
      continue;
    }
    has_errors = WarnAboutErrors(input, *report) || has_errors;
    reports.push_back(std::move(*report));
    read.push_back(input);
  }
  if (*format == RenderFormat::kPdf && !reports.empty()) WarnAboutFonts();
  std::vector<StatusOr<std::string>> rendered = RenderReports(reports, *format, options);
  for (size_t i = 0; i < rendered.size(); ++i) {
    if (!rendered[i].ok()) {
      std::fprintf(stderr, "gongkai render: %s: %s\n", TerminalSafe(read[i]).c_str(),
                   TerminalSafe(rendered[i].status().message()).c_str());
      failed = true;
      continue;
    }
    if (!to_dir && (output.empty() || output == "-")) {
      std::cout << *rendered[i];
      std::cout.flush();
      if (!std::cout) failed = true;
      continue;
    }
    const std::string path = to_dir ? OutputPathIn(output, read[i], *format) : output;
    Status written = WriteOutput(path, *rendered[i]);
    if (!written.ok()) {
      std::fprintf(stderr, "gongkai render: %s\n", TerminalSafe(written.message()).c_str());
      failed = true;
    }
  }
  return failed || (strict && has_errors) ? 1 : 0;
}

}  // namespace gongkai::cli

GONGKAI_COMMAND("render",
                "按标准格式生成年度报告 docx/html/md/xlsx/pdf/json (render the standard annual report)",
                gongkai::cli::RunRender)
