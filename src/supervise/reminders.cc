// Reminders (督办): agencies not filed or filed with errors, as a mail-merge CSV and as a
// printable notice per agency.
#include <string>

#include "gongkai/report_json.h"
#include "gongkai/supervision.h"
#include "gongkai/text_safety.h"
#include "gongkai/validator.h"
#include "supervision_internal.h"

namespace gongkai {
namespace {

constexpr size_t kErrorsPerReminder = 3;

// Art. 49: a department files and publishes last year's report by 31 January; a government's own
// report is published by 31 March.
Date DueDate(const Agency& a, int year) {
  return a.kind == AgencyKind::kDepartment ? Date::FromYmd(year + 1, 1, 31)
                                           : Date::FromYmd(year + 1, 3, 31);
}

std::string ChineseDate(Date d) {
  return std::to_string(d.year()) + "年" + std::to_string(d.month()) + "月" +
         std::to_string(d.day()) + "日";
}

}  // namespace

StatusOr<std::vector<Reminder>> Supervision::Reminders(int year) {
  GONGKAI_ASSIGN_OR_RETURN(SupervisionTree tree, Tree(year));
  GONGKAI_ASSIGN_OR_RETURN(const auto* ledger, impl_->LedgerReports(year));
  std::vector<Reminder> out;
  for (size_t i = 0; i < tree.rows.size(); ++i) {
    const AgencyFiling& row = tree.rows[i];
    if (row.status != FilingStatus::kNotFiled && row.status != FilingStatus::kErrors) continue;
    Reminder r;
    r.agency = row.agency;
    int parent = impl_->scope->parent[i];
    if (parent >= 0) r.parent_name = impl_->scope->agencies[static_cast<size_t>(parent)].name;
    r.status = row.status;
    r.errors = row.errors;
    r.due = DueDate(row.agency, year);
    r.submission_id = row.submission_id;
    if (row.source == ReportSource::kUpload) {
      GONGKAI_ASSIGN_OR_RETURN(Submission s, impl_->submissions->Get(row.submission_id));
      GONGKAI_ASSIGN_OR_RETURN(Findings f, FindingsFromJson(s.model_json, s.file_name));
      r.first_errors = FirstErrors(f, kErrorsPerReminder);
    } else if (row.source == ReportSource::kLedger) {
      r.first_errors = FirstErrors(Validate(ledger->at(row.agency.id).report), kErrorsPerReminder);
    }
    out.push_back(std::move(r));
  }
  return out;
}

std::string RemindersCsv(const std::vector<Reminder>& reminders, int year) {
  // A UTF-8 BOM, so that Excel on Chinese Windows reads the file as UTF-8.
  std::string out =
      "\xEF\xBB\xBF"
      "机关编号,机关名称,上级机关,年度,状态,错误数,主要问题,截止日期,报告编号\n";
  for (const Reminder& r : reminders) {
    std::string problems;
    for (const std::string& e : r.first_errors) problems += (problems.empty() ? "" : "；") + e;
    out += std::to_string(r.agency.id) + "," + CsvCell(r.agency.name) + "," +
           CsvCell(r.parent_name) + "," + std::to_string(year) + "," +
           CsvCell(FilingStatusLabel(r.status)) + "," + std::to_string(r.errors) + "," +
           CsvCell(problems) + "," + r.due.ToString() + "," +
           (r.submission_id ? std::to_string(r.submission_id) : "") + "\n";
  }
  return out;
}

Letter ReminderNotice(const Reminder& r, const std::string& from, int year, Date today) {
  Letter l;
  l.title = "政府信息公开工作年度报告督办通知";
  const std::string y = std::to_string(year);
  l.paragraphs.push_back(r.agency.name + "：");
  if (r.status == FilingStatus::kNotFiled) {
    l.paragraphs.push_back("根据《中华人民共和国政府信息公开条例》第四十九条，你单位应于" +
                           ChineseDate(r.due) + "前报送并向社会公布" + y +
                           "年度政府信息公开工作年度报告。截至" + ChineseDate(today) +
                           "，本办尚未收到你单位的年度报告。");
  } else {
    std::string p = "经核查，你单位报送的" + y + "年度政府信息公开工作年度报告存在" +
                    std::to_string(r.errors) + "处错误";
    if (r.first_errors.empty()) {
      p += "。";
    } else {
      p += "，主要有：";
      for (size_t i = 0; i < r.first_errors.size(); ++i) {
        p += "\n" + std::to_string(i + 1) + ". " + r.first_errors[i];
      }
    }
    l.paragraphs.push_back(p);
  }
  std::string ask = r.status == FilingStatus::kNotFiled
                        ? "请你单位抓紧完成年度报告的编制、报送和公布工作"
                        : "请你单位对照《中华人民共和国政府信息公开工作年度报告格式》"
                          "（国办公开办函〔2021〕30号）核实更正后重新报送并公布";
  ask += today > r.due ? "。报送期限已过，请立即办理，并将办理情况报告本办。"
                       : "，并于" + ChineseDate(r.due) + "前将办理情况报告本办。";
  l.paragraphs.push_back(ask);
  l.paragraphs.push_back(from + "\n" + ChineseDate(today));
  return l;
}

}  // namespace gongkai
