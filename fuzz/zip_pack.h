// Packs named parts into an in-memory ZIP for the fuzzers whose format is a package (DOCX,
// XLSX), so that the XML walk is reached without the fuzzer having to find valid ZIP checksums.
// Parts are stored, not deflated: compressing each input is the harness's work, not the importer's,
// and deflate's fresh 256 KB state per input was the slowest step of a run.
// Returns an empty string if libzip fails.
#pragma once

#include <zip.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gongkai_fuzz {

inline std::string PackParts(const std::vector<std::pair<std::string, std::string_view>>& parts) {
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
  for (const auto& [name, bytes] : parts) {
    zip_source_t* part = zip_source_buffer(za, bytes.data(), bytes.size(), 0);
    zip_int64_t index = part ? zip_file_add(za, name.c_str(), part, 0) : -1;
    if (index < 0 || zip_set_file_compression(za, index, ZIP_CM_STORE, 0) != 0) {
      if (part && index < 0) zip_source_free(part);
      zip_discard(za);
      zip_source_free(src);
      return out;
    }
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

}  // namespace gongkai_fuzz
