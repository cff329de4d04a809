#include "form_layout.h"

#include <cmath>
#include <cstdio>

namespace gongkai::render_internal {
namespace {

FormCell Label(std::string text, int row_span = 1, int col_span = 1) {
  FormCell c;
  c.text = std::move(text);
  c.row_span = row_span;
  c.col_span = col_span;
  c.row_header = true;
  return c;
}

FormCell Heading(std::string text, int row_span = 1, int col_span = 1) {
  FormCell c;
  c.text = std::move(text);
  c.row_span = row_span;
  c.col_span = col_span;
  c.header = true;
  return c;
}

FormCell Value(const Cell& cell, int col_span = 1, bool decimal = false) {
  FormCell c;
  c.numeric = true;
  c.value = cell.value;
  c.text = FormatValue(cell.value);
  c.col_span = col_span;
  c.decimal = decimal;
  return c;
}

// Table 3 group captions that span rows: the first outcome row of each group and its size.
struct T3Group {
  int first_row;
  int rows;
  const char* label;
};
constexpr T3Group kT3Groups[] = {
    {kDeniedStateSecret, 8, "（三）不予公开"},
    {kUnableNoInfo, 3, "（四）无法提供"},
    {kIgnoredComplaint, 5, "（五）不予处理"},
    {kOtherNoCorrection, 3, "（六）其他处理"},
};

const T3Group* GroupStartingAt(int row) {
  for (const T3Group& g : kT3Groups)
    if (g.first_row == row) return &g;
  return nullptr;
}

bool InGroup(int row) {
  for (const T3Group& g : kT3Groups)
    if (row >= g.first_row && row < g.first_row + g.rows) return true;
  return false;
}

}  // namespace

std::string FormatValue(const std::optional<double>& value) {
  if (!value) return "";
  double v = *value;
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) {
    char buf[32];
    std::snprintf(buf, sizeof(buf), "%.0f", v);
    return buf;
  }
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.4f", v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

FormGrid Table2Grid(const Table2& t) {
  FormGrid g;
  g.id = "table2";
  g.caption = "主动公开政府信息情况";
  g.columns = 4;
  g.header_rows = 0;
  g.widths = {34, 22, 22, 22};
  auto caption_row = [&](const char* text) {
    g.rows.push_back({Heading(text, 1, 4)});
  };
  caption_row("第二十条第（一）项");
  g.rows.push_back({Heading("信息内容"), Heading(std::string(DocColumnLabel(0))),
                    Heading(std::string(DocColumnLabel(1))), Heading(std::string(DocColumnLabel(2)))});
  for (int k = 0; k < kDocKindCount; ++k) {
    const auto& docs = t.docs[static_cast<size_t>(k)];
    g.rows.push_back({Label(std::string(DocKindLabel(k))), Value(docs[0]), Value(docs[1]),
                      Value(docs[2])});
  }
  caption_row("第二十条第（五）项");
  g.rows.push_back({Heading("信息内容"), Heading("本年处理决定数量", 1, 3)});
  g.rows.push_back({Label(std::string(DecisionKindLabel(static_cast<int>(DecisionKind::kLicensing)))),
                    Value(t.decisions[static_cast<size_t>(DecisionKind::kLicensing)], 3)});
  caption_row("第二十条第（六）项");
  g.rows.push_back({Heading("信息内容"), Heading("本年处理决定数量", 1, 3)});
  for (DecisionKind k : {DecisionKind::kPenalty, DecisionKind::kCoercion}) {
    g.rows.push_back({Label(std::string(DecisionKindLabel(static_cast<int>(k)))),
                      Value(t.decisions[static_cast<size_t>(k)], 3)});
  }
  caption_row("第二十条第（八）项");
  g.rows.push_back({Heading("信息内容"), Heading("本年收费金额（单位：万元）", 1, 3)});
  g.rows.push_back({Label("行政事业性收费"), Value(t.fees_10k_yuan, 3, /*decimal=*/true)});
  return g;
}

FormGrid Table3Grid(const Table3& t) {
  FormGrid g;
  g.id = "table3";
  g.caption = "收到和处理政府信息公开申请情况";
  g.columns = 3 + kT3Columns;
  g.header_rows = 3;
  g.widths = {5, 10, 31, 8, 8, 8, 8, 8, 8, 8};
  g.rows.push_back({Heading(kT3BalanceNote, 3, 3), Heading("申请人情况", 1, kT3Columns)});
  g.rows.push_back({Heading(std::string(T3ColumnLabel(kNatural)), 2, 1),
                    Heading("法人或其他组织", 1, 5), Heading(std::string(T3ColumnLabel(kTotal)), 2, 1)});
  std::vector<FormCell> org;
  for (int c = kCommercial; c <= kOther; ++c) org.push_back(Heading(std::string(T3ColumnLabel(c))));
  g.rows.push_back(std::move(org));
  for (int r = 0; r < kT3Rows; ++r) {
    std::vector<FormCell> row;
    std::string label(T3RowLabel(r));
    if (r == kNew || r == kCarriedOver || r == kCarriedForward) {
      row.push_back(Label(label, 1, 3));
    } else {
      if (r == kFirstOutcomeRow) {
        row.push_back(Label("三、本年度办理结果", kResultTotal - kFirstOutcomeRow + 1, 1));
      }
      if (const T3Group* grp = GroupStartingAt(r)) {
        row.push_back(Label(grp->label, grp->rows, 1));
        row.push_back(Label(label));
      } else if (InGroup(r)) {
        row.push_back(Label(label));
      } else {
        row.push_back(Label(label, 1, 2));
      }
    }
    for (int c = 0; c < kT3Columns; ++c) {
      row.push_back(Value(t.cells[static_cast<size_t>(r)][static_cast<size_t>(c)]));
    }
    g.rows.push_back(std::move(row));
  }
  return g;
}

FormGrid Table4Grid(const Table4& t) {
  FormGrid g;
  g.id = "table4";
  g.caption = "政府信息公开行政复议、行政诉讼情况";
  g.columns = kT4Groups * kT4Columns;
  g.header_rows = 3;
  g.widths.assign(static_cast<size_t>(g.columns), 1);
  g.rows.push_back({Heading("行政复议", 1, kT4Columns), Heading("行政诉讼", 1, 2 * kT4Columns)});
  std::vector<FormCell> second;
  for (int c = 0; c < kT4Columns; ++c) second.push_back(Heading(std::string(T4ColumnLabel(c)), 2, 1));
  second.push_back(Heading("未经复议直接起诉", 1, kT4Columns));
  second.push_back(Heading("复议后起诉", 1, kT4Columns));
  g.rows.push_back(std::move(second));
  std::vector<FormCell> third;
  for (int k = 0; k < 2; ++k)
    for (int c = 0; c < kT4Columns; ++c) third.push_back(Heading(std::string(T4ColumnLabel(c))));
  g.rows.push_back(std::move(third));
  std::vector<FormCell> data;
  for (int grp = 0; grp < kT4Groups; ++grp)
    for (int c = 0; c < kT4Columns; ++c)
      data.push_back(Value(t.cells[static_cast<size_t>(grp)][static_cast<size_t>(c)]));
  g.rows.push_back(std::move(data));
  return g;
}

std::vector<std::vector<Covered>> CoveredGrid(const FormGrid& grid) {
  std::vector<std::vector<Covered>> out(grid.rows.size(),
                                        std::vector<Covered>(static_cast<size_t>(grid.columns)));
  for (size_t r = 0; r < grid.rows.size(); ++r) {
    size_t col = 0;
    for (const FormCell& cell : grid.rows[r]) {
      while (col < out[r].size() && out[r][col].cell != nullptr) ++col;
      for (int dr = 0; dr < cell.row_span; ++dr) {
        for (int dc = 0; dc < cell.col_span; ++dc) {
          size_t rr = r + static_cast<size_t>(dr), cc = col + static_cast<size_t>(dc);
          if (rr >= out.size() || cc >= out[rr].size()) continue;
          out[rr][cc] = {&cell, dr == 0 && dc == 0, static_cast<int>(r), static_cast<int>(col)};
        }
      }
      col += static_cast<size_t>(cell.col_span);
    }
  }
  return out;
}

}  // namespace gongkai::render_internal
