// Fuzzes the DOCX importer. Input starting with "PK" is taken as the whole package; anything else
// is taken as word/document.xml and packed into a ZIP first (zip_pack.h).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "../src/ingest/importers.h"
#include "gongkai/validator.h"
#include "zip_pack.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string packed;
  if (!bytes.starts_with("PK")) {
    packed = gongkai_fuzz::PackParts({{"word/document.xml", bytes}});
    bytes = packed;
  }
  auto r = gongkai::ingest_internal::ImportDocx(bytes, "fuzz.docx");
  if (r.ok()) {
    gongkai::Findings f = gongkai::Validate(r->report);
    (void)f;
  }
  return 0;
}
