#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <memory>
#include <mutex>

#include "importers.h"
#include "pdf_layout.h"

namespace gongkai::ingest_internal {
namespace {

// Share of the page height, at the top and at the bottom, where page numbers are looked for.
constexpr double kMarginShare = 0.08;
// How many lines above a band of table rows may hold its header.
constexpr size_t kHeaderLookBack = 8;
// A word in the values' area wider than this many line heights is a sentence: the header above
// a band of rows ends there (see HeaderColumns).
constexpr double kMaxHeaderWordHeights = 10.0;
// A header giving more columns than this is not a table header.
constexpr size_t kMaxHeaderColumns = 24;

void Quiet(const std::string&, void*) {}

// poppler prints its complaints about damaged files to stderr unless told otherwise.
void SilencePoppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(Quiet, nullptr); });
}

struct Line {
  double top, bottom;
  std::vector<const PdfWord*> words;  // sorted by x once the line is complete
  int page = 0;
};

// One cell of a line: words separated from the next cell by a column gap.
struct LineCell {
  double x0, x1;
  std::vector<const PdfWord*> words;
  bool numeric = false;
};

// A table column found from the numbers in it.
struct Column {
  double x0, x1, center;
};

bool IsPageNumber(std::string_view s) {
  // "3", "- 3 -", "—3—", "第3页", "3/10", "第 3 页 共 10 页"
  bool digit = false;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= '0' && c <= '9') {
      digit = true;
      ++i;
    } else if (c == ' ' || c == '-' || c == '/' || c == '\t') {
      ++i;
    } else if (s.substr(i, 3) == "第" || s.substr(i, 3) == "页" || s.substr(i, 3) == "共" ||
               s.substr(i, 3) == "—" || s.substr(i, 3) == "－") {
      i += 3;
    } else {
      return false;
    }
  }
  return digit;
}

// A whole number as a table prints it: "12", "1,234", "0.5", "-3".
bool IsNumberText(std::string_view s) {
  size_t i = s.starts_with("-") ? 1 : 0;
  bool digit = false, dot = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') digit = true;
    else if (c == '.' && !dot && digit) dot = true;
    else if (c == ',' && digit && !dot) continue;
    else return false;
  }
  return digit && s.back() != '.';
}

double Height(const Line& l) { return std::max(l.bottom - l.top, 1.0); }

// Appends words to `out`, with a space between words where the layout shows one (never
// between two CJK characters).
void AppendWords(const std::vector<const PdfWord*>& ws, double h, std::string* out) {
  for (size_t i = 0; i < ws.size(); ++i) {
    if (i > 0) {
      double gap = ws[i]->x0 - ws[i - 1]->x1;
      if (ws[i - 1]->space_after || gap > 0.25 * h) {
        bool cjk = !out->empty() && IsNonAscii(out->back()) && !ws[i]->text.empty() &&
                   IsNonAscii(ws[i]->text.front());
        if (!cjk) out->push_back(' ');
      }
    }
    for (char c : ws[i]->text) out->push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
  }
}

std::vector<LineCell> SplitCells(const Line& line) {
  std::vector<LineCell> cells;
  const double h = Height(line);
  const PdfWord* prev = nullptr;
  for (const PdfWord* w : line.words) {
    double gap = cells.empty() ? 0 : w->x0 - cells.back().x1;
    // Two numbers with any visible gap between them sit in two cells of a narrow table.
    bool numbers_apart = prev && (prev->space_after || gap > 0.1 * h) &&
                         IsNumberText(prev->text) && IsNumberText(w->text);
    prev = w;
    if (cells.empty() || gap > kColumnGap * h || numbers_apart) {
      cells.push_back({w->x0, w->x1, {}, false});
    }
    cells.back().words.push_back(w);
    cells.back().x1 = std::max(cells.back().x1, w->x1);
  }
  for (LineCell& c : cells) {
    std::string text;
    AppendWords(c.words, h, &text);
    c.numeric = IsNumberText(text);
  }
  return cells;
}

std::string JoinCells(const Line& line, const std::vector<LineCell>& cells) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out.push_back('\t');
    AppendWords(cells[i].words, Height(line), &out);
  }
  return out;
}

