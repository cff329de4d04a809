// Fuzzes the DOCX importer. Input starting with "PK" is taken as the whole package; anything else
// is taken as word/document.xml and packed into a ZIP first, so that the XML walk is reached
// without the fuzzer having to find valid ZIP checksums.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "../src/ingest/importers.h"
#include "gongkai/validator.h"

namespace {

std::string PackDocument(std::string_view xml) {
  std::string out;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!src) return out;
  zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &error);
  if (!za) {
    zip_source_free(src);
    return out;
  }
  zip_source_keep(src);
  zip_source_t* doc = zip_source_buffer(za, xml.data(), xml.size(), 0);
  if (!doc || zip_file_add(za, "word/document.xml", doc, 0) < 0) {
    if (doc) zip_source_free(doc);
    zip_discard(za);
    zip_source_free(src);
    return out;
  }
  if (zip_close(za) != 0) {
    zip_discard(za);
    zip_source_free(src);
    return out;
  }
  zip_stat_t st;
  if (zip_source_stat(src, &st) == 0 && zip_source_open(src) == 0) {
    out.resize(st.size);
    zip_int64_t got = zip_source_read(src, out.data(), out.size());
    out.resize(got > 0 ? static_cast<size_t>(got) : 0);
    zip_source_close(src);
  }
  zip_source_free(src);
  zip_error_fini(&error);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string packed;
  if (!bytes.starts_with("PK")) {
    packed = PackDocument(bytes);
    bytes = packed;
  }
  auto r = gongkai::ingest_internal::ImportDocx(bytes, "fuzz.docx");
  if (r.ok()) {
    gongkai::Findings f = gongkai::Validate(r->report);
    (void)f;
  }
  return 0;
}
