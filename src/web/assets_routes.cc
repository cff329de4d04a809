// /healthz, the static assets and the display switch (large text + high contrast).
#include "routes.h"

namespace gongkai::web {

void AddAssetRoutes(Router& router, Site& site) {
  router.Add("GET", "/healthz", [&site](HttpRequest&) {
    StatusOr<LedgerSession*> s = site.Session();
    if (!s.ok()) return JsonResponse(503, R"({"status":"unavailable"})");
    return JsonResponse(200, R"({"status":"ok"})");
  });
  router.Add("GET", "/static/:file", [&site](HttpRequest& req) {
    const StaticAsset* a = site.assets().Find(req.path);
    if (!a) return TextResponse(404, "没有这个文件 (not found)");
    HttpResponse r;
    r.content_type = a->content_type;
    r.body = a->body;
    r.With("Cache-Control", "public, max-age=31536000, immutable");
    return r;
  });
  // The switch works without JavaScript: a form posts here and comes back (display.js only
  // saves the round trip). The choice persists in a cookie for a year.
  router.Add("POST", "/display", [&site](HttpRequest& req) {
    std::multimap<std::string, std::string> form;
    if (!ParseUrlEncoded(req.body, &form) || !site.CsrfOk(req, FormValue(form, kCsrfField))) {
      return site.ErrorPage(req, 403, "表单已过期，请返回后重试 (invalid form token)");
    }
    std::string mode = FormValue(form, "mode") == "large" ? "large" : "normal";
    std::string back = FormValue(form, "return");
    // Only a local path: never an open redirect.
    if (back.empty() || back[0] != '/' ||
        (back.size() > 1 && (back[1] == '/' || back[1] == '\\'))) {
      back = "/";
    }
    for (char c : back) {
      if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) back = "/";
    }
    return RedirectResponse(back).With(
        "Set-Cookie", "gk_display=" + mode + "; Path=/; Max-Age=31536000; SameSite=Lax");
  });
}

}  // namespace gongkai::web
