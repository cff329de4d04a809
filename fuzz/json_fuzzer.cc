// Fuzzes the interchange JSON reader (ReportFromJson) and what follows it: any bytes must give a
// report or an error, never an exception, a crash or unbounded time. A report read back must
// survive validation, be written out again, and read back to the same cells (round trip).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "gongkai/report_json.h"
#include "gongkai/validator.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto r = gongkai::ReportFromJson(bytes, "fuzz.json");
  if (!r.ok()) return 0;
  gongkai::Findings f = gongkai::Validate(*r);
  std::string again = gongkai::ReportToJson(*r, f, {});
  auto back = gongkai::ReportFromJson(again, "again.json");
  if (!back.ok()) std::abort();  // what the writer produces, the reader must read
  for (int row = 0; row < gongkai::kT3Rows; ++row) {
    for (int c = 0; c < gongkai::kT3Columns; ++c) {
      if (back->table3.cells[row][c].value != r->table3.cells[row][c].value) std::abort();
    }
  }
  if (back->year != r->year || back->agency != r->agency) std::abort();
  return 0;
}
