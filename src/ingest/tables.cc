#include "tables.h"

#include <algorithm>
#include <cmath>
#include <array>
#include <map>
#include <optional>
#include <string>

#include "digit_split.h"
#include "gongkai/decode.h"
#include "gongkai/rules.h"
#include "labels.h"

namespace gongkai::ingest_internal {
namespace {

// How many candidate splits of one glued row we look at before calling it ambiguous.
constexpr size_t kSplitCandidateLimit = 256;
// How many combinations of ambiguous rows the column arithmetic may test.
constexpr size_t kJointSplitLimit = 200000;
// Counts at or above this are not used in arithmetic (they cannot be exact in a double).
constexpr double kMaxExactCount = 1e15;
// How far (in tokens) after the 勾稽 note the 上年结转 row must appear for the note to start table 3.
constexpr size_t kT3AnchorWindow = 120;

bool Contains(std::string_view s, std::string_view part) {
  return FindText(s, part) != std::string_view::npos;
}

bool IsText(const Token& t) { return t.kind == TokenKind::kText; }
bool IsNumber(const Token& t) { return t.kind == TokenKind::kNumber; }

// The values of a row for a message: at most kQuotedValues of them, each cut to kQuotedBytes
// (a malformed row can hold millions of values), then "…（共 N 个）".
constexpr size_t kQuotedValues = 8, kQuotedBytes = 40;

std::string Join(const std::vector<const Token*>& tokens, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < tokens.size() && i < kQuotedValues; ++i) {
    if (i) out.append(sep);
    std::string_view text =
        tokens[i]->kind == TokenKind::kEmpty ? std::string_view("（空）") : std::string_view(tokens[i]->text);
    if (text.size() > kQuotedBytes) {
      size_t cut = kQuotedBytes;
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole characters
      out.append(text.substr(0, cut)).append("…");
    } else {
      out.append(text);
    }
  }
  if (tokens.size() > kQuotedValues) out += "…（共 " + std::to_string(tokens.size()) + " 个）";
  return out;
}

// A heading or paragraph that ends a table's region.
bool EndsTable4(const Token& t) {
  const std::string_view s = t.text;
  return Contains(s, "存在的") || Contains(s, "主要问题") || Contains(s, "改进情况") ||
         Contains(s, "其他需要报告") || Contains(s, "其他需报告") || Contains(s, "五、");
}

// The column headings of table 4, which no other table uses.
bool IsTable4HeaderWord(std::string_view s) {
  return Contains(s, "结果维持") || Contains(s, "结果纠正") || Contains(s, "尚未审结") ||
         Contains(s, "直接起诉") || Contains(s, "复议后起诉");
}

// ---- Table 2 ----

struct T2Shape {
  int width;   // values the row carries in the source
  int column;  // for single-value rows: which of them is the count (-1: none)
};

}  // namespace

SourceLocation Where(const std::vector<Line>& lines, const Token& token) {
  SourceLocation loc;
  if (token.line >= 1 && static_cast<size_t>(token.line) <= lines.size()) {
    loc = lines[static_cast<size_t>(token.line - 1)].source();
  }
  loc.cell = token.cell;
  return loc;
}

