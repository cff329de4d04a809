#include "docx_numbering.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace gongkai::ingest_internal {
namespace {

constexpr int kMaxLevels = 9;

int ToInt(const std::string& s, int fallback) {
  if (s.empty()) return fallback;
  int v = 0;
  bool neg = false;
  size_t i = 0;
  if (s[0] == '-') {
    neg = true;
    i = 1;
  }
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return fallback;
    v = std::min(v * 10 + (s[i] - '0'), 1000000);
  }
  return neg ? -v : v;
}

std::string ChineseNumber(int n, bool legal) {
  static constexpr std::array<const char*, 10> kDigits = {"〇", "一", "二", "三", "四",
                                                          "五", "六", "七", "八", "九"};
  static constexpr std::array<const char*, 10> kLegal = {"零", "壹", "贰", "叁", "肆",
                                                         "伍", "陆", "柒", "捌", "玖"};
  const auto& d = legal ? kLegal : kDigits;
  if (n <= 0 || n >= 10000) return std::to_string(n);
  std::string out;
  const char* units[] = {legal ? "仟" : "千", legal ? "佰" : "百", legal ? "拾" : "十", ""};
  int div[] = {1000, 100, 10, 1};
  bool zero = false;
  for (int k = 0; k < 4; ++k) {
    int digit = (n / div[k]) % 10;
    if (digit == 0) {
      if (!out.empty()) zero = true;
      continue;
    }
    if (zero) out += d[0];
    zero = false;
    // "十一" rather than "一十一" when ten leads.
    if (!(k == 2 && digit == 1 && out.empty() && !legal)) out += d[static_cast<size_t>(digit)];
    out += units[k];
  }
  return out;
}

std::string Letters(int n, char base) {
  if (n <= 0) return std::to_string(n);
  // Word repeats the letter: a..z, aa..zz, …
  int reps = (n - 1) / 26 + 1;
  return std::string(static_cast<size_t>(std::min(reps, 64)), static_cast<char>(base + (n - 1) % 26));
}

std::string Roman(int n, bool upper) {
  if (n <= 0 || n >= 4000) return std::to_string(n);
  static constexpr std::array<std::pair<int, const char*>, 13> kParts = {{{1000, "M"},
                                                                          {900, "CM"},
                                                                          {500, "D"},
                                                                          {400, "CD"},
                                                                          {100, "C"},
                                                                          {90, "XC"},
                                                                          {50, "L"},
                                                                          {40, "XL"},
                                                                          {10, "X"},
                                                                          {9, "IX"},
                                                                          {5, "V"},
                                                                          {4, "IV"},
                                                                          {1, "I"}}};
  std::string out;
  for (const auto& [v, s] : kParts) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  if (!upper)
    for (char& c : out) c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

bool IsW(const xmlNode* n, const char* local_name) {
  return n && n->type == XML_ELEMENT_NODE && n->name &&
         std::strcmp(reinterpret_cast<const char*>(n->name), local_name) == 0;
}

std::string WAttr(const xmlNode* n, const char* local_name) {
  if (!n) return "";
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    if (a->name && std::strcmp(reinterpret_cast<const char*>(a->name), local_name) == 0 &&
        a->children && a->children->content) {
      return reinterpret_cast<const char*>(a->children->content);
    }
  }
  return "";
}

const xmlNode* WChild(const xmlNode* n, const char* local_name) {
  if (!n) return nullptr;
  for (const xmlNode* c = n->children; c; c = c->next)
    if (IsW(c, local_name)) return c;
  return nullptr;
}

