// Making untrusted text safe for the places it is written to. Every function takes any bytes
// (not only valid UTF-8) and is thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace gongkai {

// Returns `s` with what a terminal would interpret removed: C0 controls other than tab and line
// feed, DEL, C1 controls (U+0080..U+009F) and whole ANSI escape sequences (ESC, CSI, OSC). Bytes
// that are not valid UTF-8 become U+FFFD. For printing names, messages and values to a terminal.
std::string TerminalSafe(std::string_view s);

// Returns `s` with every character XML 1.0 forbids (C0 controls other than tab, LF and CR;
// U+FFFE and U+FFFF) removed, and invalid UTF-8 replaced by U+FFFD, so any writer that escapes
// markup (& < > " ') produces well-formed XML from it.
std::string XmlSafe(std::string_view s);

// Neutralises a spreadsheet formula (OWASP "CSV injection"): a cell starting with = + - @, tab or
// CR gets a leading apostrophe. The result is not yet quoted for CSV.
std::string SpreadsheetSafe(std::string_view cell);

// One CSV cell for spreadsheets: TerminalSafe, then SpreadsheetSafe, then quoted (RFC 4180) when
// it holds a comma, quote or line break; line breaks become spaces (one record per line).
std::string CsvCell(std::string_view raw);

// Returns an error message naming `field` when `s` is not valid UTF-8 or holds a C0 control other
// than tab, LF or CR, else the empty string. Message in Chinese with English in brackets.
std::string CheckTextField(std::string_view field, std::string_view s);

}  // namespace gongkai
