#include "tokens.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace gongkai::ingest_internal {
namespace {

constexpr bool IsDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// Splits a line into `cells` (cleared first): by tabs, or by '|' for a markdown row.
void SplitCells(std::string_view line, std::vector<std::string_view>* out) {
  std::vector<std::string_view>& cells = *out;
  cells.clear();
  std::string_view t = Trim(line);
  if (!t.empty() && t.front() == '|') {
    t.remove_prefix(1);
    if (!t.empty() && t.back() == '|') t.remove_suffix(1);
    size_t start = 0;
    for (size_t i = 0; i <= t.size(); ++i) {
      if (i == t.size() || t[i] == '|') {
        cells.push_back(Trim(t.substr(start, i - start)));
        start = i + 1;
      }
    }
    return;
  }
  for (size_t start = 0;;) {
    const size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      cells.push_back(Trim(line.substr(start)));
      return;
    }
    cells.push_back(Trim(line.substr(start, tab - start)));
    start = tab + 1;
  }
}

// Bytes that end a run of text in a cell: digits and spaces (IsDigit, IsSpace).
constexpr auto kEndsTextRun = [] {
  std::array<bool, 256> ends{};
  for (int c = 0; c < 256; ++c) ends[c] = IsDigit(static_cast<char>(c)) || IsSpace(static_cast<char>(c));
  return ends;
}();

// True if none of the eight bytes at `p` is ASCII.
bool EightNonAscii(const char* p) {
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  uint64_t word;
  std::memcpy(&word, p, 8);
  return (word & kHighBits) == kHighBits;
}

// The end of a run of text: the first digit or space at or after `j`, or the cell's end. Eight
// bytes at a time while none of them is ASCII: Chinese text is all bytes with the high bit set,
// and digits and spaces are ASCII.
size_t TextRunEnd(std::string_view cell, size_t j) {
  while (j < cell.size()) {
    if (j + 8 <= cell.size() && EightNonAscii(cell.data() + j)) {
      j += 8;
      continue;
    }
    if (kEndsTextRun[static_cast<unsigned char>(cell[j])]) break;
    ++j;
  }
  return j;
}

// True if the text at `s` starts with the ideographic enumeration comma "、".
bool StartsWithDunhao(std::string_view s) { return s.substr(0, 3) == "\xE3\x80\x81"; }

// Builds a token's text out of pieces of its cell: a view of the cell while the pieces are
// adjacent, a copy joined in a string (kept in JoinedTexts once taken) when they are not.
class PieceJoiner {
 public:
  PieceJoiner(std::string_view cell, JoinedTexts* joined) : cell_(cell), joined_(joined) {}

  // Appends cell[begin, end).
  void Append(size_t begin, size_t end) {
    if (empty()) {
      begin_ = begin;
      end_ = end;
    } else if (!copying_ && begin == end_) {
      end_ = end;
    } else {
      if (!copying_) {
        copy_.assign(cell_.substr(begin_, end_ - begin_));
        copying_ = true;
      }
      copy_.append(cell_.substr(begin, end - begin));
    }
  }
  void RemoveLast() {
    if (copying_) copy_.pop_back();
    else --end_;
  }
  bool empty() const { return copying_ ? copy_.empty() : begin_ == end_; }
  size_t size() const { return copying_ ? copy_.size() : end_ - begin_; }
  // The text so far; the joiner is empty afterwards.
  std::string_view Take() {
    std::string_view out = cell_.substr(begin_, end_ - begin_);
    if (copying_) {
      joined_->push_back(std::move(copy_));
      out = joined_->back();
      copy_.clear();
      copying_ = false;
    }
    begin_ = end_ = 0;
    return out;
  }

 private:
  std::string_view cell_;
  JoinedTexts* joined_;
  size_t begin_ = 0, end_ = 0;  // the text, while it is one piece of the cell
  bool copying_ = false;
  std::string copy_;  // the text, once it is not
};

}  // namespace

bool IsMarkdownSeparator(std::string_view s) {
  s = Trim(s);
  if (s.size() < 3 || s.front() != '|') return false;
  bool dash = false;
  for (char c : s) {
    if (c == '-') dash = true;
    else if (c != '|' && c != ':' && !IsSpace(c)) return false;
  }
  return dash;
}

