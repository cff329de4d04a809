#include "report_narrative.h"

#include <cmath>
#include <cstdio>
#include <vector>

#include "gongkai/ledger.h"
#include "gongkai/ledger_labels.h"

namespace gongkai::ledger_internal {
namespace {

std::string N(int64_t v) { return std::to_string(v); }

// The amount in 万元 as table 2 holds it (rounded to 4 decimals), without trailing zeros.
std::string Fees10k(double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.4f", std::round(v * 10000) / 10000);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? "、" : "") + items[i];
  return out;
}

int64_t Sum(const std::array<int64_t, 4>& a) { return a[0] + a[1] + a[2] + a[3]; }

// "（结果维持1件、尚未审结2件）" for the non-zero columns of a table-4 group.
std::string Results(const std::array<int64_t, 4>& a) {
  static const char* const kLabels[] = {"结果维持", "结果纠正", "其他结果", "尚未审结"};
  std::vector<std::string> items;
  for (size_t c = 0; c < 4; ++c) {
    if (a[c]) items.push_back(std::string(kLabels[c]) + N(a[c]) + "件");
  }
  return items.empty() ? "" : "（" + Join(items) + "）";
}

std::string SectionOne(const std::string& name, int year, const YearFigures& f,
                       const YearFacts* facts) {
  const auto& t3 = f.t3;
  int64_t received = 0;
  for (int64_t v : t3[kNew]) received += v;
  std::string text = std::string(kPlaceholderMark) + "本机关" + N(year) +
                     "年政府信息公开工作的总体情况（主动公开、依申请公开、政府信息管理、平台建设、"
                     "监督保障），由本机关据实撰写。\n";
  text += "以下内容由" + name + "政府信息公开台账和目录生成：";
  if (facts && !facts->documents.empty()) {
    int64_t total = 0;
    std::vector<std::string> items;
    for (const CategoryCount& c : facts->documents) {
      total += c.count;
      items.push_back(c.category + N(c.count) + "条");
    }
    text += "本年在政府信息公开目录中主动公开政府信息" + N(total) + "条，其中" + Join(items) + "。";
  } else {
    text += "政府信息公开目录中没有本年主动公开政府信息的记录。";
  }
  text += "本年新收政府信息公开申请" + N(received) + "件。";
  return text;
}

std::string SectionTwo(const YearFigures& f) {
  return "本年制发规章" + N(f.docs[0][0]) + "件、行政规范性文件" + N(f.docs[1][0]) +
         "件，废止规章" + N(f.docs[0][1]) + "件、行政规范性文件" + N(f.docs[1][1]) +
         "件；截至12月31日，现行有效规章" + N(f.docs[0][2]) + "件、行政规范性文件" +
         N(f.docs[1][2]) + "件。本年行政许可处理决定" + N(f.decisions[0]) + "件，行政处罚处理决定" +
         N(f.decisions[1]) + "件，行政强制处理决定" + N(f.decisions[2]) + "件，行政事业性收费" +
         Fees10k(f.fees_10k_yuan) + "万元。";
}

// The breaches of the year as "逾期答复（…）2次、…", in catalogue wording.
std::string BreachList(const YearFacts& facts) {
  std::vector<std::string> items;
  for (const auto& [rule, n] : facts.breaches) {
    items.push_back(BreachLabel(rule) + N(n) + "次");
  }
  return Join(items);
}

std::string SectionThree(const YearFigures& f, const YearFacts* facts) {
  auto total = [&](int row) {
    int64_t s = 0;
    for (int64_t v : f.t3[static_cast<size_t>(row)]) s += v;
    return s;
  };
  int64_t results = 0;
  for (int row = kFirstOutcomeRow; row <= kLastOutcomeRow; ++row) results += total(row);
  std::string text = "本年新收到政府信息公开申请" + N(total(kNew)) + "件，上年结转" +
                     N(total(kCarriedOver)) + "件；本年办理完结申请" + N(results) + "件";
  std::vector<std::string> items;
  for (int row = kFirstOutcomeRow; row <= kLastOutcomeRow; ++row) {
    if (row == kResultTotal || total(row) == 0) continue;
    std::string label = OutcomeLabel(T3RowId(row));
    items.push_back(label + N(total(row)) + "件");
  }
  if (!items.empty()) text += "，其中" + Join(items);
  text += "；结转下年度继续办理" + N(total(kCarriedForward)) + "件。";
  if (!facts) return text;
  auto late = facts->breaches.find(kBreachLateReply);
  int64_t late_replies = late == facts->breaches.end() ? 0 : late->second;
  if (facts->breaches.empty() && facts->overdue_at_year_end == 0) {
    if (results + total(kCarriedForward) > 0) {
      text += "台账记录显示，本年各办理环节均未超过法定期限。";
    }
    return text;
  }
  if (late_replies) text += "本年有" + N(late_replies) + "件申请逾期答复。";
  if (!facts->breaches.empty()) {
    text += "台账记录的超期环节涉及申请" + N(facts->requests_with_breaches) + "件：" +
            BreachList(*facts) + "。";
  }
  if (facts->overdue_at_year_end) {
    text += "截至12月31日，另有" + N(facts->overdue_at_year_end) + "件申请已超过答复期限仍未答复。";
  }
  return text;
}

std::string SectionFour(const YearFigures& f) {
  int64_t reviews = Sum(f.t4[kReview]);
  int64_t direct = Sum(f.t4[kSuitDirect]);
  int64_t after = Sum(f.t4[kSuitAfterReview]);
  if (reviews + direct + after == 0) {
    return "本年没有因政府信息公开工作被申请行政复议或被提起行政诉讼的记录。";
  }
  std::string text = "本年因政府信息公开工作被申请行政复议" + N(reviews) + "件" +
                     Results(f.t4[kReview]) + "；被提起行政诉讼" + N(direct + after) + "件";
  if (direct + after) {
    text += "，其中未经复议直接起诉" + N(direct) + "件" + Results(f.t4[kSuitDirect]) +
            "，复议后起诉" + N(after) + "件" + Results(f.t4[kSuitAfterReview]);
  }
  return text + "。";
}

std::string SectionFive(const YearFacts* facts) {
  std::string text = std::string(kPlaceholderMark) +
                     "存在的主要问题及改进情况，由本机关据实撰写（政府的报告还应包括工作考核、"
                     "社会评议和责任追究结果情况）。";
  if (facts && !facts->breaches.empty()) {
    text += "\n台账记录可供参考：本年" + BreachList(*facts) + "。";
  }
  return text;
}

std::string SectionSix(const YearFacts* facts) {
  std::string text;
  if (facts) {
    int64_t notices = facts->fee_notices[1] + facts->fee_notices[2];
    if (notices == 0 && facts->fees_paid == 0) {
      text += "本年未发出政府信息公开信息处理费收费通知，未收取信息处理费。";
    } else {
      std::vector<std::string> methods;
      if (facts->fee_notices[1]) {
        methods.push_back("按件计收" + N(facts->fee_notices[1]) + "件、" +
                          N(facts->fee_notice_yuan[1]) + "元");
      }
      if (facts->fee_notices[2]) {
        methods.push_back("按量计收" + N(facts->fee_notices[2]) + "件、" +
                          N(facts->fee_notice_yuan[2]) + "元");
      }
      text += "本年依据《政府信息公开信息处理费管理办法》发出收费通知" + N(notices) + "件";
      if (!methods.empty()) text += "（" + Join(methods) + "）";
      text += "，实际收取信息处理费" + N(facts->fees_paid) + "件，共计" + N(facts->fees_paid_yuan) +
              "元。";
    }
    text += "\n";
  }
  return text + kPlaceholderMark + "其他需要报告的事项，由本机关据实撰写。";
}

}  // namespace

std::array<std::string, kSectionCount> ReportSectionTexts(const std::string& name, int year,
                                                          const YearFigures& figures,
                                                          const YearFacts* facts) {
  return {SectionOne(name, year, figures, facts),
          SectionTwo(figures),
          SectionThree(figures, facts),
          SectionFour(figures),
          SectionFive(facts),
          SectionSix(facts)};
}

}  // namespace gongkai::ledger_internal
