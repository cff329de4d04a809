#include "sections.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "gongkai/decode.h"

namespace gongkai::ingest_internal {
namespace {

// Keys of each section's standard title, most specific first.
const std::array<std::vector<std::string_view>, kSectionCount>& SectionKeys() {
  static const auto* const kKeys = new std::array<std::vector<std::string_view>, kSectionCount>{{
      {"总体情况"},
      {"主动公开政府信息情况", "主动公开政府信息"},
      {"收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请"},
      {"行政复议、行政诉讼情况", "行政复议,行政诉讼情况", "行政复议和行政诉讼情况",
       "复议、行政诉讼情况", "行政复议行政诉讼情况"},
      {"存在的主要问题及改进情况", "存在的主要问题和改进情况", "存在的问题及改进情况",
       "存在的主要问题及改进", "主要问题及改进情况", "存在的主要问题及整改措施",
       "存在的主要问题"},
      {"其他需要报告的事项", "其他需报告的事项", "其它需要报告的事项"},
  }};
  return *kKeys;
}

// Lead bytes of the numerals a section heading may start with.
bool IsSectionNumeral(std::string_view s) {
  if (s.size() == 1) return s[0] >= '1' && s[0] <= '6';
  static constexpr std::array<std::string_view, 6> kNumerals = {"一", "二", "三", "四", "五", "六"};
  return s.size() == 3 && std::find(kNumerals.begin(), kNumerals.end(), s) != kNumerals.end();
}

constexpr std::string_view kDunhao = "、";
// How far after its numbering a title key may start ("四、政府信息公开行政复议…").
constexpr size_t kMaxHeadingLead = 36;

// A section numbering ("三、", "3、", "3.") in a line: where it starts and where its text begins.
struct Numbering {
  size_t start;
  size_t text;
};

// The numberings of `line`, into `out` (cleared first).
void FindNumberings(std::string_view line, std::vector<Numbering>* numberings) {
  std::vector<Numbering>& out = *numberings;
  out.clear();
  for (size_t p = FindText(line, kDunhao); p != std::string_view::npos;
       p = FindText(line, kDunhao, p + 1)) {
    if (p >= 3 && IsSectionNumeral(line.substr(p - 3, 3))) {
      out.push_back({p - 3, p + kDunhao.size()});
    } else if (p >= 1 && IsSectionNumeral(line.substr(p - 1, 1)) &&
               (p < 2 || line[p - 2] < '0' || line[p - 2] > '9')) {
      out.push_back({p - 1, p + kDunhao.size()});
    }
  }
  for (size_t p = line.find('.'); p != std::string_view::npos; p = line.find('.', p + 1)) {
    bool digit_after = p + 1 < line.size() && line[p + 1] >= '0' && line[p + 1] <= '9';
    if (p >= 1 && IsSectionNumeral(line.substr(p - 1, 1)) && !digit_after &&
        (p < 2 || line[p - 2] < '0' || line[p - 2] > '9')) {
      out.push_back({p - 1, p + 1});
    }
  }
}

// The text after a numbering in which its title must start: up to the first clause break. The
// break is looked for only once a key is found, since most numberings (the tables' rows) hold
// none: a key's first occurrence in the text is in the window if and only if it ends before it.
class TitleWindow {
 public:
  TitleWindow(std::string_view line, size_t from, size_t max_key)
      : text_(line.substr(from, kMaxHeadingLead + max_key)) {}

  // Where `key` first occurs in the window, if it starts within kMaxHeadingLead bytes; else npos.
  size_t FindKey(std::string_view key) {
    const size_t pos = FindText(text_, key);
    if (pos == std::string_view::npos || pos > kMaxHeadingLead) return std::string_view::npos;
    if (clause_end_ == kNotYet) clause_end_ = UpToClauseBreak(text_).size();
    return pos + key.size() <= clause_end_ ? pos : std::string_view::npos;
  }

