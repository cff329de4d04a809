// gongkai registry: 规章 and 行政规范性文件 with their lifecycle, and the year's administrative
// decisions and fees (table 2 of the annual report).
#include <cmath>
#include <cstdio>
#include <iostream>

#include "gongkai/text_safety.h"
#include "registry_session.h"

namespace gongkai::cli {

StatusOr<RegistrySession> OpenRegistrySession(const CliOptions& options) {
  RegistrySession s;
  GONGKAI_ASSIGN_OR_RETURN(s.store, OpenCaseStore(options.Get("db", "gongkai.db")));
  GONGKAI_ASSIGN_OR_RETURN(s.registry, OpenRegistry(*s.store));
  return s;
}

StatusOr<int64_t> IntOr(const CliOptions& options, const std::string& key, int64_t fallback) {
  if (!options.Has(key)) return fallback;
  return options.Int(key);
}

namespace {

constexpr const char* kUsage =
    "用法 (usage): gongkai registry <rules|normative|actions> <子命令> [选项] [--db PATH]\n\n"
    "规章 (rules) 与 行政规范性文件 (normative)：\n"
    "  add    --agency ID --title 标题 [--number 文号] --made 制发日期 [--actor 经办人]\n"
    "  amend  --id ID --date 修改日期 [--number 修改文号] --note 修改内容 [--actor A]\n"
    "  repeal --id ID --date 废止日期 [--actor A]\n"
    "  list   [--agency ID] [--year Y]     列出；给 --year 时显示该年12月31日是否现行有效\n"
    "行政许可、处罚、强制与行政事业性收费 (actions)：\n"
    "  set    --agency ID --year Y --licensing N --penalty N --coercion N --fees 万元\n"
    "         --source 数据来源 [--actor A]      登记本年处理决定数量和收费金额（单位：万元）\n"
    "  show   --agency ID --year Y\n\n"
    "年度报告表二由这些记录生成：本年制发、本年废止、12月31日现行有效。每次修改都记入审计日志。\n"
    "Table 2 of the annual report is generated from these records; every change is audited.\n";

int Usage(const std::string& message) { return UsageError("registry", message); }

int DocAdd(const CliOptions& o, int kind) {
  if (Status s = o.OnlyAllowed({"agency", "title", "number", "made", "actor"}); !s.ok()) {
    return Usage(s.message());
  }
  NormativeDoc d;
  d.kind = kind;
  StatusOr<int64_t> agency = o.Int("agency");
  if (!agency.ok()) return Usage(agency.status().message());
  d.agency_id = *agency;
  StatusOr<std::string> title = o.Required("title");
  if (!title.ok()) return Usage(title.status().message());
  d.title = *title;
  d.number = o.Get("number");
  StatusOr<Date> made = o.DateOf("made");
  if (!made.ok()) return Usage(made.status().message());
  d.made = *made;
  auto session = OpenRegistrySession(o);
  if (!session.ok()) return Fail("registry", session.status());
  StatusOr<int64_t> id = session->registry->AddNormative(d, o.Get("actor", "cli"));
  if (!id.ok()) return Fail("registry", id.status());
  std::cout << *id << "\n";
  return 0;
}

int DocAmend(const CliOptions& o) {
  if (Status s = o.OnlyAllowed({"id", "date", "number", "note", "actor"}); !s.ok()) {
    return Usage(s.message());
  }
  StatusOr<int64_t> id = o.Int("id");
  if (!id.ok()) return Usage(id.status().message());
  StatusOr<Date> date = o.DateOf("date");
  if (!date.ok()) return Usage(date.status().message());
  StatusOr<std::string> note = o.Required("note");
  if (!note.ok()) return Usage(note.status().message());
  auto session = OpenRegistrySession(o);
  if (!session.ok()) return Fail("registry", session.status());
  Status s = session->registry->Amend(*id, {*date, o.Get("number"), *note}, o.Get("actor", "cli"));
  if (!s.ok()) return Fail("registry", s);
  std::cout << "已登记修改 (amendment recorded)\n";
  return 0;
}

int DocRepeal(const CliOptions& o) {
  if (Status s = o.OnlyAllowed({"id", "date", "actor"}); !s.ok()) return Usage(s.message());
  StatusOr<int64_t> id = o.Int("id");
  if (!id.ok()) return Usage(id.status().message());
  StatusOr<Date> date = o.DateOf("date");
  if (!date.ok()) return Usage(date.status().message());
  auto session = OpenRegistrySession(o);
  if (!session.ok()) return Fail("registry", session.status());
  Status s = session->registry->Repeal(*id, *date, o.Get("actor", "cli"));
  if (!s.ok()) return Fail("registry", s);
  std::cout << "已登记废止 (repeal recorded)\n";
  return 0;
}

int DocList(const CliOptions& o, int kind) {
  if (Status s = o.OnlyAllowed({"agency", "year"}); !s.ok()) return Usage(s.message());
  StatusOr<int64_t> agency = IntOr(o, "agency", 0);
  if (!agency.ok()) return Usage(agency.status().message());
  StatusOr<int64_t> year = IntOr(o, "year", 0);
  if (!year.ok()) return Usage(year.status().message());
  if (*year && (*year < 1900 || *year > 9999)) return Usage("--year 超出范围 (out of range)");
  auto session = OpenRegistrySession(o);
  if (!session.ok()) return Fail("registry", session.status());
  auto list = session->registry->ListNormative(*agency, kind);
  if (!list.ok()) return Fail("registry", list.status());
  std::cout << "编号\t机关\t制发日期\t废止日期\t修改次数" << (*year ? "\t12月31日状态" : "")
            << "\t文号\t标题\n";
  for (const NormativeRecord& r : *list) {
    std::cout << r.doc.id << "\t" << r.doc.agency_id << "\t" << r.doc.made.ToString() << "\t"
              << (r.doc.abolished ? r.doc.abolished->ToString() : "-") << "\t"
              << r.amendments.size();
    if (*year) {
      Date end = Date::FromYmd(static_cast<int>(*year), 12, 31);
      std::cout << "\t"
                << (r.InForceOn(end)   ? "现行有效"
                    : r.doc.made > end ? "尚未制发"
                                       : "已废止");
    }
    std::cout << "\t" << TerminalSafe(r.doc.number) << "\t" << TerminalSafe(r.doc.title) << "\n";
  }
  return 0;
}

int RunDocs(const std::string& sub, const CliOptions& o, int kind) {
  if (sub == "add") return DocAdd(o, kind);
  if (sub == "amend") return DocAmend(o);
  if (sub == "repeal") return DocRepeal(o);
  if (sub == "list") return DocList(o, kind);
  return Usage("未知子命令 " + sub + " (unknown subcommand)");
}

void PrintActions(const ActionCounts& a) {
  char fees[32];
  std::snprintf(fees, sizeof fees, "%.4f", a.counts.fees_10k_yuan);
  std::cout << "机关 " << a.counts.agency_id << "，" << a.counts.year << "年\n"
            << "行政许可处理决定\t" << a.counts.licensing << " 件\n"
            << "行政处罚处理决定\t" << a.counts.penalty << " 件\n"
            << "行政强制处理决定\t" << a.counts.coercion << " 件\n"
            << "行政事业性收费\t" << fees << " 万元\n"
            << "数据来源\t" << TerminalSafe(a.source) << "\n";
}

StatusOr<double> Fees(const CliOptions& o) {
  GONGKAI_ASSIGN_OR_RETURN(std::string v, o.Required("fees"));
  size_t used = 0;
  double x = 0;
  try {
    x = std::stod(v, &used);
  } catch (...) {
    used = 0;
  }
  if (used == 0 || used != v.size() || !std::isfinite(x)) {
    return InvalidArgumentError("--fees 应为万元数，如 12.35，而不是“" + v +
                                "” (expects an amount in 万元)");
  }
  return x;
}

int RunActions(const std::string& sub, const CliOptions& o) {
  if (sub == "set") {
    if (Status s = o.OnlyAllowed(
            {"agency", "year", "licensing", "penalty", "coercion", "fees", "source", "actor"});
        !s.ok()) {
      return Usage(s.message());
    }
    ActionCounts a;
    for (auto [key, field] :
         {std::pair{"agency", &a.counts.agency_id}, std::pair{"licensing", &a.counts.licensing},
          std::pair{"penalty", &a.counts.penalty}, std::pair{"coercion", &a.counts.coercion}}) {
      StatusOr<int64_t> v = o.Int(key);
      if (!v.ok()) return Usage(v.status().message());
      *field = *v;
    }
    StatusOr<int64_t> year = o.Int("year");
    if (!year.ok()) return Usage(year.status().message());
    if (*year < 1900 || *year > 9999) return Usage("--year 超出范围 (out of range)");
    a.counts.year = static_cast<int>(*year);
    StatusOr<double> fees = Fees(o);
    if (!fees.ok()) return Usage(fees.status().message());
    a.counts.fees_10k_yuan = *fees;
    StatusOr<std::string> source = o.Required("source");
    if (!source.ok()) return Usage(source.status().message());
    a.source = *source;
    auto session = OpenRegistrySession(o);
    if (!session.ok()) return Fail("registry", session.status());
    Status s = session->registry->SetActions(a, o.Get("actor", "cli"));
    if (!s.ok()) return Fail("registry", s);
    PrintActions(a);
    return 0;
  }
  if (sub == "show") {
    if (Status s = o.OnlyAllowed({"agency", "year"}); !s.ok()) return Usage(s.message());
    StatusOr<int64_t> agency = o.Int("agency");
    if (!agency.ok()) return Usage(agency.status().message());
    StatusOr<int64_t> year = o.Int("year");
    if (!year.ok()) return Usage(year.status().message());
    if (*year < 1900 || *year > 9999) return Usage("--year 超出范围 (out of range)");
    auto session = OpenRegistrySession(o);
    if (!session.ok()) return Fail("registry", session.status());
    auto a = session->registry->GetActions(*agency, static_cast<int>(*year));
    if (!a.ok()) return Fail("registry", a.status());
    if (!a->has_value()) {
      std::cout << "机关 " << *agency << " 尚未登记 " << *year
                << " 年的处理决定数量 (nothing recorded)\n";
      return 0;
    }
    PrintActions(**a);
    return 0;
  }
  return Usage("未知子命令 " + sub + " (unknown subcommand)");
}

int RunRegistry(const Args& args) {
  std::string area = args.empty() ? "" : args[0];
  std::string sub = args.size() > 1 ? args[1] : "";
  bool positional =
      !area.empty() && area.rfind("-", 0) != 0 && !sub.empty() && sub.rfind("-", 0) != 0;
  CliOptions o;
  if (!o.Parse(args, positional ? 2 : args.empty() || area.rfind("-", 0) == 0 ? 0 : 1, {})) {
    return Usage(o.error());
  }
  if (o.help() || !positional) {
    std::fputs(kUsage, stdout);
    return o.help() ? 0 : 2;
  }
  if (area == "rules") return RunDocs(sub, o, static_cast<int>(DocKind::kRules));
  if (area == "normative") return RunDocs(sub, o, static_cast<int>(DocKind::kNormativeDocs));
  if (area == "actions") return RunActions(sub, o);
  return Usage("未知类别 " + area + "，应为 rules、normative 或 actions (unknown area)");
}

}  // namespace
}  // namespace gongkai::cli

GONGKAI_COMMAND("registry", "规章、规范性文件与行政许可处罚强制收费登记（年报表二） (table 2)",
                gongkai::cli::RunRegistry)
