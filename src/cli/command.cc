#include "command.h"

#include <algorithm>
#include <cstdio>

#include "gongkai/text_safety.h"

namespace gongkai::cli {
namespace {

std::vector<Command>& Registry() {
  static auto* const kRegistry = new std::vector<Command>();
  return *kRegistry;
}

}  // namespace

bool RegisterCommand(const char* name, const char* summary, CommandFn run) {
  Registry().push_back({name, summary, run});
  return true;
}

std::vector<Command> Commands() {
  std::vector<Command> out = Registry();
  std::sort(out.begin(), out.end(),
            [](const Command& a, const Command& b) { return std::string(a.name) < b.name; });
  return out;
}

int UsageError(const std::string& command, const std::string& message) {
  std::fprintf(stderr, "gongkai %s: %s\n请运行 gongkai %s --help 查看用法 (see --help)\n",
               command.c_str(), TerminalSafe(message).c_str(), command.c_str());
  return 2;
}

}  // namespace gongkai::cli
