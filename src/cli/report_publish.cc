// gongkai report publish: the office's annual report, generated from the ledger with its own text,
// validated and published to the 专栏 (report_publication.h).
#include <cstdio>
#include <iostream>

#include "gongkai/file.h"
#include "gongkai/report_publication.h"
#include "ledger_options.h"

namespace gongkai::cli {

extern const char* const kReportPublishUsage;
const char* const kReportPublishUsage =
    "用法 (usage): gongkai report publish --agency ID --year Y [--text FILE] [--actor 经办人]\n"
    "                                     [--today YYYY-MM-DD] [--db PATH，默认 ./gongkai.db]\n\n"
    "发布年度报告：由台账生成，填入本机关撰写的文字（--text 文件中各部分以“一、”至“六、”开头的\n"
    "标题分段，只能填写带有【待本机关填写】的部分），经全部检查规则核对后保存为发布版本；\n"
    "公开专栏随即以 HTML、DOCX、PDF、XLSX 提供该版本。尚待填写或未通过检查时不发布，退出码 1。\n"
    "Publishes the annual report: generated from the ledger, completed with the office's text\n"
    "(--text: sections opened by their headings 一、…六、), validated and stored; the public\n"
    "column then serves it in every format. Exits 1 if a section is missing or a rule fails.\n";

StatusOr<std::pair<int64_t, int>> ReportAgencyYear(const CliOptions& o);  // report_generate.cc

int RunReportPublish(const CliOptions& o) {
  if (Status s = o.OnlyAllowed({"agency", "year", "text", "actor", "today"}); !s.ok()) {
    return UsageError("report", s.message());
  }
  StatusOr<std::pair<int64_t, int>> agency_year = ReportAgencyYear(o);
  if (!agency_year.ok()) return UsageError("report", agency_year.status().message());
  const auto [agency, y] = *agency_year;
  StatusOr<std::optional<Date>> today = o.OptionalDate("today");
  if (!today.ok()) return UsageError("report", today.status().message());
  std::optional<SectionTexts> texts;
  if (o.Has("text")) {
    StatusOr<std::string> file = ReadFileToString(o.Get("text"), 1 << 20);
    if (!file.ok()) return Fail("report", file.status());
    StatusOr<SectionTexts> parsed = ParseSectionTexts(*file);
    if (!parsed.ok()) return Fail("report", parsed.status().WithContext(o.Get("text")));
    texts = *parsed;
  }
  auto session = OpenLedger(o, OpenMode::kExisting);
  if (!session.ok()) return Fail("report", session.status());
  CaseStore& store = *(*session)->store;
  const std::string actor = o.Get("actor", "cli");
  if (texts) {
    if (Status s = SaveReportText(store, agency, y, *texts, actor); !s.ok()) {
      return Fail("report", s);
    }
  }
  // Only the year of "today" matters (a year is published once it is over).
  const Date day = today->value_or(Date::FromYmd(CurrentYear(), 12, 31));
  StatusOr<PublishedReport> p = PublishAnnualReport(store, agency, y, day, actor);
  if (!p.ok()) return Fail("report", p.status());
  std::cout << "已发布 " << y << " 年度报告，版本 " << p->id << " (published, version " << p->id
            << ")\n";
  return 0;
}

}  // namespace gongkai::cli
