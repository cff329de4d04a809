// Reading whole files. Thread-safe.
#pragma once

#include <cstddef>
#include <limits>
#include <string>

#include "gongkai/status.h"

namespace gongkai {

// Returns the bytes of the file at `path`. Errors name the path: kNotFound when it cannot be
// opened, kInvalidArgument when it is not a regular file (a FIFO, device, socket or directory is
// refused without reading, so it never blocks), kResourceExhausted when it is larger than
// `max_bytes` (checked before reading), kIoError when reading fails.
StatusOr<std::string> ReadFileToString(const std::string& path,
                                       size_t max_bytes = std::numeric_limits<size_t>::max());

}  // namespace gongkai
