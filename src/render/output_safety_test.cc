// Output safety of every writer (issue 8): names and prose with characters XML 1.0 forbids
// (C0 controls, U+FFFE, U+FFFF), invalid UTF-8 and markup still give well-formed DOCX and XLSX
// parts (checked with libxml2, no recovery), HTML without injected elements, and Markdown whose
// structure the text cannot change.
#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <zip.h>

#include <sstream>

#include "escape.h"
#include "gongkai/render.h"
#include "render_test_util.h"

namespace gongkai {
namespace {

// U+FFFE, U+FFFF, C0 controls, DEL, a lone continuation byte, markup of every format.
const std::string kHostile =
    "局\xEF\xBF\xBE\xEF\xBF\xBF\x01\x02\x07\x0B\x0C\x1B[31m\x1F\x7F\x80\xFF<script>alert(1)</script>&amp;]]>\"'"
    "\n# 标题\n| a | b |\n* item\n[link](http://x)\n`code`_em_";

AnnualReport HostileReport() {
  AnnualReport r = render_test::NumberedReport();
  r.agency = kHostile;
  r.preamble = kHostile;
  for (Section& s : r.sections) {
    s.present = true;
    s.text = kHostile + "。";
  }
  r.sections[5].text += "\n" + kHostile + "\n2024年1月17日";
  return r;
}

// Every entry of a ZIP archive whose name ends in .xml or .rels.
std::vector<std::string> XmlParts(const std::string& bytes) {
  std::vector<std::string> names;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* z = src ? zip_open_from_source(src, ZIP_RDONLY, &error) : nullptr;
  zip_error_fini(&error);
  if (z == nullptr) {
    if (src) zip_source_free(src);
    ADD_FAILURE() << "not a ZIP archive";
    return names;
  }
  for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
    std::string name = zip_get_name(z, static_cast<zip_uint64_t>(i), 0);
    if (name.ends_with(".xml") || name.ends_with(".rels")) names.push_back(name);
  }
  zip_close(z);
  return names;
}

// True iff `xml` is well-formed XML 1.0 (libxml2 without recovery, as xmllint would say).
bool WellFormed(const std::string& xml) {
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "part.xml", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == nullptr) return false;
  xmlFreeDoc(doc);
  return true;
}

void ExpectWellFormedPackage(const std::string& bytes, const char* what) {
  std::vector<std::string> parts = XmlParts(bytes);
  ASSERT_GE(parts.size(), 5u) << what;
  for (const std::string& part : parts) {
    std::string xml = render_test::ReadZipEntry(bytes, part);
    EXPECT_TRUE(WellFormed(xml)) << what << ": " << part << " is not well-formed";
    EXPECT_EQ(xml.find("\xEF\xBF\xBE"), std::string::npos) << what << ": " << part;
    EXPECT_EQ(xml.find("<script>"), std::string::npos) << what << ": " << part;
  }
}

TEST(OutputSafetyTest, DocxPartsAreWellFormed) {
  StatusOr<std::string> docx = RenderReport(HostileReport(), RenderFormat::kDocx);
  ASSERT_TRUE(docx.ok()) << docx.status().message();
  ExpectWellFormedPackage(*docx, "docx");
}

TEST(OutputSafetyTest, XlsxPartsAreWellFormed) {
  StatusOr<std::string> xlsx = RenderReport(HostileReport(), RenderFormat::kXlsx);
  ASSERT_TRUE(xlsx.ok()) << xlsx.status().message();
  ExpectWellFormedPackage(*xlsx, "xlsx");
}

TEST(OutputSafetyTest, HtmlHasNoInjectedMarkupOrForbiddenCharacters) {
  std::string html = RenderHtml(HostileReport());
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
  for (const char* bad : {"\xEF\xBF\xBE", "\xEF\xBF\xBF", "\x01", "\x1B"}) {
    EXPECT_EQ(html.find(bad), std::string::npos) << "byte " << static_cast<int>(static_cast<unsigned char>(bad[0]));
  }
}

TEST(OutputSafetyTest, MarkdownStructureCannotBeInjected) {
  std::string md = RenderMarkdown(HostileReport());
  EXPECT_EQ(md.find("\xEF\xBF\xBE"), std::string::npos);
  EXPECT_EQ(md.find('\x01'), std::string::npos);
  for (size_t p = md.find("<script>"); p != std::string::npos; p = md.find("<script>", p + 1)) {
    EXPECT_TRUE(p > 0 && md[p - 1] == '\\') << "unescaped tag at " << p;
  }
  std::istringstream in(md);
  std::string line;
  int headings = 0;
  bool first = true;
  while (std::getline(in, line)) {
    if (first) {  // the title: one line, its markup escaped
      EXPECT_NE(line.find("\\<script\\>"), std::string::npos) << line;
      EXPECT_NE(line.find("\\# 标题"), std::string::npos) << line;
      first = false;
    }
    if (line.starts_with("#")) {
      ++headings;
      EXPECT_TRUE(line.starts_with("## ")) << line;
    }
    EXPECT_FALSE(line.starts_with("* ")) << line;
    EXPECT_FALSE(line.starts_with("| a")) << line;
  }
  EXPECT_EQ(headings, kSectionCount);  // only the six section headings
}

TEST(OutputSafetyTest, MarkdownProseKeepsChineseAnglesAndEscapesTags) {
  using render_internal::EscapeMarkdownProse;
  EXPECT_EQ(EscapeMarkdownProse("关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知"),
            "关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知");
  EXPECT_EQ(EscapeMarkdownProse("见<img src=x>。"), "见\\<img src=x>。");
  EXPECT_EQ(EscapeMarkdownProse("# 不是标题"), "\\# 不是标题");
  EXPECT_EQ(EscapeMarkdownProse("1. 不是列表"), "1\\. 不是列表");
  EXPECT_EQ(EscapeMarkdownProse("一行\n两行"), "一行 两行");
}

}  // namespace
}  // namespace gongkai