TableRegions FindTableRegions(const std::vector<Token>& tokens) {
  TableRegions r;
  const size_t n = tokens.size();
  size_t t3 = n;
  for (size_t i = 0; i < n && t3 == n; ++i) {
    if (!IsText(tokens[i]) || !Contains(tokens[i].text, "勾稽")) continue;
    for (size_t j = i; j < n && j < i + kT3AnchorWindow; ++j) {
      if (IsText(tokens[j]) && Contains(tokens[j].text, "上年结转")) {
        t3 = i;
        break;
      }
    }
  }
  if (t3 == n) {
    for (size_t i = 0; i < n; ++i) {
      if (IsText(tokens[i]) && Contains(tokens[i].text, "本年新收政府信息公开申请") &&
          i + 1 < n && IsNumber(tokens[i + 1])) {
        t3 = i;
        break;
      }
    }
  }
  size_t t2 = n;
  for (size_t i = 0; i < std::min(t3, n); ++i) {
    if (IsText(tokens[i]) && Contains(tokens[i].text, "第二十条")) {
      t2 = i;
      break;
    }
  }
  if (t2 < n) {
    r.t2_begin = t2;
    r.t2_end = t3 < n ? t3 : n;
    for (size_t i = r.t2_begin; i < r.t2_end; ++i) {
      if (IsText(tokens[i]) &&
          (Contains(tokens[i].text, "本年新公开数量") || Contains(tokens[i].text, "对外公开总数量") ||
           Contains(tokens[i].text, "上一年项目数量"))) {
        r.format_2019 = true;
      }
    }
  }
  // Table 4 starts at the first mention of review after table 3 (a table-3 label never mentions
  // review); without table 3 (OCR'd text that lost its anchors), at the mention before the first
  // table-4 header words ("结果维持", "尚未审结") found anywhere after table 2.
  size_t t4 = n;
  const size_t t4_from = t3 < n ? t3 : (t2 < n ? t2 : 0);
  for (size_t i = t4_from; i < n; ++i) {
    if (!IsText(tokens[i])) continue;
    if (Contains(tokens[i].text, "复议") || Contains(tokens[i].text, "行政诉讼")) {
      t4 = i;
      break;
    }
  }
  if (t3 < n) {
    r.t3_begin = t3;
    r.t3_end = t4;
  } else if (t4 < n) {
    size_t header = n;
    for (size_t i = t4; i < n && header == n; ++i) {
      if (IsText(tokens[i]) && IsTable4HeaderWord(tokens[i].text)) header = i;
    }
    if (header == n) t4 = n;
  }
  if (t4 == n) return r;
  size_t end = n;
  bool seen_value = false;
  for (size_t i = t4; i < n; ++i) {
    if (IsNumber(tokens[i])) seen_value = true;
    if (IsText(tokens[i]) && seen_value && EndsTable4(tokens[i])) {
      end = i;
      break;
    }
  }
  r.t4_begin = t4;
  r.t4_end = end;
  return r;
}

// ---- Rows shared by the three tables ----

namespace {

// A row of numbers as found in the source, before it is matched to a row of the form.
struct RawRow {
  std::vector<const Token*> slots;  // numbers and empty cells, in order
  std::vector<int> candidates;      // form rows whose labels precede the numbers
  std::vector<int> blocks;          // block headings (FindT3Block) among those labels
  int merged_block = -1;            // a block printed as one row: its heading, no sub-row label
  bool needs_split = false;         // fewer slots than columns, but glued digits to split
  bool weak = false;                // too few values to be a row of the table
  int slot = -1;                    // the form row it was matched to
};

// Trims a row's slots to the table's width: empty cells beyond it at either end are layout (a
// label cell spanning two columns, a trailing tab), and a number glued to the end of the row's
// label ("稳定”0") is a stray when the row is otherwise full. Sets needs_split or weak for rows
// that stay short. Reports rows that cannot be read.
void NormaliseWidth(RawRow* row, int width, const std::vector<Line>& lines, Findings* findings,
                    std::string_view table_name) {
  auto& s = row->slots;
  const auto too_many = [&] { return static_cast<int>(s.size()) > width; };
  while (too_many() && s.back()->kind == TokenKind::kEmpty) s.pop_back();
  if (too_many() && s.front()->glued_to_label) {
    findings->push_back(MakeFinding(
        "IMPORT-STRAY-NUMBER",
        std::string(table_name) + "标签后粘连的数字 " + std::string(s.front()->text) + " 不计入该行",
        "a number glued to the row label was not counted", Where(lines, *s.front())));
    s.erase(s.begin());
  }
  while (too_many() && s.front()->kind == TokenKind::kEmpty) s.erase(s.begin());
  if (too_many()) {
    findings->push_back(MakeFinding(
        "STRUCT-ROW-CELLS",
        std::string(table_name) + "该行有 " + std::to_string(s.size()) + " 个数值，规定格式为 " +
            std::to_string(width) + " 个：" + Join(s, " "),
        "row has " + std::to_string(s.size()) + " values for " + std::to_string(width) + " columns",
        Where(lines, *s.front())));
    s.resize(static_cast<size_t>(width));
    return;
  }
  if (static_cast<int>(s.size()) < width) {
    // Glued digits can fill the row only if some number did not stand alone in its cell.
    bool all_numbers = true, any_glued = false;
    size_t parts = 0;
    for (const Token* t : s) {
      if (t->kind != TokenKind::kNumber || !t->is_integer || t->negative) {
        all_numbers = false;
      } else {
        parts += t->pure_cell ? 1 : t->text.size();
        any_glued = any_glued || !t->pure_cell;
      }
    }
    if (all_numbers && any_glued && parts >= static_cast<size_t>(width)) row->needs_split = true;
    else row->weak = true;
  }
}

// The digit strings of a row's slots and which of them stood alone in their cells.
void SplitInputs(const std::vector<const Token*>& slots, std::vector<std::string>* runs,
                 std::vector<bool>* whole) {
  for (const Token* t : slots) {
    runs->emplace_back(t->text);
    whole->push_back(t->pure_cell);
  }
}

}  // namespace

