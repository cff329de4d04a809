#include "temp_dir.h"

#include <stdlib.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace gongkai::render_internal {

StatusOr<TempDir> TempDir::Create(const std::string& base) {
  std::string dir = base;
  if (dir.empty()) {
    const char* env = std::getenv("TMPDIR");
    dir = env && *env ? env : "/tmp";
  }
  std::string pattern = dir + "/gongkai-render-XXXXXX";
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  if (mkdtemp(buf.data()) == nullptr) {
    return IoError(dir + ": 无法创建临时目录 (cannot create a temporary directory): " +
                   std::strerror(errno));
  }
  return TempDir(std::string(buf.data()));
}

TempDir::~TempDir() {
  if (path_.empty()) return;
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);  // best effort; nothing to report to
}


}  // namespace gongkai::render_internal
