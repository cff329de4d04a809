// Matching the agency a report's title names to an agency of the store (MatchAgency).
#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>

#include "gongkai/supervision.h"

namespace gongkai {
namespace {

// A name's share of the other that a containing match must cover: "满洲里市人民政府" (8 of 11
// characters of "满洲里市人民政府办公室") matches, "满洲里市" (4 of 11) does not.
constexpr double kMinCoverage = 0.6;
constexpr size_t kMaxCandidates = 5;

// Code points of UTF-8 text (invalid bytes count as one each).
std::u32string CodePoints(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (i + static_cast<size_t>(n) > s.size()) n = 1;
    char32_t cp = n == 1 ? c : static_cast<char32_t>(c & (0x7F >> n));
    for (int k = 1; k < n; ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<size_t>(k)]) & 0x3F);
    out.push_back(cp);
    i += static_cast<size_t>(n);
  }
  return out;
}

bool IsSpace(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\u3000' || c == U'\u00A0';
}

// The name as compared: white space removed, then one bracketed suffix such as （汇总） or (本级).
std::u32string Normalize(std::string_view name) {
  std::u32string s;
  for (char32_t c : CodePoints(name)) {
    if (!IsSpace(c)) s.push_back(c);
  }
  if (!s.empty() && (s.back() == U'）' || s.back() == U')')) {
    size_t open = s.find_last_of(U"（(");
    if (open != std::u32string::npos && open > 0) s.resize(open);
  }
  return s;
}

// How well two names match by containment: the shorter's share of the longer when one contains
// the other, else 0.
double Coverage(const std::u32string& a, const std::u32string& b) {
  if (a.empty() || b.empty()) return 0;
  const std::u32string& shorter = a.size() <= b.size() ? a : b;
  const std::u32string& longer = a.size() <= b.size() ? b : a;
  if (longer.find(shorter) == std::u32string::npos) return 0;
  return static_cast<double>(shorter.size()) / static_cast<double>(longer.size());
}

}  // namespace

AgencyMatcher::AgencyMatcher(const std::vector<Agency>& agencies) : agencies_(agencies) {
  names_.reserve(agencies.size());
  for (size_t i = 0; i < agencies.size(); ++i) {
    names_.push_back(Normalize(agencies[i].name));
    by_name_.emplace(names_.back(), i);
    for (char32_t c : names_.back()) {
      std::vector<uint32_t>& p = postings_[c];
      if (p.empty() || p.back() != i) p.push_back(static_cast<uint32_t>(i));
    }
  }
}

AgencyMatch AgencyMatcher::Match(std::string_view report_agency) const {
  AgencyMatch out;
  const std::u32string wanted = Normalize(report_agency);
  if (wanted.empty()) return out;
  auto [b, e] = by_name_.equal_range(wanted);
  if (b != e && std::next(b) == e) {
    out.agency_id = agencies_[b->second].id;
    out.kind = SubmissionMatch::kExact;
    return out;
  }
  if (b != e) {
    for (auto it = b; it != e && out.candidates.size() < kMaxCandidates; ++it) {
      out.candidates.push_back(agencies_[it->second]);
    }
    return out;
  }
  // The names sharing a character with the report's (ascending), and how many of the report's
  // characters each holds (for ranking candidates shown to the supervisor); only they can contain
  // the report's name or be contained in it.
  std::vector<uint32_t> shared(names_.size(), 0);
  std::vector<uint32_t> reached;
  for (char32_t c : wanted) {
    auto p = postings_.find(c);
    if (p == postings_.end()) continue;
    for (uint32_t i : p->second) {
      if (shared[i]++ == 0) reached.push_back(i);
    }
  }
  std::sort(reached.begin(), reached.end());
  // One pass for the best and second-best containment; candidates are ranked only on a miss.
  double best = 0, second = 0;
  size_t best_i = 0;
  for (uint32_t i : reached) {
    double c = Coverage(wanted, names_[i]);
    if (c > best) {
      second = best;
      best = c;
      best_i = i;
    } else if (c > second) {
      second = c;
    }
  }
  if (best >= kMinCoverage && second < best) {
    out.agency_id = agencies_[best_i].id;
    out.kind = SubmissionMatch::kPartial;
    return out;
  }
  struct Scored {
    double coverage;
    size_t shared;
    size_t index;
  };
  std::vector<Scored> scored;
  for (uint32_t i : reached) scored.push_back({Coverage(wanted, names_[i]), shared[i], i});
  size_t top = std::min(scored.size(), kMaxCandidates);
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(top), scored.end(),
                    [](const Scored& x, const Scored& y) {
                      if (x.coverage != y.coverage) return x.coverage > y.coverage;
                      if (x.shared != y.shared) return x.shared > y.shared;
                      return x.index < y.index;
                    });
  for (size_t i = 0; i < top; ++i) out.candidates.push_back(agencies_[scored[i].index]);
  return out;
}

AgencyMatch MatchAgency(std::string_view report_agency, const std::vector<Agency>& agencies) {
  return AgencyMatcher(agencies).Match(report_agency);
}

}  // namespace gongkai
