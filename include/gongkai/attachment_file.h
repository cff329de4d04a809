// Reading an attachment from disk for Ledger::Register, within a size limit.
#pragma once

#include <cstdint>
#include <string>

#include "gongkai/status.h"
#include "gongkai/store.h"

namespace gongkai {

// Reads the regular file at `path` as an attachment named after its last path component (as
// given; Ledger::Register escapes it). Refuses, without reading a byte, anything that is not a
// regular file (a FIFO, a device, a directory) and a file larger than `max_bytes`; a file that
// grows past `max_bytes` while being read is refused too. Errors name the path.
StatusOr<Attachment> ReadAttachment(const std::string& path, int64_t max_bytes);

}  // namespace gongkai
