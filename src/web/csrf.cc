#include "csrf.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace gongkai::web {
namespace {

constexpr size_t kNonceBytes = 16;

std::string Hex(const unsigned char* bytes, size_t n) {
  std::string out(2 * n + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, n);
  out.pop_back();
  return out;
}

constexpr size_t kKeyHex = 2 * crypto_auth_KEYBYTES;

Status FileError(const std::string& path, const std::string& zh, const std::string& en) {
  return IoError("密钥文件 " + path + " " + zh + " (secret file " + path + ": " + en + ")");
}

// Writes a fresh key to a private temporary file and links it to `path`: link() fails rather
// than replace, so of servers racing to create the file exactly one key wins, and no reader
// ever sees a half-written file.
Status CreateKeyFile(const std::string& path) {
  unsigned char key[crypto_auth_KEYBYTES];
  crypto_auth_keygen(key);
  std::string text = Hex(key, sizeof key) + "\n";
  sodium_memzero(key, sizeof key);
  std::string tmp = path + ".new." + std::to_string(getpid());
  int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return FileError(path, "无法创建", std::strerror(errno));
  bool written = write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                 fsync(fd) == 0;
  sodium_memzero(text.data(), text.size());
  int saved = errno;
  close(fd);
  if (!written) {
    unlink(tmp.c_str());
    return FileError(path, "写入失败", std::strerror(saved));
  }
  int linked = link(tmp.c_str(), path.c_str());
  saved = errno;
  unlink(tmp.c_str());
  if (linked != 0 && saved != EEXIST) return FileError(path, "无法创建", std::strerror(saved));
  return Status::Ok();
}

}  // namespace

StatusOr<CsrfGuard> CsrfGuard::FromKeyFile(const std::string& path) {
  if (sodium_init() < 0) std::abort();
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 && errno == ENOENT) {
    GONGKAI_RETURN_IF_ERROR(CreateKeyFile(path));
    fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  }
  if (fd < 0) return FileError(path, "无法读取", std::strerror(errno));
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return FileError(path, "不是普通文件", "not a regular file");
  }
  if ((st.st_mode & 077) != 0) {
    close(fd);
    return FileError(path, "可被其他用户读取，请执行 chmod 600",
                     "readable by group or others; chmod 600 it");
  }
  char text[kKeyHex + 2];
  ssize_t n = read(fd, text, sizeof text);
  close(fd);
  size_t len = n < 0 ? 0 : static_cast<size_t>(n);
  if (len == kKeyHex + 1 && text[kKeyHex] == '\n') len = kKeyHex;
  CsrfGuard guard;
  size_t got = 0;
  bool ok = len == kKeyHex && sodium_hex2bin(guard.key_, sizeof guard.key_, text, kKeyHex,
                                              nullptr, &got, nullptr) == 0 &&
            got == sizeof guard.key_;
  sodium_memzero(text, sizeof text);
  if (!ok) {
    return FileError(path, "应只含 64 位十六进制密钥", "expects 64 hex digits, one 32-byte key");
  }
  return guard;
}

CsrfGuard::CsrfGuard() {
  if (sodium_init() < 0) std::abort();
  crypto_auth_keygen(key_);
}

std::string CsrfGuard::NewToken() const {
  unsigned char nonce[kNonceBytes];
  randombytes_buf(nonce, sizeof nonce);
  unsigned char tag[crypto_auth_BYTES];
  crypto_auth(tag, nonce, sizeof nonce, key_);
  return Hex(nonce, sizeof nonce) + "." + Hex(tag, sizeof tag);
}

bool CsrfGuard::Verify(std::string_view field, std::string_view cookie) const {
  if (field.empty() || field.size() != cookie.size() ||
      sodium_memcmp(field.data(), cookie.data(), field.size()) != 0) {
    return false;
  }
  size_t dot = field.find('.');
  if (dot != 2 * kNonceBytes || field.size() != dot + 1 + 2 * crypto_auth_BYTES) return false;
  unsigned char nonce[kNonceBytes], tag[crypto_auth_BYTES];
  size_t n = 0;
  if (sodium_hex2bin(nonce, sizeof nonce, field.data(), dot, nullptr, &n, nullptr) != 0 ||
      n != sizeof nonce) {
    return false;
  }
  if (sodium_hex2bin(tag, sizeof tag, field.data() + dot + 1, 2 * crypto_auth_BYTES, nullptr, &n,
                     nullptr) != 0 ||
      n != sizeof tag) {
    return false;
  }
  return crypto_auth_verify(tag, nonce, sizeof nonce, key_) == 0;
}

}  // namespace gongkai::web
