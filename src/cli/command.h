// Internal to the CLI: the table of subcommands. Each subcommand lives in its own file and
// registers itself with GONGKAI_COMMAND, so adding one touches no other file.
//
// Example (in src/cli/deadline.cc):
//   int RunDeadline(const Args& args) { ... }
//   GONGKAI_COMMAND("deadline", "计算法定期限 (compute a deadline in working days)", RunDeadline);
#pragma once

#include <string>
#include <vector>

#include "gongkai/status.h"  // GONGKAI_CONCAT

namespace gongkai::cli {

using Args = std::vector<std::string>;
// Returns the process exit status: 0 success, 1 findings or failures, 2 usage error.
using CommandFn = int (*)(const Args& args);

struct Command {
  const char* name;
  const char* summary;  // one line, Chinese then English in parentheses
  CommandFn run;
};

// All registered commands, sorted by name.
std::vector<Command> Commands();

// Registers a command at static-initialisation time. Returns true (for the registrar variable).
bool RegisterCommand(const char* name, const char* summary, CommandFn run);

// Prints "gongkai <command>: <message>" and the --help hint to stderr; returns 2.
int UsageError(const std::string& command, const std::string& message);

}  // namespace gongkai::cli

#define GONGKAI_COMMAND(name, summary, fn)                                 \
  namespace {                                                              \
  [[maybe_unused]] const bool GONGKAI_CONCAT(gongkai_command_, __LINE__) = \
      ::gongkai::cli::RegisterCommand(name, summary, fn);                  \
  }
