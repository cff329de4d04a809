// Fuzzes the HTML importer (and the validator on what it reads) on arbitrary bytes: any input
// must give a report or an error, never a crash, a leak or unbounded time.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "../src/ingest/importers.h"
#include "gongkai/validator.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto r = gongkai::ingest_internal::ImportHtml(bytes, "fuzz.html");
  if (r.ok()) {
    gongkai::Findings f = gongkai::Validate(r->report);
    (void)f;
  }
  return 0;
}