 private:
  std::string_view text_;
  static constexpr size_t kNotYet = std::string_view::npos;
  size_t clause_end_ = kNotYet;  // the window's end, once asked
};

struct Heading {
  int section;
  size_t line;
  size_t start;  // byte offset of the numbering in the normalized line
  size_t end;    // byte offset just after the heading (end of line for short heading lines)
};

// A line this short that holds a heading is the heading and nothing else.
constexpr size_t kShortLine = 90;

std::string_view TrimmedView(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string Trimmed(std::string_view s) { return std::string(TrimmedView(s)); }

// A table of MayNormalize: one load per byte while skipping the bytes normalization copies.
constexpr auto kMayNormalize = [] {
  std::array<bool, 256> may{};
  for (int c = 0; c < 256; ++c) may[static_cast<size_t>(c)] = MayNormalize(static_cast<unsigned char>(c));
  return may;
}();

// Maps byte offsets in the normalized lines back to the original lines. Each walk of a line
// resumes where the last one on that line stopped when the offset asked is not smaller, so that
// a report printed as one long line is read once for all its sections, not once per section.
class OriginalOffsets {
 public:
  OriginalOffsets(const std::vector<Line>& lines, const std::vector<std::string_view>& original)
      : lines_(lines), original_(original) {}

  // Where, in original line `li`, the character starts that gives byte `offset` of the
  // normalized line; the line's size at or past its end. A character that normalization removes
  // (a zero-width space) gives no byte: an offset at the character after it maps past it.
  size_t At(size_t li, size_t offset) {
    const std::string_view orig = original_[li];
    if (orig.size() == lines_[li].text.size() && orig == lines_[li].text) {
      return std::min(offset, orig.size());  // left unchanged by normalization
    }
    if (li != line_ || offset < produced_) {
      line_ = li;
      i_ = 0;
      produced_ = 0;
    }
    while (i_ < orig.size()) {
      if (!kMayNormalize[static_cast<unsigned char>(orig[i_])]) {
        size_t run = i_ + 1;  // bytes copied unchanged, one normalized byte each
        while (run < orig.size() && !kMayNormalize[static_cast<unsigned char>(orig[run])]) ++run;
        if (offset < produced_ + (run - i_)) return i_ + (offset - produced_);
        produced_ += run - i_;
        i_ = run;
        continue;
      }
      one_.clear();
      const size_t used = NormalizeChar(orig, i_, &one_);
      if (offset < produced_ + one_.size()) return i_;
      produced_ += one_.size();
      i_ += used;
    }
    return orig.size();
  }

 private:
  const std::vector<Line>& lines_;
  const std::vector<std::string_view>& original_;
  // Where the last walk stopped: line, original byte (a character's start), normalized bytes
  // before it.
  size_t line_ = SIZE_MAX, i_ = 0, produced_ = 0;
  std::string one_;
};

}  // namespace

size_t OriginalOffset(std::string_view original, size_t normalized_offset) {
  size_t i = 0, produced = 0;
  std::string one;
  while (i < original.size() && produced < normalized_offset) {
    if (!MayNormalize(static_cast<unsigned char>(original[i]))) {
      ++i;  // a byte that normalization copies unchanged
      ++produced;
      continue;
    }
    one.clear();
    i += NormalizeChar(original, i, &one);
    produced += one.size();
  }
  return i;
}

void FindSections(const std::vector<Line>& lines, const std::vector<std::string_view>& original,
                  AnnualReport* report) {
  // Best candidate per section: the most specific key first, then document order.
  struct Candidate {
    size_t key_rank = SIZE_MAX;
    Heading heading{};
  };
  std::array<Candidate, kSectionCount> best;
  size_t max_key = 0;
  for (const auto& keys : SectionKeys())
    for (std::string_view k : keys) max_key = std::max(max_key, k.size());
  std::vector<Numbering> numberings;
  for (size_t li = 0; li < lines.size(); ++li) {
    std::string_view line = lines[li].text;
    FindNumberings(line, &numberings);
    for (const Numbering& num : numberings) {
      TitleWindow window(line, num.text, max_key);
      for (int s = 0; s < kSectionCount; ++s) {
        const auto& keys = SectionKeys()[static_cast<size_t>(s)];
        for (size_t k = 0; k < keys.size() && k < best[static_cast<size_t>(s)].key_rank; ++k) {
          size_t pos = window.FindKey(keys[k]);
          if (pos == std::string_view::npos) continue;
          size_t key_end = num.text + pos + keys[k].size();
          size_t end = line.size() <= kShortLine ? line.size() : key_end;
          best[static_cast<size_t>(s)] = {k, {s, li, num.start, end}};
          break;
        }
      }
    }
  }
  std::vector<Heading> found;
  for (const Candidate& c : best) {
    if (c.key_rank != SIZE_MAX) found.push_back(c.heading);
  }
  std::sort(found.begin(), found.end(), [](const Heading& a, const Heading& b) {
    return a.line != b.line ? a.line < b.line : a.start < b.start;
  });
  OriginalOffsets offsets(lines, original);
  auto original_at = [&](size_t li, size_t norm_offset) { return offsets.At(li, norm_offset); };
  auto text_between = [&](size_t l0, size_t o0, size_t l1, size_t o1) {
    std::string out;
    // At most the original lines' bytes: one allocation.
    size_t bytes = 0;
    for (size_t li = l0; li <= l1 && li < lines.size(); ++li) bytes += original[li].size() + 1;
    out.reserve(bytes);
    for (size_t li = l0; li <= l1 && li < lines.size(); ++li) {
      size_t a = li == l0 ? original_at(li, o0) : 0;
      size_t b = li == l1 ? original_at(li, o1) : original[li].size();
      if (b <= a) continue;
      std::string_view part = TrimmedView(original[li].substr(a, b - a));
      if (part.empty()) continue;
      if (!out.empty()) out.push_back('\n');
      out += part;
    }
    return out;
  };
  if (!found.empty()) {
    report->preamble = text_between(0, 0, found[0].line, found[0].start);
  }
  for (size_t k = 0; k < found.size(); ++k) {
    const Heading& h = found[k];
    Section& sec = report->sections[static_cast<size_t>(h.section)];
    sec.present = true;
    sec.order = static_cast<int>(k);
    const size_t heading_start = original_at(h.line, h.start);  // in increasing order (see
    const size_t heading_end = original_at(h.line, h.end);      // OriginalOffsets)
    sec.heading = Trimmed(original[h.line].substr(heading_start, heading_end - heading_start));
    sec.source = lines[h.line].source();
    size_t end_line = k + 1 < found.size() ? found[k + 1].line : lines.size() - 1;
    size_t end_off = k + 1 < found.size() ? found[k + 1].start : lines.back().text.size();
    sec.text = text_between(h.line, h.end, end_line, end_off);
  }
}

namespace {

// Finds "YYYY年" (19xx/20xx, spaces allowed before 年). Returns the offset of the digits.
std::optional<size_t> FindYear(std::string_view s, int* year) {
  for (size_t i = 0; i + 4 <= s.size(); ++i) {
    if (!(s.substr(i, 2) == "19" || s.substr(i, 2) == "20")) continue;
    if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9') continue;
    bool digits = true;
    for (size_t k = i; k < i + 4; ++k) digits = digits && s[k] >= '0' && s[k] <= '9';
    if (!digits) continue;
    size_t j = i + 4;
    while (j < s.size() && s[j] == ' ') ++j;
    if (s.substr(j, 3) != "年") continue;
    *year = std::stoi(std::string(s.substr(i, 4)));
    return i;
  }
  return std::nullopt;
}

std::string StripSpaces(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\t') out.push_back(c);
  return out;
}

}  // namespace

void FindTitle(const std::vector<Line>& lines, const std::vector<std::string_view>& original,
               AnnualReport* report) {
  (void)original;
  constexpr int kTitleSearchLines = 15;
  std::vector<size_t> nonempty;
  for (size_t i = 0; i < lines.size() && static_cast<int>(nonempty.size()) < kTitleSearchLines;
       ++i) {
    if (!TrimmedView(lines[i].text).empty()) nonempty.push_back(i);
  }
  for (size_t k = 0; k < nonempty.size(); ++k) {
    std::string title = StripSpaces(lines[nonempty[k]].text);
    if (title.find("报告") == std::string::npos) continue;
    if (title.size() > 200) continue;
    if (title.find("政府信息公开") == std::string::npos && title.find("政务公开") == std::string::npos &&
        title.find("年度报告") == std::string::npos) {
      continue;
    }
    size_t first = k;
    for (int joins = 0; joins < 2 && first > 0; ++joins) {
      int y = 0;
      auto ypos = FindYear(title, &y);
      bool has_agency = false;
      if (ypos) {
        size_t gov = title.find("政府信息公开");
        size_t after_year = title.find("年", *ypos) + 3;
        if (title.substr(after_year, 3) == "度") after_year += 3;
        has_agency = *ypos > 0 || (gov != std::string::npos && gov > after_year);
      }
      if (ypos && has_agency) break;
      std::string prev = StripSpaces(lines[nonempty[first - 1]].text);
      if (prev.size() > 90 || prev.find("。") != std::string::npos) break;
      title = prev + title;
      --first;
    }
    for (std::string_view prefix : {"标题:", "标题："}) {
      if (title.rfind(prefix, 0) == 0) title = title.substr(prefix.size());
    }
    int year = 0;
    auto ypos = FindYear(title, &year);
    if (!ypos) continue;
    report->year = year;
    report->title_source = lines[nonempty[first]].source();
    std::string agency = title.substr(0, *ypos);
    if (agency.empty()) {
      size_t after_year = title.find("年", *ypos) + 3;
      if (title.substr(after_year, 3) == "度") after_year += 3;
      size_t gov = title.find("政府信息公开", after_year);
      if (gov == std::string::npos) gov = title.find("政务公开", after_year);
      if (gov != std::string::npos) agency = title.substr(after_year, gov - after_year);
    }
    report->agency = agency;
    return;
  }
  // No title: the statistical period "YYYY年1月1日" gives the year.
  for (const Line& l : lines) {
    size_t p = l.text.find("1月1日");
    if (p == std::string::npos || p < 7) continue;
    int year = 0;
    std::string_view head = std::string_view(l.text).substr(p >= 12 ? p - 12 : 0);
    if (FindYear(head, &year)) {
      report->year = year;
      report->title_source = l.source();
      return;
    }
  }
}

}  // namespace gongkai::ingest_internal
