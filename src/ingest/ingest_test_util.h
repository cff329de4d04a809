// Test-only helpers: building ZIP/DOCX packages and reports in memory for the importer tests.
#pragma once

#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace gongkai::ingest_test {

// A fresh directory under the system temp dir, removed when the object dies.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "gongkai-ingest-XXXXXX").string();
    path_ = mkdtemp(tmpl.data()) ? tmpl : std::string();
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

inline std::string ReadFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Writes a ZIP holding `files` (path, content) with libzip and returns its bytes.
inline std::string MakeZip(const std::vector<std::pair<std::string, std::string>>& files) {
  TempDir dir;
  std::string path = dir.File("t.zip");
  int err = 0;
  zip_t* za = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  EXPECT_NE(za, nullptr);
  if (!za) return "";
  for (const auto& [name, content] : files) {
    zip_source_t* src = zip_source_buffer(za, content.data(), content.size(), 0);
    EXPECT_GE(zip_file_add(za, name.c_str(), src, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8), 0);
  }
  EXPECT_EQ(zip_close(za), 0);
  return ReadFileBytes(path);
}

inline std::string XmlEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

// WordprocessingML builders.
inline std::string WRun(const std::string& text) {
  return "<w:r><w:t xml:space=\"preserve\">" + XmlEscape(text) + "</w:t></w:r>";
}
inline std::string WPara(const std::string& text, const std::string& ppr = "") {
  return "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") + WRun(text) + "</w:p>";
}
inline std::string WCell(const std::string& text, int grid_span = 1, const char* vmerge = nullptr) {
  std::string pr;
  if (grid_span > 1) pr += "<w:gridSpan w:val=\"" + std::to_string(grid_span) + "\"/>";
  if (vmerge) pr += *vmerge ? std::string("<w:vMerge w:val=\"") + vmerge + "\"/>" : "<w:vMerge/>";
  return "<w:tc>" + (pr.empty() ? "" : "<w:tcPr>" + pr + "</w:tcPr>") + WPara(text) + "</w:tc>";
}
inline std::string WDocument(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
         "<w:body>" + body + "</w:body></w:document>";
}
inline std::string MakeDocx(const std::string& body, const std::string& numbering = "",
                            const std::string& styles = "") {
  std::vector<std::pair<std::string, std::string>> files = {
      {"[Content_Types].xml",
       "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
       "content-types\"/>"},
      {"word/document.xml", WDocument(body)}};
  if (!numbering.empty()) files.push_back({"word/numbering.xml", numbering});
  if (!styles.empty()) files.push_back({"word/styles.xml", styles});
  return MakeZip(files);
}

}  // namespace gongkai::ingest_test
