#include "gongkai/attachment_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "gongkai/ledger_limits.h"

namespace gongkai {
namespace {

// Closes a file descriptor at scope exit.
struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) close(fd);
  }
};

std::string Shown(const std::string& path) { return EscapeFileName(path); }

}  // namespace

StatusOr<Attachment> ReadAttachment(const std::string& path, int64_t max_bytes) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
  Fd f{open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
  if (f.fd < 0) {
    return NotFoundError("附件 " + Shown(path) + " 无法打开 (cannot open attachment): " +
                         std::strerror(errno));
  }
  struct stat st {};
  if (fstat(f.fd, &st) != 0) {
    return IoError("附件 " + Shown(path) + " 无法读取 (cannot stat attachment)");
  }
  if (!S_ISREG(st.st_mode)) {
    return InvalidArgumentError("附件 " + Shown(path) +
                                " 不是普通文件（管道、设备或目录）(attachment is not a regular file)");
  }
  auto too_large = [&](int64_t size) {
    return ResourceExhaustedError("附件 " + Shown(path) + " 大小 " + std::to_string(size) +
                                  " 字节，超过上限 " + std::to_string(max_bytes) +
                                  " 字节 (attachment larger than the maximum)");
  };
  if (st.st_size > max_bytes) return too_large(st.st_size);
  Attachment a;
  size_t slash = path.find_last_of('/');
  a.name = slash == std::string::npos ? path : path.substr(slash + 1);
  a.content.reserve(static_cast<size_t>(st.st_size));
  char buf[1 << 16];
  for (;;) {
    ssize_t n = read(f.fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return IoError("附件 " + Shown(path) + " 读取失败 (read failed)");
    if (n == 0) break;
    if (static_cast<int64_t>(a.content.size()) + n > max_bytes) {
      return too_large(static_cast<int64_t>(a.content.size()) + n);
    }
    a.content.append(buf, static_cast<size_t>(n));
  }
  a.size = static_cast<int64_t>(a.content.size());
  return a;
}

}  // namespace gongkai
