#include "zip_reader.h"

#include <zip.h>

#include "gongkai/importer.h"

namespace gongkai::ingest_internal {

StatusOr<std::unique_ptr<ZipReader>> ZipReader::Open(std::string_view bytes,
                                                     const std::string& name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!src) {
    zip_error_fini(&error);
    return Status(StatusCode::kInternal, name + ": 无法读取压缩包 (cannot read the ZIP archive)");
  }
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &error);
  if (!za) {
    std::string why = zip_error_strerror(&error);
    zip_source_free(src);
    zip_error_fini(&error);
    return DataLossError(name + ": 压缩包已损坏 (corrupt ZIP archive: " + why + ")");
  }
  zip_error_fini(&error);
  std::unique_ptr<ZipReader> reader(new ZipReader(za, name));
  zip_int64_t n = zip_get_num_entries(za, 0);
  if (n < 0 || static_cast<uint64_t>(n) > kMaxArchiveEntries) {
    return ResourceExhaustedError(name + ": 压缩包条目过多（" + std::to_string(n) + "，上限 " +
                                  std::to_string(kMaxArchiveEntries) +
                                  "） (too many ZIP entries)");
  }
  uint64_t total = 0;
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(za, static_cast<zip_uint64_t>(i), 0, &st) != 0) {
      return DataLossError(name + ": 压缩包目录损坏 (corrupt ZIP directory)");
    }
    Entry e;
    e.name = (st.valid & ZIP_STAT_NAME) && st.name ? st.name : "";
    e.size = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
    e.directory = !e.name.empty() && e.name.back() == '/';
    total += e.size;
    if (e.size > kMaxUncompressedBytes || total > kMaxUncompressedBytes) {
      return ResourceExhaustedError(name + ": 压缩包解压后过大（超过 " +
                                    std::to_string(kMaxUncompressedBytes) +
                                    " 字节，疑似 ZIP 炸弹） (ZIP expands beyond the limit: ZIP bomb refused)");
    }
    reader->entries_.push_back(std::move(e));
  }
  return reader;
}

ZipReader::~ZipReader() { zip_discard(archive_); }

int ZipReader::Find(std::string_view path) const {
  for (size_t i = 0; i < entries_.size(); ++i) {
    if (entries_[i].name == path) return static_cast<int>(i);
  }
  return -1;
}

StatusOr<std::string> ZipReader::Read(int index, size_t max_bytes) {
  if (index < 0 || static_cast<size_t>(index) >= entries_.size()) {
    return Status(StatusCode::kInternal, name_ + ": no such ZIP entry");
  }
  const Entry& e = entries_[static_cast<size_t>(index)];
  const std::string where = name_ + "!/" + e.name;
  if (e.size > max_bytes) {
    return ResourceExhaustedError(where + ": 解压后过大（" + std::to_string(e.size) +
                                  " 字节） (entry too large)");
  }
  zip_file_t* f = zip_fopen_index(archive_, static_cast<zip_uint64_t>(index), 0);
  if (!f) {
    std::string why = zip_strerror(archive_);
    return DataLossError(where + ": 无法解压 (cannot inflate: " + why + ")");
  }
  std::string out;
  char buf[64 * 1024];
  while (true) {
    zip_int64_t got = zip_fread(f, buf, sizeof buf);
    if (got < 0) {
      std::string why = zip_file_strerror(f);
      zip_fclose(f);
      return DataLossError(where + ": 解压失败 (inflate failed: " + why + ")");
    }
    if (got == 0) break;
    out.append(buf, static_cast<size_t>(got));
    total_read_ += static_cast<uint64_t>(got);
    if (out.size() > max_bytes || total_read_ > kMaxUncompressedBytes) {
      zip_fclose(f);
      return ResourceExhaustedError(where + ": 解压后超过上限（疑似 ZIP 炸弹） (inflates beyond the limit: ZIP bomb refused)");
    }
  }
  zip_fclose(f);
  return out;
}

}  // namespace gongkai::ingest_internal
