// The gongkai command: one binary, one subcommand per task (see command.h).
#include <cstdio>
#include <exception>
#include <new>
#include <string>
#include <vector>

#include "command.h"
#include "gongkai/text_safety.h"

namespace {

void PrintUsage(FILE* out) {
  std::fputs("用法 (usage): gongkai <命令> [选项] ...\n\n命令 (commands):\n", out);
  for (const auto& c : gongkai::cli::Commands()) {
    std::fprintf(out, "  %-10s %s\n", c.name, c.summary);
  }
  std::fputs("\n每个命令都有 --help (every command has --help)；gongkai --version 显示版本 (version).\n", out);
}

// The last resort for an exception no layer converted to a Status: one message without internal
// names, exit 2. Never reached by bad input (every importer returns errors as values).
int ReportUncaught(const char* what_zh, const char* what_en) {
  std::fflush(stdout);
  std::fprintf(stderr, "gongkai: 内部错误：%s，已停止 (internal error: %s; stopped)\n", what_zh,
               what_en);
  return 2;
}

int Run(int argc, char** argv) {
  if (argc < 2) {
    PrintUsage(stderr);
    return 2;
  }
  std::string cmd = argv[1];
  std::vector<std::string> args(argv + 2, argv + argc);
  if (cmd == "--version" || cmd == "-V" || cmd == "version") {
    std::printf("gongkai %s\n", GONGKAI_VERSION);
    return 0;
  }
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    PrintUsage(stdout);
    return 0;
  }
  for (const auto& c : gongkai::cli::Commands()) {
    if (cmd == c.name) return c.run(args);
  }
  std::fprintf(stderr, "gongkai: 未知命令 %s (unknown command)\n\n",
               gongkai::TerminalSafe(cmd).c_str());
  PrintUsage(stderr);
  return 2;
}
}  // namespace

int main(int argc, char** argv) {
  try {
    return Run(argc, argv);
  } catch (const std::bad_alloc&) {
    return ReportUncaught("内存不足", "out of memory");
  } catch (...) {
    return ReportUncaught("未处理的异常", "unexpected exception");
  }
}
