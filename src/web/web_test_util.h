// Test helpers for the web server: a real server on an ephemeral port over a temporary ledger,
// and a minimal HTTP/1.1 client on POSIX sockets (so the tests exercise the real parser).
#pragma once

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include "gongkai/documents.h"
#include "gongkai/ledger.h"
#include "gongkai/web.h"

namespace gongkai::web::testing {

struct TestResponse {
  int status = 0;                                   // 0: the connection closed without a response
  std::multimap<std::string, std::string> headers;  // names lowercased
  std::string body;
  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

// Sends `raw` to 127.0.0.1:port and reads until the server closes.
inline TestResponse SendRaw(uint16_t port, const std::string& raw) {
  TestResponse r;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return r;
  }
  size_t sent = 0;
  while (sent < raw.size()) {
    ssize_t n = send(fd, raw.data() + sent, raw.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<size_t>(n);
  }
  std::string in;
  char buf[65536];
  while (true) {
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    in.append(buf, static_cast<size_t>(n));
  }
  close(fd);
  size_t head_end = in.find("\r\n\r\n");
  if (in.compare(0, 9, "HTTP/1.1 ") != 0 || head_end == std::string::npos) return r;
  r.status = std::stoi(in.substr(9, 3));
  size_t line = in.find("\r\n") + 2;
  while (line < head_end) {
    size_t eol = in.find("\r\n", line);
    std::string h = in.substr(line, eol - line);
    size_t colon = h.find(':');
    std::string name = h.substr(0, colon);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    size_t v = colon + 1;
    while (v < h.size() && h[v] == ' ') ++v;
    r.headers.emplace(name, h.substr(v));
    line = eol + 2;
  }
  r.body = in.substr(head_end + 4);
  return r;
}

inline TestResponse Send(uint16_t port, const std::string& method, const std::string& target,
                         const std::string& body = "",
                         const std::map<std::string, std::string>& headers = {}) {
  std::string raw = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  for (const auto& [k, v] : headers) raw += k + ": " + v + "\r\n";
  if (!body.empty() || method == "POST")
    raw += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  raw += "\r\n" + body;
  return SendRaw(port, raw);
}

// The CSRF token a page hands out: its cookie value (equal to the form field).
inline std::string CsrfCookie(const TestResponse& r) {
  auto range = r.headers.equal_range("set-cookie");
  for (auto it = range.first; it != range.second; ++it) {
    if (it->second.rfind("gk_csrf=", 0) == 0) {
      return it->second.substr(8, it->second.find(';') - 8);
    }
  }
  return "";
}

// A multipart/form-data body; files are (field, filename, content).
inline std::string Multipart(const std::map<std::string, std::string>& fields,
                             const std::vector<std::array<std::string, 3>>& files,
                             const std::string& boundary = "XyZb0undary") {
  std::string b;
  for (const auto& [k, v] : fields) {
    b += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v +
         "\r\n";
  }
  for (const auto& f : files) {
    b += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f[0] +
         "\"; filename=\"" + f[1] + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + f[2] +
         "\r\n";
  }
  return b + "--" + boundary + "--\r\n";
}

// A ledger with two agencies, a finished year of requests (2025) and published documents, and a
// server on it, on an ephemeral port, with "today" fixed at 2026-03-02. The access log is off
// unless `access_log` (it goes to stderr).
class TestServer {
 public:
  explicit TestServer(const std::string& name, WebOptions options = {}, bool access_log = false) {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("gongkai_web_" + name + "_" + std::to_string(getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    db_ = (dir_ / "ledger.db").string();
    Fill();
    options.db_path = db_;
    options.port = 0;
    options.data_dir = std::string(GONGKAI_SOURCE_DIR) + "/data";
    options.today = Date::FromYmd(2026, 3, 2);
    options.access_log = access_log;
    options.on_listening = &TestServer::OnListening;
    options.on_listening_arg = this;
    thread_ = std::thread([this, options] {
      status_ = ServeWeb(options);
      Listening(0);
    });
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return ready_; });
  }
  ~TestServer() {
    RequestWebServerStop();
    thread_.join();
    std::filesystem::remove_all(dir_);
  }
  uint16_t port() const { return port_; }
  const Status& status() const { return status_; }
  const std::string& db() const { return db_; }
  int64_t agency() const { return agency_; }
  int64_t region() const { return region_; }
  int64_t document() const { return document_; }

 private:
  static void OnListening(uint16_t port, void* self) {
    static_cast<TestServer*>(self)->Listening(port);
  }
  void Listening(uint16_t port) {
    std::lock_guard<std::mutex> lock(mu_);
    if (!ready_) port_ = port;
    ready_ = true;
    cv_.notify_all();
  }
  void Fill() {
    auto store = OpenSqliteStore(db_, {.durable = false});
    ASSERT_TRUE(store.ok()) << store.status().message();
    auto cal = WorkCalendar::LoadDir(std::string(GONGKAI_SOURCE_DIR) + "/data/calendar");
    ASSERT_TRUE(cal.ok());
    Ledger ledger(store->get(), &*cal);
    region_ = *(*store)->AddAgency({0, "内蒙古自治区人民政府", 0, AgencyKind::kRegion}, "t");
    agency_ = *(*store)->AddAgency(
        {0, "<script>alert(1)</script>民族事务委员会", region_, AgencyKind::kDepartment}, "t");
    int64_t applicant = *(*store)->AddApplicant({0, ApplicantKind::kNatural, "王某"},
                                                {"150102", "138", "呼和浩特"}, "t");
    NewRequest n;
    n.agency_id = agency_;
    n.applicant_id = applicant;
    n.dates.confirmed = Date::FromYmd(2025, 3, 3);
    n.content = "2024年部门决算";
    n.form = "电子邮件";
    n.actor = "t";
    auto id = ledger.Register(n);
    ASSERT_TRUE(id.ok()) << id.status().message();
    ASSERT_TRUE(
        ledger
            .Reply(
                *id,
                {Date::FromYmd(2025, 3, 20), "t", {"granted"}, "《条例》第三十六条", "予以公开。"})
            .ok());
    auto registry = OpenDocumentRegistry(**store);
    ASSERT_TRUE(registry.ok());
    PublishedDocument d;
    d.agency_id = agency_;
    d.index_number = "MB001-2025-00001";
    d.title = "关于草原生态保护补助资金发放情况的通告";
    d.category = "资金使用";
    d.publisher = "民族事务委员会";
    d.created = Date::FromYmd(2025, 5, 6);
    d.body = "为落实草原生态保护补助奖励政策，现予公开。";
    document_ = *(*registry)->Add(d, "t");
    d.index_number = "MB001-2025-00002";
    d.title = "不予公开的内部文件";
    d.mode = DisclosureMode::kNotDisclosed;
    hidden_document_ = *(*registry)->Add(d, "t");
  }

  std::filesystem::path dir_;
  std::string db_;
  int64_t region_ = 0, agency_ = 0, document_ = 0, hidden_document_ = 0;
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool ready_ = false;
  uint16_t port_ = 0;
  Status status_;
};

}  // namespace gongkai::web::testing