// ---- Table 2 ----

void ParseTable2(const std::vector<Token>& tokens, const std::vector<Line>& lines,
                 const TableRegions& regions, Table2* table, Findings* findings) {
  if (regions.t2_begin == regions.t2_end) return;
  // Widths of each row in the source; the 2019 trial format has three columns everywhere and
  // its (一) block means 新制作 / 新公开 / 对外公开总数 (so 废止 is not given).
  std::array<T2Shape, kT2Rows> shapes = {{{3, -1}, {3, -1}, {1, 0}, {1, 0}, {1, 0}, {1, 0}}};
  if (regions.format_2019) {
    shapes = {{{3, -1}, {3, -1}, {3, 2}, {3, 2}, {3, 2}, {2, -1}}};
    findings->push_back(MakeFinding(
        "STRUCT-FORMAT-2019", "表二采用 2019 年试行格式，已按 2021 年格式对应（本年废止件数不提供）",
        "Table 2 uses the 2019 trial format; mapped to the 2021 ids (abolished not given)",
        Where(lines, tokens[regions.t2_begin])));
  }
  std::array<bool, kT2Rows> done{};
  for (size_t i = regions.t2_begin; i < regions.t2_end; ++i) {
    if (!IsText(tokens[i])) continue;
    int row = T2LabelAtEnd(tokens[i].text);
    if (row < 0 && i > regions.t2_begin && IsText(tokens[i - 1]) &&
        tokens[i - 1].line + 1 == tokens[i].line) {
      // A label wrapped over two lines ("行政规范性" / "文件"), as OCR and PDF conversion leave it.
      row = T2LabelAtEnd(std::string(tokens[i - 1].text).append(tokens[i].text));
    }
    if (row < 0 || done[static_cast<size_t>(row)]) continue;
    const T2Shape shape = shapes[static_cast<size_t>(row)];
    // The values: the cells after the label on its own delimited line, else the numbers that
    // follow it (one cell per line, or glued web text).
    RawRow values;
    if (tokens[i].delimited) {
      for (size_t j = i + 1; j < regions.t2_end && tokens[j].line == tokens[i].line; ++j) {
        if (IsText(tokens[j])) break;
        values.slots.push_back(&tokens[j]);
      }
    }
    if (values.slots.empty()) {
      for (size_t j = i + 1; j < regions.t2_end && values.slots.size() < static_cast<size_t>(shape.width);
           ++j) {
        if (IsText(tokens[j])) break;
        if (IsNumber(tokens[j])) values.slots.push_back(&tokens[j]);
      }
    }
    if (std::none_of(values.slots.begin(), values.slots.end(), [](const Token* t) { return IsNumber(*t); })) {
      continue;
    }
    done[static_cast<size_t>(row)] = true;
    NormaliseWidth(&values, shape.width, lines, findings, "表二");
    const std::string label(T2LabelName(row));
    std::vector<std::optional<double>> vals(static_cast<size_t>(shape.width));
    std::vector<const Token*> srcs(static_cast<size_t>(shape.width), values.slots[0]);
    if (values.needs_split) {
      std::vector<std::string> runs;
      std::vector<bool> whole;
      SplitInputs(values.slots, &runs, &whole);
      std::vector<Values> cands =
          SplitDigitRuns(runs, shape.width, [](const Values&) { return true; }, 2, whole);
      const std::string digits = Join(values.slots, " ");
      if (cands.size() == 1) {
        for (size_t k = 0; k < cands[0].size(); ++k) vals[k] = static_cast<double>(cands[0][k]);
        findings->push_back(MakeFinding(
            "IMPORT-SPLIT", "表二“" + label + "”的数字 " + digits + " 只有一种拆分方式",
            "table 2 digits " + digits + " split in the only possible way",
            Where(lines, *values.slots[0])));
      } else {
        findings->push_back(MakeFinding(
            "IMPORT-AMBIGUOUS",
            "表二“" + label + "”的数字 " + digits + " 粘连在一起，" +
                (cands.empty() ? "无法拆分" : "有多种拆分方式") + "，相关单元格留空",
            "table 2 digits " + digits + " are glued together and cannot be split uniquely",
            Where(lines, *values.slots[0])));
      }
    } else if (values.weak) {
      findings->push_back(MakeFinding(
          "STRUCT-ROW-CELLS",
          "表二“" + label + "”行应有 " + std::to_string(shape.width) + " 个数值，实有 " +
              std::to_string(values.slots.size()) + " 个：" + Join(values.slots, " "),
          "table 2 row should have " + std::to_string(shape.width) + " values, has " +
              std::to_string(values.slots.size()),
          Where(lines, *values.slots[0])));
    } else {
      for (size_t k = 0; k < values.slots.size(); ++k) {
        if (!IsNumber(*values.slots[k])) continue;
        vals[k] = values.slots[k]->value;
        srcs[k] = values.slots[k];
      }
    }
    auto set = [&](Cell* cell, size_t k) {
      if (k >= vals.size() || !vals[k]) return;
      cell->value = vals[k];
      cell->source = Where(lines, *srcs[k]);
    };
    if (row == kT2Rules || row == kT2Normative) {
      auto& docs = table->docs[static_cast<size_t>(row)];
      if (regions.format_2019) {
        set(&docs[0], 0);
        set(&docs[2], 2);
      } else {
        for (size_t k = 0; k < 3; ++k) set(&docs[k], k);
      }
    } else if (row == kT2Fees) {
      if (shape.column >= 0) set(&table->fees_10k_yuan, static_cast<size_t>(shape.column));
    } else {
      set(&table->decisions[static_cast<size_t>(row - kT2Licensing)],
          static_cast<size_t>(shape.column));
    }
  }
}

