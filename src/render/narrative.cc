#include "narrative.h"

#include "escape.h"
#include "form_layout.h"
#include "gongkai/render.h"

namespace gongkai::render_internal {
namespace {

std::string Trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

std::string WithoutSpaces(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\t') out.push_back(c);
  return out;
}

// A line of Markdown markup alone ("##", "====", "---", left by a text import of our own
// Markdown), which carries no prose.
bool OnlyMarkup(std::string_view s) {
  for (char c : s)
    if (c != '#' && c != '=' && c != '-' && c != '\\' && c != '*' && c != ' ') return false;
  return true;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

std::vector<std::string> Lines(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line = Trim(WithoutWordMarkers(text.substr(start, end - start)));
    // A line of digits alone is a page number left by a conversion, not prose.
    if (!line.empty() && !AllDigits(line) && !OnlyMarkup(line)) out.push_back(std::move(line));
    start = end + 1;
  }
  return out;
}

bool HasTable(int section) { return section >= 1 && section <= 3; }

// "2024年1月17日" (spaces allowed): a date alone on its line.
bool DateLine(std::string_view line) {
  std::string s = WithoutSpaces(line);
  size_t i = 0;
  auto digits = [&](size_t min, size_t max) {
    size_t n = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && n < max) ++i, ++n;
    return n >= min;
  };
  auto word = [&](std::string_view w) {
    if (s.compare(i, w.size(), w) != 0) return false;
    i += w.size();
    return true;
  };
  return digits(4, 4) && word("年") && digits(1, 2) && word("月") && digits(1, 2) && word("日") &&
         i == s.size();
}

// A short line without sentence punctuation: an agency's name in a 落款.
bool NameLine(std::string_view line) {
  return line.size() <= 30 * 3 && line.find("。") == std::string_view::npos &&
         line.find("，") == std::string_view::npos && line.find("：") == std::string_view::npos;
}

// How many of the last lines of `lines` are the 落款: a date, and the name line before it.
size_t SignatureCount(const std::vector<std::string>& lines) {
  if (lines.empty() || !DateLine(lines.back())) return 0;
  return lines.size() >= 2 && NameLine(lines[lines.size() - 2]) ? 2 : 1;
}

// The prose lines of a section's text (see narrative.h), 落款 included.
std::vector<std::string> ProseLines(const AnnualReport& report, int section) {
  const Section& s = report.sections[static_cast<size_t>(section)];
  std::vector<std::string> out;
  for (std::string& line : Lines(s.text)) {
    if (HasTable(section) && line.find("。") == std::string::npos) continue;
    out.push_back(std::move(line));
  }
  return out;
}

// Display width of UTF-8 text in CJK characters: ASCII counts half.
double DisplayWidth(std::string_view s) {
  double w = 0;
  for (unsigned char c : s) {
    if (c < 0x80) w += 0.5;
    else if ((c & 0xC0) != 0x80) w += 1;
  }
  return w;
}

// "N件" for a present value.
std::string Count(const Cell& c) { return FormatValue(c.value) + "件"; }

// Appends "<label>N件" items for present cells, joined by `sep`.
void AddItem(std::vector<std::string>* items, const std::string& label, const Cell& c,
             const char* unit = "件") {
  if (!c.present()) return;
  items->push_back(label + FormatValue(c.value) + unit);
}

std::string Join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out.append(sep);
    out += items[i];
  }
  return out;
}

// Sum of rows [first, last] of column `col`, when all are present.
std::optional<double> SumRows(const Table3& t, int first, int last, int col) {
  double sum = 0;
  for (int r = first; r <= last; ++r) {
    const Cell& c = t.cells[static_cast<size_t>(r)][static_cast<size_t>(col)];
    if (!c.present()) return std::nullopt;
    sum += *c.value;
  }
  return sum;
}

constexpr const char* kGeneratedNote = "（本段根据报告统计表自动生成。）";
constexpr const char* kNoText = "（报告未提供本部分内容。）";

