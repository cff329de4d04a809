#include "zip_writer.h"

#include <zip.h>

#include <memory>

namespace gongkai::render_internal {
namespace {

Status ZipFailure(const std::string& what, zip_error_t* error) {
  return Status(StatusCode::kInternal,
                "生成 ZIP 失败 (writing a ZIP archive): " + what + ": " + zip_error_strerror(error));
}

struct SourceFree {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};

}  // namespace

StatusOr<std::string> WriteZip(const std::vector<ZipEntry>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  // The archive is written into `buffer`, which we keep alive across zip_close.
  std::unique_ptr<zip_source_t, SourceFree> buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
  if (!buffer) {
    Status s = ZipFailure("zip_source_buffer_create", &error);
    zip_error_fini(&error);
    return s;
  }
  zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
  if (archive == nullptr) {
    Status s = ZipFailure("zip_open_from_source", &error);
    zip_error_fini(&error);
    return s;
  }
  zip_source_keep(buffer.get());
  for (const ZipEntry& e : entries) {
    zip_source_t* data = zip_source_buffer(archive, e.data.data(), e.data.size(), 0);
    if (data == nullptr) {
      Status s = ZipFailure(e.name, zip_get_error(archive));
      zip_discard(archive);
      zip_error_fini(&error);
      return s;
    }
    zip_int64_t index = zip_file_add(archive, e.name.c_str(), data, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (index < 0) {
      zip_source_free(data);
      Status s = ZipFailure(e.name, zip_get_error(archive));
      zip_discard(archive);
      zip_error_fini(&error);
      return s;
    }
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 6);
  }
  if (zip_close(archive) != 0) {
    Status s = ZipFailure("zip_close", zip_get_error(archive));
    zip_discard(archive);
    zip_error_fini(&error);
    return s;
  }
  zip_error_fini(&error);
  std::string out;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_source_stat(buffer.get(), &st) != 0 || zip_source_open(buffer.get()) != 0) {
    return ZipFailure("reading the archive back", zip_source_error(buffer.get()));
  }
  out.resize(static_cast<size_t>(st.size));
  zip_int64_t n = zip_source_read(buffer.get(), out.data(), st.size);
  zip_source_close(buffer.get());
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) {
    return ZipFailure("reading the archive back", zip_source_error(buffer.get()));
  }
  return out;
}

}  // namespace gongkai::render_internal
