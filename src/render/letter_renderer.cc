// Letters of the request ledger (render_letter.h): Markdown, a small DOCX package, PDF.
#include "escape.h"
#include "gongkai/render_letter.h"
#include "renderers.h"
#include "zip_writer.h"

namespace gongkai {
namespace {

using render_internal::EscapeMarkup;

constexpr const char* kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(</Types>)";

constexpr const char* kRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
    R"(</Relationships>)";

// One run per line of the paragraph, joined by <w:br/>, in 仿宋 (body) or 方正小标宋 (title).
std::string Paragraph(const std::string& text, bool title) {
  std::string font = title ? "方正小标宋简体" : "仿宋_GB2312";
  std::string ppr = title ? R"(<w:pPr><w:jc w:val="center"/><w:spacing w:after="360"/></w:pPr>)"
                          : R"(<w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/>)"
                            R"(<w:spacing w:line="560" w:lineRule="exact"/></w:pPr>)";
  std::string rpr =
      R"(<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia=")" +
      font + R"("/><w:sz w:val=")" + (title ? "44" : "32") + R"("/></w:rPr>)";
  std::string out = "<w:p>" + ppr;
  size_t pos = 0;
  bool first = true;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    out += "<w:r>" + rpr + (first ? "" : "<w:br/>") + "<w:t xml:space=\"preserve\">" +
           EscapeMarkup(text.substr(pos, nl - pos)) + "</w:t></w:r>";
    first = false;
    pos = nl + 1;
  }
  return out + "</w:p>";
}

std::string DocumentXml(const Letter& letter) {
  std::string out =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>)";
  out += Paragraph(letter.title, true);
  for (const std::string& p : letter.paragraphs) out += Paragraph(p, false);
  // A4 with the margins of GB/T 9704.
  out += R"(<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" )"
         R"(w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>)";
  return out + "</w:body></w:document>";
}

std::string Markdown(const Letter& letter) {
  std::string out = "# " + letter.title + "\n";
  for (const std::string& p : letter.paragraphs) out += "\n" + p + "\n";
  return out;
}

}  // namespace

Letter LetterFromMarkdown(std::string_view md) {
  Letter letter;
  std::string current;
  auto flush = [&] {
    if (!current.empty()) letter.paragraphs.push_back(current);
    current.clear();
  };
  size_t pos = 0;
  while (pos <= md.size()) {
    size_t nl = md.find('\n', pos);
    if (nl == std::string_view::npos) nl = md.size();
    std::string_view line = md.substr(pos, nl - pos);
    pos = nl + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (letter.title.empty() && line.rfind("# ", 0) == 0) {
      letter.title = std::string(line.substr(2));
    } else if (line.empty()) {
      flush();
    } else {
      current += (current.empty() ? "" : "\n") + std::string(line);
    }
  }
  flush();
  return letter;
}

StatusOr<std::string> RenderLetter(const Letter& letter, RenderFormat format,
                                   const RenderOptions& options) {
  if (format == RenderFormat::kMarkdown) return Markdown(letter);
  if (format != RenderFormat::kDocx && format != RenderFormat::kPdf) {
    return InvalidArgumentError("告知书只能输出为 md、docx 或 pdf (letters are md, docx or pdf)");
  }
  StatusOr<std::string> docx =
      render_internal::WriteZip({{"[Content_Types].xml", kContentTypes},
                                 {"_rels/.rels", kRels},
                                 {"word/document.xml", DocumentXml(letter)}});
  if (!docx.ok()) return docx.status().WithContext("生成告知书 DOCX (rendering the letter)");
  if (format == RenderFormat::kDocx) return docx;
  return render_internal::DocxToPdf(*docx, options);
}

}  // namespace gongkai
