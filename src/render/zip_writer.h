// Internal to the renderers: building a ZIP archive in memory (for DOCX), with libzip.
#pragma once

#include <string>
#include <vector>

#include "gongkai/status.h"

namespace gongkai::render_internal {

struct ZipEntry {
  std::string name;  // path inside the archive, e.g. "word/document.xml"
  std::string data;
};

// Returns the bytes of a ZIP archive holding `entries` in order (deflated).
StatusOr<std::string> WriteZip(const std::vector<ZipEntry>& entries);

}  // namespace gongkai::render_internal
