// Internal: Word list numbering (word/numbering.xml, with numbering set by paragraph styles in
// word/styles.xml), so that headings keep the "一、" and "（一）" that Word draws but does not
// store in the text.
//
// Counters follow Word's rules: each w:num is one list; a paragraph at level L advances L's
// counter and restarts every deeper level. Thread-compatible.
#pragma once

#include <libxml/tree.h>

#include <map>
#include <string>
#include <vector>

namespace gongkai::ingest_internal {

// Renders `n` in a w:numFmt ("decimal", "chineseCounting", "upperLetter", …); "" for bullets and
// formats that draw no number.
std::string FormatListNumber(int n, const std::string& num_fmt);

class DocxNumbering {
 public:
  // Reads numbering.xml and styles.xml (either may be null).
  DocxNumbering(const xmlDoc* numbering, const xmlDoc* styles);

  // The label for a paragraph (its w:pPr, or null), e.g. "一、"; "" when it is not numbered.
  // Advances the list's counters.
  std::string Next(const xmlNode* ppr);

 private:
  struct Level {
    int start = 1;
    std::string fmt = "decimal";
    std::string text;
  };
  struct StyleNum {
    std::string num_id;
    int ilvl = 0;
    std::string based_on;
  };

  std::map<std::string, std::map<int, Level>> abstract_;           // abstractNumId → levels
  std::map<std::string, std::string> num_to_abstract_;             // numId → abstractNumId
  std::map<std::string, std::map<int, int>> start_override_;       // numId → level → start
  std::map<std::string, StyleNum> styles_;                         // styleId → numbering
  std::map<std::string, std::vector<int>> counters_;               // numId → counter per level
};

// Helpers shared with the DOCX importer.
bool IsW(const xmlNode* n, const char* local_name);
std::string WAttr(const xmlNode* n, const char* local_name);
const xmlNode* WChild(const xmlNode* n, const char* local_name);

}  // namespace gongkai::ingest_internal
