// ServeWeb (web.h): RESTinio on a pool of threads sharing one asio io_context. The HTTP library
// stays in this file: requests are converted to HttpRequest, routed, and the HttpResponse sent
// with the security headers, then logged.
#include <csignal>
#include <list>
#include <mutex>
#include <restinio/all.hpp>
#include <thread>

#include "access_log.h"
#include "gongkai/decode.h"
#include "page_cache.h"
#include "routes.h"

namespace gongkai {
namespace {

using namespace web;

struct Traits : restinio::default_traits_t {
  static constexpr bool use_connection_count_limiter = true;
};
using Server = restinio::http_server_t<Traits>;

namespace config {
// Limits on what a client may send (the body limit is WebOptions::max_body_bytes).
constexpr size_t kMaxUrlBytes = 8 << 10;
constexpr size_t kMaxHeaderNameBytes = 256;
constexpr size_t kMaxHeaderValueBytes = 8 << 10;
constexpr size_t kMaxHeaderFields = 100;
constexpr std::chrono::seconds kReadTimeout{30};
constexpr std::chrono::seconds kWriteTimeout{30};
// A PDF download runs LibreOffice.
constexpr std::chrono::seconds kHandleTimeout{120};
// Public pages are re-expanded at most this often (a change shows within this time).
constexpr std::chrono::milliseconds kPageCacheTtl{2000};
constexpr size_t kPageCacheEntries = 4096;
}  // namespace config

// The stop functions of the servers running in this process (RequestWebServerStop).
std::mutex g_stop_mu;
std::list<std::function<void()>> g_stops;

const char* ReasonPhrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 303:
      return "See Other";
    case 400:
      return "Bad Request";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 413:
      return "Payload Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Entity";
    case 429:
      return "Too Many Requests";
    case 503:
      return "Service Unavailable";
    default:
      return status < 500 ? "Client Error" : "Server Error";
  }
}

// Converts the RESTinio request. False if the target is malformed. The client is the peer's
// address, or the X-Real-IP that `trusted_proxy` (nginx in front: it sets the header itself, so
// a client cannot) reports, so that rate limits count each visitor, not the proxy.
bool ConvertRequest(const restinio::request_handle_t& in, const std::string& trusted_proxy,
                    HttpRequest* out) {
  const auto& h = in->header();
  out->method = std::string(h.method().c_str());
  auto path = h.path();
  if (!PercentDecode(std::string_view(path.data(), path.size()), false, &out->path)) return false;
  auto query = h.query();
  if (!ParseUrlEncoded(std::string_view(query.data(), query.size()), &out->query)) return false;
  h.for_each_field([out](const restinio::http_header_field_t& f) {
    out->headers[AsciiLower(f.name())] = f.value();
  });
  out->cookies = ParseCookies(out->Header("cookie"));
  out->body = in->body();
  out->client = in->remote_endpoint().address().to_string();
  if (!trusted_proxy.empty() && out->client == trusted_proxy) {
    std::error_code bad;
    asio::ip::address real = asio::ip::make_address(out->Header("x-real-ip"), bad);
    if (!bad) out->client = real.to_string();
  }
  return true;
}

// The page cache's key: what a cacheable page depends on besides the database.
std::string CacheKey(const HttpRequest& req) {
  std::string key = req.path;
  for (const auto& [k, v] : req.query) key += "\x1f" + k + "=" + v;
  return key + "\x1e" + req.Cookie("gk_display");
}

HttpResponse Dispatch(const Router& router, Site& site, PageCache& cache, HttpRequest& req) {
  bool path_known = false, cacheable = false;
  const Handler* h = router.Match(&req, &path_known, &cacheable);
  if (!h) {
    if (path_known) return TextResponse(405, "不支持的请求方法 (method not allowed)");
    return site.ErrorPage(req, 404, "页面不存在");
  }
  cacheable = cacheable && (req.method == "GET" || req.method == "HEAD");
  std::string key;
  if (cacheable) {
    key = CacheKey(req);
    if (std::optional<HttpResponse> hit = cache.Find(key, site.CsrfToken(req))) return *hit;
  }
  try {
    HttpResponse r = (*h)(req);
    if (cacheable && r.status == 200 && r.content_type.rfind("text/html", 0) == 0) {
      cache.Store(key, r, site.CsrfToken(req));
    }
    return r;
  } catch (const std::exception& e) {
    return TextResponse(500, "服务器内部错误 (internal error)");
  }
}