// ---- Table 3 ----

namespace {

// A row whose labels name a block heading but none of that block's sub-rows is the whole block
// printed as one row (（六）其他处理 alone): its numbers belong to no row of the model.
void MarkMergedBlock(RawRow* row) {
  if (row->candidates.empty() && !row->blocks.empty()) row->merged_block = row->blocks.back();
}

// Builds the raw rows of table 3 from its tokens.
std::vector<RawRow> CollectRows(const std::vector<Token>& tokens, size_t begin, size_t end) {
  std::vector<RawRow> rows;
  std::vector<int> pending, pending_blocks;
  std::optional<RawRow> open;
  auto close = [&]() {
    if (open && !open->slots.empty()) rows.push_back(std::move(*open));
    open.reset();
  };
  auto add_labels = [&](std::vector<int>* to, const std::vector<int>& labels) {
    for (int l : labels)
      if (std::find(to->begin(), to->end(), l) == to->end()) to->push_back(l);
  };
  size_t i = begin;
  while (i < end) {
    const Token& t = tokens[i];
    if (t.row_line) {
      // A delimited line with its own numbers is a row by itself.
      close();
      RawRow row;
      row.slots.reserve(kT3Columns);  // one allocation for a row of the form's width
      std::vector<int> line_labels, line_blocks;
      size_t j = i;
      for (; j < end && tokens[j].line == t.line; ++j) {
        if (IsText(tokens[j])) {
          add_labels(&line_labels, FindT3Labels(tokens[j].text));
          if (int b = FindT3Block(tokens[j].text); b >= 0) add_labels(&line_blocks, {b});
          row.slots.clear();  // the values follow the last label cell
        } else {
          row.slots.push_back(&tokens[j]);
        }
      }
      row.candidates = line_labels.empty() ? pending : line_labels;
      row.blocks = line_labels.empty() && line_blocks.empty() ? pending_blocks : line_blocks;
      pending.clear();
      pending_blocks.clear();
      if (!row.slots.empty()) rows.push_back(std::move(row));
      i = j;
      continue;
    }
    if (IsText(t)) {
      std::vector<int> labels = FindT3Labels(t.text);
      if (open && !open->slots.empty()) close();
      add_labels(&pending, labels);
      if (int b = FindT3Block(t.text); b >= 0) add_labels(&pending_blocks, {b});
    } else if (t.kind == TokenKind::kNumber || (t.kind == TokenKind::kEmpty && open)) {
      if (!open || open->slots.size() >= static_cast<size_t>(kT3Columns)) {
        close();
        open.emplace();
        open->slots.reserve(kT3Columns);
        open->candidates = pending;
        open->blocks = pending_blocks;
        pending.clear();
        pending_blocks.clear();
      }
      open->slots.push_back(&t);
    }
    ++i;
  }
  close();
  for (RawRow& row : rows) MarkMergedBlock(&row);
  return rows;
}

// Matches rows to the form's rows in order (see tables.h). Sets RawRow::slot.
void AlignRows(std::vector<RawRow>* rows, const std::vector<Line>& lines, Findings* findings) {
  constexpr int kNoSlot = -1000000;
  const int n = static_cast<int>(rows->size());
  constexpr int kSlots = kT3Rows;
  // score[r][s]: what matching row r to form row s is worth.
  std::vector<std::array<int, kSlots>> score(static_cast<size_t>(n));
  // A merged block may only take its block's first slot, and it covers the whole block.
  std::vector<int> span(static_cast<size_t>(n), 1);
  for (int r = 0; r < n; ++r) {
    const RawRow& row = (*rows)[static_cast<size_t>(r)];
    score[static_cast<size_t>(r)].fill(row.weak ? 1 : 10);
    for (int c : row.candidates) score[static_cast<size_t>(r)][static_cast<size_t>(c)] += 5;
    if (row.merged_block >= 0) {
      const T3Block& block = T3BlockAt(row.merged_block);
      score[static_cast<size_t>(r)].fill(kNoSlot);
      score[static_cast<size_t>(r)][static_cast<size_t>(block.first)] = 15;
      span[static_cast<size_t>(r)] = block.last - block.first + 1;
    }
  }
  // best[r][s]: best score for rows r.. using form rows s..; choice records the decision.
  std::vector<std::array<int, kSlots + 1>> best(static_cast<size_t>(n + 1));
  std::vector<std::array<int, kSlots + 1>> choice(static_cast<size_t>(n + 1));
  for (int s = 0; s <= kSlots; ++s) best[static_cast<size_t>(n)][static_cast<size_t>(s)] = 0;
  for (int r = n - 1; r >= 0; --r) {
    const auto& row_score = score[static_cast<size_t>(r)];
    const auto& below = best[static_cast<size_t>(r + 1)];
    // Going down from the last slot, the best slot t >= s for row r (the smallest on ties), so
    // that each state costs O(1) instead of a scan of the slots after it.
    int take = kNoSlot, take_slot = -1;
    for (int s = kSlots; s >= 0; --s) {
      if (s < kSlots && row_score[static_cast<size_t>(s)] != kNoSlot) {
        const int next = std::min(kSlots, s + span[static_cast<size_t>(r)]);
        const int v = row_score[static_cast<size_t>(s)] + below[static_cast<size_t>(next)];
        if (v >= take) {
          take = v;
          take_slot = s;
        }
      }
      const int drop = below[static_cast<size_t>(s)];
      best[static_cast<size_t>(r)][static_cast<size_t>(s)] = take > drop ? take : drop;
      choice[static_cast<size_t>(r)][static_cast<size_t>(s)] = take > drop ? take_slot : -1;
    }
  }
  int s = 0;
  for (int r = 0; r < n; ++r) {
    int c = choice[static_cast<size_t>(r)][static_cast<size_t>(s)];
    (*rows)[static_cast<size_t>(r)].slot = c;
    if (c >= 0) s = c + span[static_cast<size_t>(r)];
  }
  // A row without a matching label keeps its place only if its gap between labelled rows holds
  // exactly as many form rows as unlabelled rows.
  auto anchored = [&](const RawRow& row) {
    return row.slot >= 0 && (row.merged_block >= 0 ||
                             std::find(row.candidates.begin(), row.candidates.end(), row.slot) !=
                                 row.candidates.end());
  };
  auto last_slot = [&](const RawRow& row) {
    return row.merged_block >= 0 ? T3BlockAt(row.merged_block).last : row.slot;
  };
  int prev_slot = -1;
  int r = 0;
  while (r < n) {
    if ((*rows)[static_cast<size_t>(r)].slot < 0 || anchored((*rows)[static_cast<size_t>(r)])) {
      if ((*rows)[static_cast<size_t>(r)].slot >= 0) prev_slot = last_slot((*rows)[static_cast<size_t>(r)]);
      ++r;
      continue;
    }
    int q = r;
    std::vector<int> members;
    while (q < n && !anchored((*rows)[static_cast<size_t>(q)])) {
      if ((*rows)[static_cast<size_t>(q)].slot >= 0) members.push_back(q);
      ++q;
    }
    int next_slot = q < n ? (*rows)[static_cast<size_t>(q)].slot : kSlots;
    int gap = next_slot - prev_slot - 1;
    if (gap != static_cast<int>(members.size())) {
      for (int m : members) (*rows)[static_cast<size_t>(m)].slot = -1;
    }
    r = q;
  }
  for (const RawRow& row : *rows) {
    if (row.slot >= 0 || row.weak) continue;
    findings->push_back(MakeFinding(
        "STRUCT-ROW-UNPLACED",
        "表三中的一行数字 " + Join(row.slots, " ") + " 无法确定对应的项目，未计入",
        "a row of table 3 (" + Join(row.slots, " ") + ") could not be matched to a row of the form",
        Where(lines, *row.slots.front())));
  }
}

// A block printed as one row: its numbers are reported, and its sub-rows stay absent (the model
// has no row for the block's heading, and a sub-row's value is not in the source).
void ReportMergedBlock(const RawRow& row, const std::vector<Line>& lines, Findings* findings) {
  const T3Block& block = T3BlockAt(row.merged_block);
  const std::string heading = std::string(block.display) + std::string(block.name);
  const std::string subs = std::to_string(block.last - block.first + 1);
  findings->push_back(MakeFinding(
      "STRUCT-ROW-MERGED",
      "该表将" + std::string(block.display) + "合并为一行（" + heading + "：" + Join(row.slots, " ") +
          "），其下 " + subs + " 项未单独列出，留空",
      "table 3 prints block " + heading + " as one row (" + Join(row.slots, " ") + "); its " +
          subs + " sub-rows are left empty",
      Where(lines, *row.slots.front())));
}

// The form's column arithmetic, on the rows known so far (absent cells are skipped).
bool ColumnsConsistent(const std::array<std::optional<std::array<int64_t, kT3Columns>>, kT3Rows>& v) {
  for (int c = 0; c < kT3Columns; ++c) {
    auto at = [&](int r) -> std::optional<int64_t> {
      const auto& row = v[static_cast<size_t>(r)];
      if (!row) return std::nullopt;
      return (*row)[static_cast<size_t>(c)];
    };
    auto n = at(kNew), co = at(kCarriedOver), rt = at(kResultTotal), cf = at(kCarriedForward);
    if (n && co && rt && cf && *n + *co != *rt + *cf) return false;
    int64_t sum = 0;
    bool all = true;
    for (int r = kFirstOutcomeRow; r <= kLastOutcomeRow; ++r) {
      auto x = at(r);
      if (!x) {
        all = false;
        break;
      }
      sum += *x;
    }
    if (all && rt && sum != *rt) return false;
  }
  return true;
}

}  // namespace

