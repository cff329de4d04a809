// Structure: the six sections in order, and the three tables complete.
#include "checks.h"
#include "gongkai/rules.h"

namespace gongkai::validate_internal {
namespace {

template <typename Rows>
void CountCells(const Rows& rows, int* present, int* total) {
  for (const auto& row : rows) {
    for (const Cell& c : row) {
      ++*total;
      if (c.present()) ++*present;
    }
  }
}

void CheckTable(const AnnualReport& r, const char* name, const char* name_en, int present,
                int total, Findings* out) {
  if (present == 0) {
    out->push_back(MakeFinding("STRUCT-TABLE-MISSING", std::string("未找到") + name,
                               std::string(name_en) + " not found", r.title_source));
  } else if (present < total) {
    out->push_back(MakeFinding(
        "STRUCT-TABLE-INCOMPLETE",
        std::string(name) + "有 " + std::to_string(total - present) + " 个单元格没有数值",
        std::string(name_en) + " has " + std::to_string(total - present) + " empty cells",
        r.title_source));
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
  p = 0, t = 0;
  for (const auto& d : r.table2.docs)
    CountCells(std::array<std::array<Cell, kDocColumns>, 1>{d}, &p, &t);
  for (const Cell& c : r.table2.decisions) {
    ++t;
    if (c.present()) ++p;
  }
  ++t;
  if (r.table2.fees_10k_yuan.present()) ++p;
  CheckTable(r, "表二（主动公开政府信息情况）", "table 2", p, t, out);
  p = 0, t = 0;
  CountCells(r.table3.cells, &p, &t);
  CheckTable(r, "表三（收到和处理政府信息公开申请情况）", "table 3", p, t, out);
  p = 0, t = 0;
  CountCells(r.table4.cells, &p, &t);
  CheckTable(r, "表四（政府信息公开行政复议、行政诉讼情况）", "table 4", p, t, out);
}

}  // namespace gongkai::validate_internal
