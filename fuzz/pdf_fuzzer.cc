// Fuzzes the PDF importer (poppler's text layer, then our line and column rebuilding) on
// arbitrary bytes: a report or an error, never a crash, a leak or unbounded time.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "../src/ingest/importers.h"
#include "gongkai/validator.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto r = gongkai::ingest_internal::ImportPdf(bytes, "fuzz.pdf");
  if (r.ok()) {
    gongkai::Findings f = gongkai::Validate(r->report);
    (void)f;
  }
  return 0;
}