void ParseTable3(const std::vector<Token>& tokens, const std::vector<Line>& lines,
                 const TableRegions& regions, Table3* table, Findings* findings) {
  if (regions.t3_begin == regions.t3_end) return;
  for (size_t i = regions.t3_begin; i < regions.t3_end; ++i) {
    const Token& t = tokens[i];
    if (IsText(t) && (Contains(t.text, "预期不补正") || Contains(t.text, "预期未按"))) {
      findings->push_back(MakeFinding("STRUCT-LABEL", "标签“" + std::string(t.text) + "”中“预期”应为“逾期”",
                                      "label uses 预期 where the form says 逾期", Where(lines, t)));
    }
  }
  std::vector<RawRow> rows = CollectRows(tokens, regions.t3_begin, regions.t3_end);
  for (RawRow& row : rows) NormaliseWidth(&row, kT3Columns, lines, findings, "表三");
  AlignRows(&rows, lines, findings);

  // Rows read as written, and the candidate splits of glued rows.
  std::array<std::optional<std::array<int64_t, kT3Columns>>, kT3Rows> known;
  std::vector<std::pair<const RawRow*, std::vector<Values>>> ambiguous;
  auto place = [&](const RawRow& row, const Values* split) {
    auto& cells = table->cells[static_cast<size_t>(row.slot)];
    for (int c = 0; c < kT3Columns; ++c) {
      Cell& cell = cells[static_cast<size_t>(c)];
      if (split) {
        cell.value = static_cast<double>((*split)[static_cast<size_t>(c)]);
        cell.source = Where(lines, *row.slots.front());
      } else if (static_cast<size_t>(c) < row.slots.size() &&
                 row.slots[static_cast<size_t>(c)]->kind == TokenKind::kNumber) {
        cell.value = row.slots[static_cast<size_t>(c)]->value;
        cell.source = Where(lines, *row.slots[static_cast<size_t>(c)]);
      }
    }
  };
  for (const RawRow& row : rows) {
    if (row.slot < 0) continue;
    if (row.merged_block >= 0) {
      ReportMergedBlock(row, lines, findings);
      continue;
    }
    if (table->cells[static_cast<size_t>(row.slot)][0].present()) continue;
    if (!row.needs_split) {
      if (static_cast<int>(row.slots.size()) < kT3Columns) {
        findings->push_back(MakeFinding(
            "STRUCT-ROW-CELLS",
            "表三“" + std::string(T3RowLabel(row.slot)) + "”行应有 7 个数值，实有 " +
                std::to_string(row.slots.size()) + " 个，无法确定各数值所在列，未计入",
            "table 3 row " + std::string(T3RowId(row.slot)) + " has " +
                std::to_string(row.slots.size()) + " values for 7 columns",
            Where(lines, *row.slots.front())));
        continue;
      }
      place(row, nullptr);
      bool all = true;
      std::array<int64_t, kT3Columns> v{};
      for (int c = 0; c < kT3Columns; ++c) {
        const Token* t = row.slots[static_cast<size_t>(c)];
        // Only exact counts take part in the column arithmetic that resolves glued rows.
        if (t->kind != TokenKind::kNumber || !t->is_integer || std::fabs(t->value) >= kMaxExactCount) {
          all = false;
        } else {
          v[static_cast<size_t>(c)] = static_cast<int64_t>(t->value);
        }
      }
      if (all) known[static_cast<size_t>(row.slot)] = v;
      continue;
    }
    std::vector<std::string> runs;
    std::vector<bool> whole;
    SplitInputs(row.slots, &runs, &whole);
    std::vector<Values> cands =
        SplitDigitRuns(runs, kT3Columns, LastIsSumOfOthers, kSplitCandidateLimit, whole);
    if (cands.size() == 1) {
      place(row, &cands[0]);
      std::array<int64_t, kT3Columns> v{};
      std::copy(cands[0].begin(), cands[0].end(), v.begin());
      known[static_cast<size_t>(row.slot)] = v;
      findings->push_back(MakeFinding(
          "IMPORT-SPLIT",
          "表三“" + std::string(T3RowLabel(row.slot)) + "”行的数字 " + Join(row.slots, " ") +
              " 按行总计唯一拆分",
          "table 3 row " + std::string(T3RowId(row.slot)) + ": digits " + Join(row.slots, " ") +
              " split uniquely by the row total",
          Where(lines, *row.slots.front())));
    } else {
      ambiguous.emplace_back(&row, std::move(cands));
    }
  }
  if (ambiguous.empty()) return;
  // Joint resolution under the column arithmetic.
  size_t combos = 1;
  bool searchable = true;
  for (const auto& [row, cands] : ambiguous) {
    if (cands.empty() || cands.size() >= kSplitCandidateLimit) searchable = false;
    else if (combos > kJointSplitLimit / cands.size()) searchable = false;
    else combos *= cands.size();
  }
  std::vector<std::optional<Values>> agreed(ambiguous.size());
  std::vector<bool> conflict(ambiguous.size(), false);
  size_t valid = 0;
  if (searchable) {
    std::vector<size_t> pick(ambiguous.size(), 0);
    for (size_t k = 0; k < combos; ++k) {
      auto trial = known;
      size_t rem = k;
      for (size_t a = 0; a < ambiguous.size(); ++a) {
        pick[a] = rem % ambiguous[a].second.size();
        rem /= ambiguous[a].second.size();
        std::array<int64_t, kT3Columns> v{};
        const Values& cand = ambiguous[a].second[pick[a]];
        std::copy(cand.begin(), cand.end(), v.begin());
        trial[static_cast<size_t>(ambiguous[a].first->slot)] = v;
      }
      if (!ColumnsConsistent(trial)) continue;
      ++valid;
      for (size_t a = 0; a < ambiguous.size(); ++a) {
        const Values& cand = ambiguous[a].second[pick[a]];
        if (!agreed[a]) agreed[a] = cand;
        else if (*agreed[a] != cand) conflict[a] = true;
      }
    }
  }
  for (size_t a = 0; a < ambiguous.size(); ++a) {
    const RawRow& row = *ambiguous[a].first;
    if (valid > 0 && agreed[a] && !conflict[a]) {
      place(row, &*agreed[a]);
      findings->push_back(MakeFinding(
          "IMPORT-SPLIT",
          "表三“" + std::string(T3RowLabel(row.slot)) + "”行的数字 " + Join(row.slots, " ") +
              " 按行总计和各列勾稽关系唯一拆分",
          "table 3 row " + std::string(T3RowId(row.slot)) + ": digits " + Join(row.slots, " ") +
              " split uniquely by the row total and the column arithmetic",
          Where(lines, *row.slots.front())));
    } else {
      findings->push_back(MakeFinding(
          "IMPORT-AMBIGUOUS",
          "表三“" + std::string(T3RowLabel(row.slot)) + "”行的数字 " + Join(row.slots, " ") +
              (ambiguous[a].second.empty() ? " 无法按行总计拆分" : " 有多种拆分方式") +
              "，该行留空",
          "table 3 row " + std::string(T3RowId(row.slot)) + ": digits " + Join(row.slots, " ") +
              (ambiguous[a].second.empty() ? " cannot be split to match the row total"
                                           : " admit several splits") +
              "; left empty",
          Where(lines, *row.slots.front())));
    }
  }
}