void TokenizeCell(std::string_view cell, int line, int cell_index, std::vector<Token>* out,
                  JoinedTexts* joined) {
  size_t first = out->size();
  PieceJoiner text(cell, joined);
  bool text_since_number = false;  // text directly precedes the current position (no space)
  auto flush_text = [&]() {
    if (text.empty()) return;
    Token t;
    t.kind = TokenKind::kText;
    t.text = text.Take();
    t.line = line;
    t.cell = cell_index;
    out->push_back(t);
  };
  size_t i = 0, n = cell.size();
  while (i < n) {
    char c = cell[i];
    if (IsSpace(c)) {
      text_since_number = false;
      ++i;
      continue;
    }
    bool minus = (c == '-' && i + 1 < n && IsDigit(cell[i + 1]) && text.empty() && i == 0);
    if (!IsDigit(c) && !minus) {
      // A run of text up to the next digit or space (UTF-8 continuation bytes are neither).
      const size_t j = TextRunEnd(cell, i + 1);
      text.Append(i, j);
      text_since_number = true;
      i = j;
      continue;
    }
    // A run of digits, with thousands separators and one decimal point.
    size_t start = i;
    if (minus) ++i;
    PieceJoiner digits(cell, joined);
    bool decimal = false;
    while (i < n) {
      if (IsDigit(cell[i])) {
        digits.Append(i, i + 1);
        ++i;
      } else if (cell[i] == ',' && !decimal && !digits.empty() && i + 3 < n &&
                 IsDigit(cell[i + 1]) && IsDigit(cell[i + 2]) && IsDigit(cell[i + 3]) &&
                 (i + 4 >= n || !IsDigit(cell[i + 4]))) {
        ++i;  // thousands separator "1,234"
      } else if (cell[i] == '.' && !decimal && i + 1 < n && IsDigit(cell[i + 1])) {
        decimal = true;
        digits.Append(i, i + 1);
        ++i;
      } else {
        break;
      }
    }
    // "6.属于…" or "1、总体…": the last digit is the next label's ordinal, not a value.
    bool ordinal_follows = !decimal && i < n &&
                           ((cell[i] == '.' && (i + 1 >= n || !IsDigit(cell[i + 1]))) ||
                            StartsWithDunhao(cell.substr(i)));
    if (ordinal_follows) {
      if (digits.size() <= 1 || minus) {
        text.Append(start, i);
        text_since_number = true;
        continue;
      }
      // Give the last digit back to the text that follows.
      digits.RemoveLast();
      i -= 1;
    }
    bool had_text_before = text_since_number && !text.empty();
    flush_text();
    Token t;
    t.kind = TokenKind::kNumber;
    t.is_integer = !decimal;
    t.negative = minus;
    t.text = digits.Take();
    if (!decimal && t.text.size() <= 15) {
      int64_t v = 0;
      for (char d : t.text) v = v * 10 + (d - '0');
      t.value = static_cast<double>(v);
    } else {
      t.value = std::strtod(std::string(t.text).c_str(), nullptr);
    }
    if (minus) t.value = -t.value;
    t.glued = had_text_before || (i < n && !IsSpace(cell[i]));
    t.glued_to_label = had_text_before;
    t.line = line;
    t.cell = cell_index;
    out->push_back(t);
    text_since_number = false;
  }
  flush_text();
  if (out->size() == first + 1 && (*out)[first].kind == TokenKind::kNumber &&
      !(*out)[first].glued) {
    (*out)[first].pure_cell = true;
  }
}

SourceLocation Line::source() const {
  if (given) return *given;
  SourceLocation loc;
  loc.file = *file;
  loc.line = number;
  return loc;
}

std::vector<Line> SplitLines(std::string_view normalized, const std::string& file,
                             const std::vector<SourceLocation>& line_sources,
                             size_t expected_lines) {
  std::vector<Line> lines;
  lines.reserve(expected_lines);
  size_t start = 0;
  int number = 0;
  while (start <= normalized.size()) {
    size_t end = normalized.find('\n', start);
    if (end == std::string_view::npos) end = normalized.size();
    ++number;
    Line l;
    l.text = normalized.substr(start, end - start);
    if (static_cast<size_t>(number) <= line_sources.size()) {
      l.given = &line_sources[static_cast<size_t>(number - 1)];
    }
    l.file = &file;
    l.number = number;
    lines.push_back(l);
    if (end == normalized.size()) break;
    start = end + 1;
  }
  return lines;
}

std::vector<Token> Tokenize(const std::vector<Line>& lines, JoinedTexts* joined,
                            size_t expected_tokens) {
  std::vector<Token> tokens;
  tokens.reserve(std::max(expected_tokens, lines.size() * 2));
  std::vector<std::string_view> cells;
  for (size_t li = 0; li < lines.size(); ++li) {
    const std::string_view text = lines[li].text;
    if (text.empty() || IsMarkdownSeparator(text)) continue;
    SplitCells(text, &cells);
    size_t line_first = tokens.size();
    int numbers = 0;
    // A markdown row's cells are all deliberate, so even its leading empty cells may be values.
    const bool pipe_row = Trim(text).substr(0, 1) == "|";
    bool seen_content = pipe_row;
    for (size_t ci = 0; ci < cells.size(); ++ci) {
      int line_no = static_cast<int>(li + 1);
      if (cells[ci].empty()) {
        // On a delimited line an empty cell after the first non-empty one may be an absent
        // value; the assembler decides by the table's width. Leading empties of a tab-separated
        // line are layout (a label cell spanning columns).
        if (cells.size() > 1 && seen_content) {
          Token t;
          t.kind = TokenKind::kEmpty;
          t.line = line_no;
          t.cell = static_cast<int>(ci);
          tokens.push_back(std::move(t));
        }
        continue;
      }
      seen_content = true;
      size_t before = tokens.size();
      TokenizeCell(cells[ci], line_no, static_cast<int>(ci), &tokens, joined);
      for (size_t k = before; k < tokens.size(); ++k) {
        if (tokens[k].kind == TokenKind::kNumber) ++numbers;
      }
    }
    if (numbers == 0) {
      // Empty cells on a line without numbers (headers, label continuations) carry nothing.
      tokens.erase(std::remove_if(tokens.begin() + static_cast<ptrdiff_t>(line_first), tokens.end(),
                                  [](const Token& t) { return t.kind == TokenKind::kEmpty; }),
                   tokens.end());
    }
    bool delimited = cells.size() > 1;
    // A grid row with a number is a table row; a tab line needs two, since one-cell-per-line
    // text often starts each line with a tab ("\t0").
    bool row_line = delimited && (numbers >= 2 || (pipe_row && numbers >= 1));
    for (size_t k = line_first; k < tokens.size(); ++k) {
      tokens[k].delimited = delimited;
      tokens[k].row_line = row_line;
    }
  }
  return tokens;
}

}  // namespace gongkai::ingest_internal
