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

void Quiet(const std::string&, void*) {}

// poppler prints its complaints about damaged files to stderr unless told otherwise.
void SilencePoppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(Quiet, nullptr); });
}

struct Line {
  double top, bottom;
  std::vector<const PdfWord*> words;
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

std::string JoinLine(const Line& line) {
  std::vector<const PdfWord*> ws = line.words;
  std::stable_sort(ws.begin(), ws.end(), [](const PdfWord* a, const PdfWord* b) { return a->x0 < b->x0; });
  const double h = std::max(line.bottom - line.top, 1.0);
  std::string out;
  for (size_t i = 0; i < ws.size(); ++i) {
    if (i > 0) {
      double gap = ws[i]->x0 - ws[i - 1]->x1;
      if (gap > kColumnGap * h) {
        out.push_back('\t');
      } else if (ws[i - 1]->space_after || gap > 0.25 * h) {
        bool cjk = !out.empty() && IsNonAscii(out.back()) && !ws[i]->text.empty() &&
                   IsNonAscii(ws[i]->text.front());
        if (!cjk) out.push_back(' ');
      }
    }
    for (char c : ws[i]->text) out.push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
  }
  return out;
}

}  // namespace

void PdfPagesToLayout(const std::vector<PdfPage>& pages, LayoutText* out) {
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
    std::vector<Line> lines;
    for (const PdfWord* w : words) {
      double top = std::min(w->y0, w->y1), bottom = std::max(w->y0, w->y1);
      double center = (top + bottom) / 2;
      if (!lines.empty()) {
        Line& l = lines.back();
        // Same line when the word's middle lies within the line, or the line's within the word.
        double lc = (l.top + l.bottom) / 2;
        if ((center >= l.top && center <= l.bottom) || (lc >= top && lc <= bottom)) {
          l.top = std::min(l.top, top);
          l.bottom = std::max(l.bottom, bottom);
          l.words.push_back(w);
          continue;
        }
      }
      lines.push_back({top, bottom, {w}});
    }
    int line_no = 0;
    for (const Line& l : lines) {
      ++line_no;
      std::string text = JoinLine(l);
      bool in_margin = page.height > 0 && (l.bottom < page.height * kMarginShare ||
                                           l.top > page.height * (1 - kMarginShare));
      if (in_margin && IsPageNumber(text)) continue;
      SourceLocation s;
      s.page = static_cast<int>(p + 1);
      s.line = line_no;
      out->AddLine(text, s);
    }
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

StatusOr<ImportedReport> ImportPdf(std::string_view bytes, const std::string& name) {
  GONGKAI_ASSIGN_OR_RETURN(std::vector<PdfPage> pages, ExtractPdfWords(bytes, name));
  LayoutText layout(name);
  PdfPagesToLayout(pages, &layout);
  return FinishLayout(layout, name, "pdf", "UTF-8");
}

}  // namespace gongkai::ingest_internal
