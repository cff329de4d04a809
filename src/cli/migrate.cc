// gongkai migrate: copies an SQLite ledger into PostgreSQL with its audit chain, and verifies it.
#include <cstdio>
#include <iostream>

#include "gongkai/stores.h"
#include "ledger_options.h"

namespace gongkai::cli {

int RunMigrate(const Args& args) {
  const char* kUsage =
      "用法 (usage): gongkai migrate --from sqlite:PATH --to postgres://USER@HOST:PORT/DB\n\n"
      "把 SQLite 台账逐表逐行复制到空的 PostgreSQL 数据库（编号不变，审计日志的哈希链不变），\n"
      "在一个事务中完成；复制前核对源台账的审计日志，复制后在目标库上核对（audit verify）。\n"
      "成功时退出码 0；目标库核对不通过时 1。\n"
      "Copies an SQLite ledger into an empty PostgreSQL database, row for row with its ids and\n"
      "its audit hash chain, in one transaction; verifies the source before and the target after\n"
      "(as audit verify). Exits 0 on success, 1 if the target does not verify.\n";
  CliOptions o;
  if (!o.Parse(args, 0, {})) return UsageError("migrate", o.error());
  if (o.help() || args.empty()) {
    std::fputs(kUsage, stdout);
    return args.empty() ? 2 : 0;
  }
  if (Status s = o.OnlyAllowed({"from", "to"}); !s.ok()) return UsageError("migrate", s.message());
  if (o.Has("db")) return UsageError("migrate", "请用 --from 和 --to (use --from and --to)");
  StatusOr<std::string> from = o.Required("from");
  if (!from.ok()) return UsageError("migrate", from.status().message());
  StatusOr<std::string> to = o.Required("to");
  if (!to.ok()) return UsageError("migrate", to.status().message());
  StatusOr<CopyReport> report = CopyLedger(*from, *to);
  if (!report.ok()) return Fail("migrate", report.status());
  for (const auto& [table, rows] : report->rows) std::cout << table << "\t" << rows << "\n";
  if (!report->target.intact || report->target.rows != report->source.rows) {
    std::cout << "目标库审计日志核对不通过 (the copy does not verify): " << report->target.problem
              << " (" << report->target.rows << "/" << report->source.rows << " rows)\n";
    return 1;
  }
  std::cout << "已复制并核对：审计日志 " << report->target.rows
            << " 条记录，哈希链完整，申请和附件与审计记录一致 (copied and verified: "
            << report->target.rows << " audit rows, chain intact)\n";
  return 0;
}

}  // namespace gongkai::cli

GONGKAI_COMMAND("migrate", "把 SQLite 台账复制到 PostgreSQL 并核对 (copy a ledger to PostgreSQL)",
                gongkai::cli::RunMigrate)
