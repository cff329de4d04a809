// Fuzzes the text importer and the validator on arbitrary bytes: any input must give either a
// report or an error, never a crash, a leak or unbounded time.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "gongkai/importer.h"
#include "gongkai/validator.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto r = gongkai::ImportReportBytes(bytes, "fuzz");
  if (r.ok()) {
    gongkai::Findings f = gongkai::Validate(r->report);
    (void)f;
  }
  return 0;
}
