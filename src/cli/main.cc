// The gongkai command: one binary, one subcommand per task.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "commands.h"

namespace {

constexpr const char* kUsage =
    "用法 (usage): gongkai <命令> [选项] ...\n"
    "\n"
    "命令 (commands):\n"
    "  extract   读取年度报告，输出标准 JSON (read reports, print the interchange JSON)\n"
    "  check     检查年度报告，逐条列出问题 (check reports, list findings)\n"
    "  rules     列出检查规则目录 (list the rule catalogue)\n"
    "\n"
    "每个命令都有 --help (every command has --help).\n";

}  // namespace

namespace gongkai::cli {

int UsageError(const std::string& command, const std::string& message) {
  std::fprintf(stderr, "gongkai %s: %s\n请运行 gongkai %s --help 查看用法 (see --help)\n",
               command.c_str(), message.c_str(), command.c_str());
  return 2;
}

}  // namespace gongkai::cli

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  std::string cmd = argv[1];
  std::vector<std::string> args(argv + 2, argv + argc);
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (cmd == "extract") return gongkai::cli::RunExtract(args);
  if (cmd == "check") return gongkai::cli::RunCheck(args);
  if (cmd == "rules") return gongkai::cli::RunRules(args);
  std::fprintf(stderr, "gongkai: 未知命令 %s (unknown command)\n\n%s", cmd.c_str(), kUsage);
  return 2;
}
