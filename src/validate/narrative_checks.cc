// Narrative vs tables: numbers the text states (收到…申请N件, 办理…申请N件, 未收到…申请) must agree
// with table 3, and the statistical period with the report's year.
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "checks.h"
#include "gongkai/decode.h"
#include "gongkai/rules.h"

namespace gongkai::validate_internal {
namespace {

// How far after 收到/办理 a statement's number may stand, in bytes (about 14 CJK characters).
constexpr size_t kStatementWindow = 45;
// How far a sentence may run for its "all answered" claim to count, in bytes.
constexpr size_t kSentenceWindow = 300;

struct Statement {
  std::string_view verb;  // the verb found
  bool negated = false;   // 未收到
  std::optional<long long> count;
  std::string clause;         // the clause, for messages
  bool all_answered = false;  // the sentence says every request was answered
};

// Bytes that end a run AppendCompact copies unchanged: whitespace and possible normalization.
constexpr auto kStops = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[static_cast<size_t>(c)] =
        c == ' ' || c == '\t' || c == '\n' || MayNormalize(static_cast<unsigned char>(c));
  }
  return t;
}();

// Appends `s` normalized for matching, without whitespace, to `out`.
void AppendCompact(std::string_view s, std::string* out) {
  out->reserve(out->size() + s.size());
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n') {
      ++i;
    } else if (!MayNormalize(static_cast<unsigned char>(c))) {
      size_t j = i + 1;
      while (j < s.size() && !kStops[static_cast<unsigned char>(s[j])]) ++j;
      out->append(s.data() + i, j - i);
      i = j;
    } else {
      size_t before = out->size();
      i += NormalizeChar(s, i, out);
      if (out->size() == before + 1 && (out->back() == ' ' || out->back() == '\n')) out->pop_back();
    }
  }
}

// The clause starting at `pos`, up to a clause break, at most `limit` bytes.
std::string_view ClauseAt(std::string_view text, size_t pos, size_t limit) {
  return UpToClauseBreak(text.substr(pos, limit));
}

// The sentence starting at `pos`, at most `limit` bytes.
std::string_view SentenceAt(std::string_view text, size_t pos, size_t limit) {
  std::string_view rest = text.substr(pos, limit);
  return rest.substr(0, rest.find("。"));
}

// The first number followed by 件 or 项 in `s`.
std::optional<long long> CountIn(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') continue;
    size_t j = i;
    long long v = 0;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9' && j - i < 12) v = v * 10 + (s[j++] - '0');
    if (s.substr(j, 3) == "件" || s.substr(j, 3) == "项") return v;
    i = j;
  }
  return std::nullopt;
}

std::vector<Statement> FindStatements(std::string_view text,
                                      std::initializer_list<std::string_view> verbs) {
  std::vector<Statement> out;
  for (std::string_view verb : verbs) {
    for (size_t pos = FindText(text, verb); pos != std::string_view::npos;
         pos = FindText(text, verb, pos + 1)) {
      Statement st;
      st.verb = verb;
      st.negated = pos >= 3 && text.substr(pos - 3, 3) == "未";
      std::string_view clause = ClauseAt(text, pos + verb.size(), kStatementWindow);
      size_t req = clause.find("申请");
      if (req == std::string_view::npos) continue;
      if (clause.find("结转") != std::string_view::npos) continue;
      if (clause.find("情况") != std::string_view::npos && !st.negated) continue;  // a heading
      st.clause = (st.negated ? "未" : "") + std::string(verb) + std::string(clause);
      if (!st.negated) {
        st.count = CountIn(clause);
        if (!st.count) continue;
      }
      std::string_view sentence = SentenceAt(text, pos, kSentenceWindow);
      for (std::string_view all : {"全部答复", "全部办结", "均已办结", "均已答复",
                                   "全部按时予以答复", "全部予以答复", "已全部答复"}) {
        if (sentence.find(all) != std::string_view::npos) st.all_answered = true;
      }
      out.push_back(std::move(st));
    }
  }
  return out;
}

std::optional<double> Value(const AnnualReport& r, int row) {
  return r.table3.cells[static_cast<size_t>(row)][kTotal].value;
}

