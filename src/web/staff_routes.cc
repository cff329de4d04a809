// The staff console's entrance (issue 12): login (with CSRF, a per-client rate limit and the
// store's lockout), logout, and the home page with the actor's agency and its open and overdue
// requests. Accounts, sessions and their rules live in the library (accounts.h).
#include "routes.h"
#include "staff_auth.h"

namespace gongkai::web {
namespace {

using Dict = ctemplate::TemplateDictionary;

HttpResponse LoginForm(Site& site, const HttpRequest& req, const std::string& login,
                       const std::string& next, const std::string& error, int status) {
  return StaffPage(
      site, req, nullptr, "工作人员登录", "staff_login.tpl",
      [&](Dict* d) {
        d->SetValue("LOGIN", login);
        d->SetValue("NEXT", SafeNextPath(next));
        if (!error.empty()) {
          d->ShowSection("ERROR");
          d->SetValue("MESSAGE", error);
        }
      },
      status);
}

HttpResponse PostLogin(Site& site, HttpRequest& req) {
  std::multimap<std::string, std::string> form;
  if (!ParseUrlEncoded(req.body, &form)) return site.ErrorPage(req, 400, "表单格式错误");
  if (!site.CsrfOk(req, FormValue(form, kCsrfField))) {
    return site.ErrorPage(req, 403, "表单已过期，请返回刷新后重新提交 (invalid form token)");
  }
  const std::string login = FormValue(form, "login"), next = FormValue(form, "next");
  if (!site.logins().Allow(req.client)) {
    return LoginForm(site, req, login, next, "登录尝试过于频繁，请稍后再试。", 429);
  }
  StatusOr<LedgerSession*> s = site.Session();
  if (!s.ok()) return site.ErrorPage(req, 503, "数据库暂不可用");
  StatusOr<LoginSession> session =
      (*s)->accounts->Login(login, FormValue(form, "password"), req.client);
  if (!session.ok()) {
    switch (session.status().code()) {
      case StatusCode::kInvalidArgument:
        return LoginForm(site, req, login, next, "登录名或密码错误。", 401);
      case StatusCode::kResourceExhausted:
        return LoginForm(site, req, login, next,
                         "登录失败次数过多，该账号已暂时锁定，请 15 分钟后再试。", 429);
      default:
        return site.ErrorPage(req, 503, "登录暂不可用，请稍后再试");
    }
  }
  HttpResponse r = RedirectResponse(SafeNextPath(next));
  r.headers.emplace_back("Set-Cookie", SessionCookie(session->token, CameOverTls(req)));
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

HttpResponse PostLogout(Site& site, HttpRequest& req) {
  std::multimap<std::string, std::string> form;
  if (!ParseUrlEncoded(req.body, &form)) return site.ErrorPage(req, 400, "表单格式错误");
  if (!site.CsrfOk(req, FormValue(form, kCsrfField))) {
    return site.ErrorPage(req, 403, "表单已过期，请返回刷新后重新提交 (invalid form token)");
  }
  StatusOr<LedgerSession*> s = site.Session();
  if (!s.ok()) return site.ErrorPage(req, 503, "数据库暂不可用");
  Status out = (*s)->accounts->Logout(req.Cookie(kSessionCookie), req.client);
  if (!out.ok()) return site.ErrorPage(req, 503, "退出暂不可用，请稍后再试");
  HttpResponse r = RedirectResponse("/staff/login");
  r.headers.emplace_back("Set-Cookie", ClearedSessionCookie(CameOverTls(req)));
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

HttpResponse Home(Site& site, HttpRequest& req) {
  StatusOr<Actor> actor = RequireActor(site, req, {});
  if (!actor.ok()) return StaffDenied(site, req, actor.status());
  StatusOr<LedgerSession*> s = site.Session();
  if (!s.ok()) return site.ErrorPage(req, 503, "数据库暂不可用");
  StatusOr<Agency> agency = (*s)->store->GetAgency(actor->agency_id);
  StatusOr<std::vector<Request>> open = (*s)->store->ListOpenRequests(actor->agency_id);
  StatusOr<std::vector<RequestStatus>> due = (*s)->ledger->ListDue(site.Today(), 0, actor->agency_id);
  if (!agency.ok() || !open.ok() || !due.ok()) {
    return site.ErrorPage(req, 503, "数据库暂不可用");
  }
  int64_t overdue = 0;
  for (const RequestStatus& r : *due) overdue += r.overdue ? 1 : 0;
  return StaffPage(site, req, &*actor, "工作台", "staff_home.tpl", [&](Dict* d) {
    d->SetValue("AGENCY_NAME", agency->name);
    d->SetIntValue("AGENCY_ID", agency->id);
    d->SetIntValue("OPEN", static_cast<long>(open->size()));
    d->SetIntValue("OVERDUE", static_cast<long>(overdue));
    d->SetValue("TODAY", site.Today().ToString());
    if (overdue > 0) d->ShowSection("HAS_OVERDUE");
  });
}

}  // namespace

void AddStaffRoutes(Router& router, Site& site) {
  router.Add("GET", "/staff/login", [&site](HttpRequest& req) {
    if (RequireActor(site, req, {}).ok()) return RedirectResponse(SafeNextPath(req.Query("next")));
    return LoginForm(site, req, "", req.Query("next"), "", 200);
  });
  router.Add("POST", "/staff/login", [&site](HttpRequest& req) { return PostLogin(site, req); });
  router.Add("POST", "/staff/logout", [&site](HttpRequest& req) { return PostLogout(site, req); });
  router.Add("GET", "/staff", [&site](HttpRequest& req) { return Home(site, req); });
}

}  // namespace gongkai::web
