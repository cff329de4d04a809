// gongkai requests: register requests, record each step, reply, list what falls due.
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>

#include "gongkai/attachment_file.h"
#include "gongkai/file.h"
#include "gongkai/ledger_labels.h"
#include "gongkai/letters.h"
#include "gongkai/registry.h"
#include "gongkai/render_letter.h"
#include "gongkai/text_safety.h"
#include "ledger_options.h"

namespace gongkai::cli {
namespace {

constexpr const char* kUsage =
    "用法 (usage): gongkai requests <子命令> [选项] [--db PATH，默认 ./gongkai.db]\n\n"
    "  register   --agency ID --applicant ID --channel C --content 内容 [--form 获取方式]\n"
    "             [--submitted D] [--signed D] [--confirmed D] [--attach 文件]... --actor 经办人\n"
    "             [--max-attachment-mb N，附件上限，默认 50]\n"
    "             登记申请；收到日期按条例第三十一条由渠道决定：in_person 用 --submitted，\n"
    "             letter_signed 用 --signed，letter_ordinary/online/fax/email 用 --confirmed。\n"
    "             提交成功后打印申请编号 (prints the id once committed)\n"
    "  correction --id ID --date D --deadline D --items 补正事项 --actor A   补正通知（第三十条）\n"
    "  supplement --id ID --date D --actor A                  收到补正，重新计算期限\n"
    "  consult    --id ID --date D --party third_party|other_agency --actor A  征求意见\n"
    "  consult-end --id ID --date D --actor A                 征求意见结束\n"
    "  extend     --id ID --date D --days N --approver 批准人 --actor A  "
    "延期（至多一次、20个工作日）\n"
    "  fee        --id ID --date D --method per_request|per_page [--pages N] --actor A  收费通知\n"
    "  fee-paid   --id ID --date D --actor A                  登记缴费\n"
    "  withdraw   --id ID --date D --actor A                  申请人撤回\n"
    "  reply      --id ID --date D --outcome 结果 --basis 依据 (--letter 正文|--letter-file F)\n"
    "             --actor A   答复；结果为表三的一行（见下表）\n"
    "  show       --id ID [--today D]                          申请详情与事件\n"
    "  due        [--days N] [--today D] [--agency ID]        今后 N "
    "个工作日内到期的申请，超期在前\n"
    "  list       [--agency ID]                                未办结的申请\n"
    "  list       --all --year Y [--agency ID]                 该年度台账的全部申请\n"
    "  letter     --id ID [--type 类型] [--format md|docx|pdf] [--output 文件] [--today D]\n"
    "             告知书：按 data/letters 模板生成；类型默认按申请状态（答复、补正、收费、\n"
    "             征求意见、延期），docx/pdf 须给 --output\n"
    "所有步骤可加 --reason 说明理由。日期格式 YYYY-MM-DD。步骤日期不得晚于今天（--today D\n"
    "可指定“今天”），也不得早于上一步骤。\n"
    "Every step takes --reason. Dates are ISO YYYY-MM-DD; no step after today (--today D).\n";

// The usage, the outcome codes with their labels and the forms of Art. 29/40.
void PrintUsage() {
  std::fputs(kUsage, stdout);
  std::cout << "\n答复结果 (--outcome)：\n";
  for (std::string_view id : OutcomeIds()) {
    std::cout << "  " << id << std::string(24 - std::min<size_t>(id.size(), 23), ' ')
              << OutcomeLabel(id) << "\n";
  }
  std::cout << "\n获取方式 (--form)：";
  for (std::string_view f : KnownForms()) std::cout << f << " ";
  std::cout << "（可用“、”连接多项；其他方式以“" << kOtherFormPrefix << "”开头）\n";
}

Date Today() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  return Date::FromYmd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

std::string Opt(const std::optional<Date>& d) { return d ? d->ToString() : "-"; }

// The first `n` characters (UTF-8) of `text`, with "…" if cut.
std::string Excerpt(const std::string& text, size_t n) {
  size_t pos = 0, chars = 0;
  while (pos < text.size() && chars < n) {
    unsigned char c = static_cast<unsigned char>(text[pos]);
    pos += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    ++chars;
  }
  if (pos >= text.size()) return text;
  return text.substr(0, pos) + "…";
}

// A date, marked when it lies in a provisional calendar year (calendar.h).
std::string Due(const std::optional<Date>& d, const WorkCalendar& cal) {
  if (!d) return "-";
  return d->ToString() + (cal.IsProvisional(d->year()) ? "（临时日历）" : "");
}

// One line per request: id, state, dates, applicant, content, outcome, breaches.
void PrintRequest(const RequestStatus& s, LedgerSession& session) {
  const Request& r = s.request;
  StatusOr<Applicant> applicant = session.store->GetApplicant(r.applicant_id);
  std::cout << r.id << "\t" << RequestStateLabel(r.state) << "\t收到 " << r.received.ToString()
            << "\t答复期限 " << Due(r.due, session.calendar) << "\t下一期限 "
            << Due(s.action_due, session.calendar) << (s.overdue ? "\t已超期" : "") << "\t机关 "
            << r.agency_id << "\t" << ApplicantKindLabel(r.applicant_kind) << " "
            << (applicant.ok() ? TerminalSafe(applicant->name)
                               : "申请人" + std::to_string(r.applicant_id))
            << "\t“" << TerminalSafe(Excerpt(r.content, 20)) << "”";
  if (!r.outcome.empty()) {
    std::cout << "\t结果 " << OutcomeLabel(r.outcome) << " " << Opt(r.concluded_on);
  }
  for (const std::string& b : r.breaches) std::cout << "\t违规 " << BreachLabel(b);
  std::cout << "\n";
}

// Runs one step that takes --id, --date, --actor and --reason, plus `extra` options.
int RunStep(const CliOptions& o, const std::vector<std::string>& extra,
            const std::function<Status(Ledger&, int64_t, const StepInput&)>& step) {
  std::vector<std::string> allowed = {"id", "date", "actor", "reason", "today"};
  allowed.insert(allowed.end(), extra.begin(), extra.end());
  if (Status s = o.OnlyAllowed(allowed); !s.ok()) return UsageError("requests", s.message());
  StatusOr<int64_t> id = o.Int("id");
  if (!id.ok()) return UsageError("requests", id.status().message());
  StatusOr<Date> date = o.DateOf("date");
  if (!date.ok()) return UsageError("requests", date.status().message());
  StatusOr<std::string> actor = o.Required("actor");
  if (!actor.ok()) return UsageError("requests", actor.status().message());
  auto session = OpenLedger(o, OpenMode::kExisting);
  if (!session.ok()) return Fail("requests", session.status());
  Status s = step(*(*session)->ledger, *id, {*date, *actor, o.Get("reason")});
  if (!s.ok()) return Fail("requests", s);
  auto now = (*session)->ledger->Describe(*id, *date);
  if (!now.ok()) return Fail("requests", now.status());
  PrintRequest(*now, **session);
  return 0;
}

int Register(const CliOptions& o) {
  if (Status s = o.OnlyAllowed({"agency", "applicant", "channel", "content", "form", "submitted",
                                "signed", "confirmed", "attach", "actor", "today",
                                "max-attachment-mb"});
      !s.ok()) {
    return UsageError("requests", s.message());
  }
  NewRequest n;
  StatusOr<int64_t> agency = o.Int("agency");
  StatusOr<int64_t> applicant = o.Int("applicant");
  StatusOr<Channel> channel = ChannelFromId(o.Get("channel"));
  StatusOr<std::string> actor = o.Required("actor");
  StatusOr<std::optional<Date>> submitted = o.OptionalDate("submitted");
  StatusOr<std::optional<Date>> signed_for = o.OptionalDate("signed");
  StatusOr<std::optional<Date>> confirmed = o.OptionalDate("confirmed");
  for (const Status& s : {agency.status(), applicant.status(), channel.status(), actor.status(),
                          submitted.status(), signed_for.status(), confirmed.status()}) {
    if (!s.ok()) return UsageError("requests", s.message());
  }
  n.agency_id = *agency;
  n.applicant_id = *applicant;
  n.channel = *channel;
  n.dates = {*submitted, *signed_for, *confirmed};
  n.content = o.Get("content");
  n.form = o.Get("form");
  if (Status f = CheckForm(n.form); !f.ok()) return UsageError("requests", f.message());
  n.actor = *actor;
  StatusOr<int64_t> max_bytes = MaxAttachmentBytes(o);
  if (!max_bytes.ok()) return UsageError("requests", max_bytes.status().message());
  for (const std::string& path : o.GetAll("attach")) {
    StatusOr<Attachment> file = ReadAttachment(path, *max_bytes);
    if (!file.ok()) return Fail("requests", file.status());
    n.attachments.push_back(std::move(file).value());
  }
  auto session = OpenLedger(o, OpenMode::kExisting);
  if (!session.ok()) return Fail("requests", session.status());
  StatusOr<int64_t> id = (*session)->ledger->Register(n);
  if (!id.ok()) return Fail("requests", id.status());
  std::cout << *id << "\n";
  std::fflush(stdout);
  return 0;
}

int Reply(const CliOptions& o) {
  if (Status s =
          o.OnlyAllowed({"id", "date", "actor", "outcome", "basis", "letter", "letter-file", "today"});
      !s.ok()) {
    return UsageError("requests", s.message());
  }
  StatusOr<int64_t> id = o.Int("id");
  StatusOr<Date> date = o.DateOf("date");
  StatusOr<std::string> actor = o.Required("actor");
  for (const Status& s : {id.status(), date.status(), actor.status()}) {
    if (!s.ok()) return UsageError("requests", s.message());
  }
  ReplyInput in{*date, *actor, o.GetAll("outcome"), o.Get("basis"), o.Get("letter")};
  if (o.Has("letter-file")) {
    StatusOr<std::string> letter = ReadFileToString(o.Get("letter-file"));
    if (!letter.ok()) return Fail("requests", letter.status());
    in.letter = std::move(letter).value();
  }
  auto session = OpenLedger(o, OpenMode::kExisting);
  if (!session.ok()) return Fail("requests", session.status());
  if (Status s = (*session)->ledger->Reply(*id, in); !s.ok()) return Fail("requests", s);
  auto now = (*session)->ledger->Describe(*id, *date);
  if (!now.ok()) return Fail("requests", now.status());
  PrintRequest(*now, **session);
  return 0;
}

int Show(const CliOptions& o) {
  if (Status s = o.OnlyAllowed({"id", "today"}); !s.ok())
    return UsageError("requests", s.message());
  StatusOr<int64_t> id = o.Int("id");
  if (!id.ok()) return UsageError("requests", id.status().message());
  StatusOr<std::optional<Date>> today = o.OptionalDate("today");
  if (!today.ok()) return UsageError("requests", today.status().message());
  auto session = OpenLedger(o, OpenMode::kReadOnly);
  if (!session.ok()) return Fail("requests", session.status());
  auto st = (*session)->ledger->Describe(*id, today->value_or(Today()));
  if (!st.ok()) return Fail("requests", st.status());
  PrintRequest(*st, **session);
  const Request& r = st->request;
  std::cout << "申请内容：" << TerminalSafe(r.content) << "\n";
  if (!r.form.empty()) std::cout << "获取方式：" << TerminalSafe(r.form) << "\n";
  auto events = (*session)->store->ListEvents(*id);
  if (!events.ok()) return Fail("requests", events.status());
  std::cout << "办理经过：\n";
  for (const Event& e : *events) std::cout << "  " << TerminalSafe(EventSentence(e)) << "\n";
  if (r.state == RequestState::kConcluded && !r.reply_text.empty()) {
    std::cout << "答复书（" << OutcomeLabel(r.outcome) << "，依据 " << TerminalSafe(r.reply_basis)
              << "）：\n"
              << TerminalSafe(r.reply_text) << "\n";
  }
  auto files = (*session)->store->ListAttachments(*id);
  if (!files.ok()) return Fail("requests", files.status());
  for (const Attachment& a : *files) {
    std::cout << "  附件 " << TerminalSafe(a.name) << "\t" << a.size << " bytes\tsha256 "
              << a.sha256 << "\n";
  }
  return 0;
}

int LetterCommand(const CliOptions& o) {
  if (Status s = o.OnlyAllowed({"id", "type", "format", "output", "today"}); !s.ok()) {
    return UsageError("requests", s.message());
  }
  StatusOr<int64_t> id = o.Int("id");
  if (!id.ok()) return UsageError("requests", id.status().message());
  StatusOr<RenderFormat> format = ParseRenderFormat(o.Get("format", "md"));
  if (!format.ok()) return UsageError("requests", format.status().message());
  if (*format != RenderFormat::kMarkdown && !o.Has("output")) {
    return UsageError("requests", "docx/pdf 需要 --output 文件 (binary formats need --output)");
  }
  StatusOr<std::optional<Date>> today = o.OptionalDate("today");
  if (!today.ok()) return UsageError("requests", today.status().message());
  std::optional<LetterKind> kind;
  if (o.Has("type")) {
    StatusOr<LetterKind> k = LetterKindFromId(o.Get("type"));
    if (!k.ok()) return UsageError("requests", k.status().message());
    kind = *k;
  }
  auto session = OpenLedger(o);
  if (!session.ok()) return Fail("requests", session.status());
  CaseStore& store = *(*session)->store;
  if (!kind) {
    StatusOr<Request> r = store.GetRequest(*id);
    if (!r.ok()) return Fail("requests", r.status());
    StatusOr<LetterKind> k = DefaultLetterKind(*r);
    if (!k.ok()) return Fail("requests", k.status());
    kind = *k;
  }
  StatusOr<std::string> dir = DefaultLettersDir();
  if (!dir.ok()) return Fail("requests", dir.status());
  StatusOr<std::string> md = ComposeLetter(store, *id, *kind, *dir, today->value_or(Today()));
  if (!md.ok()) return Fail("requests", md.status());
  StatusOr<std::string> bytes = RenderLetter(LetterFromMarkdown(*md), *format);
  if (!bytes.ok()) return Fail("requests", bytes.status());
  if (!o.Has("output")) {
    std::cout << TerminalSafe(*bytes);
    return 0;
  }
  std::ofstream out(o.Get("output"), std::ios::binary);
  out << *bytes;
  out.close();
  if (!out) {
    return Fail("requests", IoError("写入 " + o.Get("output") + " 失败 (cannot write)"));
  }
  std::cout << "已生成" << LetterKindLabel(*kind) << "告知书：" << o.Get("output") << "\n";
  return 0;
}

int Due(const CliOptions& o, bool all_open) {
  if (Status s = o.OnlyAllowed(all_open ? std::vector<std::string>{"today", "agency", "all", "year"}
                                        : std::vector<std::string>{"days", "today", "agency"});
      !s.ok()) {
    return UsageError("requests", s.message());
  }
  if (o.Has("all") != o.Has("year")) {
    return UsageError("requests", "--all 需要 --year 年份 (--all lists one year's ledger)");
  }
  int64_t days = 5, agency = 0;
  if (o.Has("days")) {
    StatusOr<int64_t> d = o.Int("days");
    if (!d.ok() || *d < 0 || *d > 1000) {
      return UsageError("requests", "--days 应为 0 到 1000 的整数 (expects 0..1000)");
    }
    days = *d;
  }
  if (o.Has("agency")) {
    StatusOr<int64_t> a = o.Int("agency");
    if (!a.ok()) return UsageError("requests", a.status().message());
    agency = *a;
  }
  StatusOr<std::optional<Date>> today = o.OptionalDate("today");
  if (!today.ok()) return UsageError("requests", today.status().message());
  auto session = OpenLedger(o, OpenMode::kReadOnly);
  if (!session.ok()) return Fail("requests", session.status());
  Ledger& ledger = *(*session)->ledger;
  Date t = today->value_or(Today());
  if (o.Has("all")) {
    StatusOr<int64_t> year = o.Int("year");
    if (!year.ok()) return UsageError("requests", year.status().message());
    if (*year < 1900 || *year > 9999)
      return UsageError("requests", "--year 超出范围 (out of range)");
    auto registry = OpenRegistry(*(*session)->store);
    if (!registry.ok()) return Fail("requests", registry.status());
    auto ids = (*registry)->YearRequestIds(agency, static_cast<int>(*year));
    if (!ids.ok()) return Fail("requests", ids.status());
    for (int64_t id : *ids) {
      auto st = ledger.Describe(id, t);
      if (!st.ok()) return Fail("requests", st.status());
      PrintRequest(*st, **session);
    }
    std::cout << "共 " << ids->size() << " 件 (requests)\n";
    return 0;
  }
  if (all_open) {
    auto open = (*session)->store->ListOpenRequests(agency);
    if (!open.ok()) return Fail("requests", open.status());
    for (const Request& r : *open) {
      auto st = ledger.Describe(r.id, t);
      if (!st.ok()) return Fail("requests", st.status());
      PrintRequest(*st, **session);
    }
    return 0;
  }
  auto due = ledger.ListDue(t, static_cast<int>(days), agency);
  if (!due.ok()) return Fail("requests", due.status());
  for (const RequestStatus& s : *due) PrintRequest(s, **session);
  return 0;
}

}  // namespace

int RunRequests(const Args& args) {
  std::string sub = args.empty() ? "" : args[0];
  CliOptions o;
  if (sub.empty() || sub == "--help" || sub == "-h") {
    PrintUsage();
    return sub.empty() ? 2 : 0;
  }
  if (!o.Parse(args, 1, {"all"})) return UsageError("requests", o.error());
  if (o.help()) {
    PrintUsage();
    return 0;
  }
  if (sub == "register") return Register(o);
  if (sub == "reply") return Reply(o);
  if (sub == "show") return Show(o);
  if (sub == "letter") return LetterCommand(o);
  if (sub == "due") return Due(o, false);
  if (sub == "list") return Due(o, true);
  if (sub == "correction") {
    return RunStep(o, {"deadline", "items"}, [&](Ledger& l, int64_t id, const StepInput& s) {
      StatusOr<Date> deadline = o.DateOf("deadline");
      if (!deadline.ok()) return deadline.status();
      return l.SendCorrectionNotice(id, s, *deadline, o.Get("items"));
    });
  }
  if (sub == "supplement") {
    return RunStep(o, {}, [](Ledger& l, int64_t id, const StepInput& s) {
      return l.ReceiveCorrection(id, s);
    });
  }
  if (sub == "consult") {
    return RunStep(o, {"party"}, [&](Ledger& l, int64_t id, const StepInput& s) {
      return l.StartConsultation(id, s, o.Get("party"));
    });
  }
  if (sub == "consult-end") {
    return RunStep(
        o, {}, [](Ledger& l, int64_t id, const StepInput& s) { return l.EndConsultation(id, s); });
  }
  if (sub == "extend") {
    return RunStep(o, {"days", "approver"}, [&](Ledger& l, int64_t id, const StepInput& s) {
      StatusOr<int64_t> days = o.Int("days");
      if (!days.ok()) return days.status();
      return l.Extend(id, s, static_cast<int>(std::clamp<int64_t>(*days, -1, 1000)),
                      o.Get("approver"));
    });
  }
  if (sub == "fee") {
    return RunStep(o, {"method", "pages"}, [&](Ledger& l, int64_t id, const StepInput& s) {
      std::string m = o.Get("method");
      FeeMethod method = m == "per_request" ? FeeMethod::kPerRequest
                         : m == "per_page"  ? FeeMethod::kPerPage
                                            : FeeMethod::kNone;
      int64_t pages = 0;
      if (o.Has("pages")) {
        StatusOr<int64_t> p = o.Int("pages");
        if (!p.ok()) return p.status();
        pages = *p;
      }
      return l.SendFeeNotice(id, s, method, pages);
    });
  }
  if (sub == "fee-paid") {
    return RunStep(
        o, {}, [](Ledger& l, int64_t id, const StepInput& s) { return l.RecordFeePaid(id, s); });
  }
  if (sub == "withdraw") {
    return RunStep(o, {},
                   [](Ledger& l, int64_t id, const StepInput& s) { return l.Withdraw(id, s); });
  }
  return UsageError("requests", "未知子命令 " + sub + " (unknown subcommand)");
}

}  // namespace gongkai::cli

GONGKAI_COMMAND("requests", "依申请公开台账：登记、办理、答复、到期 (the request ledger)",
                gongkai::cli::RunRequests)