void CheckReceived(const AnnualReport& r, const std::string& text, const SourceLocation& where,
                   Findings* out) {
  auto received = Value(r, kNew);
  auto carried = Value(r, kCarriedOver);
  auto results = Value(r, kResultTotal);
  for (const Statement& st : FindStatements(text, {"收到", "接到"})) {
    long long n = st.negated ? 0 : *st.count;
    if (received && n != *received) {
      // The remark belongs to the text's number: it may count last year's carried-over requests.
      const bool with_carried = carried && n == *received + *carried;
      std::string extra = with_carried ? "（恰为表三本年新收 " + Num(*received) + " 件加上年结转 " +
                                             Num(*carried) + " 件）"
                                       : "";
      std::string extra_en = with_carried ? " (exactly table 3's new plus carried_over)" : "";
      out->push_back(MakeFinding("NARR-RECEIVED",
                                 "正文“" + st.clause + "”称收到申请 " + std::to_string(n) + " 件" + extra +
                                     "，表三本年新收申请为 " + Num(*received) + " 件",
                                 "the text says " + std::to_string(n) + " requests were received" +
                                     extra_en + "; table 3 says " + Num(*received),
                                 where));
    }
    if (st.all_answered && received && results && *received > 0 && *results == 0) {
      out->push_back(MakeFinding(
          "NARR-HANDLED", "正文称申请已全部答复，但表三办理结果总计为 0",
          "the text says every request was answered, but table 3 reports no results", where));
    }
  }
}

void CheckHandled(const AnnualReport& r, const std::string& text, const SourceLocation& where,
                  Findings* out) {
  auto results = Value(r, kResultTotal);
  auto received = Value(r, kNew);
  auto carried = Value(r, kCarriedOver);
  if (!results) return;
  for (const Statement& st : FindStatements(text, {"办理"})) {
    if (st.negated) continue;
    double n = static_cast<double>(*st.count);
    bool matches = n == *results || (received && carried && n == *received + *carried);
    if (matches) continue;
    out->push_back(MakeFinding("NARR-HANDLED",
                               "正文“" + st.clause + "”称办理申请 " + std::to_string(*st.count) +
                                   " 件，表三办理结果总计为 " + Num(*results) + " 件",
                               "the text says " + std::to_string(*st.count) +
                                   " requests were handled; table 3 says " + Num(*results),
                               where));
  }
}

// "YYYY年1月1日…至…YYYY年12月31日": the statistical period's year.
std::optional<int> PeriodYear(const std::string& text) {
  // FindText rather than std::string::find: the latter stops at every "年"-like lead byte.
  for (size_t pos = FindText(text, "年1月1日"); pos != std::string_view::npos;
       pos = FindText(text, "年1月1日", pos + 1)) {
    if (pos < 4) continue;
    std::string_view y(text.data() + pos - 4, 4);
    bool digits = true;
    for (char c : y) digits = digits && c >= '0' && c <= '9';
    if (!digits) continue;
    std::string_view after = std::string_view(text).substr(pos, 40);
    if (after.find("12月31日") == std::string_view::npos) continue;
    return std::stoi(std::string(y));
  }
  return std::nullopt;
}

}  // namespace

void CheckNarrative(const AnnualReport& r, Findings* out) {
  std::string text;
  AppendCompact(r.preamble, &text);
  SourceLocation where = r.title_source;
  for (const Section& s : r.sections) {
    if (!s.present) continue;
    text += "。";
    AppendCompact(s.text, &text);
  }
  for (int s : {0, 5}) {
    const Section& sec = r.sections[static_cast<size_t>(s)];
    if (sec.present && !sec.source.empty()) where = sec.source;
  }
  CheckReceived(r, text, where, out);
  CheckHandled(r, text, where, out);
  if (auto y = PeriodYear(text); y && r.year && *y != *r.year) {
    out->push_back(MakeFinding(
        "NARR-YEAR",
        "标题中的报告年度为 " + std::to_string(*r.year) + " 年，统计期限却为 " +
            std::to_string(*y) + " 年",
        "title year " + std::to_string(*r.year) + " but statistical period " + std::to_string(*y),
        r.title_source));
  }
  if (!r.year) {
    out->push_back(MakeFinding("META-YEAR-MISSING", "未能从标题或统计期限确定报告年度",
                               "no report year in the title or the statistical period",
                               r.title_source));
  }
}

}  // namespace gongkai::validate_internal
