// gongkai cases: 行政复议 and 行政诉讼 cases about disclosure (table 4 of the annual report).
#include <cstdio>
#include <iostream>

#include "gongkai/text_safety.h"
#include "registry_session.h"

namespace gongkai::cli {
namespace {

constexpr const char* kUsage =
    "用法 (usage): gongkai cases <子命令> [选项] [--db PATH]\n\n"
    "  add    --agency ID --kind review|suit_direct|suit_after_review --filed 立案日期\n"
    "         [--number 案号] [--request 申请编号] [--review 复议案件编号] [--note 案情]\n"
    "         [--decided 审结日期 --result 结果] [--actor 经办人]    登记案件，打印编号\n"
    "  decide --id ID --date 审结日期 --result upheld|corrected|other [--actor A]\n"
    "  list   [--agency ID] [--year Y]     列出；给 --year 时只列计入该年表四的案件\n\n"
    "类别 (--kind)：review 行政复议；suit_direct 行政诉讼（未经复议直接起诉）；\n"
    "               suit_after_review 行政诉讼（复议后起诉，可用 --review 关联复议案件）。\n"
    "结果 (--result)：upheld 结果维持；corrected 结果纠正；other 其他结果。\n"
    "年底未审结的案件在当年表四计为“尚未审结”，并结转下一年度统计。\n"
    "Cases still open on 31 December count as pending and carry into the next year.\n";

int Usage(const std::string& message) { return UsageError("cases", message); }

StatusOr<int> GroupOf(const std::string& kind) {
  int g = T4GroupFromId(kind);
  for (int i = 0; i < kT4Groups && g < 0; ++i) {
    if (kind == T4GroupLabel(i)) g = i;
  }
  if (g < 0) {
    return InvalidArgumentError("未知案件类别“" + kind +
                                "”，应为 review、suit_direct 或 suit_after_review (unknown kind)");
  }
  return g;
}

int Add(const CliOptions& o) {
  if (Status s = o.OnlyAllowed({"agency", "kind", "filed", "number", "request", "review", "note",
                                "decided", "result", "actor"});
      !s.ok()) {
    return Usage(s.message());
  }
  DisclosureCase c;
  StatusOr<int64_t> agency = o.Int("agency");
  if (!agency.ok()) return Usage(agency.status().message());
  c.c.agency_id = *agency;
  StatusOr<std::string> kind = o.Required("kind");
  if (!kind.ok()) return Usage(kind.status().message());
  StatusOr<int> group = GroupOf(*kind);
  if (!group.ok()) return Usage(group.status().message());
  c.c.group = *group;
  StatusOr<Date> filed = o.DateOf("filed");
  if (!filed.ok()) return Usage(filed.status().message());
  c.c.filed = *filed;
  StatusOr<int64_t> request = IntOr(o, "request", 0);
  if (!request.ok()) return Usage(request.status().message());
  c.c.request_id = *request;
  StatusOr<int64_t> review = IntOr(o, "review", 0);
  if (!review.ok()) return Usage(review.status().message());
  c.review_id = *review;
  c.number = o.Get("number");
  c.note = o.Get("note");
  if (o.Has("decided") != o.Has("result")) {
    return Usage("--decided 与 --result 须同时给出 (give both or neither)");
  }
  if (o.Has("decided")) {
    StatusOr<Date> decided = o.DateOf("decided");
    if (!decided.ok()) return Usage(decided.status().message());
    c.c.decided = *decided;
    StatusOr<CaseResult> result = CaseResultFromId(o.Get("result"));
    if (!result.ok()) return Usage(result.status().message());
    if (*result == CaseResult::kPending) return Usage("已审结的案件结果不能是尚未审结");
    c.c.result = *result;
  }
  auto session = OpenRegistrySession(o);
  if (!session.ok()) return Fail("cases", session.status());
  StatusOr<int64_t> id = session->registry->AddCase(c, o.Get("actor", "cli"));
  if (!id.ok()) return Fail("cases", id.status());
  std::cout << *id << "\n";
  return 0;
}

int Decide(const CliOptions& o) {
  if (Status s = o.OnlyAllowed({"id", "date", "result", "actor"}); !s.ok()) {
    return Usage(s.message());
  }
  StatusOr<int64_t> id = o.Int("id");
  if (!id.ok()) return Usage(id.status().message());
  StatusOr<Date> date = o.DateOf("date");
  if (!date.ok()) return Usage(date.status().message());
  StatusOr<std::string> result_id = o.Required("result");
  if (!result_id.ok()) return Usage(result_id.status().message());
  StatusOr<CaseResult> result = CaseResultFromId(*result_id);
  if (!result.ok()) return Usage(result.status().message());
  auto session = OpenRegistrySession(o);
  if (!session.ok()) return Fail("cases", session.status());
  Status s = session->registry->DecideCase(*id, *result, *date, o.Get("actor", "cli"));
  if (!s.ok()) return Fail("cases", s);
  std::cout << "案件 " << *id << " 已审结：" << CaseResultLabel(*result) << "\n";
  return 0;
}

int List(const CliOptions& o) {
  if (Status s = o.OnlyAllowed({"agency", "year"}); !s.ok()) return Usage(s.message());
  StatusOr<int64_t> agency = IntOr(o, "agency", 0);
  if (!agency.ok()) return Usage(agency.status().message());
  StatusOr<int64_t> year = IntOr(o, "year", 0);
  if (!year.ok()) return Usage(year.status().message());
  if (*year && (*year < 1900 || *year > 9999)) return Usage("--year 超出范围 (out of range)");
  auto session = OpenRegistrySession(o);
  if (!session.ok()) return Fail("cases", session.status());
  auto cases = session->registry->ListCases(*agency, static_cast<int>(*year));
  if (!cases.ok()) return Fail("cases", cases.status());
  std::cout << "编号\t机关\t类别\t立案日期\t结果\t审结日期\t案号\t案情\n";
  for (const DisclosureCase& c : *cases) {
    // As of 31 December of --year, a case decided later is still pending.
    bool open_then =
        *year && c.c.decided && *c.c.decided > Date::FromYmd(static_cast<int>(*year), 12, 31);
    CaseResult shown = open_then ? CaseResult::kPending : c.c.result;
    std::cout << c.c.id << "\t" << c.c.agency_id << "\t" << T4GroupLabel(c.c.group);
    if (c.review_id) std::cout << "（复议案件 " << c.review_id << "）";
    std::cout << "\t" << c.c.filed.ToString() << "\t" << CaseResultLabel(shown) << "\t"
              << (c.c.decided && !open_then ? c.c.decided->ToString() : "-") << "\t"
              << TerminalSafe(c.number) << "\t" << TerminalSafe(c.note) << "\n";
  }
  return 0;
}

int RunCases(const Args& args) {
  std::string sub = args.empty() ? "" : args[0];
  CliOptions o;
  if (!o.Parse(args, sub.rfind("-", 0) == 0 ? 0 : 1, {})) return Usage(o.error());
  if (o.help() || sub.empty() || sub.rfind("-", 0) == 0) {
    std::fputs(kUsage, stdout);
    return o.help() ? 0 : 2;
  }
  if (sub == "add") return Add(o);
  if (sub == "decide") return Decide(o);
  if (sub == "list") return List(o);
  return Usage("未知子命令 " + sub + " (unknown subcommand)");
}

}  // namespace
}  // namespace gongkai::cli

GONGKAI_COMMAND("cases", "政府信息公开行政复议、行政诉讼案件（年报表四） (table 4 cases)",
                gongkai::cli::RunCases)
