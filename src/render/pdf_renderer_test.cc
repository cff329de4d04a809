// The PDF renderer, and the visual check of the whole chain: seed 001 → DOCX → LibreOffice →
// PDF, rasterised to PNG (kept in the build directory under render_artifacts/ for people to
// look at), with the table grid asserted on the PDF's own text positions (pdftotext -bbox):
// every table-3 row label sits on the line of its 7 numbers, and each number stands under its
// column heading. One LibreOffice conversion in all (a few seconds).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

#include <unistd.h>

#include "gongkai/importer.h"
#include "gongkai/render.h"
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
  EXPECT_EQ(back_a->report.agency, a.agency);
  EXPECT_EQ(back_b->report.agency, b.agency);
  // Nothing LibreOffice started (soffice.bin, oosplash, a gpg-agent) still runs, and the
  // temporary directory is gone.
  EXPECT_EQ(ProcessesMentioning(base.string()), std::vector<std::string>{});
  EXPECT_TRUE(fs::is_empty(base));
}

TEST(PdfRendererTest, SubstitutedFontsAreTheClosestInstalled) {
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
