// The PDF renderer, and the visual check of the whole chain: seed 001 → DOCX → LibreOffice →
// PDF, rasterised to PNG (kept in the build directory under render_artifacts/ for people to
// look at), with the table grid asserted on the PDF's own text positions (pdftotext -bbox):
// every table-3 row label sits on the line of its 7 numbers, and each number stands under its
// column heading. One LibreOffice conversion in all (a few seconds).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

#include <unistd.h>

#include "gongkai/importer.h"
#include "gongkai/render.h"
#include "narrative.h"
#include "render_test_util.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;

struct Word {
  int page = 0;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  std::string text;
  double cx() const { return (x0 + x1) / 2; }
  double cy() const { return (y0 + y1) / 2; }
  bool number() const {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  }
};

double AttrNumber(const std::string& line, const std::string& name) {
  size_t p = line.find(name + "=\"");
  return p == std::string::npos ? 0 : std::strtod(line.c_str() + p + name.size() + 2, nullptr);
}

std::string Unescape(std::string s) {
  for (auto [from, to] : {std::pair<std::string, std::string>{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""},
                          {"&#39;", "'"}, {"&amp;", "&"}}) {
    for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
  }
  return s;
}

// Words of `pdftotext -bbox` output, in the order of the output.
std::vector<Word> ReadWords(const std::string& html) {
  std::vector<Word> words;
  std::istringstream in(html);
  std::string line;
  int page = 0;
  while (std::getline(in, line)) {
    if (line.find("<page ") != std::string::npos) ++page;
    size_t w = line.find("<word ");
    if (w == std::string::npos) continue;
    size_t open = line.find('>', w), close = line.find("</word>");
    if (open == std::string::npos || close == std::string::npos) continue;
    Word word;
    word.page = page;
    word.x0 = AttrNumber(line, "xMin");
    word.y0 = AttrNumber(line, "yMin");
    word.x1 = AttrNumber(line, "xMax");
    word.y1 = AttrNumber(line, "yMax");
    word.text = Unescape(line.substr(open + 1, close - open - 1));
    words.push_back(std::move(word));
  }
  return words;
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

int RunCommand(const std::string& command) { return std::system(command.c_str()); }

TEST(PdfRendererTest, MissingLibreOfficeIsAClearError) {
  RenderOptions options;
  options.soffice = "/nonexistent/soffice";
  StatusOr<std::string> pdf = RenderReport(AnnualReport{}, RenderFormat::kPdf, options);
  ASSERT_FALSE(pdf.ok());
  EXPECT_EQ(pdf.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(pdf.status().message().find("LibreOffice"), std::string::npos);
}

// Page geometry of the DOCX (points): the body lies between these, the page number below.
constexpr double kBodyTop = 2098 / 20.0, kBodyBottom = 841.89 - 1984 / 20.0;
constexpr double kRightEdge = 595.3 - 1474 / 20.0;

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// `s` without white space, Unicode spaces included (U+00A0, U+2000..U+200B, U+3000), which
// pdftotext takes for word breaks.
std::string WithoutSpace(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (s.substr(i, 2) == "\xC2\xA0" || s.substr(i, 3) == "\xE3\x80\x80") {
      i += s[i] == '\xC2' ? 1 : 2;
      continue;
    }
    if (s.substr(i, 2) == "\xE2\x80" && i + 2 < s.size() && static_cast<unsigned char>(s[i + 2]) <= 0x8B) {
      i += 2;
      continue;
    }
    out.push_back(s[i]);
  }
  return out;
}

// One rendered PDF, its words, and pictures of its pages kept under render_artifacts/.
struct RenderedPdf {
  std::vector<Word> words;  // body words (no page numbers), in pdftotext's reading order
  int pages = 0;
};

RenderedPdf Inspect(const std::string& pdf, const std::string& name) {
  const fs::path dir = fs::absolute("render_artifacts");
  fs::create_directories(dir);
  const std::string pdf_path = (dir / (name + ".pdf")).string();
  std::ofstream(pdf_path, std::ios::binary) << pdf;
  const std::string bbox_path = (dir / (name + ".bbox.html")).string();
  EXPECT_EQ(RunCommand("pdftotext -bbox '" + pdf_path + "' '" + bbox_path + "'"), 0);
  EXPECT_EQ(RunCommand("pdftoppm -png -r 50 '" + pdf_path + "' '" + (dir / (name + "-page")).string() + "'"), 0);
  RenderedPdf out;
  for (Word& w : ReadWords(ReadText(bbox_path))) {
    out.pages = std::max(out.pages, w.page);
    if (w.y0 < kBodyBottom) out.words.push_back(std::move(w));
  }
  return out;
}

// The lines of one page, top to bottom: words grouped by their vertical centre.
std::vector<std::vector<Word>> Lines(const RenderedPdf& pdf, int page) {
  std::vector<Word> words;
  for (const Word& w : pdf.words)
    if (w.page == page) words.push_back(w);
  std::stable_sort(words.begin(), words.end(), [](const Word& a, const Word& b) { return a.cy() < b.cy(); });
  std::vector<std::vector<Word>> lines;
  for (const Word& w : words) {
    if (lines.empty() || std::fabs(lines.back().front().cy() - w.cy()) > 4) lines.emplace_back();
    lines.back().push_back(w);
  }
  for (auto& line : lines)
    std::sort(line.begin(), line.end(), [](const Word& a, const Word& b) { return a.x0 < b.x0; });
  return lines;
}

std::string LineText(const std::vector<Word>& line) {
  std::string out;
  for (const Word& w : line) out += w.text;
  return out;
}

// The layout properties every rendered report must have (issue 15), checked on the PDF.
void ExpectPublishableLayout(const AnnualReport& report, const RenderedPdf& pdf, const std::string& name) {
  ASSERT_GT(pdf.pages, 0) << name;
  // No page less than a quarter full, except the last.
  for (int page = 1; page < pdf.pages; ++page) {
    double bottom = kBodyTop;
    for (const Word& w : pdf.words)
      if (w.page == page) bottom = std::max(bottom, w.y1);
    EXPECT_GE((bottom - kBodyTop) / (kBodyBottom - kBodyTop), 0.25) << name << ": page " << page << " nearly blank";
  }
  // No section heading alone at the foot of a page: some body text follows it on its page.
  for (int s = 0; s < kSectionCount; ++s) {
    const std::string title(SectionTitle(s));
    bool found = false;
    for (int page = 1; page <= pdf.pages && !found; ++page) {
      std::vector<std::vector<Word>> lines = Lines(pdf, page);
      for (size_t l = 0; l < lines.size(); ++l) {
        if (LineText(lines[l]) != title) continue;
        found = true;
        EXPECT_LT(l + 1, lines.size()) << name << ": heading " << title << " alone at the foot of page " << page;
      }
    }
    EXPECT_TRUE(found) << name << ": heading " << title << " not found on a line of its own";
  }
  // The title: its lines as TitleLines breaks it (never inside a word), at the top of page 1.
  std::vector<std::string> title;
  for (const auto& line : Lines(pdf, 1)) {
    if (line.front().y1 - line.front().y0 < 25) break;  // body text (16 pt) after the 22 pt title
    title.push_back(LineText(line));
  }
  EXPECT_EQ(title, render_internal::TitleLines(report)) << name;
  // Every character of the model's text, in order, paragraph by paragraph.
  std::string text;
  for (const Word& w : pdf.words) text += w.text;
  std::vector<std::string> paragraphs = render_internal::PreambleParagraphs(report);
  for (int s = 0; s < kSectionCount; ++s) {
    for (std::string& p : render_internal::SectionParagraphs(report, s)) paragraphs.push_back(std::move(p));
  }
  for (std::string& p : render_internal::SignatureLines(report)) paragraphs.push_back(std::move(p));
  for (const std::string& p : paragraphs) {
    const std::string want = WithoutSpace(p);
    if (text.find(want) != std::string::npos) continue;
    size_t k = want.size();
    while (k > 0 && text.find(want.substr(0, k)) == std::string::npos) --k;
    ADD_FAILURE() << name << ": text lost after “" << want.substr(k > 30 ? k - 30 : 0, std::min<size_t>(k, 30))
                  << "”, the model continues “" << want.substr(k, 30) << "”";
  }
  EXPECT_EQ(text.find("[bookmark:"), std::string::npos) << name;
  if (!report.generated_from_ledger) {
    EXPECT_EQ(text.find("自动生成"), std::string::npos) << name << ": generated text in an office's report";
  }
}

TEST(PdfRendererTest, ReportsArePublishable) {
  std::vector<std::pair<std::string, AnnualReport>> reports = {
      {"seed000", render_test::ImportOrDie(render_test::SeedDir() + "/000_6208f52ea13da654.txt")},
      {"seed001", render_test::ImportOrDie(render_test::SeedDir() + "/001_295a9685f4c126e8.txt")},
      {"shuyang", render_test::ImportOrDie(std::string(GONGKAI_SHARED_DIR) + "/corpus/shuyang-fgj-2023.html")},
      {"ledger", render_test::NumberedReport()},
  };
  reports.back().second.generated_from_ledger = true;
  std::vector<AnnualReport> models;
  for (const auto& r : reports) models.push_back(r.second);
  std::vector<StatusOr<std::string>> pdfs = RenderReports(models, RenderFormat::kPdf);
  ASSERT_EQ(pdfs.size(), reports.size());
  for (size_t i = 0; i < reports.size(); ++i) {
    ASSERT_TRUE(pdfs[i].ok()) << reports[i].first << ": " << pdfs[i].status().message();
    RenderedPdf pdf = Inspect(*pdfs[i], "publishable-" + reports[i].first);
    ExpectPublishableLayout(reports[i].second, pdf, reports[i].first);
    if (reports[i].first == "shuyang") {  // the 落款: right-aligned, like the source
      std::vector<std::string> signature = render_internal::SignatureLines(reports[i].second);
      ASSERT_EQ(signature.size(), 2u);
      auto lines = Lines(pdf, pdf.pages);
      ASSERT_GE(lines.size(), 2u);
      const auto& date = lines.back();
      EXPECT_EQ(LineText(date), signature[1]);
      EXPECT_GT(date.front().x0, 300) << "the date is not right-aligned";
      EXPECT_NEAR(date.back().x1, kRightEdge - 32, 6);
      EXPECT_NEAR(lines[lines.size() - 2].back().x1, kRightEdge - 32, 6);
    }
  }
}

// Processes (other than this one) whose command line mentions `text`.
std::vector<std::string> ProcessesMentioning(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator("/proc")) {
    const std::string pid = e.path().filename().string();
    if (pid.find_first_not_of("0123456789") != std::string::npos || pid == std::to_string(getpid())) continue;
    std::ifstream in(e.path() / "cmdline", std::ios::binary);
    std::string cmdline((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (char& c : cmdline)
      if (c == '\0') c = ' ';
    if (cmdline.find(text) != std::string::npos) out.push_back(pid + ": " + cmdline);
  }
  return out;
}

TEST(PdfRendererTest, ABatchIsOneConversionAndLeavesNoProcessBehind) {
  const fs::path base = fs::absolute("pdf_batch_tmp");
  fs::remove_all(base);
  fs::create_directories(base);
  RenderOptions options;
  options.temp_dir = base.string();
  AnnualReport a = render_test::NumberedReport();
  // Characters XML forbids in the name must not break the conversion (issue 8).
  a.agency = "测试\xEF\xBF\xBE市\x01人民\xEF\xBF\xBF政府\x1B办公室";
  AnnualReport b = render_test::ImportOrDie(render_test::SeedDir() + "/004_4adde12ab8e15d65.txt");
  std::vector<StatusOr<std::string>> pdfs = RenderReports({a, b}, RenderFormat::kPdf, options);
  ASSERT_EQ(pdfs.size(), 2u);
  for (const auto& pdf : pdfs) {
    ASSERT_TRUE(pdf.ok()) << pdf.status().message();
    EXPECT_EQ(pdf->substr(0, 5), "%PDF-");
  }
  // Each PDF is its own report, in order.
  StatusOr<ImportedReport> back_a = ImportReportBytes(*pdfs[0], "a.pdf");
  StatusOr<ImportedReport> back_b = ImportReportBytes(*pdfs[1], "b.pdf");
  ASSERT_TRUE(back_a.ok() && back_b.ok());
  EXPECT_EQ(back_a->report.agency, "测试市人民政府办公室");
  EXPECT_EQ(back_b->report.agency, b.agency);
  // Nothing LibreOffice started (soffice.bin, oosplash, a gpg-agent) still runs, and the
  // temporary directory is gone.
  EXPECT_EQ(ProcessesMentioning(base.string()), std::vector<std::string>{});
  EXPECT_TRUE(fs::is_empty(base));
}

TEST(PdfRendererTest, SubstitutedFontsAreTheClosestInstalled) {
  // A font fontconfig does not list must be named as substituted.
  std::vector<FontSubstitution> substitutions = PdfFontSubstitutions();
  FILE* list = popen("fc-list ':family=黑体' family", "r");
  ASSERT_NE(list, nullptr);
  char buf[256];
  const bool has_heiti = std::fgets(buf, sizeof buf, list) != nullptr;
  pclose(list);
  const bool reported = std::any_of(substitutions.begin(), substitutions.end(),
                                    [](const FontSubstitution& f) { return f.requested == "黑体"; });
  EXPECT_EQ(reported, !has_heiti);
  for (const FontSubstitution& f : PdfFontSubstitutions()) {
    EXPECT_FALSE(f.used.empty()) << f.requested;
    if (f.requested == "黑体") {
      EXPECT_NE(f.used.find("Sans"), std::string::npos) << f.used;
    } else {
      EXPECT_NE(f.used.find("Serif"), std::string::npos) << f.requested << " -> " << f.used;
    }
    EXPECT_NE(f.used.find("CJK"), std::string::npos) << f.requested << " -> " << f.used;
  }
}

TEST(PdfRendererTest, Seed001LooksLikeTheOfficialForm) {
  AnnualReport report = render_test::ImportOrDie(render_test::SeedDir() + "/001_295a9685f4c126e8.txt");
  StatusOr<std::string> pdf = RenderReport(report, RenderFormat::kPdf);
  ASSERT_TRUE(pdf.ok()) << pdf.status().message();
  ASSERT_EQ(pdf->substr(0, 5), "%PDF-");

  // Artefacts for people: the PDF and PNGs of its pages up to the end of table 3.
  const fs::path dir = fs::absolute("render_artifacts");
  fs::create_directories(dir);
  const std::string pdf_path = (dir / "seed001.pdf").string();
  {
    std::ofstream out(pdf_path, std::ios::binary);
    out.write(pdf->data(), static_cast<std::streamsize>(pdf->size()));
  }
  const std::string bbox_path = (dir / "seed001.bbox.html").string();
  ASSERT_EQ(RunCommand("pdftotext -bbox '" + pdf_path + "' '" + bbox_path + "'"), 0);
  StatusOr<std::string> bbox = [&]() -> StatusOr<std::string> {
    std::ifstream in(bbox_path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }();
  std::vector<Word> words = ReadWords(*bbox);
  ASSERT_FALSE(words.empty());
  // Reading order (the content stream need not be): by page, then top to bottom, left to right.
  std::stable_sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
    return std::tie(a.page, a.y0, a.x0) < std::tie(b.page, b.y0, b.x0);
  });

  // Table 3: each row label, in order, then the numbers on its line.
  size_t from = 0;
  std::vector<size_t> label_at;
  for (int row = 0; row < kT3Rows; ++row) {
    std::string label(T3RowLabel(row));
    size_t found = words.size();
    for (size_t i = from; i < words.size(); ++i) {
      const std::string& t = words[i].text;
      if (t.size() >= std::min<size_t>(label.size(), 12) && StartsWith(label, t)) {
        found = i;
        break;
      }
    }
    ASSERT_LT(found, words.size()) << "table 3 label not found: " << label;
    label_at.push_back(found);
    from = found + 1;
  }
  int last_table_page = 0;
  for (int row = 0; row < kT3Rows; ++row) {
    const Word& label = words[label_at[static_cast<size_t>(row)]];
    last_table_page = std::max(last_table_page, label.page);
    double bottom = label.y0 + 45;
    if (row + 1 < kT3Rows) {
      const Word& next = words[label_at[static_cast<size_t>(row + 1)]];
      if (next.page == label.page) bottom = std::min(bottom, next.y0 - 1);
    }
    std::vector<Word> numbers;
    for (const Word& w : words) {
      if (w.page == label.page && w.number() && w.x0 > label.x1 && w.cy() > label.y0 - 1 && w.cy() < bottom) {
        numbers.push_back(w);
      }
    }
    std::sort(numbers.begin(), numbers.end(), [](const Word& a, const Word& b) { return a.x0 < b.x0; });
    ASSERT_EQ(numbers.size(), static_cast<size_t>(kT3Columns)) << T3RowLabel(row);
    // Headings of this page's copy of the table header: the last ones above this row.
    static constexpr const char* kHeads[kT3Columns] = {"自然", "商业", "科研", "社会", "法律", "其他", "总计"};
    std::vector<double> head_x(kT3Columns, -1);
    for (const Word& w : words) {
      if (w.page != label.page || w.y1 > label.y0 || w.x0 < label.x1) continue;
      for (int c = 0; c < kT3Columns; ++c) {
        if (StartsWith(w.text, kHeads[c]) && w.text.size() <= 9) head_x[static_cast<size_t>(c)] = w.cx();
      }
    }
    for (int c = 0; c < kT3Columns; ++c) {
      const Word& n = numbers[static_cast<size_t>(c)];
      EXPECT_EQ(std::stod(n.text), *report.table3.cells[row][c].value) << T3RowLabel(row) << " column " << c;
      if (std::string(T3RowLabel(row)) == label.text) {  // a one-line label: same baseline
        EXPECT_NEAR(n.cy(), label.cy(), 3.0) << T3RowLabel(row);
      }
      ASSERT_GE(head_x[static_cast<size_t>(c)], 0) << "heading " << kHeads[c] << " on page " << label.page;
      size_t nearest = 0;
      for (size_t h = 1; h < head_x.size(); ++h)
        if (std::fabs(head_x[h] - n.cx()) < std::fabs(head_x[nearest] - n.cx())) nearest = h;
      EXPECT_EQ(nearest, static_cast<size_t>(c)) << T3RowLabel(row) << ": " << n.text << " not under " << kHeads[c];
    }
  }

  // Table 4: 15 numbers on one line below 复议后起诉.
  auto sub = std::find_if(words.begin(), words.end(), [](const Word& w) { return w.text == "复议后起诉"; });
  ASSERT_NE(sub, words.end());
  std::vector<Word> t4;
  for (const Word& w : words) {
    if (w.page == sub->page && w.number() && w.y0 > sub->y1 && w.y0 < sub->y1 + 60) t4.push_back(w);
  }
  ASSERT_FALSE(t4.empty());
  double line = std::min_element(t4.begin(), t4.end(), [](const Word& a, const Word& b) { return a.y0 < b.y0; })->cy();
  std::erase_if(t4, [&](const Word& w) { return std::fabs(w.cy() - line) > 3; });
  std::sort(t4.begin(), t4.end(), [](const Word& a, const Word& b) { return a.x0 < b.x0; });
  ASSERT_EQ(t4.size(), static_cast<size_t>(kT4Groups * kT4Columns));
  for (int k = 0; k < kT4Groups * kT4Columns; ++k) {
    EXPECT_EQ(std::stod(t4[static_cast<size_t>(k)].text), *report.table4.cells[k / kT4Columns][k % kT4Columns].value);
  }

  // PNGs of pages 1–3 and of every page up to the end of table 3.
  const int last = std::max(3, last_table_page);
  ASSERT_EQ(RunCommand("pdftoppm -png -r 60 -f 1 -l " + std::to_string(last) + " '" + pdf_path + "' '" +
                (dir / "seed001-page").string() + "'"),
            0);
  int pngs = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".png" || !StartsWith(e.path().filename().string(), "seed001-page")) continue;
    std::ifstream in(e.path(), std::ios::binary);
    char sig[8] = {};
    in.read(sig, 8);
    EXPECT_EQ(std::string(sig, 8), std::string("\x89PNG\r\n\x1a\n", 8)) << e.path();
    EXPECT_GT(fs::file_size(e.path()), 5000u) << e.path();
    ++pngs;
  }
  EXPECT_GE(pngs, last);

  // The PDF importer reads the rendered PDF back to the same cells.
  StatusOr<ImportedReport> back = ImportReportBytes(*pdf, "seed001.pdf");
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->report.agency, report.agency);
  EXPECT_EQ(back->report.year, report.year);
  render_test::ExpectSameCells(report, back->report, "seed 001 (pdf)");
}

}  // namespace
}  // namespace gongkai
