#include "gongkai/report.h"

#include <array>

namespace gongkai {
namespace {

constexpr std::array<std::string_view, kT3Rows> kT3RowIds = {
    "new",
    "carried_over",
    "granted",
    "partial",
    "denied_state_secret",
    "denied_law_forbidden",
    "denied_three_safety",
    "denied_third_party",
    "denied_internal",
    "denied_process",
    "denied_enforcement_file",
    "denied_query",
    "unable_no_info",
    "unable_need_create",
    "unable_unclear",
    "ignored_complaint",
    "ignored_repeat",
    "ignored_publication",
    "ignored_mass",
    "ignored_confirm",
    "other_no_correction",
    "other_no_fee",
    "other_other",
    "result_total",
    "carried_forward",
};

constexpr std::array<std::string_view, kT3Rows> kT3RowLabels = {
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
    "1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确",
    "1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "3.其他",
    "（七）总计",
    "四、结转下年度继续办理",
};

constexpr std::array<std::string_view, kT3Columns> kT3ColumnIds = {
    "natural", "commercial", "research", "social", "legal", "other", "total"};
constexpr std::array<std::string_view, kT3Columns> kT3ColumnLabels = {
    "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"};
constexpr std::array<std::string_view, kT4Groups> kT4GroupIds = {"review", "suit_direct",
                                                                 "suit_after_review"};
constexpr std::array<std::string_view, kT4Groups> kT4GroupLabels = {
    "行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"};
constexpr std::array<std::string_view, kT4Columns> kT4ColumnLabels = {
    "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};
constexpr std::array<std::string_view, kSectionCount> kSectionTitles = {
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
};

template <size_t N>
std::string_view At(const std::array<std::string_view, N>& a, int i) {
  return i >= 0 && static_cast<size_t>(i) < N ? a[static_cast<size_t>(i)] : std::string_view();
}

}  // namespace

std::string_view T3RowId(int row) { return At(kT3RowIds, row); }
std::string_view T3RowLabel(int row) { return At(kT3RowLabels, row); }
std::string_view T3ColumnId(int col) { return At(kT3ColumnIds, col); }
std::string_view T3ColumnLabel(int col) { return At(kT3ColumnLabels, col); }
std::string_view T4GroupId(int group) { return At(kT4GroupIds, group); }
std::string_view T4GroupLabel(int group) { return At(kT4GroupLabels, group); }
std::string_view T4ColumnLabel(int col) { return At(kT4ColumnLabels, col); }
std::string_view SectionTitle(int section) { return At(kSectionTitles, section); }

std::string_view DocKindId(int kind) {
  return kind == 0 ? "rules" : kind == 1 ? "normative_docs" : "";
}
std::string_view DocKindLabel(int kind) {
  return kind == 0 ? "规章" : kind == 1 ? "行政规范性文件" : "";
}
std::string_view DocColumnLabel(int col) {
  static constexpr std::array<std::string_view, kDocColumns> kLabels = {
      "本年制发件数", "本年废止件数", "现行有效件数"};
  return At(kLabels, col);
}
std::string_view DecisionKindId(int kind) {
  static constexpr std::array<std::string_view, kDecisionKindCount> kIds = {"licensing", "penalty",
                                                                            "coercion"};
  return At(kIds, kind);
}
std::string_view DecisionKindLabel(int kind) {
  static constexpr std::array<std::string_view, kDecisionKindCount> kLabels = {
      "行政许可", "行政处罚", "行政强制"};
  return At(kLabels, kind);
}

int T3RowFromId(std::string_view id) {
  for (int i = 0; i < kT3Rows; ++i)
    if (kT3RowIds[static_cast<size_t>(i)] == id) return i;
  return -1;
}
int T4GroupFromId(std::string_view id) {
  for (int i = 0; i < kT4Groups; ++i)
    if (kT4GroupIds[static_cast<size_t>(i)] == id) return i;
  return -1;
}

}  // namespace gongkai
