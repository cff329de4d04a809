// Internal to the web server: the access log, one JSON object per request on one line:
// {"ts":"2026-12-03T04:30:00.123Z","client":"127.0.0.1","method":"GET","path":"/","status":200,
//  "bytes":1234,"us":210}. Query codes in paths are replaced by "*" so the log never holds a key
// to someone's application. Thread-safe (one write per line).
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

namespace gongkai::web {

struct AccessRecord {
  std::string client, method, path;
  int status = 0;
  uint64_t bytes = 0;
  int64_t micros = 0;
};

// The path as logged: segments after /applications/ redacted.
std::string RedactPath(const std::string& path);
// The log line (without the newline).
std::string FormatAccessRecord(const AccessRecord& r);
// Writes the line and a newline to `out` in one call.
void WriteAccessRecord(std::FILE* out, const AccessRecord& r);

}  // namespace gongkai::web