// Merges `c` into the last column of `out` when their extents overlap, else appends it. Cells of
// one column overlap whatever their alignment (a five-digit total right-aligned under a
// one-digit one); cells of neighbouring columns never do.
void AddOverlapping(const Column& c, std::vector<Column>* out) {
  if (!out->empty() && c.x0 <= out->back().x1) {
    out->back().x0 = std::min(out->back().x0, c.x0);
    out->back().x1 = std::max(out->back().x1, c.x1);
    out->back().center = (out->back().x0 + out->back().x1) / 2;
    return;
  }
  out->push_back(c);
}

// Columns of a band of table rows: the numeric cells, clustered where their extents overlap.
std::vector<Column> FindColumns(const std::vector<std::vector<LineCell>>& band) {
  std::vector<Column> spans;
  for (const auto& cells : band) {
    for (const LineCell& c : cells) {
      if (c.numeric) spans.push_back({c.x0, c.x1, (c.x0 + c.x1) / 2});
    }
  }
  std::sort(spans.begin(), spans.end(), [](const Column& a, const Column& b) { return a.x0 < b.x0; });
  std::vector<Column> out;
  for (const Column& s : spans) AddOverlapping(s, &out);
  return out;
}

// Where column k ends and column k + 1 begins: halfway across the gap between them.
std::vector<double> Boundaries(const std::vector<Column>& columns) {
  std::vector<double> b;
  for (size_t k = 0; k + 1 < columns.size(); ++k) {
    b.push_back(columns[k].x1 < columns[k + 1].x0 ? (columns[k].x1 + columns[k + 1].x0) / 2
                                                  : (columns[k].center + columns[k + 1].center) / 2);
  }
  return b;
}

// The column whose share of the line (between its boundaries) holds x.
size_t ColumnAt(const std::vector<double>& boundaries, double x) {
  return static_cast<size_t>(std::upper_bound(boundaries.begin(), boundaries.end(), x) -
                             boundaries.begin());
}

// Columns from the header above a band: the words right of the band's labels, on the lines
// between the previous band and this one, up to a text line that crosses from the labels into
// the values or holds a sentence (a heading or a paragraph). The lines are read bottom-up, so the most detailed
// header row comes first: a word overlapping one column found so far is a wrapped part of it
// ("法律服务" over "机构"), a word overlapping several spans them ("法人或其他组织") and is left
// out, any other word starts a column (a heading spanning rows, like 总计). Returns nothing when
// the header does not explain every column found from the numbers, or holds words run together
// across cells (a column over the centres of two numeric columns).
std::vector<Column> HeaderColumns(const std::vector<Line>& lines, size_t from, size_t band,
                                  double left, double h, const std::vector<Column>& numeric) {
  const double tol = 0.5 * h;
  std::vector<Column> out;
  for (size_t k = band; k > from && k + kHeaderLookBack > band; --k) {
    const Line& l = lines[k - 1];
    bool crosses = false;
    for (const PdfWord* w : l.words) {
      crosses = crosses || (w->x0 < left - 3 * tol && w->x1 > left + tol) ||
                ((w->x0 + w->x1) / 2 >= left - tol && w->x1 - w->x0 > kMaxHeaderWordHeights * h);
    }
    if (crosses) break;  // a heading or a paragraph, not a header row
    std::vector<Column> added;
    for (const PdfWord* w : l.words) {
      const Column word{w->x0, w->x1, (w->x0 + w->x1) / 2};
      if (word.center < left - tol) continue;
      std::vector<size_t> over;
      for (size_t c = 0; c < out.size(); ++c) {
        if (word.x0 < out[c].x1 && word.x1 > out[c].x0) over.push_back(c);
      }
      if (over.size() == 1) {
        out[over[0]].x0 = std::min(out[over[0]].x0, word.x0);
        out[over[0]].x1 = std::max(out[over[0]].x1, word.x1);
      } else if (over.empty()) {
        added.push_back(word);
      }
    }
    out.insert(out.end(), added.begin(), added.end());
    std::sort(out.begin(), out.end(), [](const Column& a, const Column& b) { return a.x0 < b.x0; });
  }
  if (out.size() < numeric.size() || out.size() < 2 || out.size() > kMaxHeaderColumns) return {};
  for (Column& c : out) c.center = (c.x0 + c.x1) / 2;
  for (size_t c = 0; c + 1 < out.size(); ++c) {
    if (out[c].x1 > out[c + 1].x0) return {};  // header words of two columns overlap
  }
  // Every numeric column in a header column of its own, and no header word over two of them.
  const std::vector<double> bounds = Boundaries(out);
  std::vector<bool> used(out.size(), false);
  for (const Column& n : numeric) {
    size_t k = ColumnAt(bounds, n.center);
    if (used[k]) return {};
    used[k] = true;
  }
  for (const Column& c : out) {
    int centres = 0;
    for (const Column& n : numeric) centres += n.center > c.x0 && n.center < c.x1;
    if (centres >= 2) return {};
  }
  return out;
}

