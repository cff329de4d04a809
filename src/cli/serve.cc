// gongkai serve: the web server (web.h) on a ledger database.
#include <cstdio>
#include <iostream>

#include "gongkai/web.h"
#include "ledger_options.h"

namespace gongkai::cli {
namespace {

void PrintListening(uint16_t port, void* arg) {
  const auto* address = static_cast<const std::string*>(arg);
  std::fprintf(stdout, "正在服务 (serving) http://%s:%u/\n", address->c_str(), port);
  std::fflush(stdout);
}

}  // namespace

int RunServe(const Args& args) {
  const char* kUsage =
      "用法 (usage): gongkai serve [--db PATH，默认 ./gongkai.db] [--listen 127.0.0.1:8080]\n"
      "                            [--threads N，默认 2] [--today YYYY-MM-DD] [--no-access-log]\n"
      "                            [--submissions-per-hour N，默认 10] [--lookups-per-minute "
      "N，默认 30]\n"
      "                            [--logins-per-minute N，默认 10] [--session-idle-minutes "
      "N，默认 30]\n"
      "                            [--session-hours N，默认 8] [--secret-file PATH]\n"
      "                            [--trusted-proxy 127.0.0.1]\n\n"
      "提供各机关的政府信息公开专栏、在线申请、凭查询码查询办理进度、检索和 /api/v1/ 接口；\n"
      "收到 SIGINT 或 SIGTERM 后停止接收新请求，处理完进行中的请求后退出。访问日志每个请求一行\n"
      "JSON，写到标准错误。同一数据库的多个服务器（负载均衡之后）须用同一个 --secret-file（表单\n"
      "防伪密钥，64 位十六进制；文件不存在时自动生成，权限 0600）。\n"
      "Serves the public disclosure columns, online applications, status by query code, search\n"
      "and the JSON API; stops gracefully on SIGINT/SIGTERM. Access log: one JSON line per\n"
      "request on stderr. Several servers of one database behind a load balancer share one\n"
      "--secret-file (the form-signing key, 64 hex digits; created 0600 if missing);\n"
      "--trusted-proxy: the reverse proxy whose X-Real-IP names the client (for rate limits).\n";
  CliOptions o;
  if (!o.Parse(args, 0, {"no-access-log"})) return UsageError("serve", o.error());
  if (o.help()) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (Status s = o.OnlyAllowed({"listen", "threads", "today", "no-access-log", "data-dir",
                                "submissions-per-hour", "lookups-per-minute", "logins-per-minute",
                                "session-idle-minutes", "session-hours", "secret-file",
                                "trusted-proxy"});
      !s.ok()) {
    return UsageError("serve", s.message());
  }
  WebOptions w;
  w.db_path = o.Get("db", "gongkai.db");
  std::string listen = o.Get("listen", "127.0.0.1:8080");
  size_t colon = listen.rfind(':');
  int port = -1;
  if (colon != std::string::npos) {
    try {
      size_t used = 0;
      port = std::stoi(listen.substr(colon + 1), &used);
      if (used != listen.size() - colon - 1) port = -1;
    } catch (const std::exception&) {
      port = -1;
    }
  }
  if (colon == std::string::npos || colon == 0 || port < 0 || port > 65535) {
    return UsageError("serve",
                      "--listen 应为 地址:端口，例如 127.0.0.1:8080 (expects ADDRESS:PORT)");
  }
  w.address = listen.substr(0, colon);
  w.port = static_cast<uint16_t>(port);
  if (o.Has("threads")) {
    StatusOr<int64_t> t = o.Int("threads");
    if (!t.ok() || *t < 1 || *t > 256) {
      return UsageError("serve", "--threads 应在 1 到 256 之间 (expects 1..256)");
    }
    w.threads = static_cast<int>(*t);
  }
  for (auto [key, target] :
       {std::pair<const char*, int*>{"submissions-per-hour", &w.submissions_per_hour},
        {"lookups-per-minute", &w.lookups_per_minute},
        {"logins-per-minute", &w.logins_per_minute},
        {"session-idle-minutes", &w.session_idle_minutes},
        {"session-hours", &w.session_absolute_hours}}) {
    if (!o.Has(key)) continue;
    StatusOr<int64_t> v = o.Int(key);
    if (!v.ok() || *v < 1 || *v > 100000000) {
      return UsageError("serve", std::string("--") + key + " 应在 1 到 100000000 之间");
    }
    *target = static_cast<int>(*v);
  }
  if (o.Has("today")) {
    StatusOr<Date> d = o.DateOf("today");
    if (!d.ok()) return UsageError("serve", d.status().message());
    w.today = *d;
  }
  w.data_dir = o.Get("data-dir");
  w.secret_file = o.Get("secret-file");
  w.trusted_proxy = o.Get("trusted-proxy");
  w.access_log = !o.Has("no-access-log");
  w.on_listening = PrintListening;
  w.on_listening_arg = &w.address;
  Status s = ServeWeb(w);
  if (!s.ok()) return Fail("serve", s);
  std::fputs("已停止 (stopped)\n", stdout);
  return 0;
}

}  // namespace gongkai::cli

GONGKAI_COMMAND("serve", "提供政府信息公开专栏网站 (run the web server)", gongkai::cli::RunServe)
