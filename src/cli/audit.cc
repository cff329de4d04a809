// gongkai audit verify: checks that the ledger's history has not been rewritten.
#include <cstdio>
#include <iostream>

#include "ledger_options.h"

namespace gongkai::cli {

int RunAudit(const Args& args) {
  const char* kUsage =
      "用法 (usage): gongkai audit verify [--db PATH，默认 ./gongkai.db]\n\n"
      "核对审计日志的哈希链（每条记录含上一条的哈希和本条内容的哈希），以及每件申请、每个附件\n"
      "是否与其最后一条审计记录一致。报告第一处断裂；完整时退出码 0，断裂时 1。\n"
      "Verifies the audit log's hash chain and that every request and attachment matches its\n"
      "last audit entry. Reports the first broken link; exits 0 when intact, 1 on a break.\n";
  std::string sub = args.empty() ? "" : args[0];
  if (sub.empty() || sub == "--help" || sub == "-h") {
    std::fputs(kUsage, stdout);
    return sub.empty() ? 2 : 0;
  }
  CliOptions o;
  if (!o.Parse(args, 1, {})) return UsageError("audit", o.error());
  if (o.help()) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (sub != "verify") return UsageError("audit", "未知子命令 " + sub + " (unknown subcommand)");
  if (Status s = o.OnlyAllowed({}); !s.ok()) return UsageError("audit", s.message());
  SqliteOptions options;
  options.mode = OpenMode::kReadOnly;
  auto store = OpenCaseStore(o.Get("db", "gongkai.db"), options);
  if (!store.ok()) return Fail("audit", store.status());
  StatusOr<AuditVerification> v = (*store)->VerifyAuditLog();
  if (!v.ok()) return Fail("audit", v.status());
  if (!v->intact) {
    std::cout << "审计日志断裂 (audit log broken): " << v->problem << "\n";
    return 1;
  }
  std::cout << "审计日志完整：" << v->rows << " 条记录，申请和附件与审计记录一致 (audit log intact: "
            << v->rows << " rows; requests and attachments match)\n";
  return 0;
}

}  // namespace gongkai::cli

GONGKAI_COMMAND("audit", "核对台账历史是否被改写 (verify the ledger's audit chain)",
                gongkai::cli::RunAudit)
