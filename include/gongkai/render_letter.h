// Rendering a letter (告知书, 答复书) of the request ledger: a title and paragraphs, as Markdown,
// DOCX (A4, the fonts of official documents) or PDF (the DOCX converted by LibreOffice).
// Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gongkai/render.h"
#include "gongkai/status.h"

namespace gongkai {

struct Letter {
  std::string title;                    // e.g. "政府信息公开申请答复书"
  std::vector<std::string> paragraphs;  // in order; a paragraph may hold line breaks
};

// Reads a letter written as Markdown: the first "# " line is the title, blank lines separate
// paragraphs, other lines of a paragraph are joined with line breaks.
Letter LetterFromMarkdown(std::string_view markdown);

// Renders the letter as kMarkdown, kDocx or kPdf (other formats: kInvalidArgument).
StatusOr<std::string> RenderLetter(const Letter& letter, RenderFormat format,
                                   const RenderOptions& options = {});

}  // namespace gongkai
