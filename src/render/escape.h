// Internal to the renderers: making the model's text safe for each output format. The model's
// text is untrusted (names and prose come from whatever report was imported).
#pragma once

#include <string>
#include <string_view>

namespace gongkai::render_internal {

// Escapes & < > " ' for HTML and XML text and attribute values, after removing what XML 1.0
// forbids (gongkai::XmlSafe: C0 controls other than tab, LF, CR; U+FFFE, U+FFFF; invalid UTF-8
// becomes U+FFFD). The result is always well-formed XML character data.
std::string EscapeMarkup(std::string_view text);

// Escapes text for one Markdown table cell: XML-unsafe characters removed, markup characters
// (see EscapeMarkdownInline) escaped, newlines become spaces.
std::string EscapeMarkdownCell(std::string_view text);

// Escapes text that must stay one line of plain Markdown (a name, a title): XML-unsafe
// characters removed, line breaks and tabs become spaces, and every character Markdown (or the
// HTML a Markdown viewer passes through) gives a meaning — \ ` * _ # [ ] < > | ! — is
// backslash-escaped, so the text cannot open a heading, a list, a table, a link or a tag.
std::string EscapeMarkdownInline(std::string_view text);

// A paragraph of prose: XML-unsafe characters removed, line breaks become spaces, a '<' that
// would open an HTML tag escaped, and a start that Markdown would read as structure (#, >, -, *, +, |, =, a list
// number "1." or "1)", a fence ```) escaped, so a paragraph stays one paragraph.
std::string EscapeMarkdownProse(std::string_view text);

// Markers Word leaves in text exported as plain text ("[bookmark: _Hlk155865410]") are not
// prose: returns `text` without them.
std::string WithoutWordMarkers(std::string_view text);

}  // namespace gongkai::render_internal
