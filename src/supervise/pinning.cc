// Pinning a finding to the cells or the section it is about (PinFinding), from provenance.
#include "gongkai/supervision.h"

namespace gongkai {
namespace {

// Whether a cell's provenance is where `at` points: the same line (and cell, when given) for
// text-like sources, else the same table and row (and cell, when given).
bool Points(const SourceLocation& at, const Cell& c) {
  if (!c.present()) return false;
  const SourceLocation& s = c.source;
  if (at.line > 0 && s.line == at.line) return at.cell < 0 || s.cell == at.cell;
  if (at.line <= 0 && at.table >= 0 && s.table == at.table && s.row == at.row) {
    return at.cell < 0 || s.cell == at.cell;
  }
  return false;
}

template <typename Rows>
void Collect(const SourceLocation& at, int table, int first_row, const Rows& rows,
             std::vector<CellRef>* out) {
  int r = first_row;
  for (const auto& row : rows) {
    int col = 0;
    for (const Cell& c : row) {
      if (Points(at, c)) out->push_back({table, r, col});
      ++col;
    }
    ++r;
  }
}

}  // namespace

FindingPins PinFinding(const Finding& f, const AnnualReport& r) {
  FindingPins out;
  const SourceLocation& at = f.location;
  if (at.line <= 0 && at.table < 0) return out;
  Collect(at, 2, 0, r.table2.docs, &out.cells);
  for (int k = 0; k < kDecisionKindCount; ++k) {
    if (Points(at, r.table2.decisions[static_cast<size_t>(k)])) out.cells.push_back({2, 2 + k, 0});
  }
  if (Points(at, r.table2.fees_10k_yuan)) out.cells.push_back({2, 5, 0});
  Collect(at, 3, 0, r.table3.cells, &out.cells);
  Collect(at, 4, 0, r.table4.cells, &out.cells);
  if (!out.cells.empty() || at.line <= 0) return out;
  int best_line = 0;
  for (int s = 0; s < kSectionCount; ++s) {
    const Section& sec = r.sections[static_cast<size_t>(s)];
    if (sec.present && sec.source.line > 0 && sec.source.line <= at.line &&
        sec.source.line >= best_line) {
      best_line = sec.source.line;
      out.section = s;
    }
  }
  return out;
}

}  // namespace gongkai
