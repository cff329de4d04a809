#include "gongkai/file.h"

#include <cstdint>
#include <fstream>

namespace gongkai {

StatusOr<std::string> ReadFileToString(const std::string& path, size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError(path + ": 无法打开文件 (cannot open file)");
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  if (size < 0) return IoError(path + ": 无法读取文件 (cannot read file)");
  if (static_cast<uint64_t>(size) > max_bytes) {
    return ResourceExhaustedError(path + ": 文件过大（" + std::to_string(size) + " 字节，上限 " +
                                  std::to_string(max_bytes) + "） (file too large)");
  }
  in.seekg(0);
  std::string bytes(static_cast<size_t>(size), '\0');
  if (size > 0 && !in.read(bytes.data(), size)) {
    return IoError(path + ": 读取失败 (read failed)");
  }
  return bytes;
}

}  // namespace gongkai
