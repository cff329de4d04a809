// Fuzzes the XLSX importer. Input starting with "PK" is taken as the whole workbook; anything
// else is taken as the XML of its one sheet and packed (zip_pack.h) with a workbook naming it, so
// that the sheet walk (cells, shared-string indexes, merged ranges) is reached directly.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "../src/ingest/importers.h"
#include "gongkai/validator.h"
#include "zip_pack.h"

namespace {

constexpr std::string_view kWorkbook =
    R"(<?xml version="1.0" encoding="UTF-8"?>)"
    R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
    R"(<sheets><sheet name="表" sheetId="1"/></sheets></workbook>)";
constexpr std::string_view kSharedStrings =
    R"(<?xml version="1.0" encoding="UTF-8"?>)"
    R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3">)"
    R"(<si><t>本年新收政府信息公开申请数量</t></si><si><t>自然人</t></si><si><t>总计</t></si></sst>)";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string packed;
  if (!bytes.starts_with("PK")) {
    packed = gongkai_fuzz::PackParts({{"xl/workbook.xml", kWorkbook},
                                      {"xl/sharedStrings.xml", kSharedStrings},
                                      {"xl/worksheets/sheet1.xml", bytes}});
    bytes = packed;
  }
  auto r = gongkai::ingest_internal::ImportXlsx(bytes, "fuzz.xlsx");
  if (r.ok()) {
    gongkai::Findings f = gongkai::Validate(r->report);
    (void)f;
  }
  return 0;
}
