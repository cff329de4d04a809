// The web server: the public 政府信息公开专栏 of every agency in the ledger, online applications
// (条例 Art. 29) and their status by query code, search, and the JSON API under /api/v1/.
//
// Every page calls the same library functions as the command line (CaseStore, Ledger,
// renderers); the web layer holds no rules and no SQL. Serve() blocks until SIGINT or SIGTERM,
// then stops accepting, lets requests in progress finish and returns.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "gongkai/calendar.h"
#include "gongkai/status.h"

namespace gongkai {

struct WebOptions {
  std::string db_path = "gongkai.db";
  std::string address = "127.0.0.1";
  uint16_t port = 8080;  // 0: an ephemeral port (see on_listening)
  int threads = 2;
  // The folder holding web/templates, web/static and calendar; empty: the default data folder
  // (as WorkCalendar::DefaultDir, one level up).
  std::string data_dir;
  // The day the server takes as today (tests, demos); unset: the local date.
  std::optional<Date> today;
  // Limits.
  size_t max_body_bytes = 12 << 20;       // whole request body
  size_t max_attachment_bytes = 5 << 20;  // each attachment
  int max_attachments = 3;
  size_t max_connections = 2048;
  int submissions_per_hour = 10;  // per client: applications (form and API)
  int lookups_per_minute = 30;    // per client: status look-ups
  int logins_per_minute = 10;     // per client: staff login attempts (and accounts.h's lockout)
  // Staff sessions (accounts.h): end after this long unused, and this long after login.
  int session_idle_minutes = 30;
  int session_absolute_hours = 8;
  // How often documents and reports added meanwhile are taken into the search index.
  int search_refresh_seconds = 60;
  // The CSRF key file shared by every server of one database (created if missing; see
  // src/web/csrf.h); empty: a random key of this process, for a single server.
  std::string secret_file;
  // The address of a reverse proxy (nginx) whose X-Real-IP header names the client; empty: the
  // peer is the client.
  std::string trusted_proxy;
  bool access_log = true;           // one JSON line per request on stderr
  std::string soffice = "soffice";  // LibreOffice, for PDF downloads
  // Called once the server listens, with the port (tests use port 0).
  void (*on_listening)(uint16_t port, void* arg) = nullptr;
  void* on_listening_arg = nullptr;
};

// Runs the server until SIGINT/SIGTERM or RequestWebServerStop(). Errors: the database, the
// templates or the port cannot be opened.
Status ServeWeb(const WebOptions& options);

// Asks every ServeWeb running in this process to stop as on SIGTERM. Thread-safe.
void RequestWebServerStop();

}  // namespace gongkai
