#include "gongkai/file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

namespace gongkai {
namespace {

// Closes a file descriptor when it goes out of scope.
class FdCloser {
 public:
  explicit FdCloser(int fd) : fd_(fd) {}
  ~FdCloser() { ::close(fd_); }
  FdCloser(const FdCloser&) = delete;
  FdCloser& operator=(const FdCloser&) = delete;

 private:
  int fd_;
};

std::string FileKind(mode_t mode) {
  if (S_ISDIR(mode)) return "目录 (a directory)";
  if (S_ISFIFO(mode)) return "命名管道 (a FIFO)";
  if (S_ISSOCK(mode)) return "套接字 (a socket)";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "设备文件 (a device)";
  return "特殊文件 (a special file)";
}

}  // namespace

StatusOr<std::string> ReadFileToString(const std::string& path, size_t max_bytes) {
  // O_NONBLOCK: opening a FIFO for reading must not wait for a writer; the descriptor is
  // refused below before anything is read from it.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) {
    if (errno == ENOENT || errno == ENOTDIR) {
      return NotFoundError(path + ": 文件不存在 (no such file)");
    }
    return NotFoundError(path + ": 无法打开文件 (cannot open file: " + std::strerror(errno) + ")");
  }
  FdCloser closer(fd);
  struct stat st;
  if (::fstat(fd, &st) != 0) return IoError(path + ": 无法读取文件 (cannot read file)");
  if (!S_ISREG(st.st_mode)) {
    return InvalidArgumentError(path + ": 不是普通文件，而是" + FileKind(st.st_mode) +
                                "，不读取 (not a regular file)");
  }
  if (static_cast<uint64_t>(st.st_size) > max_bytes) {
    return ResourceExhaustedError(path + ": 文件过大（" + std::to_string(st.st_size) +
                                  " 字节，上限 " + std::to_string(max_bytes) +
                                  "） (file too large)");
  }
  // Regular files never block, so O_NONBLOCK is harmless from here on. The file may change
  // while it is read: never read more than its size at open time (bounded by max_bytes).
  std::string bytes(static_cast<size_t>(st.st_size), '\0');
  size_t got = 0;
  while (got < bytes.size()) {
    ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return IoError(path + ": 读取失败 (read failed: " + std::strerror(errno) + ")");
    if (n == 0) break;  // the file shrank while being read
    got += static_cast<size_t>(n);
  }
  bytes.resize(got);
  return bytes;
}

}  // namespace gongkai
