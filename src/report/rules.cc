#include "gongkai/rules.h"

#include <cstdio>
#include <cstdlib>

namespace gongkai {

const std::vector<RuleInfo>& RuleCatalogue() {
  static const auto* const kRules = new std::vector<RuleInfo>{
      // Table 3 (domain.md A.3)
      {"T3-BALANCE", Severity::kError, "表三勾稽关系：第一项加第二项之和应等于第三项加第四项之和",
       "Table 3 balance: new + carried_over == result_total + carried_forward, every column"},
      {"T3-ROW-TOTAL", Severity::kError, "表三每行总计应等于自然人与五类法人或其他组织之和",
       "Table 3 row total == natural + the five organisation columns"},
      {"T3-RESULT-TOTAL", Severity::kError, "表三（七）总计应等于各项办理结果之和",
       "Table 3 result_total == sum of the 21 outcome rows, every column"},
      // Table 4
      {"T4-TOTAL", Severity::kError, "表四每组总计应等于结果维持、结果纠正、其他结果、尚未审结之和",
       "Table 4 total == upheld + corrected + other + pending, every group"},
      // Values
      {"VALUE-NEGATIVE", Severity::kError, "数量不能为负数", "Counts are non-negative"},
      {"VALUE-NOT-INTEGER", Severity::kError, "件数应为整数", "Counts are integers"},
      {"T2-FEE-NEGATIVE", Severity::kError, "收费金额不能为负数",
       "The fee is a non-negative amount"},
      // Table 2
      {"T2-IN-FORCE", Severity::kWarning, "表二现行有效件数小于本年制发件数减本年废止件数",
       "Table 2 in_force is smaller than made - abolished"},
      {"T2-NONE-IN-FORCE", Severity::kWarning, "表二本年有制发但现行有效件数为 0",
       "Table 2: documents made this year but none in force"},
      // Structure
      {"STRUCT-SECTION-MISSING", Severity::kWarning, "缺少规定的章节",
       "A required section is missing"},
      {"STRUCT-SECTION-ORDER", Severity::kWarning, "章节顺序与规定格式不一致",
       "Sections are not in the standard order"},
      {"STRUCT-TABLE-MISSING", Severity::kError, "缺少规定的表格", "A required table is missing"},
      {"STRUCT-TABLE-INCOMPLETE", Severity::kWarning, "表格有空缺的单元格",
       "A table has cells with no value"},
      {"STRUCT-ROW-CELLS", Severity::kWarning, "表格行的单元格数量与规定格式不符",
       "A table row has too many or too few cells"},
      {"STRUCT-ROW-UNPLACED", Severity::kWarning, "无法确定表格行对应的项目",
       "A row of numbers could not be matched to a row of the form"},
      {"STRUCT-ROW-MERGED", Severity::kWarning, "表三将一个分项块合并为一行（如“该表将（六）合并为一行”），其下各项留空",
       "Table 3 prints a block (e.g. （六）其他处理) as one row; its sub-rows are left empty"},
      {"STRUCT-LABEL", Severity::kWarning, "表格标签与规定格式不一致（如“预期”应为“逾期”）",
       "A label deviates from the standard form (e.g. 预期 for 逾期)"},
      {"STRUCT-FORMAT-2019", Severity::kInfo, "表二采用 2019 年试行格式",
       "Table 2 uses the 2019 trial format"},
      // Importer notes
      {"IMPORT-SPLIT", Severity::kInfo, "粘连的数字按表格自身的算术关系唯一拆分",
       "Glued digits split where the form's arithmetic leaves one possibility"},
      {"IMPORT-AMBIGUOUS", Severity::kWarning, "粘连的数字无法唯一拆分，相关单元格留空",
       "Glued digits admit several splits; the cells are left empty"},
      {"IMPORT-STRAY-NUMBER", Severity::kInfo, "忽略与标签粘连的多余数字",
       "A stray number glued to a label was ignored"},
      {"IMPORT-ARTEFACT", Severity::kInfo, "已删除转换工具遗留的标记（如 Word 书签 [bookmark: _GoBack]）",
       "Markers left by a conversion tool (e.g. Word bookmarks) were removed"},
      {"IMPORT-ENCODING", Severity::kInfo, "文件编码不是 UTF-8，已转换",
       "The file was not UTF-8; converted"},
      // Narrative and metadata
      {"NARR-RECEIVED", Severity::kWarning, "正文所述收到申请数与表三本年新收申请数不一致",
       "The narrative's number of requests received disagrees with table 3"},
      {"NARR-HANDLED", Severity::kWarning, "正文所述办理申请数与表三办理结果总计不一致",
       "The narrative's number of requests handled disagrees with table 3"},
      {"NARR-YEAR", Severity::kWarning, "标题中的报告年度与统计期限不一致",
       "The report year in the title disagrees with the statistical period"},
      {"META-YEAR-MISSING", Severity::kWarning, "无法确定报告年度",
       "The report year could not be found"},
      // Across years
      {"XYEAR-CARRY-OVER", Severity::kWarning, "上年结转下年度数与本年上年结转数不一致",
       "Last year's carried_forward differs from this year's carried_over"},
      // The request ledger: steps recorded late (ledger.h kBreach*), flagged on the request.
      {"ART30-LATE-CORRECTION", Severity::kWarning,
       "补正通知超过收到申请后7个工作日（条例第三十条）",
       "The correction notice was sent more than 7 working days after receipt (Art. 30)"},
      {"ART31-LATE-CONFIRMATION", Severity::kWarning,
       "平常信件未在收到当日与申请人确认（条例第三十一条）",
       "An ordinary letter was not confirmed with the applicant on the day it came (Art. 31)"},
      {"ART33-LATE-EXTENSION", Severity::kWarning, "答复期限届满后才延期（条例第三十三条）",
       "The extension was made after the reply was due (Art. 33)"},
      {"ART33-LATE-REPLY", Severity::kWarning, "逾期答复（超过条例第三十三条规定的期限）",
       "The reply was given after the due date (Art. 33)"},
  };
  return *kRules;
}

const RuleInfo& Rule(std::string_view id) {
  for (const RuleInfo& r : RuleCatalogue()) {
    if (r.id == id) return r;
  }
  std::fprintf(stderr, "gongkai: unknown rule id %.*s\n", static_cast<int>(id.size()), id.data());
  std::abort();
}

Finding MakeFinding(std::string_view id, std::string message, std::string message_en,
                    SourceLocation location) {
  const RuleInfo& r = Rule(id);
  Finding f;
  f.rule = std::string(r.id);
  f.severity = r.severity;
  f.message = std::move(message);
  f.message_en = std::move(message_en);
  f.location = std::move(location);
  return f;
}

}  // namespace gongkai
