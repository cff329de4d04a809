// gongkai agency / gongkai applicant: the ledger's agencies and applicants.
#include <cstdio>
#include <iostream>

#include "gongkai/ledger_labels.h"
#include "gongkai/registry.h"
#include "gongkai/text_safety.h"
#include "ledger_options.h"

namespace gongkai::cli {

int RunAgency(const Args& args) {
  const char* kUsage =
      "用法 (usage):\n"
      "  gongkai agency add --name 名称 [--kind region|city|county|department] [--parent ID]\n"
      "  gongkai agency list\n"
      "  共同参数 (common): [--db PATH，默认 ./gongkai.db]\n\n"
      "登记机关：自治区/省 → 盟/市 → 旗/县，部门隶属于其中任一级。\n"
      "Registers agencies in a hierarchy: region → city → county, departments under any.\n";
  std::string sub = args.empty() ? "" : args[0];
  CliOptions o;
  if (!o.Parse(args, sub.rfind("-", 0) == 0 ? 0 : 1, {})) return UsageError("agency", o.error());
  if (o.help() || sub.empty() || sub == "--help") {
    std::fputs(kUsage, stdout);
    return sub.empty() && !o.help() ? 2 : 0;
  }
  if (sub == "add") {
    if (Status s = o.OnlyAllowed({"name", "kind", "parent"}); !s.ok()) {
      return UsageError("agency", s.message());
    }
    StatusOr<std::string> name = o.Required("name");
    if (!name.ok()) return UsageError("agency", name.status().message());
    StatusOr<AgencyKind> kind = AgencyKindFromId(o.Get("kind", "department"));
    if (!kind.ok()) return UsageError("agency", kind.status().message());
    int64_t parent = 0;
    if (o.Has("parent")) {
      StatusOr<int64_t> p = o.Int("parent");
      if (!p.ok()) return UsageError("agency", p.status().message());
      parent = *p;
    }
    auto session = OpenLedger(o);
    if (!session.ok()) return Fail("agency", session.status());
    if (parent) {
      if (auto p = (*session)->store->GetAgency(parent); !p.ok()) return Fail("agency", p.status());
    }
    StatusOr<int64_t> id =
        (*session)->store->AddAgency({0, *name, parent, *kind}, o.Get("actor", "cli"));
    if (!id.ok()) return Fail("agency", id.status());
    std::cout << *id << "\n";
    return 0;
  }
  if (sub == "list") {
    if (Status s = o.OnlyAllowed({}); !s.ok()) return UsageError("agency", s.message());
    auto session = OpenLedger(o, OpenMode::kReadOnly);
    if (!session.ok()) return Fail("agency", session.status());
    auto all = (*session)->store->ListAgencies();
    if (!all.ok()) return Fail("agency", all.status());
    for (const Agency& a : *all) {
      std::cout << a.id << "\t" << AgencyKindId(a.kind) << "\t" << a.parent_id << "\t" << a.name
                << "\n";
    }
    return 0;
  }
  return UsageError("agency", "未知子命令 " + sub + " (unknown subcommand)");
}

// gongkai applicant list: every applicant with kind and name (never personal data).
int ListApplicants(const CliOptions& o) {
  if (Status s = o.OnlyAllowed({}); !s.ok()) return UsageError("applicant", s.message());
  auto session = OpenLedger(o);
  if (!session.ok()) return Fail("applicant", session.status());
  auto registry = OpenRegistry(*(*session)->store);
  if (!registry.ok()) return Fail("applicant", registry.status());
  auto all = (*registry)->ListApplicants();
  if (!all.ok()) return Fail("applicant", all.status());
  std::cout << "编号\t类别\t名称\n";
  for (const Applicant& a : *all) {
    std::cout << a.id << "\t" << ApplicantKindLabel(a.kind) << "\t" << TerminalSafe(a.name) << "\n";
  }
  return 0;
}

int RunApplicant(const Args& args) {
  const char* kUsage =
      "用法 (usage): gongkai applicant add --kind KIND --name 名称 [--id-number 证件号]\n"
      "              [--phone 电话] [--address 地址] [--actor 经办人] [--db PATH]\n"
      "              gongkai applicant list [--db PATH]   列出申请人（不含个人信息）\n\n"
      "KIND: natural（自然人）, commercial（商业企业）, research（科研机构）, "
      "social（社会公益组织）,\n"
      "      legal（法律服务机构）, other（其他）。\n"
      "个人信息（证件号、电话、地址）单独保存，不进入申请、报告和导出。\n"
      "Personal data are stored apart and never appear in requests, reports or exports.\n";
  std::string sub = args.empty() ? "" : args[0];
  CliOptions o;
  if (!o.Parse(args, sub.rfind("-", 0) == 0 ? 0 : 1, {})) return UsageError("applicant", o.error());
  if (sub == "list" && !o.help()) return ListApplicants(o);
  if (o.help() || sub != "add") {
    std::fputs(kUsage, stdout);
    return o.help() ? 0 : 2;
  }
  if (Status s = o.OnlyAllowed({"kind", "name", "id-number", "phone", "address", "actor"});
      !s.ok()) {
    return UsageError("applicant", s.message());
  }
  StatusOr<ApplicantKind> kind = ApplicantKindFromId(o.Get("kind", "natural"));
  if (!kind.ok()) return UsageError("applicant", kind.status().message());
  StatusOr<std::string> name = o.Required("name");
  if (!name.ok()) return UsageError("applicant", name.status().message());
  auto session = OpenLedger(o);
  if (!session.ok()) return Fail("applicant", session.status());
  StatusOr<int64_t> id = (*session)->store->AddApplicant(
      {0, *kind, *name}, {o.Get("id-number"), o.Get("phone"), o.Get("address")},
      o.Get("actor", "cli"));
  if (!id.ok()) return Fail("applicant", id.status());
  std::cout << *id << "\n";
  return 0;
}

}  // namespace gongkai::cli

GONGKAI_COMMAND("agency", "登记和列出机关 (add and list agencies)", gongkai::cli::RunAgency)
GONGKAI_COMMAND("applicant", "登记和列出申请人 (add and list applicants)",
                gongkai::cli::RunApplicant)