// A table row rebuilt on the band's columns: its label, then one cell per column (empty where
// the row has nothing), so that empty cells keep their place. A word belongs to the column whose
// share of the line (halfway to the neighbouring columns) holds its centre.
// The label cells of a row whose label wraps over several lines: the words clustered into label
// columns by their extents, each column read line by line, columns separated by a TAB.
std::string WrappedLabel(std::vector<const PdfWord*> words, double h) {
  std::sort(words.begin(), words.end(), [](const PdfWord* a, const PdfWord* b) { return a->x0 < b->x0; });
  std::vector<Column> columns;
  std::vector<std::vector<const PdfWord*>> members;
  for (const PdfWord* w : words) {
    const size_t before = columns.size();
    AddOverlapping({w->x0, w->x1, (w->x0 + w->x1) / 2}, &columns);
    if (columns.size() > before) members.emplace_back();
    members.back().push_back(w);
  }
  std::string out;
  for (auto& col : members) {
    std::stable_sort(col.begin(), col.end(), [](const PdfWord* a, const PdfWord* b) {
      return a->y0 + a->y1 < b->y0 + b->y1;
    });
    if (!out.empty()) out.push_back('\t');
    AppendWords(col, h, &out);
  }
  return out;
}

// True if a word lies in the label area, left of a band's first column: a number clear of it, or
// text ending before it (a label wrapped close to the values in a narrow table may touch it).
bool InLabelArea(const PdfWord* w, const Column& first, double tol) {
  return w->x1 < first.x0 - tol || (!IsNumberText(w->text) && w->x1 < first.x0 + tol);
}

// `extra_label` holds the words of label lines that wrap above and below the row's own line.
std::string JoinOnColumns(const Line& line, const std::vector<Column>& columns,
                          const std::vector<const PdfWord*>& extra_label) {
  const double h = Height(line);
  const double tol = 0.5 * h;
  const std::vector<double> bounds = Boundaries(columns);
  std::vector<const PdfWord*> label;
  std::vector<std::vector<const PdfWord*>> slots(columns.size());
  for (const PdfWord* w : line.words) {
    if (InLabelArea(w, columns.front(), tol)) {
      label.push_back(w);
      continue;
    }
    slots[ColumnAt(bounds, (w->x0 + w->x1) / 2)].push_back(w);
  }
  std::string out;
  if (extra_label.empty()) {
    Line label_line = line;
    label_line.words = label;
    out = JoinCells(label_line, SplitCells(label_line));
  } else {
    label.insert(label.end(), extra_label.begin(), extra_label.end());
    out = WrappedLabel(std::move(label), h);
  }
  for (const auto& slot : slots) {
    out.push_back('\t');
    AppendWords(slot, h, &out);
  }
  return out;
}

}  // namespace

