// Internal: the token stream every importer reduces a report to.
//
// A report's text is a sequence of lines (text lines, or table rows of HTML/DOCX/PDF rendered as
// tab-separated lines); each line is split into cells (tabs, markdown pipes) and each cell into
// tokens: runs of text and numbers. Numbers keep their digits as written, so that digit runs
// glued together by a web page ("640020470") can be split later under the form's arithmetic.
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "gongkai/report.h"

namespace gongkai::ingest_internal {

enum class TokenKind { kText, kNumber, kEmpty };

struct Token {
  TokenKind kind = TokenKind::kText;
  // Text: whitespace removed; number: digits (and '.') without separators. A view into the line
  // when that is a contiguous part of it, else into the JoinedTexts the tokenizer was given.
  std::string_view text;
  double value = 0;
  bool is_integer = true;
  bool negative = false;
  bool glued = false;          // a number with text directly before or after it in its cell
  bool glued_to_label = false; // a number directly after text in its cell (e.g. "稳定”0")
  bool pure_cell = false;      // a number that is its cell's whole content
  int line = 0;                // 1-based line number in the text
  int cell = 0;                // 0-based cell index on the line
  bool delimited = false;      // the line has several cells (tabs or markdown pipes)
  bool row_line = false;       // a table row: delimited, with 2+ numbers (1+ for a pipe row)
};

// The texts of tokens that are not a contiguous part of their line ("1,234" read as "1234",
// "本年 新收" as "本年新收"). Token::text views into them: they must outlive the tokens. A deque,
// so that adding one never moves the others.
using JoinedTexts = std::deque<std::string>;

// A line of the document, normalized for matching, with its source location.
struct Line {
  std::string_view text;  // into the normalized text the line was split from
  // Where the line comes from: `*given` when the importer gave it, else `*file` and `number`
  // (1-based). Pointers, so that splitting copies no file name per line.
  const SourceLocation* given = nullptr;
  const std::string* file = nullptr;
  int number = 0;

  SourceLocation source() const;
};

// Splits normalized text into lines, which view into `normalized` (it must outlive them: one
// normalized copy of the text serves every matcher, no line is copied again).
// `line_sources`, when not empty, gives each line's source (for structured formats); otherwise
// lines get `file` and their 1-based number. Both must outlive the lines too. `expected_lines`,
// when known (MeasureLayout), is reserved up front.
std::vector<Line> SplitLines(std::string_view normalized, const std::string& file,
                             const std::vector<SourceLocation>& line_sources,
                             size_t expected_lines = 0);

// Tokenizes all lines; the tokens view into the lines' text and into `*joined`.
// `expected_tokens`, when known (MeasureLayout's bound), is reserved up front so that the tokens
// are never moved while the vector grows.
std::vector<Token> Tokenize(const std::vector<Line>& lines, JoinedTexts* joined,
                            size_t expected_tokens = 0);

// Tokenizes one cell's text into `out`, with the given position; the tokens view into `cell`
// and into `*joined`. Exposed for tests.
void TokenizeCell(std::string_view cell, int line, int cell_index, std::vector<Token>* out,
                  JoinedTexts* joined);

// True if `s` is a markdown table separator line like "|---|:---|".
bool IsMarkdownSeparator(std::string_view s);

}  // namespace gongkai::ingest_internal
