// Internal to the web server: the request and response as route handlers see them, independent
// of the HTTP library (server.cc converts), so handlers are plain functions that tests can call.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gongkai::web {

struct HttpRequest {
  std::string method;  // "GET", "POST", …
  std::string path;    // percent-decoded, without the query
  std::multimap<std::string, std::string> query;
  std::map<std::string, std::string> headers;  // names lowercased
  std::map<std::string, std::string> cookies;
  std::string body;
  std::string client;               // the peer's IP address
  std::vector<std::string> params;  // the router's captures, in order
  mutable std::string csrf_token;   // the CSRF token of the response (Site::CsrfToken)

  // The first query parameter `name`, or "".
  std::string Query(const std::string& name) const;
  std::string Header(const std::string& lowercase_name) const;
  std::string Cookie(const std::string& name) const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // added to the security headers

  HttpResponse& With(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

// Decodes %XX and (when `plus_is_space`) '+'. Returns false on a malformed escape.
bool PercentDecode(std::string_view in, bool plus_is_space, std::string* out);
std::string PercentEncode(std::string_view in);
// Parses "a=1&b=2" (application/x-www-form-urlencoded). Returns false if malformed.
bool ParseUrlEncoded(std::string_view body, std::multimap<std::string, std::string>* out);
// Parses a Cookie header.
std::map<std::string, std::string> ParseCookies(std::string_view header);

// Headers every response carries: strict CSP (no inline script or style), nosniff,
// frame-ancestors none, referrer policy.
const std::vector<std::pair<std::string, std::string>>& SecurityHeaders();

HttpResponse JsonResponse(int status, std::string json);
HttpResponse TextResponse(int status, std::string text);
HttpResponse RedirectResponse(const std::string& location);  // 303 See Other

// A form field or JSON value: the first value of `name`, or "".
std::string FormValue(const std::multimap<std::string, std::string>& form, const std::string& name);

}  // namespace gongkai::web
