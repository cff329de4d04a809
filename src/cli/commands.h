// Internal to the CLI: one function per subcommand. Each takes its arguments (after the
// subcommand's name) and returns the process exit status: 0 success, 1 findings or failures,
// 2 usage error.
#pragma once

#include <string>
#include <vector>

namespace gongkai::cli {

using Args = std::vector<std::string>;

int RunExtract(const Args& args);
int RunCheck(const Args& args);
int RunRules(const Args& args);

// Prints "gongkai: <message>" and the usage hint to stderr; returns 2.
int UsageError(const std::string& command, const std::string& message);

}  // namespace gongkai::cli
