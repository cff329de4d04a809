// Internal to the renderers: a private temporary directory, removed with everything in it when
// the object goes out of scope. Not copyable.
#pragma once

#include <string>

#include "gongkai/status.h"

namespace gongkai::render_internal {

class TempDir {
 public:
  // Creates a fresh directory under `base` (default: $TMPDIR, else /tmp).
  static StatusOr<TempDir> Create(const std::string& base);

  TempDir(TempDir&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }
  TempDir& operator=(TempDir&&) = delete;
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir();

  const std::string& path() const { return path_; }

 private:
  explicit TempDir(std::string path) : path_(std::move(path)) {}
  std::string path_;
};

}  // namespace gongkai::render_internal