std::string GeneratedOverview(const AnnualReport& r) {
  const Table3& t3 = r.table3;
  std::vector<std::string> parts;
  std::vector<std::string> req;
  AddItem(&req, "本年新收政府信息公开申请", t3.cells[kNew][kTotal]);
  AddItem(&req, "上年结转", t3.cells[kCarriedOver][kTotal]);
  AddItem(&req, "办理结果总计", t3.cells[kResultTotal][kTotal]);
  AddItem(&req, "结转下年度继续办理", t3.cells[kCarriedForward][kTotal]);
  if (!req.empty()) parts.push_back(Join(req, "，"));
  std::vector<std::string> docs;
  AddItem(&docs, "规章本年制发", r.table2.docs[0][0]);
  AddItem(&docs, "行政规范性文件本年制发", r.table2.docs[1][0]);
  if (!docs.empty()) parts.push_back(Join(docs, "，"));
  std::vector<std::string> remedies;
  AddItem(&remedies, "政府信息公开行政复议", r.table4.cells[kReview][kT4Columns - 1]);
  const Cell& direct = r.table4.cells[kSuitDirect][kT4Columns - 1];
  const Cell& after = r.table4.cells[kSuitAfterReview][kT4Columns - 1];
  if (direct.present() && after.present()) {
    Cell both;
    both.value = *direct.value + *after.value;
    AddItem(&remedies, "行政诉讼", both);
  }
  if (!remedies.empty()) parts.push_back(Join(remedies, "，"));
  if (parts.empty()) return kNoText;
  std::string lead = r.year ? std::to_string(*r.year) + "年度，" : "本年度，";
  if (!r.agency.empty()) lead += r.agency;
  return std::string(kGeneratedNote) + lead + Join(parts, "；") + "。";
}

std::string GeneratedTable2(const Table2& t) {
  std::vector<std::string> parts;
  for (int k = 0; k < kDocKindCount; ++k) {
    std::vector<std::string> items;
    const auto& d = t.docs[static_cast<size_t>(k)];
    AddItem(&items, "制发", d[0]);
    AddItem(&items, "废止", d[1]);
    AddItem(&items, "现行有效", d[2]);
    if (!items.empty()) parts.push_back(std::string(DocKindLabel(k)) + "本年" + Join(items, "、"));
  }
  for (int k = 0; k < kDecisionKindCount; ++k) {
    AddItem(&parts, std::string(DecisionKindLabel(k)) + "本年处理决定", t.decisions[static_cast<size_t>(k)]);
  }
  AddItem(&parts, "行政事业性收费本年收费金额", t.fees_10k_yuan, "万元");
  if (parts.empty()) return kNoText;
  return std::string(kGeneratedNote) + Join(parts, "；") + "。";
}

std::string GeneratedTable3(const Table3& t) {
  std::vector<std::string> parts;
  std::vector<std::string> in;
  AddItem(&in, "本年新收政府信息公开申请", t.cells[kNew][kTotal]);
  AddItem(&in, "上年结转", t.cells[kCarriedOver][kTotal]);
  if (!in.empty()) parts.push_back(Join(in, "，"));
  if (t.cells[kResultTotal][kTotal].present()) {
    std::string s = "办理结果总计" + Count(t.cells[kResultTotal][kTotal]);
    std::vector<std::string> kinds;
    AddItem(&kinds, "予以公开", t.cells[kGranted][kTotal]);
    AddItem(&kinds, "部分公开", t.cells[kPartial][kTotal]);
    struct Group { int first, last; const char* label; };
    for (Group g : {Group{kDeniedStateSecret, kDeniedQuery, "不予公开"},
                    Group{kUnableNoInfo, kUnableUnclear, "无法提供"},
                    Group{kIgnoredComplaint, kIgnoredConfirm, "不予处理"},
                    Group{kOtherNoCorrection, kOtherOther, "其他处理"}}) {
      if (auto sum = SumRows(t, g.first, g.last, kTotal)) {
        Cell c;
        c.value = *sum;
        AddItem(&kinds, g.label, c);
      }
    }
    if (!kinds.empty()) s += "，其中" + Join(kinds, "、");
    parts.push_back(s);
  }
  AddItem(&parts, "结转下年度继续办理", t.cells[kCarriedForward][kTotal]);
  if (parts.empty()) return kNoText;
  return std::string(kGeneratedNote) + Join(parts, "；") + "。";
}

