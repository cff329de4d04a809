// Internal: reading the members of a ZIP archive held in memory, within limits.
//
// Opening checks the entry count and the total declared uncompressed size against the limits in
// importer.h (a ZIP bomb is refused before anything is inflated); reading enforces the actual
// sizes too, since a hostile archive may declare less than it inflates to. Not thread-safe; one
// reader per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "gongkai/status.h"

struct zip;

namespace gongkai::ingest_internal {

class ZipReader {
 public:
  struct Entry {
    std::string name;  // path inside the archive
    uint64_t size = 0;  // declared uncompressed size
    bool directory = false;
  };

  // Opens `bytes`, which must stay alive while the reader is used. `name` names the archive in
  // errors.
  static StatusOr<std::unique_ptr<ZipReader>> Open(std::string_view bytes, const std::string& name);

  ZipReader(const ZipReader&) = delete;
  ZipReader& operator=(const ZipReader&) = delete;
  ~ZipReader();

  const std::vector<Entry>& entries() const { return entries_; }
  // Returns the index of the entry with this exact path, or -1.
  int Find(std::string_view path) const;
  // Reads an entry whole. Fails when it inflates to more than `max_bytes`, or when the archive's
  // total read so far would pass kMaxUncompressedBytes.
  StatusOr<std::string> Read(int index, size_t max_bytes);

 private:
  ZipReader(zip* archive, std::string name) : archive_(archive), name_(std::move(name)) {}

  zip* archive_;
  std::string name_;
  std::vector<Entry> entries_;
  uint64_t total_read_ = 0;
};

}  // namespace gongkai::ingest_internal