std::string FormatListNumber(int n, const std::string& f) {
  if (f == "decimal" || f.empty()) return std::to_string(n);
  if (f == "decimalZero") return (n >= 0 && n < 10 ? "0" : "") + std::to_string(n);
  if (f == "chineseCounting" || f == "chineseCountingThousand" || f == "taiwaneseCounting" ||
      f == "taiwaneseCountingThousand" || f == "japaneseCounting") {
    return ChineseNumber(n, false);
  }
  if (f == "chineseLegalSimplified") return ChineseNumber(n, true);
  if (f == "ideographDigital" || f == "taiwaneseDigital") {
    static constexpr std::array<const char*, 10> kDigits = {"〇", "一", "二", "三", "四",
                                                            "五", "六", "七", "八", "九"};
    std::string s = std::to_string(n), out;
    for (char c : s) out += c >= '0' && c <= '9' ? kDigits[static_cast<size_t>(c - '0')] : "-";
    return out;
  }
  if (f == "ideographTraditional") {
    static constexpr std::array<const char*, 10> kStems = {"甲", "乙", "丙", "丁", "戊",
                                                           "己", "庚", "辛", "壬", "癸"};
    return n >= 1 && n <= 10 ? kStems[static_cast<size_t>(n - 1)] : std::to_string(n);
  }
  if (f == "decimalEnclosedCircle" || f == "decimalEnclosedCircleChinese") {
    if (n >= 1 && n <= 20) {
      // U+2460 CIRCLED DIGIT ONE onwards.
      unsigned cp = 0x2460u + static_cast<unsigned>(n - 1);
      std::string out;
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
      return out;
    }
    return std::to_string(n);
  }
  if (f == "decimalFullWidth" || f == "decimalFullWidth2") {
    std::string out;
    for (char c : std::to_string(n)) {
      unsigned cp = 0xFF10u + static_cast<unsigned>(c - '0');
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return out;
  }
  if (f == "upperLetter") return Letters(n, 'A');
  if (f == "lowerLetter") return Letters(n, 'a');
  if (f == "upperRoman") return Roman(n, true);
  if (f == "lowerRoman") return Roman(n, false);
  if (f == "bullet" || f == "none") return "";
  return std::to_string(n);
}

DocxNumbering::DocxNumbering(const xmlDoc* numbering, const xmlDoc* styles) {
  const xmlNode* root = numbering ? xmlDocGetRootElement(const_cast<xmlDoc*>(numbering)) : nullptr;
  for (const xmlNode* n = root ? root->children : nullptr; n; n = n->next) {
    if (IsW(n, "abstractNum")) {
      auto& levels = abstract_[WAttr(n, "abstractNumId")];
      for (const xmlNode* l = n->children; l; l = l->next) {
        if (!IsW(l, "lvl")) continue;
        int ilvl = ToInt(WAttr(l, "ilvl"), -1);
        if (ilvl < 0 || ilvl >= kMaxLevels) continue;
        Level lv;
        lv.start = ToInt(WAttr(WChild(l, "start"), "val"), 1);
        if (const xmlNode* f = WChild(l, "numFmt")) lv.fmt = WAttr(f, "val");
        if (const xmlNode* t = WChild(l, "lvlText")) lv.text = WAttr(t, "val");
        levels[ilvl] = lv;
      }
    } else if (IsW(n, "num")) {
      std::string id = WAttr(n, "numId");
      num_to_abstract_[id] = WAttr(WChild(n, "abstractNumId"), "val");
      for (const xmlNode* o = n->children; o; o = o->next) {
        if (!IsW(o, "lvlOverride")) continue;
        int ilvl = ToInt(WAttr(o, "ilvl"), -1);
        const xmlNode* so = WChild(o, "startOverride");
        if (ilvl >= 0 && ilvl < kMaxLevels && so) start_override_[id][ilvl] = ToInt(WAttr(so, "val"), 1);
      }
    }
  }
  const xmlNode* sroot = styles ? xmlDocGetRootElement(const_cast<xmlDoc*>(styles)) : nullptr;
  for (const xmlNode* s = sroot ? sroot->children : nullptr; s; s = s->next) {
    if (!IsW(s, "style")) continue;
    StyleNum sn;
    sn.based_on = WAttr(WChild(s, "basedOn"), "val");
    const xmlNode* num_pr = WChild(WChild(s, "pPr"), "numPr");
    sn.num_id = WAttr(WChild(num_pr, "numId"), "val");
    sn.ilvl = ToInt(WAttr(WChild(num_pr, "ilvl"), "val"), 0);
    styles_[WAttr(s, "styleId")] = sn;
  }
}

std::string DocxNumbering::Next(const xmlNode* ppr) {
  if (!ppr) return "";
  const xmlNode* num_pr = WChild(ppr, "numPr");
  std::string num_id = WAttr(WChild(num_pr, "numId"), "val");
  int ilvl = ToInt(WAttr(WChild(num_pr, "ilvl"), "val"), -1);
  if (num_id.empty() || ilvl < 0) {
    // Numbering from the paragraph's style, or a style it is based on.
    std::string style = WAttr(WChild(ppr, "pStyle"), "val");
    for (int hops = 0; hops < 16 && !style.empty(); ++hops) {
      auto it = styles_.find(style);
      if (it == styles_.end()) break;
      if (!it->second.num_id.empty()) {
        if (num_id.empty()) num_id = it->second.num_id;
        if (ilvl < 0) ilvl = it->second.ilvl;
        break;
      }
      style = it->second.based_on;
    }
  }
  if (num_id.empty() || num_id == "0") return "";
  if (ilvl < 0) ilvl = 0;
  if (ilvl >= kMaxLevels) return "";
  auto abs = num_to_abstract_.find(num_id);
  if (abs == num_to_abstract_.end()) return "";
  auto levels = abstract_.find(abs->second);
  if (levels == abstract_.end()) return "";
  auto start_of = [&](int level) {
    auto o = start_override_.find(num_id);
    if (o != start_override_.end()) {
      auto l = o->second.find(level);
      if (l != o->second.end()) return l->second;
    }
    auto l = levels->second.find(level);
    return l == levels->second.end() ? 1 : l->second.start;
  };
  std::vector<int>& counters = counters_[num_id];
  if (counters.empty()) counters.assign(kMaxLevels, -1);
  counters[static_cast<size_t>(ilvl)] =
      counters[static_cast<size_t>(ilvl)] < 0 ? start_of(ilvl) : counters[static_cast<size_t>(ilvl)] + 1;
  for (int k = ilvl + 1; k < kMaxLevels; ++k) counters[static_cast<size_t>(k)] = -1;
  auto lv = levels->second.find(ilvl);
  if (lv == levels->second.end()) return "";
  const std::string& text = lv->second.text;
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
      int level = text[i + 1] - '1';
      int value = counters[static_cast<size_t>(level)] < 0 ? start_of(level)
                                                           : counters[static_cast<size_t>(level)];
      auto l = levels->second.find(level);
      std::string fmt = l == levels->second.end() ? "decimal" : l->second.fmt;
      // A level shown inside another level's text as "decimal" when isLgl is set is rare; the
      // level's own format is used.
      out += FormatListNumber(value, fmt);
      ++i;
    } else {
      out += text[i];
    }
  }
  if (lv->second.fmt == "bullet" || lv->second.fmt == "none") return "";
  return out;
}

}  // namespace gongkai::ingest_internal