void PdfPagesToLayout(const std::vector<PdfPage>& pages, LayoutText* out) {
  std::vector<Line> lines;
  for (size_t p = 0; p < pages.size(); ++p) {
    const PdfPage& page = pages[p];
    std::vector<const PdfWord*> words;
    words.reserve(page.words.size());
    for (const PdfWord& w : page.words) {
      if (!w.text.empty() && std::isfinite(w.y0) && std::isfinite(w.y1) && std::isfinite(w.x0) &&
          std::isfinite(w.x1)) {
        words.push_back(&w);
      }
    }
    std::stable_sort(words.begin(), words.end(), [](const PdfWord* a, const PdfWord* b) {
      return a->y0 + a->y1 < b->y0 + b->y1;
    });
    std::vector<Line> page_lines;
    for (const PdfWord* w : words) {
      double top = std::min(w->y0, w->y1), bottom = std::max(w->y0, w->y1);
      double center = (top + bottom) / 2;
      if (!page_lines.empty()) {
        Line& l = page_lines.back();
        // Same line when the word's middle lies within the line, or the line's within the word.
        double lc = (l.top + l.bottom) / 2;
        if ((center >= l.top && center <= l.bottom) || (lc >= top && lc <= bottom)) {
          l.top = std::min(l.top, top);
          l.bottom = std::max(l.bottom, bottom);
          l.words.push_back(w);
          continue;
        }
      }
      page_lines.push_back({top, bottom, {w}, static_cast<int>(p + 1)});
    }
    for (Line& l : page_lines) {
      std::stable_sort(l.words.begin(), l.words.end(),
                       [](const PdfWord* a, const PdfWord* b) { return a->x0 < b->x0; });
      bool in_margin = page.height > 0 && (l.bottom < page.height * kMarginShare ||
                                           l.top > page.height * (1 - kMarginShare));
      if (in_margin) {
        std::string text;
        AppendWords(l.words, Height(l), &text);
        if (IsPageNumber(text)) continue;
      }
      lines.push_back(std::move(l));
    }
  }
  std::vector<std::vector<LineCell>> cells(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) cells[i] = SplitCells(lines[i]);
  std::vector<std::string> texts(lines.size());
  // Bands of table rows: lines with a number in a cell of its own, and the short label lines
  // between them; a text line reaching into the numbers' columns (a header) ends the band.
  size_t i = 0;
  size_t header_from = 0;  // the first line after the previous band
  while (i < lines.size()) {
    auto numeric_x0 = [&](size_t k) {
      double x = 1e300;
      for (const LineCell& c : cells[k])
        if (c.numeric && (&c != &cells[k].front() || cells[k].size() > 1)) x = std::min(x, c.x0);
      return x;
    };
    if (numeric_x0(i) == 1e300) {
      texts[i] = JoinCells(lines[i], cells[i]);
      ++i;
      continue;
    }
    size_t end = i;
    double left = numeric_x0(i);
    std::vector<size_t> rows;
    while (end < lines.size()) {
      double x = numeric_x0(end);
      if (x == 1e300 && cells[end].size() == 1 && cells[end][0].numeric &&
          cells[end][0].x0 >= left - 0.5 * Height(lines[end])) {
        x = cells[end][0].x0;  // a row whose only value sits on a line of its own
      }
      if (x != 1e300) {
        left = std::min(left, x);
        rows.push_back(end);
      } else if (lines[end].words.back()->x1 > left - 0.5 * Height(lines[end])) {
        break;
      }
      ++end;
    }
    std::vector<std::vector<LineCell>> band;
    double h = 0;
    for (size_t r : rows) {
      band.push_back(cells[r]);
      h = std::max(h, Height(lines[r]));
    }
    std::vector<Column> columns = FindColumns(band);
    // A column empty in every row is only known from the header.
    std::vector<Column> header = HeaderColumns(lines, header_from, i, left, h, columns);
    if (!header.empty()) columns = std::move(header);
    // Lines holding only label text belong to the row whose values are nearest: a label that
    // wraps is centred on its row, so its lines sit above and below the row's values.
    std::vector<std::vector<const PdfWord*>> extra(lines.size());
    std::vector<bool> absorbed(lines.size(), false);
    if (columns.size() >= 2 && !rows.empty()) {
      const double tol = 0.5 * h;
      auto middle = [&](size_t k) { return (lines[k].top + lines[k].bottom) / 2; };
      for (size_t k = i; k < end; ++k) {
        if (std::find(rows.begin(), rows.end(), k) != rows.end()) continue;
        bool label_only = std::all_of(lines[k].words.begin(), lines[k].words.end(),
                                      [&](const PdfWord* w) { return InLabelArea(w, columns.front(), tol); });
        if (!label_only) continue;
        size_t best = rows.front();
        for (size_t r : rows) {
          // On a tie the row below wins: text above a row's values starts its label.
          if (std::abs(middle(r) - middle(k)) < std::abs(middle(best) - middle(k)) ||
              (std::abs(middle(r) - middle(k)) == std::abs(middle(best) - middle(k)) && r > best)) {
            best = r;
          }
        }
        if (lines[best].page != lines[k].page) continue;
        extra[best].insert(extra[best].end(), lines[k].words.begin(), lines[k].words.end());
        absorbed[k] = true;
      }
    }
    for (size_t k = i; k < end; ++k) {
      bool row = std::find(rows.begin(), rows.end(), k) != rows.end();
      if (absorbed[k]) continue;  // its words are in its row's label
      texts[k] = row && columns.size() >= 2 ? JoinOnColumns(lines[k], columns, extra[k])
                                            : JoinCells(lines[k], cells[k]);
    }
    i = end;
    header_from = end;
  }
  for (size_t k = 0; k < lines.size(); ++k) {
    SourceLocation s;
    s.page = lines[k].page;  // the page only, as report.h says for PDF
    out->AddLine(texts[k], s);
  }
}

