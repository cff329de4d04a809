// The DOCX renderer: a WordprocessingML package, A4, in the fonts of official documents
// (仿宋_GB2312 body, 黑体 headings, 方正小标宋简体 title, with 宋体/Noto CJK as fallbacks).
//
// Tables are drawn from the form grids: one <w:tr> per row of the form, merged cells as
// w:gridSpan (columns) and w:vMerge restart/continue (rows), so an importer can rebuild the grid.
#include "renderers.h"

#include "escape.h"
#include "form_layout.h"
#include "gongkai/render.h"
#include "narrative.h"
#include "zip_writer.h"

namespace gongkai::render_internal {
namespace {

// Page geometry (twentieths of a point): A4 with the margins of GB/T 9704 (37/35/28/26 mm).
constexpr int kPageWidth = 11906, kPageHeight = 16838;
constexpr int kMarginTop = 2098, kMarginBottom = 1984, kMarginLeft = 1588, kMarginRight = 1474;
constexpr int kTextWidth = kPageWidth - kMarginLeft - kMarginRight;
// Font sizes in half-points: 三号 16pt body, 二号 22pt title, 10pt tables (小五 9pt for the
// 15 columns of table 4), so that table 3 fits on one A4 page.
constexpr int kBodySize = 32, kTitleSize = 44, kTableSize = 20, kWideTableSize = 18;
// Body rows of a table kept on the page of its heading (so a heading never ends a page alone).
constexpr int kRowsKeptWithHeading = 2;

constexpr const char* kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>)"
    R"(<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>)"
    R"(<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>)"
    R"(<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>)"
    R"(<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>)"
    R"(</Types>)";

constexpr const char* kRootRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>)"
    R"(</Relationships>)";

constexpr const char* kDocumentRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>)"
    R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>)"
    R"(<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>)"
    R"(</Relationships>)";

// Each font of official documents, with the free CJK font LibreOffice should use where the
// machine lacks it (w:altName), and its family, so the fallback keeps serif or sans.
constexpr const char* kFontTable =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
    R"(<w:font w:name="仿宋_GB2312"><w:altName w:val="Noto Serif CJK SC"/><w:charset w:val="86"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>)"
    R"(<w:font w:name="宋体"><w:altName w:val="Noto Serif CJK SC"/><w:charset w:val="86"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>)"
    R"(<w:font w:name="方正小标宋简体"><w:altName w:val="Noto Serif CJK SC"/><w:charset w:val="86"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>)"
    R"(<w:font w:name="黑体"><w:altName w:val="Noto Sans CJK SC"/><w:charset w:val="86"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>)"
    R"(<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>)"
    R"(</w:fonts>)";

// The page number of official documents (GB/T 9704): "— N —", centred, 宋体 四号.
constexpr const char* kFooter =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
    R"(<w:p><w:pPr><w:jc w:val="center"/><w:spacing w:line="240" w:lineRule="auto"/></w:pPr>)"
    R"(<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">— </w:t></w:r>)"
    R"(<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>)"
    R"(<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>)"
    R"(<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r>)"
    R"(<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t>1</w:t></w:r>)"
    R"(<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r>)"
    R"(<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve"> —</w:t></w:r>)"
    R"(</w:p></w:ftr>)";

constexpr const char* kSettings =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
    R"(<w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/>)"
    R"(<w:compat><w:doNotExpandShiftReturn/></w:compat></w:settings>)";

std::string Fonts(const char* east_asia) {
  return std::string(R"(<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia=")") +
         east_asia + R"(" w:hint="eastAsia"/>)";
}

