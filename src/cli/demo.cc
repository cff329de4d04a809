// gongkai demo: a database filled with a year of realistic requests for the seeds' agencies.
#include <cstdio>
#include <iostream>
#include <random>

#include "gongkai/accounts.h"
#include "gongkai/documents.h"
#include "gongkai/ledger_simulation.h"
#include "gongkai/registry.h"
#include "gongkai/validator.h"
#include "ledger_options.h"

namespace gongkai::cli {
namespace {

struct DemoAgency {
  const char* name;
  AgencyKind kind;
  int parent;  // index into kDemoAgencies, -1 for none
};

// The agencies of the shared seed reports (../shared/seeds/*.expected.json: 内蒙古自治区民族事务
// 委员会, 内蒙古自治区人民政府办公厅, 鄂托克前旗, 通辽市民族事务委员会, 满洲里市人民政府办公室)
// and the governments above them.
const DemoAgency kDemoAgencies[] = {
    {"内蒙古自治区人民政府", AgencyKind::kRegion, -1},
    {"内蒙古自治区人民政府办公厅", AgencyKind::kDepartment, 0},
    {"内蒙古自治区民族事务委员会", AgencyKind::kDepartment, 0},
    {"通辽市人民政府", AgencyKind::kCity, 0},
    {"通辽市民族事务委员会", AgencyKind::kDepartment, 3},
    {"鄂尔多斯市人民政府", AgencyKind::kCity, 0},
    {"鄂托克前旗人民政府", AgencyKind::kCounty, 5},
    {"呼伦贝尔市人民政府", AgencyKind::kCity, 0},
    {"满洲里市人民政府", AgencyKind::kCounty, 7},
    {"满洲里市人民政府办公室", AgencyKind::kDepartment, 8},
};

const char* const kSurnames[] = {"王", "李", "张",     "刘",     "陈",   "杨",     "赵",  "黄",
                                 "周", "吴", "巴特尔", "其其格", "乌云", "额尔敦", "斯琴"};
const char* const kOrgNames[][2] = {{"commercial", "内蒙古某能源有限公司"},
                                    {"commercial", "某乳业股份有限公司"},
                                    {"research", "内蒙古大学某研究中心"},
                                    {"social", "某公益基金会"},
                                    {"legal", "某律师事务所"},
                                    {"other", "某村民委员会"}};
const char* const kTopics[] = {"部门预算和决算",
                               "征地补偿安置方案",
                               "行政处罚决定书",
                               "项目环境影响评价批复",
                               "规范性文件制定依据",
                               "政府采购合同",
                               "草原生态保护补助资金发放情况",
                               "棚户区改造项目审批文件"};

const char* const kCategories[] = {"政策文件", "规划计划", "财政信息", "人事信息", "行政执法"};

// An agency's registries: cases (one carried in from the year before, one still open at the
// year's end, a suit after a review), 规章 and 规范性文件 made, amended and repealed, the year's
// decision counts with their source.
Status FillRegistries(Registry& registry, int64_t agency, int y, std::mt19937_64& rng) {
  const std::string actor = "demo";
  auto day = [&](int from_year, int span) {
    return Date::FromYmd(from_year, 1, 1) + std::uniform_int_distribution<int>(0, span)(rng);
  };
  auto result = [&] {
    return static_cast<CaseResult>(std::uniform_int_distribution<int>(0, 2)(rng));
  };
  DisclosureCase review;
  review.c.agency_id = agency;
  review.c.group = kReview;
  review.c.filed = Date::FromYmd(y - 1, 12, 1) + std::uniform_int_distribution<int>(0, 20)(rng);
  review.number = "内复〔" + std::to_string(y - 1) + "〕" + std::to_string(agency) + "号";
  review.note = "申请人不服政府信息公开答复";
  GONGKAI_ASSIGN_OR_RETURN(int64_t review_id, registry.AddCase(review, actor));
  GONGKAI_RETURN_IF_ERROR(registry.DecideCase(review_id, result(), review.c.filed + 50, actor));
  DisclosureCase suit = review;
  suit.c.group = kSuitAfterReview;
  suit.c.filed = review.c.filed + 70;
  suit.review_id = review_id;
  suit.number = "（" + std::to_string(y) + "）内0" + std::to_string(agency) + "行初1号";
  GONGKAI_RETURN_IF_ERROR(registry.AddCase(suit, actor).status());  // pending at year end
  DisclosureCase direct = suit;
  direct.c.group = kSuitDirect;
  direct.review_id = 0;
  direct.c.filed = day(y, 200);
  direct.c.decided = direct.c.filed + 90;
  direct.c.result = result();
  direct.number = "（" + std::to_string(y) + "）内0" + std::to_string(agency) + "行初2号";
  GONGKAI_RETURN_IF_ERROR(registry.AddCase(direct, actor).status());
  DisclosureCase second = review;
  second.c.filed = day(y, 250);
  second.number = "内复〔" + std::to_string(y) + "〕" + std::to_string(agency) + "号";
  GONGKAI_ASSIGN_OR_RETURN(int64_t second_id, registry.AddCase(second, actor));
  GONGKAI_RETURN_IF_ERROR(registry.DecideCase(second_id, result(), second.c.filed + 60, actor));

  for (int k = 0; k < 5; ++k) {
    int made_year = y - 2 + k % 3;
    NormativeDoc d{0,
                   agency,
                   k % 2,
                   "关于规范政府信息公开工作的规定（" + std::to_string(k) + "）",
                   "内政办发〔" + std::to_string(made_year) + "〕" + std::to_string(k + 1) + "号",
                   Date::FromYmd(made_year, 3 + k, 10),
                   std::nullopt};
    GONGKAI_ASSIGN_OR_RETURN(int64_t id, registry.AddNormative(d, actor));
    if (k == 0) {
      GONGKAI_RETURN_IF_ERROR(
          registry.Amend(id, {Date::FromYmd(y, 4, 1), "", "修改第三条"}, actor));
    }
    if (k == 1) GONGKAI_RETURN_IF_ERROR(registry.Repeal(id, Date::FromYmd(y, 9, 1), actor));
  }
  ActionCounts counts{{agency, y, std::uniform_int_distribution<int64_t>(1, 5000)(rng),
                       std::uniform_int_distribution<int64_t>(1, 800)(rng),
                       std::uniform_int_distribution<int64_t>(1, 50)(rng),
                       std::uniform_int_distribution<int>(1, 20000)(rng) / 100.0},
                      "演示数据：政务服务平台与执法监督平台导出"};
  GONGKAI_RETURN_IF_ERROR(registry.SetActions(counts, actor));

  return Status::Ok();
}

struct DemoDocument {
  const char* title;
  const char* category;
  const char* body;
};
const DemoDocument kDocumentTopics[] = {
    {"部门预算的公告", "财政预决算",
     "根据《中华人民共和国预算法》，现将本部门年度预算公开如下。一般公共预算财政拨款收入主要用于"
     "履行职能、保障机构运转。"},
    {"草原生态保护补助奖励资金发放情况的通告", "资金使用",
     "为落实草原生态保护补助奖励政策，现将禁牧补助和草畜平衡奖励资金发放情况予以公开，接受社会"
     "监督。"},
    {"行政许可事项清单的通知", "权责清单",
     "依据《中华人民共和国行政许可法》，现公布本机关实施的行政许可事项、设定依据和办理时限。"},
    {"政务公开工作要点的通知", "政务公开",
     "全面贯彻《中华人民共和国政府信息公开条例》，推进决策、执行、管理、服务、结果公开。"},
    {"重点民生项目进展情况的公告", "重点领域",
     "现将棚户区改造、农村牧区道路和饮水安全等重点民生项目的进展情况公告如下。"},
    {"突发事件应急预案的通知", "应急管理",
     "为有效预防和处置突发事件，保障人民群众生命财产安全，制定本预案。"},
};

// Published documents (法定主动公开内容) for each agency, a few per year, with texts a search can
// find; one in six is recorded as disclosed on request, which the public catalogue leaves out.
Status AddDemoDocuments(CaseStore& store, const std::vector<int64_t>& agency_ids, int first_year,
                        int last_year, std::mt19937_64& rng) {
  GONGKAI_ASSIGN_OR_RETURN(std::unique_ptr<DocumentRegistry> registry, OpenDocumentRegistry(store));
  for (size_t a = 0; a < agency_ids.size(); ++a) {
    GONGKAI_ASSIGN_OR_RETURN(Agency agency, store.GetAgency(agency_ids[a]));
    int serial = 0;
    for (int y = first_year; y <= last_year; ++y) {
      for (size_t k = 0; k < sizeof kDocumentTopics / sizeof kDocumentTopics[0]; ++k) {
        const DemoDocument& t = kDocumentTopics[k];
        PublishedDocument d;
        d.agency_id = agency_ids[a];
        char index[64];
        std::snprintf(index, sizeof index, "11150000MB%04zu-%d-%05d", a + 1, y, ++serial);
        d.index_number = index;
        d.title = agency.name + "关于" + std::to_string(y) + "年" + t.title;
        d.category = t.category;
        d.publisher = agency.name;
        d.created = Date::FromYmd(y, 1 + static_cast<int>(k) * 2, 5 + static_cast<int>(rng() % 20));
        d.published = d.created + 3;
        d.mode = serial % 6 == 0 ? DisclosureMode::kOnRequest : DisclosureMode::kProactive;
        d.body = std::string(t.body) + "\n" + agency.name + "\n" + d.created.ToString();
        GONGKAI_RETURN_IF_ERROR(registry->Add(d, "demo").status());
      }
    }
  }
  return Status::Ok();
}

// The staff console's demo accounts: clerk-<id>, approver-<id> and admin-<id> for every agency,
// supervisor-1 on the region, all with kDemoPassword. Only for demo databases: a real office
// adds its users with `gongkai user add`, each with its own password.
constexpr const char* kDemoPassword = "Gongkai-demo-2026";

Status AddDemoUsers(CaseStore& store, const std::vector<int64_t>& agency_ids) {
  GONGKAI_ASSIGN_OR_RETURN(std::unique_ptr<AccountStore> accounts, OpenAccountStore(store));
  for (int64_t agency : agency_ids) {
    const std::string id = std::to_string(agency);
    for (Role role : {Role::kClerk, Role::kApprover, Role::kAdmin}) {
      GONGKAI_RETURN_IF_ERROR(
          accounts->AddUser({std::string(RoleId(role)) + "-" + id, role, agency}, kDemoPassword,
                            "demo")
              .status());
    }
  }
  return accounts->AddUser({"supervisor-1", Role::kSupervisor, agency_ids.at(0)}, kDemoPassword,
                           "demo")
      .status();
}

}  // namespace

int RunDemo(const Args& args) {
  const char* kUsage =
      "用法 (usage): gongkai demo [--db PATH，默认 ./gongkai.db] [--year Y，默认 2025]\n"
      "                           [--years N，默认 1] [--per-agency N，默认 60] [--seed N]\n\n"
      "为种子报告中的机关生成一年的演示台账：覆盖表三每一种办理结果，含补正、征求意见、延期、\n"
      "收费、撤回、逾期答复、上年结转与结转下年，以及复议诉讼、规章规范性文件和年度数量；\n"
      "然后生成并核对每个机关的年度报告。数据库须为空。\n"
      "工作人员演示账号（仅限演示数据库）：每个机关 clerk-<机关编号>、approver-<编号>、\n"
      "admin-<编号>，自治区监督人员 supervisor-1，密码均为 Gongkai-demo-2026。\n"
      "Fills an empty database with a year of demo requests for the seeds' agencies (every\n"
      "outcome row) and checks each agency's generated report.\n";
  CliOptions o;
  if (!o.Parse(args, 0, {})) return UsageError("demo", o.error());
  if (o.help()) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (Status s = o.OnlyAllowed({"year", "years", "per-agency", "seed"}); !s.ok()) {
    return UsageError("demo", s.message());
  }
  int64_t year = 2025, years = 1, per_agency = 60, seed = 20250101;
  for (auto [key, target] : {std::pair<const char*, int64_t*>{"year", &year},
                             {"years", &years},
                             {"per-agency", &per_agency},
                             {"seed", &seed}}) {
    if (!o.Has(key)) continue;
    StatusOr<int64_t> v = o.Int(key);
    if (!v.ok()) return UsageError("demo", v.status().message());
    *target = *v;
  }
  if (per_agency < 25 || per_agency > 100000) {
    return UsageError("demo", "--per-agency 应在 25 到 100000 之间 (expects 25..100000)");
  }
  if (years < 1 || years > 5) {
    return UsageError("demo", "--years 应在 1 到 5 之间 (expects 1..5)");
  }
  auto session = OpenLedger(o);
  if (!session.ok()) return Fail("demo", session.status());
  CaseStore& store = *(*session)->store;
  auto opened_registry = OpenRegistry(store);
  if (!opened_registry.ok()) return Fail("demo", opened_registry.status());
  Registry& registry = **opened_registry;
  const WorkCalendar& cal = (*session)->calendar;
  const int last_year = static_cast<int>(year);
  const int first_year = last_year - static_cast<int>(years) + 1;
  if (!cal.KnowsYear(first_year - 1) || !cal.KnowsYear(last_year) ||
      !cal.KnowsYear(last_year + 1)) {
    return Fail("demo", FailedPreconditionError(
                            "演示需要 " + std::to_string(first_year - 1) + "–" +
                            std::to_string(last_year + 1) +
                            " 年的日历数据 (the demo needs calendar data for the year before and "
                            "after)"));
  }
  // A simulated history: its steps are "today" up to the last year's end, even for the year in
  // progress.
  LedgerOptions simulated;
  simulated.today = Date::FromYmd(last_year, 12, 31);
  (*session)->ledger = std::make_unique<Ledger>(&store, &cal, simulated);
  Ledger& ledger = *(*session)->ledger;
  auto existing = store.ListAgencies();
  if (!existing.ok()) return Fail("demo", existing.status());
  if (!existing->empty()) {
    return Fail("demo", FailedPreconditionError("数据库中已有机关，演示只写入空数据库 "
                                                "(the database is not empty)"));
  }
  std::mt19937_64 rng(static_cast<uint64_t>(seed));
  const std::string actor = "demo";

  std::vector<int64_t> agency_ids;
  for (const DemoAgency& a : kDemoAgencies) {
    int64_t parent = a.parent < 0 ? 0 : agency_ids[static_cast<size_t>(a.parent)];
    StatusOr<int64_t> id = store.AddAgency({0, a.name, parent, a.kind}, actor);
    if (!id.ok()) return Fail("demo", id.status());
    agency_ids.push_back(*id);
  }
  if (Status s = AddDemoUsers(store, agency_ids); !s.ok()) return Fail("demo", s);
  std::vector<int64_t> applicants;
  for (int i = 0; i < 40; ++i) {
    std::string name = std::string(kSurnames[i % 15]) + "某" + std::to_string(i + 1);
    char id_number[32], phone[16];
    std::snprintf(id_number, sizeof id_number, "1501021980%02d%02d%04d", i % 12 + 1, i % 28 + 1, i);
    std::snprintf(phone, sizeof phone, "1380471%04d", i);
    StatusOr<int64_t> id = store.AddApplicant({0, ApplicantKind::kNatural, name},
                                              {id_number, phone, "内蒙古自治区呼和浩特市"}, actor);
    if (!id.ok()) return Fail("demo", id.status());
    applicants.push_back(*id);
  }
  for (const auto& org : kOrgNames) {
    StatusOr<int64_t> id = store.AddApplicant({0, *ApplicantKindFromId(org[0]), org[1]},
                                              {"", "04716000000", "内蒙古自治区"}, actor);
    if (!id.ok()) return Fail("demo", id.status());
    applicants.push_back(*id);
  }

  if (Status s = AddDemoDocuments(store, agency_ids, first_year, last_year, rng); !s.ok()) {
    return Fail("demo", s);
  }
  int64_t registered = 0;
  // One year of requests, cases and counts (the years run in order, so a year's open requests
  // are carried over into the next).
  auto fill_year = [&](const int y) -> int {
    const Date first = Date::FromYmd(y, 1, 1), last = Date::FromYmd(y, 12, 31);
    const Date prev_start = Date::FromYmd(y - 1, 11, 1);
    const Channel kChannels[] = {Channel::kOnline,   Channel::kLetterSigned, Channel::kLetterOrdinary,
                                 Channel::kInPerson, Channel::kFax,          Channel::kEmail};
    for (int64_t agency : agency_ids) {
      for (int64_t i = 0; i < per_agency; ++i) {
        // One in eight from the last two months of the previous year (carried over unless
        // concluded in time); the first 21 of this year cover every outcome row once.
        bool previous = i % 8 == 7;
        Date from = previous ? prev_start : first;
        Date received = from + std::uniform_int_distribution<int>(
                                   0, (previous ? Date::FromYmd(y - 1, 12, 31) : last) - from)(rng);
        int outcome = (!previous && i < 24) ? kFirstOutcomeRow + static_cast<int>(i % 21) : -1;
        NewRequest n;
        n.agency_id = agency;
        n.applicant_id = applicants[static_cast<size_t>(
            i % 5 == 0 ? 40 + i % 6 : std::uniform_int_distribution<int>(0, 39)(rng))];
        n.channel = kChannels[std::uniform_int_distribution<int>(0, 5)(rng)];
        if (n.channel == Channel::kInPerson) n.dates.submitted = received;
        if (n.channel == Channel::kLetterSigned) n.dates.signed_for = received;
        if (n.channel == Channel::kLetterOrdinary) n.dates.submitted = received;
        n.dates.confirmed = received;
        n.content = std::string("申请公开") + kTopics[std::uniform_int_distribution<int>(0, 7)(rng)];
        n.form = "电子文档、电子邮件";
        n.actor = "王科员";
        n.attachments = {{0, "申请表.txt", "", 0, n.content + "\n申请人签名"}};
        StatusOr<int64_t> id = ledger.Register(n);
        if (!id.ok()) return Fail("demo", id.status());
        // Histories stop at the year's end: late requests stay open and are carried forward.
        Status s = SimulateRequest(ledger, cal, *id, received, last, outcome, rng);
        if (!s.ok()) return Fail("demo", s.WithContext("申请 " + std::to_string(*id)));
        ++registered;
      }
      // Table 4, table 2 and section one from the registries.
      if (Status st = FillRegistries(registry, agency, y, rng); !st.ok()) return Fail("demo", st);
    }
    return 0;
  };
  for (int y = first_year; y <= last_year; ++y) {
    if (int rc = fill_year(y); rc != 0) return rc;
  }
  std::cout << "已登记 " << registered << " 件申请，" << agency_ids.size()
            << " 个机关 (requests registered, agencies)\n";
  int failures = 0;
  for (size_t i = 0; i < agency_ids.size(); ++i) {
    StatusOr<AnnualReport> r =
        GenerateAnnualReport(store, agency_ids[i], last_year, kDemoAgencies[i].parent < 0);
    if (!r.ok()) return Fail("demo", r.status());
    Findings f = Validate(*r);
    int errors = CountSeverity(f, Severity::kError);
    failures += errors;
    std::cout << agency_ids[i] << "\t" << r->agency << "\t新收 "
              << *r->table3.cells[kNew][kTotal].value << "\t上年结转 "
              << *r->table3.cells[kCarriedOver][kTotal].value << "\t办结 "
              << *r->table3.cells[kResultTotal][kTotal].value << "\t结转下年 "
              << *r->table3.cells[kCarriedForward][kTotal].value << "\t检查 "
              << (f.empty() ? "通过 (ok)" : std::to_string(f.size()) + " 项发现") << "\n";
  }
  return failures ? 1 : 0;
}

}  // namespace gongkai::cli

GONGKAI_COMMAND("demo", "生成演示台账 (fill a database with demo data)", gongkai::cli::RunDemo)