void Send(const restinio::request_handle_t& in, const HttpRequest& req, HttpResponse r, bool log,
          std::chrono::steady_clock::time_point start) {
  auto resp = in->create_response(restinio::http_status_line_t(
      restinio::http_status_code_t{static_cast<std::uint16_t>(r.status)}, ReasonPhrase(r.status)));
  resp.append_header(restinio::http_field::content_type, r.content_type);
  for (const auto& [name, value] : SecurityHeaders()) resp.append_header(name, value);
  for (const auto& [name, value] : r.headers) resp.append_header(name, value);
  const uint64_t bytes = r.body.size();
  if (req.method != "HEAD") resp.set_body(std::move(r.body));
  resp.done();
  if (log) {
    WriteAccessRecord(stderr, {req.client, req.method, req.path, r.status, bytes,
                               std::chrono::duration_cast<std::chrono::microseconds>(
                                   std::chrono::steady_clock::now() - start)
                                   .count()});
  }
}

// A free port on `address` (for port 0).
StatusOr<uint16_t> FreePort(const std::string& address) {
  try {
    asio::io_context io;
    asio::ip::tcp::acceptor a(io, asio::ip::tcp::endpoint(asio::ip::make_address(address), 0));
    return a.local_endpoint().port();
  } catch (const std::exception& e) {
    return IoError(std::string("无法选择端口 (cannot pick a port): ") + e.what());
  }
}

}  // namespace

void RequestWebServerStop() {
  std::lock_guard<std::mutex> lock(g_stop_mu);
  for (const auto& stop : g_stops) stop();
}

Status ServeWeb(const WebOptions& options) {
  GONGKAI_ASSIGN_OR_RETURN(std::unique_ptr<Site> site, Site::Open(options));
  const Router router = BuildRouter(*site);
  PageCache cache(config::kPageCacheTtl, config::kPageCacheEntries);
  uint16_t port = options.port;
  if (port == 0) {
    GONGKAI_ASSIGN_OR_RETURN(port, FreePort(options.address));
  }

  asio::io_context io;
  auto settings =
      restinio::server_settings_t<Traits>{}
          .address(options.address)
          .port(port)
          .max_parallel_connections(options.max_connections)
          .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                        .max_url_size(config::kMaxUrlBytes)
                                        .max_field_name_size(config::kMaxHeaderNameBytes)
                                        .max_field_value_size(config::kMaxHeaderValueBytes)
                                        .max_field_count(config::kMaxHeaderFields)
                                        .max_body_size(options.max_body_bytes))
          .read_next_http_message_timelimit(config::kReadTimeout)
          .write_http_response_timelimit(config::kWriteTimeout)
          .handle_request_timeout(config::kHandleTimeout)
          .request_handler([&](const restinio::request_handle_t& in) {
            auto start = std::chrono::steady_clock::now();
            HttpRequest req;
            HttpResponse r = ConvertRequest(in, options.trusted_proxy, &req)
                                 ? Dispatch(router, *site, cache, req)
                                 : TextResponse(400, "请求地址格式错误 (malformed request target)");
            Send(in, req, std::move(r), options.access_log, start);
            return restinio::request_accepted();
          });
  Server server{restinio::external_io_context(io), std::move(settings)};
  asio::steady_timer refresh(io);  // search index refresh, see below

  Status failure;
  std::once_flag closing;
  auto close = [&] {
    std::call_once(closing, [&] {
      refresh.cancel();
      server.close_async([&] { io.stop(); }, [&](std::exception_ptr) { io.stop(); });
    });
  };
  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const asio::error_code& ec, int) {
    if (!ec) close();
  });
  std::list<std::function<void()>>::iterator registered;
  {
    std::lock_guard<std::mutex> lock(g_stop_mu);
    registered = g_stops.insert(g_stops.end(), [&] { asio::post(io, close); });
  }
  // Documents and reports added while the server runs reach the search index within
  // options.search_refresh_seconds (the index is rebuilt from the registry and the report
  // catalogue).
  std::function<void()> schedule_refresh = [&] {
    refresh.expires_after(std::chrono::seconds(std::max(1, options.search_refresh_seconds)));
    refresh.async_wait([&](const asio::error_code& ec) {
      if (ec) return;
      if (Status s = site->RebuildSearchIndex(); !s.ok()) {
        std::fprintf(stderr, "gongkai serve: 检索索引更新失败 (search index refresh failed): %s\n",
                     s.message().c_str());
      }
      schedule_refresh();
    });
  };
  schedule_refresh();
  server.open_async(
      [&] {
        if (options.on_listening) options.on_listening(port, options.on_listening_arg);
      },
      [&](std::exception_ptr ex) {
        try {
          std::rethrow_exception(ex);
        } catch (const std::exception& e) {
          failure = IoError("无法监听 " + options.address + ":" + std::to_string(port) +
                            " (cannot listen): " + e.what());
        }
        io.stop();
      });
  std::vector<std::thread> pool;
  for (int i = 1; i < std::max(1, options.threads); ++i) pool.emplace_back([&] { io.run(); });
  io.run();
  for (std::thread& t : pool) t.join();
  {
    std::lock_guard<std::mutex> lock(g_stop_mu);
    g_stops.erase(registered);
  }
  return failure;
}

}  // namespace gongkai
