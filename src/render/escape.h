// Internal to the renderers: escaping text for markup.
#pragma once

#include <string>
#include <string_view>

namespace gongkai::render_internal {

// Escapes & < > " ' for HTML and XML text and attribute values. Also drops the control
// characters XML 1.0 forbids (everything below U+0020 except tab, newline and carriage return).
std::string EscapeMarkup(std::string_view text);

// Escapes text for one Markdown table cell: '|' becomes '\|', newlines become spaces.
std::string EscapeMarkdownCell(std::string_view text);

}  // namespace gongkai::render_internal
