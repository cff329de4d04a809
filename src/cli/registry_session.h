// Internal to the CLI: the store at --db with its Registry (registry.h), for the registry and
// cases commands.
#pragma once

#include <memory>

#include "gongkai/registry.h"
#include "ledger_options.h"

namespace gongkai::cli {

struct RegistrySession {
  std::unique_ptr<CaseStore> store;
  std::unique_ptr<Registry> registry;  // on `store`; declared after it, destroyed before it
};
StatusOr<RegistrySession> OpenRegistrySession(const CliOptions& options);

// The value of an optional integer option, or `fallback` when absent.
StatusOr<int64_t> IntOr(const CliOptions& options, const std::string& key, int64_t fallback);

}  // namespace gongkai::cli