std::string GeneratedTable4(const Table4& t) {
  std::vector<std::string> parts;
  constexpr int kTotalCol = kT4Columns - 1;
  for (int g = 0; g < kT4Groups; ++g) {
    const auto& row = t.cells[static_cast<size_t>(g)];
    if (!row[kTotalCol].present()) continue;
    std::vector<std::string> items;
    for (int c = 0; c < kTotalCol; ++c) AddItem(&items, std::string(T4ColumnLabel(c)), row[static_cast<size_t>(c)]);
    std::string s = std::string(T4GroupLabel(g)) + Count(row[kTotalCol]);
    if (!items.empty()) s += "（" + Join(items, "、") + "）";
    parts.push_back(s);
  }
  if (parts.empty()) return kNoText;
  return std::string(kGeneratedNote) + "本年度" + Join(parts, "；") + "。";
}

}  // namespace

std::vector<std::string> TitleLines(const AnnualReport& report) {
  const std::string title = ReportTitle(report);
  if (DisplayWidth(title) <= kTitleLineChars || report.agency.empty()) return {title};
  const std::string year = report.year ? std::to_string(*report.year) + "年" : "";
  const std::string rest = "政府信息公开工作年度报告";
  if (DisplayWidth(report.agency) <= kTitleLineChars && DisplayWidth(year + rest) <= kTitleLineChars) {
    return {report.agency, year + rest};
  }
  // A long name: pieces that end at an administrative division (…省, …市, …旗), the year and the
  // rest, packed greedily into lines.
  std::vector<std::string> pieces;
  std::string piece;
  std::string_view agency = report.agency;
  for (size_t i = 0; i < agency.size();) {
    size_t len = 1;
    unsigned char c = static_cast<unsigned char>(agency[i]);
    if (c >= 0xF0) len = 4;
    else if (c >= 0xE0) len = 3;
    else if (c >= 0xC0) len = 2;
    std::string_view ch = agency.substr(i, len);
    piece += ch;
    i += len;
    const bool market = ch == "市" && agency.substr(i, 3) == "场";  // 市场监督管理局
    for (std::string_view end : {"省", "市", "区", "县", "旗", "州", "盟", "厅", "局"}) {
      if (ch == end && !market) {
        pieces.push_back(std::move(piece));
        piece.clear();
        break;
      }
    }
  }
  if (!piece.empty()) pieces.push_back(std::move(piece));
  if (!year.empty()) pieces.push_back(year);
  pieces.push_back(rest);
  std::vector<std::string> lines(1);
  for (const std::string& p : pieces) {
    if (!lines.back().empty() && DisplayWidth(lines.back() + p) > kTitleLineChars) lines.emplace_back();
    lines.back() += p;
  }
  return lines;
}

std::vector<std::string> PreambleParagraphs(const AnnualReport& report) {
  std::string title = WithoutSpaces(ReportTitle(report));
  std::vector<std::string> out;
  for (std::string& line : Lines(report.preamble)) {
    std::string bare = WithoutSpaces(line);
    if (out.empty() && title.find(bare) != std::string::npos) continue;  // the title's own lines
    out.push_back(std::move(line));
  }
  if (out.empty() && report.year && report.generated_from_ledger) {
    std::string y = std::to_string(*report.year);
    out.push_back(
        "本年度报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》"
        "（国办公开办函〔2021〕30号）编制，所列数据的统计期限为" + y + "年1月1日至" + y +
        "年12月31日。");
  }
  return out;
}

bool SectionHasText(const AnnualReport& report, int section) {
  return !ProseLines(report, section).empty();
}

std::vector<std::string> SignatureLines(const AnnualReport& report) {
  std::vector<std::string> lines = ProseLines(report, kSectionCount - 1);
  size_t n = SignatureCount(lines);
  return std::vector<std::string>(lines.end() - static_cast<std::ptrdiff_t>(n), lines.end());
}

std::vector<std::string> SectionParagraphs(const AnnualReport& report, int section) {
  std::vector<std::string> prose = ProseLines(report, section);
  if (section == kSectionCount - 1) prose.resize(prose.size() - SignatureCount(prose));
  if (!prose.empty() || !report.generated_from_ledger) return prose;
  switch (section) {
    case 0: return {GeneratedOverview(report)};
    case 1: return {GeneratedTable2(report.table2)};
    case 2: return {GeneratedTable3(report.table3)};
    case 3: return {GeneratedTable4(report.table4)};
    default: return {kNoText};
  }
}

}  // namespace gongkai::render_internal