// ---- Table 4 ----

namespace {

// Where table 4's values start: after the last header word that precedes the first number
// following a header word, so that numbers in the narrative before the table ("行政复议1件") are
// not read as its cells. Without header words, the region's start.
size_t Table4ValuesStart(const std::vector<Token>& tokens, const TableRegions& regions) {
  size_t after_header = regions.t4_begin;
  bool seen_header = false;
  for (size_t i = regions.t4_begin; i < regions.t4_end; ++i) {
    if (IsText(tokens[i])) {
      if (IsTable4HeaderWord(tokens[i].text)) {
        seen_header = true;
        after_header = i + 1;
      }
    } else if (seen_header && IsNumber(tokens[i])) {
      // A data row of a grid starts with its label cells, which may sit before the header's end.
      size_t start = after_header;
      while (start > regions.t4_begin && tokens[start - 1].line == tokens[i].line &&
             !IsTable4HeaderWord(tokens[start - 1].text)) {
        --start;
      }
      return start;
    }
  }
  return regions.t4_begin;
}

}  // namespace

void ParseTable4(const std::vector<Token>& tokens, const std::vector<Line>& lines,
                 const TableRegions& regions, Table4* table, Findings* findings) {
  if (regions.t4_begin == regions.t4_end) return;
  constexpr int kWidth = kT4Groups * kT4Columns;
  RawRow row;
  int last_line = -1;
  for (size_t i = Table4ValuesStart(tokens, regions); i < regions.t4_end; ++i) {
    const Token& t = tokens[i];
    if (row.slots.empty() && t.row_line && !IsText(t)) {
      // A delimited data row: its cells after the last text cell, absent values included.
      for (size_t j = i; j < regions.t4_end && tokens[j].line == t.line; ++j) {
        if (IsText(tokens[j])) row.slots.clear();
        else row.slots.push_back(&tokens[j]);
      }
      break;
    }
    if (static_cast<int>(row.slots.size()) >= kWidth && t.line != last_line) break;
    if (IsText(t)) continue;
    if (t.kind == TokenKind::kEmpty && row.slots.empty()) continue;
    row.slots.push_back(&t);
    last_line = t.line;
  }
  if (row.slots.empty()) return;
  NormaliseWidth(&row, kWidth, lines, findings, "表四");
  auto group_totals = [](const Values& v) {
    for (int g = 0; g < kT4Groups; ++g) {
      Values grp(v.begin() + g * kT4Columns, v.begin() + (g + 1) * kT4Columns);
      if (!LastIsSumOfOthers(grp)) return false;
    }
    return true;
  };
  std::optional<Values> split;
  if (row.needs_split) {
    std::vector<std::string> runs;
    std::vector<bool> whole;
    SplitInputs(row.slots, &runs, &whole);
    std::vector<Values> cands = SplitDigitRuns(runs, kWidth, group_totals, 2, whole);
    if (cands.size() == 1) {
      split = cands[0];
      findings->push_back(MakeFinding(
          "IMPORT-SPLIT", "表四的数字 " + Join(row.slots, " ") + " 按各组总计唯一拆分",
          "table 4 digits " + Join(row.slots, " ") + " split uniquely by the group totals",
          Where(lines, *row.slots.front())));
    } else {
      findings->push_back(MakeFinding(
          "IMPORT-AMBIGUOUS",
          "表四的数字 " + Join(row.slots, " ") +
              (cands.empty() ? " 无法按各组总计拆分" : " 有多种拆分方式") + "，表四留空",
          "table 4 digits " + Join(row.slots, " ") + " cannot be split uniquely",
          Where(lines, *row.slots.front())));
      return;
    }
  } else if (static_cast<int>(row.slots.size()) < kWidth) {
    findings->push_back(MakeFinding(
        "STRUCT-ROW-CELLS",
        "表四应有 15 个数值，实有 " + std::to_string(row.slots.size()) + " 个，无法确定各数值所在列",
        "table 4 has " + std::to_string(row.slots.size()) + " values for 15 columns",
        Where(lines, *row.slots.front())));
    return;
  }
  for (int k = 0; k < kWidth; ++k) {
    Cell& cell = table->cells[static_cast<size_t>(k / kT4Columns)][static_cast<size_t>(k % kT4Columns)];
    if (split) {
      cell.value = static_cast<double>((*split)[static_cast<size_t>(k)]);
      cell.source = Where(lines, *row.slots.front());
    } else if (row.slots[static_cast<size_t>(k)]->kind == TokenKind::kNumber) {
      cell.value = row.slots[static_cast<size_t>(k)]->value;
      cell.source = Where(lines, *row.slots[static_cast<size_t>(k)]);
    }
  }
}

}  // namespace gongkai::ingest_internal
