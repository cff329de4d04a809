#include "access_log.h"

#include <chrono>
#include <ctime>
#include <nlohmann/json.hpp>

#include "gongkai/text_safety.h"

namespace gongkai::web {

std::string RedactPath(const std::string& path) {
  const std::string key = "/applications/";
  size_t at = path.find(key);
  if (at == std::string::npos || at + key.size() >= path.size()) return path;
  size_t end = path.find('/', at + key.size());
  return path.substr(0, at + key.size()) + "*" + (end == std::string::npos ? "" : path.substr(end));
}

std::string FormatAccessRecord(const AccessRecord& r) {
  auto now = std::chrono::system_clock::now();
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  int ms = static_cast<int>(
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char ts[96];
  std::snprintf(ts, sizeof ts, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
  nlohmann::json j = {{"ts", ts},
                      {"client", r.client},
                      {"method", TerminalSafe(r.method)},
                      {"path", TerminalSafe(RedactPath(r.path))},
                      {"status", r.status},
                      {"bytes", r.bytes},
                      {"us", r.micros}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void WriteAccessRecord(std::FILE* out, const AccessRecord& r) {
  std::string line = FormatAccessRecord(r) + "\n";
  std::fwrite(line.data(), 1, line.size(), out);
}

}  // namespace gongkai::web
