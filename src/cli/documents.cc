// gongkai documents: the document registry (政府信息公开目录, documents.h).
#include "gongkai/documents.h"

#include <cstdio>
#include <iostream>

#include "gongkai/file.h"
#include "gongkai/text_safety.h"
#include "ledger_options.h"

namespace gongkai::cli {
namespace {

constexpr const char* kUsage =
    "用法 (usage): gongkai documents <子命令> [选项] [--db PATH，默认 ./gongkai.db]\n\n"
    "  add   --agency ID --index 索引号 --title 名称 --category 分类 --publisher 发布机构\n"
    "        --created 生成日期 [--published 公开日期] [--mode 公开方式]\n"
    "        [--body 正文 | --body-file 文件] [--actor 经办人] [--draft]\n"
    "        [--drafter 拟稿人 --reviewer 审核人 --approver 签发人 --review-date 审查日期\n"
    "         --secrecy-checked]\n"
    "        登记一件政府信息；打印其编号。主动公开的文件须经三审（三个不同的人）和保密审查，\n"
    "        否则只能以 --draft 登记为待发布稿 (adds a document; prints its id. A proactive one\n"
    "        needs the three reviews and the secrecy check, or is added as a --draft)\n"
    "  publish --id ID --published 公开日期 --drafter 拟稿人 --reviewer 审核人 --approver 签发人\n"
    "        --review-date 审查日期 --secrecy-checked [--actor 经办人]\n"
    "        公开一份待发布稿 (publishes a draft)\n"
    "  list  [--agency ID] [--page N，从1开始] [--page-size N，默认50，至多500]\n"
    "        按生成日期从新到旧列出 (lists newest first)\n"
    "  show  --id ID                    文件详情与正文 (one document with its text)\n"
    "  count --year Y [--agency ID]     本年主动公开文件按分类统计 (proactive documents by "
    "category)\n\n"
    "公开方式 (--mode): 主动公开 (proactive，默认), 依申请公开 (on_request), 不予公开 "
    "(not_disclosed)。\n"
    "分类按本机关政府信息公开指南的分类填写（条例第十二条）。日期格式 YYYY-MM-DD。\n";

void PrintDocumentLine(const PublishedDocument& d) {
  std::cout << d.id << "\t" << TerminalSafe(d.index_number) << "\t" << d.created.ToString() << "\t"
            << DisclosureModeLabel(d.mode) << "\t" << TerminalSafe(d.category) << "\t"
            << TerminalSafe(d.title) << "\n";
}

// The review options (--drafter, --reviewer, --approver, --review-date, --secrecy-checked).
StatusOr<DocumentReview> ReviewOptions(const CliOptions& o) {
  DocumentReview r;
  r.drafter = o.Get("drafter");
  r.reviewer = o.Get("reviewer");
  r.approver = o.Get("approver");
  GONGKAI_ASSIGN_OR_RETURN(r.date, o.OptionalDate("review-date"));
  r.secrecy_checked = o.Has("secrecy-checked");
  return r;
}

int Add(const CliOptions& o) {
  if (Status s =
          o.OnlyAllowed({"agency", "index", "title", "category", "publisher", "created",
                         "published", "mode", "body", "body-file", "actor", "draft", "drafter",
                         "reviewer", "approver", "review-date", "secrecy-checked"});
      !s.ok()) {
    return UsageError("documents", s.message());
  }
  PublishedDocument d;
  StatusOr<int64_t> agency = o.Int("agency");
  if (!agency.ok()) return UsageError("documents", agency.status().message());
  d.agency_id = *agency;
  for (auto [key, field] :
       {std::pair{"index", &d.index_number}, std::pair{"title", &d.title},
        std::pair{"category", &d.category}, std::pair{"publisher", &d.publisher}}) {
    StatusOr<std::string> v = o.Required(key);
    if (!v.ok()) return UsageError("documents", v.status().message());
    *field = *v;
  }
  StatusOr<Date> created = o.DateOf("created");
  if (!created.ok()) return UsageError("documents", created.status().message());
  d.created = *created;
  StatusOr<std::optional<Date>> published = o.OptionalDate("published");
  if (!published.ok()) return UsageError("documents", published.status().message());
  d.published = *published;
  StatusOr<DisclosureMode> mode = DisclosureModeFromId(o.Get("mode", "proactive"));
  if (!mode.ok()) return UsageError("documents", mode.status().message());
  d.mode = *mode;
  StatusOr<DocumentReview> review = ReviewOptions(o);
  if (!review.ok()) return UsageError("documents", review.status().message());
  d.review = *review;
  d.draft = o.Has("draft");
  if (o.Has("body") && o.Has("body-file")) {
    return UsageError("documents", "--body 与 --body-file 只能给一个 (give one of them)");
  }
  d.body = o.Get("body");
  if (o.Has("body-file")) {
    StatusOr<std::string> text = ReadFileToString(o.Get("body-file"), 16 << 20);
    if (!text.ok()) return Fail("documents", text.status());
    d.body = *text;
  }
  auto store = OpenCaseStore(o.Get("db", "gongkai.db"));
  if (!store.ok()) return Fail("documents", store.status());
  auto registry = OpenDocumentRegistry(**store);
  if (!registry.ok()) return Fail("documents", registry.status());
  StatusOr<int64_t> id = (*registry)->Add(d, o.Get("actor", "cli"));
  if (!id.ok()) return Fail("documents", id.status());
  std::cout << *id << "\n";
  return 0;
}

int Publish(const CliOptions& o) {
  if (Status s = o.OnlyAllowed({"id", "published", "actor", "drafter", "reviewer", "approver",
                                "review-date", "secrecy-checked"});
      !s.ok()) {
    return UsageError("documents", s.message());
  }
  StatusOr<int64_t> id = o.Int("id");
  if (!id.ok()) return UsageError("documents", id.status().message());
  StatusOr<Date> published = o.DateOf("published");
  if (!published.ok()) return UsageError("documents", published.status().message());
  StatusOr<DocumentReview> review = ReviewOptions(o);
  if (!review.ok()) return UsageError("documents", review.status().message());
  auto store = OpenSqliteStore(o.Get("db", "gongkai.db"), {.mode = OpenMode::kExisting});
  if (!store.ok()) return Fail("documents", store.status());
  auto registry = OpenDocumentRegistry(**store);
  if (!registry.ok()) return Fail("documents", registry.status());
  Status s = (*registry)->Publish(*id, *review, *published, o.Get("actor", "cli"));
  if (!s.ok()) return Fail("documents", s);
  std::cout << "已公开 (published) " << *id << "\n";
  return 0;
}

int List(const CliOptions& o) {
  if (Status s = o.OnlyAllowed({"agency", "page", "page-size"}); !s.ok()) {
    return UsageError("documents", s.message());
  }
  DocumentQuery q;
  int64_t page = 1;
  for (auto [key, target] : {std::pair{"agency", &q.agency_id}, std::pair{"page", &page},
                             std::pair{"page-size", &q.limit}}) {
    if (!o.Has(key)) continue;
    StatusOr<int64_t> v = o.Int(key);
    if (!v.ok()) return UsageError("documents", v.status().message());
    *target = *v;
  }
  if (page < 1) return UsageError("documents", "--page 从 1 开始 (pages start at 1)");
  q.offset = (page - 1) * q.limit;
  auto store = OpenCaseStore(o.Get("db", "gongkai.db"));
  if (!store.ok()) return Fail("documents", store.status());
  auto registry = OpenDocumentRegistry(**store);
  if (!registry.ok()) return Fail("documents", registry.status());
  StatusOr<DocumentPage> p = (*registry)->List(q);
  if (!p.ok()) return Fail("documents", p.status());
  std::cout << "共 " << p->total << " 件，第 " << page << " 页 (total, page)\n";
  std::cout << "编号\t索引号\t生成日期\t公开方式\t分类\t名称\n";
  for (const PublishedDocument& d : p->documents) PrintDocumentLine(d);
  return 0;
}

int Show(const CliOptions& o) {
  if (Status s = o.OnlyAllowed({"id"}); !s.ok()) return UsageError("documents", s.message());
  StatusOr<int64_t> id = o.Int("id");
  if (!id.ok()) return UsageError("documents", id.status().message());
  auto store = OpenCaseStore(o.Get("db", "gongkai.db"));
  if (!store.ok()) return Fail("documents", store.status());
  auto registry = OpenDocumentRegistry(**store);
  if (!registry.ok()) return Fail("documents", registry.status());
  StatusOr<PublishedDocument> d = (*registry)->Get(*id);
  if (!d.ok()) return Fail("documents", d.status());
  std::cout << "索引号：" << TerminalSafe(d->index_number) << "\n名称：" << TerminalSafe(d->title)
            << "\n分类：" << TerminalSafe(d->category) << "\n发布机构："
            << TerminalSafe(d->publisher) << "\n生成日期：" << d->created.ToString()
            << "\n公开日期：" << (d->published ? d->published->ToString() : "未登记")
            << "\n公开方式：" << DisclosureModeLabel(d->mode) << (d->draft ? "（待发布稿）" : "")
            << "\n三审：" << TerminalSafe(d->review.drafter) << " / "
            << TerminalSafe(d->review.reviewer) << " / " << TerminalSafe(d->review.approver) << "，"
            << (d->review.date ? d->review.date->ToString() : "未登记") << "，保密审查"
            << (d->review.secrecy_checked ? "已完成" : "未登记") << "\n机关编号：" << d->agency_id
            << "\n\n"
            << TerminalSafe(d->body) << "\n";
  return 0;
}

int Count(const CliOptions& o) {
  if (Status s = o.OnlyAllowed({"agency", "year"}); !s.ok()) {
    return UsageError("documents", s.message());
  }
  StatusOr<int64_t> year = o.Int("year");
  if (!year.ok()) return UsageError("documents", year.status().message());
  int64_t agency = 0;
  if (o.Has("agency")) {
    StatusOr<int64_t> a = o.Int("agency");
    if (!a.ok()) return UsageError("documents", a.status().message());
    agency = *a;
  }
  if (*year < 1900 || *year > 9999)
    return UsageError("documents", "--year 超出范围 (out of range)");
  auto store = OpenCaseStore(o.Get("db", "gongkai.db"));
  if (!store.ok()) return Fail("documents", store.status());
  auto registry = OpenDocumentRegistry(**store);
  if (!registry.ok()) return Fail("documents", registry.status());
  auto counts = (*registry)->CountByCategory(agency, static_cast<int>(*year));
  if (!counts.ok()) return Fail("documents", counts.status());
  int64_t total = 0;
  for (const CategoryCount& c : *counts) {
    std::cout << TerminalSafe(c.category) << "\t" << c.count << "\n";
    total += c.count;
  }
  std::cout << "合计\t" << total << "\n";
  return 0;
}

int RunDocuments(const Args& args) {
  std::string sub = args.empty() ? "" : args[0];
  CliOptions o;
  if (!o.Parse(args, sub.rfind("-", 0) == 0 ? 0 : 1, {"draft", "secrecy-checked"})) {
    return UsageError("documents", o.error());
  }
  if (o.help() || sub.empty() || sub.rfind("-", 0) == 0) {
    std::fputs(kUsage, stdout);
    return o.help() ? 0 : 2;
  }
  if (sub == "add") return Add(o);
  if (sub == "publish") return Publish(o);
  if (sub == "list") return List(o);
  if (sub == "show") return Show(o);
  if (sub == "count") return Count(o);
  return UsageError("documents", "未知子命令 " + sub + " (unknown subcommand)");
}

}  // namespace
}  // namespace gongkai::cli

GONGKAI_COMMAND("documents", "政府信息目录：登记、列出、统计 (document registry)",
                gongkai::cli::RunDocuments)
