#include "layout.h"

#include <algorithm>

namespace gongkai::ingest_internal {
namespace {

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// True for text made only of digits, separators and spaces (a value, not a label).
bool IsNumeric(std::string_view s) {
  bool digit = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') digit = true;
    else if (c != '.' && c != ',' && c != '-' && c != ' ') return false;
  }
  return digit;
}

}  // namespace

void TextRun::Append(std::string_view text) {
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    char c = text[i];
    size_t len = 1;
    bool space = IsAsciiSpace(c);
    if (c == '\xC2' && i + 1 < n && text[i + 1] == '\xA0') {  // U+00A0 no-break space
      space = true;
      len = 2;
    }
    if (space) {
      if (!text_.empty()) pending_space_ = true;
      i += len;
      continue;
    }
    if (!text_.empty()) {
      char last = text_.back();
      if (pending_space_) {
        if (!(IsNonAscii(last) && IsNonAscii(c))) text_.push_back(' ');
      } else if (pending_soft_) {
        if (IsAsciiAlnum(last) && IsAsciiAlnum(c)) text_.push_back(' ');
      }
    }
    pending_space_ = false;
    pending_soft_ = false;
    text_.push_back(c);
    ++i;
  }
}

void TextRun::SoftBreak() {
  if (!text_.empty() && !pending_space_) pending_soft_ = true;
}

std::string TextRun::Take() {
  std::string out = std::move(text_);
  text_.clear();
  pending_space_ = false;
  pending_soft_ = false;
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

void GridBuilder::StartRow() {
  rows_.emplace_back();
  if (taken_.size() < rows_.size()) taken_.resize(rows_.size());
}

void GridBuilder::AddCell(std::string text, int rowspan, int colspan, int rows_left) {
  if (rows_.empty()) StartRow();
  const size_t r = rows_.size() - 1;
  rowspan = std::max(rowspan, 1);
  colspan = std::clamp(colspan, 1, kMaxColumns);
  if (rows_left > 0) rowspan = std::min(rowspan, rows_left);
  std::vector<std::string>& row = rows_[r];
  // First column not covered by an earlier rowspan.
  size_t c = row.size();
  while (c < taken_[r].size() && taken_[r][c]) ++c;
  if (c >= static_cast<size_t>(kMaxColumns)) return;
  colspan = std::min(colspan, kMaxColumns - static_cast<int>(c));
  const size_t cover = static_cast<size_t>(rowspan) * static_cast<size_t>(colspan);
  if (cells_ + cover > kMaxCells) return;
  cells_ += cover;
  if (taken_.size() < r + static_cast<size_t>(rowspan)) taken_.resize(r + static_cast<size_t>(rowspan));
  for (size_t rr = r; rr < r + static_cast<size_t>(rowspan); ++rr) {
    std::vector<bool>& t = taken_[rr];
    if (t.size() < c + static_cast<size_t>(colspan)) t.resize(c + static_cast<size_t>(colspan), false);
    for (size_t cc = c; cc < c + static_cast<size_t>(colspan); ++cc) t[cc] = true;
  }
  if (row.size() < c + static_cast<size_t>(colspan)) row.resize(c + static_cast<size_t>(colspan));
  // A label spanning columns fills them all, so that an empty cell after it is an absent value
  // and not the rest of the label. A number spanning columns is one value and stays once.
  if (colspan > 1 && !IsNumeric(text)) {
    for (size_t cc = c + 1; cc < c + static_cast<size_t>(colspan); ++cc) row[cc] = text;
  }
  row[c] = std::move(text);
}

std::vector<std::vector<std::string>> GridBuilder::Finish() {
  size_t width = 0;
  for (size_t r = 0; r < rows_.size(); ++r) {
    width = std::max(width, rows_[r].size());
    if (r < taken_.size()) width = std::max(width, taken_[r].size());
  }
  for (auto& row : rows_) row.resize(width);
  std::vector<std::vector<std::string>> out = std::move(rows_);
  rows_.clear();
  taken_.clear();
  cells_ = 0;
  return out;
}

void LayoutText::AddLine(std::string_view text, SourceLocation source) {
  // Tabs are kept: a leading or trailing empty cell is part of a table row.
  size_t b = 0, e = text.size();
  while (b < e && text[b] == ' ') ++b;
  while (e > b && text[e - 1] == ' ') --e;
  if (text.substr(b, e - b).find_first_not_of(" \t\r\n") == std::string_view::npos) return;
  for (char c : text.substr(b, e - b)) text_.push_back(c == '\n' || c == '\r' ? ' ' : c);
  text_.push_back('\n');
  if (source.file.empty()) source.file = file_;
  sources_.push_back(std::move(source));
}

void LayoutText::AddTable(const std::vector<std::vector<std::string>>& rows,
                          SourceLocation source, const std::vector<int>* row_lines) {
  if (source.file.empty()) source.file = file_;
  for (size_t r = 0; r < rows.size(); ++r) {
    bool any = false;
    for (const std::string& cell : rows[r]) any = any || !cell.empty();
    if (!any) continue;
    // A pipe row: every cell of a rebuilt grid is deliberate, so an empty one (even the first)
    // may be an absent value; the table logic trims what exceeds the form's width.
    text_.push_back('|');
    for (const std::string& cell : rows[r]) {
      text_.push_back(' ');
      for (char ch : cell) {
        if (ch == '|') text_.append("\xC2\xA6");  // U+00A6, so the cell stays one cell
        else text_.push_back(ch == '\n' || ch == '\r' || ch == '\t' ? ' ' : ch);
      }
      text_.append(" |");
    }
    text_.push_back('\n');
    SourceLocation s = source;
    s.row = static_cast<int>(r);
    if (row_lines && r < row_lines->size()) s.line = (*row_lines)[r];
    sources_.push_back(std::move(s));
  }
}

}  // namespace gongkai::ingest_internal
