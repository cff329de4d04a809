#include "labels.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <cstdint>
#include <utility>

#include "gongkai/decode.h"
#include "gongkai/report.h"

namespace gongkai::ingest_internal {
namespace {

struct T3Key {
  int row;
  std::string_view key;
};

// Distinctive parts of the 2021 labels (domain.md B.2.3). Each row has keys that survive a break
// anywhere in the label; the order of this list does not matter.
constexpr std::array<T3Key, 40> kT3Keys = {{
    {kNew, "本年新收"},
    {kNew, "新收政府信息公开申请"},
    {kCarriedOver, "上年结转"},
    {kGranted, "予以公开"},
    {kPartial, "部分公开"},
    {kDeniedStateSecret, "国家秘密"},
    {kDeniedLawForbidden, "其他法律行政法规"},
    {kDeniedLawForbidden, "法规禁止公开"},
    {kDeniedThreeSafety, "三安全"},
    {kDeniedThreeSafety, "一稳定"},
    {kDeniedThirdParty, "第三方合法权益"},
    {kDeniedThirdParty, "保护第三方"},
    {kDeniedInternal, "内部事务"},
    {kDeniedProcess, "过程性"},
    {kDeniedEnforcementFile, "执法案卷"},
    {kDeniedQuery, "行政查询"},
    {kUnableNoInfo, "不掌握"},
    {kUnableNeedCreate, "没有现成"},
    {kUnableNeedCreate, "另行制作"},
    {kUnableUnclear, "仍不明确"},
    {kUnableUnclear, "补正后申请内容"},
    {kIgnoredComplaint, "信访举报"},
    {kIgnoredComplaint, "举报投诉"},
    {kIgnoredRepeat, "重复申请"},
    {kIgnoredPublication, "公开出版物"},
    {kIgnoredMass, "大量反复"},
    {kIgnoredConfirm, "要求行政机关确"},
    {kIgnoredConfirm, "重新出具"},
    {kOtherNoCorrection, "不补正"},
    {kOtherNoCorrection, "无正当理由逾期不"},
    {kOtherNoFee, "缴纳费用"},
    {kOtherNoFee, "收费通知"},
    {kOtherOther, "3.其他"},
    {kOtherOther, "3、其他"},
    {kResultTotal, "(七)总计"},
    {kResultTotal, "七)总计"},
    {kCarriedForward, "结转下年度"},
    {kCarriedForward, "结转下一年度"},
    {kCarriedForward, "四、结转"},
    {kResultTotal, "(七)合计"},
}};

// The blocks of table 3 that group sub-rows under a heading of their own (see FindT3Block).
constexpr std::array<T3Block, 4> kT3Blocks = {{
    {kDeniedStateSecret, kDeniedQuery, "(三)", "不予公开", "（三）"},
    {kUnableNoInfo, kUnableUnclear, "(四)", "无法提供", "（四）"},
    {kIgnoredComplaint, kIgnoredConfirm, "(五)", "不予处理", "（五）"},
    {kOtherNoCorrection, kOtherOther, "(六)", "其他处理", "（六）"},
}};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The length of the UTF-8 character whose lead byte is `c` (1 for stray continuation bytes).
size_t CharLength(unsigned char c) {
  if (c < 0xC0) return 1;
  if (c < 0xE0) return 2;
  if (c < 0xF0) return 3;
  return 4;
}

// The keys by their first character, so that a label is matched in one pass over its text
// instead of one search per key.
struct KeyIndex {
  std::vector<std::pair<uint32_t, int>> by_first;  // (first character's bytes, key index), sorted
  // The low 16 bits of every key's first character: a character not in it starts no key, which
  // spares the search for nearly every character of a long text.
  std::bitset<1u << 16> may_start;
};

// The bytes of the character at the start of `s` (at most 4), packed into one integer.
uint32_t CharCode(std::string_view s) {
  uint32_t code = 0;
  for (char c : s) code = code << 8 | static_cast<unsigned char>(c);
  return code;
}

const KeyIndex& Keys() {
  static const KeyIndex* const kIndex = [] {
    auto* index = new KeyIndex;
    for (size_t k = 0; k < kT3Keys.size(); ++k) {
      std::string_view key = kT3Keys[k].key;
      const uint32_t first = CharCode(key.substr(0, CharLength(static_cast<unsigned char>(key[0]))));
      index->by_first.emplace_back(first, static_cast<int>(k));
      index->may_start.set(first & 0xFFFF);
    }
    std::sort(index->by_first.begin(), index->by_first.end());
    return index;
  }();
  return *kIndex;
}

}  // namespace

std::vector<int> FindT3Labels(std::string_view text) {
  const KeyIndex& index = Keys();
  std::vector<int> rows;
  for (size_t i = 0; i < text.size();) {
    const size_t len = std::min(CharLength(static_cast<unsigned char>(text[i])), text.size() - i);
    const uint32_t first = CharCode(text.substr(i, len));
    if (!index.may_start.test(first & 0xFFFF)) {
      i += len;
      continue;
    }
    auto it = std::lower_bound(index.by_first.begin(), index.by_first.end(),
                               std::pair<uint32_t, int>(first, -1));
    for (; it != index.by_first.end() && it->first == first; ++it) {
      const T3Key& k = kT3Keys[static_cast<size_t>(it->second)];
      if (text.substr(i, k.key.size()) != k.key) continue;
      // "3.其他" is a label only at the end of its text: "3.其他法律…" belongs to another row.
      if ((k.key == "3.其他" || k.key == "3、其他") && i + k.key.size() != text.size()) continue;
      if (std::find(rows.begin(), rows.end(), k.row) == rows.end()) rows.push_back(k.row);
    }
    i += len;
  }
  return rows;
}

int FindT3Block(std::string_view text) {
  for (size_t b = 0; b < kT3Blocks.size(); ++b) {
    const T3Block& block = kT3Blocks[b];
    // "(六)其他处理", "其他处理", or the bare numbering "(六)" of a label cell.
    if (FindText(text, block.name) != std::string_view::npos) return static_cast<int>(b);
    if (text == block.number) return static_cast<int>(b);
  }
  return -1;
}

const T3Block& T3BlockAt(int block) { return kT3Blocks[static_cast<size_t>(block)]; }

std::string_view T2LabelName(int row) {
  static constexpr std::array<std::string_view, kT2Rows> kNames = {
      "规章", "行政规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费"};
  return row >= 0 && row < kT2Rows ? kNames[static_cast<size_t>(row)] : std::string_view();
}

int T2LabelAtEnd(std::string_view text) {
  // Strip a trailing colon or closing punctuation that some pages add after a label.
  while (!text.empty() && (text.back() == ':' || text.back() == ')')) text.remove_suffix(1);
  if (EndsWith(text, "规章")) return kT2Rules;
  if (EndsWith(text, "规范性文件")) return kT2Normative;
  if (EndsWith(text, "行政许可")) return kT2Licensing;
  if (EndsWith(text, "行政处罚")) return kT2Penalty;
  if (EndsWith(text, "行政强制")) return kT2Coercion;
  if (EndsWith(text, "事业性收费")) return kT2Fees;
  return -1;
}

}  // namespace gongkai::ingest_internal