std::string Styles() {
  std::string s =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)";
  s += "<w:docDefaults><w:rPrDefault><w:rPr>" + Fonts("仿宋_GB2312") +
       "<w:sz w:val=\"" + std::to_string(kBodySize) + "\"/><w:szCs w:val=\"" +
       std::to_string(kBodySize) +
       "\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
       "<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"560\" w:lineRule=\"exact\"/></w:pPr>"
       "</w:pPrDefault></w:docDefaults>";
  // Body text is aligned left, not justified: LibreOffice (7.4) drops a punctuation mark that
  // hangs past the right margin at the end of a justified line ("…6个、" loses its "、"), with
  // or without w:overflowPunct. CJK characters have one width, so the right edge stays even.
  s += R"(<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>)"
       R"(<w:pPr><w:jc w:val="left"/></w:pPr></w:style>)";
  s += R"(<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>)"
       R"(<w:pPr><w:spacing w:before="240" w:after="360" w:line="700" w:lineRule="exact"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr>)" +
       Fonts("方正小标宋简体") + "<w:sz w:val=\"" + std::to_string(kTitleSize) + "\"/><w:szCs w:val=\"" +
       std::to_string(kTitleSize) + "\"/></w:rPr></w:style>";
  s += R"(<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>)"
       R"(<w:pPr><w:keepNext/><w:ind w:firstLine="640"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr>)" +
       Fonts("黑体") + "</w:rPr></w:style>";
  s += R"(<w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/><w:basedOn w:val="Normal"/><w:qFormat/>)"
       R"(<w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr></w:style>)";
  s += R"(<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:qFormat/>)"
       R"(<w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="12" w:after="12" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr><w:rPr>)" +
       Fonts("宋体") + "<w:sz w:val=\"" + std::to_string(kTableSize) + "\"/><w:szCs w:val=\"" +
       std::to_string(kTableSize) + "\"/></w:rPr></w:style>";
  s += R"(<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>)"
       R"(<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>)"
       R"(<w:left w:w="60" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="60" w:type="dxa"/>)"
       R"(</w:tblCellMar></w:tblPr></w:style>)";
  s += "</w:styles>";
  return s;
}

std::string CoreProperties(const std::string& title) {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" )"
         R"(xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" )"
         R"(xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">)"
         "<dc:title>" + EscapeMarkup(title) + "</dc:title><dc:language>zh-CN</dc:language>"
         "<dc:creator>Gongkai</dc:creator></cp:coreProperties>";
}

void Paragraph(const std::string& style, const std::string& text, std::string* out,
               const std::string& extra_ppr = "") {
  *out += "<w:p><w:pPr><w:pStyle w:val=\"" + style + "\"/>" + extra_ppr + "</w:pPr>";
  if (!text.empty()) {
    *out += "<w:r><w:t xml:space=\"preserve\">" + EscapeMarkup(text) + "</w:t></w:r>";
  }
  *out += "</w:p>";
}

// The title, its lines separated by line breaks within one centred paragraph.
void TitleParagraph(const std::vector<std::string>& lines, std::string* out) {
  *out += "<w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr>";
  for (size_t i = 0; i < lines.size(); ++i) {
    *out += "<w:r>";
    if (i > 0) *out += "<w:br/>";
    *out += "<w:t xml:space=\"preserve\">" + EscapeMarkup(lines[i]) + "</w:t></w:r>";
  }
  *out += "</w:p>";
}

