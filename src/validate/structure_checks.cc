// Structure: the six sections in order, and the three tables complete.
#include <span>

#include "checks.h"
#include "gongkai/rules.h"

namespace gongkai::validate_internal {
namespace {

// Counts `cells` and remembers where the table is: the first present cell that has a source
// location.
void CountCells(std::span<const Cell> cells, int* present, int* total, SourceLocation* where) {
  for (const Cell& c : cells) {
    ++*total;
    if (!c.present()) continue;
    ++*present;
    if (where->empty() && !c.source.empty()) *where = c.source;
  }
}

// CountCells over each row of `rows`, in order.
template <typename Rows>
void CountRows(const Rows& rows, int* present, int* total, SourceLocation* where) {
  for (const auto& row : rows) CountCells(row, present, total, where);
}

// A missing table is reported at the title; an incomplete one where the table is.
void CheckTable(const AnnualReport& r, const char* name, const char* name_en, int present,
                int total, const SourceLocation& where, Findings* out) {
  if (present == 0) {
    out->push_back(MakeFinding("STRUCT-TABLE-MISSING", std::string("未找到") + name,
                               std::string(name_en) + " not found", r.title_source));
  } else if (present < total) {
    out->push_back(MakeFinding(
        "STRUCT-TABLE-INCOMPLETE",
        std::string(name) + "有 " + std::to_string(total - present) + " 个单元格没有数值",
        std::string(name_en) + " has " + std::to_string(total - present) + " empty cells",
        where.empty() ? r.title_source : where));
  }
}

}  // namespace

void CheckStructure(const AnnualReport& r, Findings* out) {
  int last_order = -1;
  bool ordered = true;
  for (int s = 0; s < kSectionCount; ++s) {
    const Section& sec = r.sections[static_cast<size_t>(s)];
    if (!sec.present) {
      out->push_back(MakeFinding(
          "STRUCT-SECTION-MISSING",
          "缺少第" + std::to_string(s + 1) + "部分“" + std::string(SectionTitle(s)) + "”",
          "section " + std::to_string(s + 1) + " is missing", r.title_source));
      continue;
    }
    if (sec.order < last_order) ordered = false;
    last_order = sec.order;
  }
  if (!ordered) {
    out->push_back(MakeFinding("STRUCT-SECTION-ORDER", "各部分的顺序与规定格式（一至六）不一致",
                               "sections are not in the order 一 to 六", r.title_source));
  }
  int p = 0, t = 0;
  SourceLocation where;
  CountRows(r.table2.docs, &p, &t, &where);
  CountCells(r.table2.decisions, &p, &t, &where);
  CountCells({&r.table2.fees_10k_yuan, 1}, &p, &t, &where);
  CheckTable(r, "表二（主动公开政府信息情况）", "table 2", p, t, where, out);
  p = 0, t = 0, where = {};
  CountRows(r.table3.cells, &p, &t, &where);
  CheckTable(r, "表三（收到和处理政府信息公开申请情况）", "table 3", p, t, where, out);
  p = 0, t = 0, where = {};
  CountRows(r.table4.cells, &p, &t, &where);
  CheckTable(r, "表四（政府信息公开行政复议、行政诉讼情况）", "table 4", p, t, where, out);
}

}  // namespace gongkai::validate_internal