StatusOr<std::vector<PdfPage>> ExtractPdfWords(std::string_view bytes, const std::string& name) {
  SilencePoppler();
  if (bytes.size() > static_cast<size_t>(INT_MAX)) {
    return ResourceExhaustedError(name + ": PDF 过大 (PDF too large)");
  }
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) return DataLossError(name + ": PDF 已损坏，无法打开 (cannot open the PDF)");
  if (doc->is_locked()) {
    return FailedPreconditionError(name + ": PDF 已加密，无法读取 (encrypted PDF)");
  }
  const int pages = doc->pages();
  if (pages <= 0) return DataLossError(name + ": PDF 没有页面 (PDF has no pages)");
  if (pages > kMaxPdfPages) {
    return ResourceExhaustedError(name + ": PDF 页数过多（" + std::to_string(pages) + "，上限 " +
                                  std::to_string(kMaxPdfPages) + "） (too many pages)");
  }
  std::vector<PdfPage> out;
  out.reserve(static_cast<size_t>(pages));
  size_t total = 0;
  for (int i = 0; i < pages; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    PdfPage pg;
    if (!page) {
      out.push_back(std::move(pg));
      continue;
    }
    poppler::rectf rect = page->page_rect();
    pg.width = rect.width();
    pg.height = rect.height();
    std::vector<poppler::text_box> boxes = page->text_list();
    total += boxes.size();
    if (total > kMaxPdfTextBoxes) {
      return ResourceExhaustedError(name + ": PDF 文字块过多（超过 " +
                                    std::to_string(kMaxPdfTextBoxes) + "） (too many text boxes)");
    }
    pg.words.reserve(boxes.size());
    for (const poppler::text_box& b : boxes) {
      poppler::byte_array utf8 = b.text().to_utf8();
      PdfWord w;
      w.text.assign(utf8.begin(), utf8.end());
      poppler::rectf r = b.bbox();
      w.x0 = r.left();
      w.x1 = r.right();
      w.y0 = r.top();
      w.y1 = r.bottom();
      w.space_after = b.has_space_after();
      pg.words.push_back(std::move(w));
    }
    out.push_back(std::move(pg));
  }
  if (total == 0) {
    return FailedPreconditionError(name +
                                   ": PDF 没有文字层（可能是扫描件），请先进行文字识别 (no text "
                                   "layer: a scanned PDF? run OCR first)");
  }
  return out;
}

// Memory: poppler's document (its own, not bounded by us beyond kMaxReportBytes of input), the
// text boxes of every page (<= kMaxPdfTextBoxes words, counted page by page before they are
// kept) and the layout text with ImportLayoutText's bound.
StatusOr<ImportedReport> ImportPdf(std::string_view bytes, const std::string& name) {
  GONGKAI_ASSIGN_OR_RETURN(std::vector<PdfPage> pages, ExtractPdfWords(bytes, name));
  LayoutText layout(name);
  PdfPagesToLayout(pages, &layout);
  return FinishLayout(layout, name, "pdf", "UTF-8");
}

}  // namespace gongkai::ingest_internal