void Table(const FormGrid& grid, std::string* out) {
  const int font = grid.columns > 10 ? kWideTableSize : kTableSize;
  // Column widths in twips, scaled to the text width.
  int total = 0;
  for (int w : grid.widths) total += w;
  std::vector<int> widths;
  int used = 0;
  for (size_t c = 0; c < grid.widths.size(); ++c) {
    int w = c + 1 == grid.widths.size() ? kTextWidth - used : kTextWidth * grid.widths[c] / total;
    widths.push_back(w);
    used += w;
  }
  *out += "<w:tbl><w:tblPr><w:tblW w:w=\"" + std::to_string(kTextWidth) +
          "\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblBorders>";
  for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"}) {
    *out += std::string("<w:") + side + " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>";
  }
  *out += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid>";
  for (int w : widths) *out += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
  *out += "</w:tblGrid>";
  auto covered = CoveredGrid(grid);
  const std::string sizes = "<w:sz w:val=\"" + std::to_string(font) + "\"/><w:szCs w:val=\"" +
                            std::to_string(font) + "\"/>";
  for (size_t r = 0; r < covered.size(); ++r) {
    *out += "<w:tr><w:trPr><w:cantSplit/>";
    if (static_cast<int>(r) < grid.header_rows) *out += "<w:tblHeader/>";
    *out += "</w:trPr>";
    for (size_t c = 0; c < covered[r].size();) {
      const Covered& pos = covered[r][c];
      const FormCell* cell = pos.cell;
      int span = cell ? cell->col_span : 1;
      int width = 0;
      for (int k = 0; k < span && c + static_cast<size_t>(k) < widths.size(); ++k)
        width += widths[c + static_cast<size_t>(k)];
      *out += "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(width) + "\" w:type=\"dxa\"/>";
      if (span > 1) *out += "<w:gridSpan w:val=\"" + std::to_string(span) + "\"/>";
      if (cell && cell->row_span > 1) {
        *out += pos.origin_row == static_cast<int>(r) ? "<w:vMerge w:val=\"restart\"/>" : "<w:vMerge/>";
      }
      *out += "<w:vAlign w:val=\"center\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/>";
      // The heading before the table keeps with the header rows and the first body rows only
      // (kRowsKeptWithHeading); the rest of the table may break between rows.
      if (static_cast<int>(r) < grid.header_rows + kRowsKeptWithHeading - 1 && r + 1 < covered.size()) {
        *out += "<w:keepNext/>";
      }
      bool left = cell && cell->row_header && cell->row_span == 1;
      if (left) *out += "<w:jc w:val=\"left\"/>";
      *out += "</w:pPr>";
      if (cell && pos.origin_row == static_cast<int>(r) && !cell->text.empty()) {
        std::string props = std::string("<w:rPr>") + (cell->header ? "<w:b/>" : "") + sizes + "</w:rPr>";
        *out += "<w:r>" + props + "<w:t xml:space=\"preserve\">" + EscapeMarkup(cell->text) + "</w:t></w:r>";
      }
      *out += "</w:p></w:tc>";
      c += static_cast<size_t>(span);
    }
    *out += "</w:tr>";
  }
  *out += "</w:tbl>";
}

std::string Document(const AnnualReport& report) {
  std::string out;
  out.reserve(128 << 10);
  out += R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" )"
         R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>)";
  TitleParagraph(TitleLines(report), &out);
  for (const std::string& p : PreambleParagraphs(report)) Paragraph("BodyText", p, &out);
  for (int s = 0; s < kSectionCount; ++s) {
    Paragraph("Heading1", std::string(SectionTitle(s)), &out);
    if (s >= 1 && s <= 3) {
      FormGrid grid = s == 1 ? Table2Grid(report.table2)
                      : s == 2 ? Table3Grid(report.table3)
                               : Table4Grid(report.table4);
      Table(grid, &out);
      Paragraph("Normal", "", &out, "<w:spacing w:line=\"240\" w:lineRule=\"auto\"/>");
    }
    for (const std::string& p : SectionParagraphs(report, s)) Paragraph("BodyText", p, &out);
  }
  // The 落款, right-aligned as in the source, two characters from the margin.
  for (const std::string& line : SignatureLines(report)) {
    Paragraph("Normal", line, &out, "<w:ind w:right=\"640\"/><w:jc w:val=\"right\"/>");
  }
  out += "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId4\"/><w:pgSz w:w=\"" + std::to_string(kPageWidth) + "\" w:h=\"" +
         std::to_string(kPageHeight) + "\"/><w:pgMar w:top=\"" + std::to_string(kMarginTop) +
         "\" w:right=\"" + std::to_string(kMarginRight) + "\" w:bottom=\"" +
         std::to_string(kMarginBottom) + "\" w:left=\"" + std::to_string(kMarginLeft) +
         "\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/><w:docGrid w:type=\"lines\" w:linePitch=\"579\"/>"
         "</w:sectPr></w:body></w:document>";
  return out;
}

}  // namespace

StatusOr<std::string> RenderDocx(const AnnualReport& report) {
  std::vector<ZipEntry> entries = {
      {"[Content_Types].xml", kContentTypes},
      {"_rels/.rels", kRootRels},
      {"docProps/core.xml", CoreProperties(ReportTitle(report))},
      {"word/document.xml", Document(report)},
      {"word/styles.xml", Styles()},
      {"word/settings.xml", kSettings},
      {"word/fontTable.xml", kFontTable},
      {"word/footer1.xml", kFooter},
      {"word/_rels/document.xml.rels", kDocumentRels},
  };
  StatusOr<std::string> zip = WriteZip(entries);
  if (!zip.ok()) return zip.status().WithContext("生成 DOCX (rendering DOCX)");
  return zip;
}

}  // namespace gongkai::render_internal
