#include "staff_auth.h"

#include <algorithm>

namespace gongkai::web {

StatusOr<Actor> RequireActor(Site& site, const HttpRequest& req,
                             std::initializer_list<Role> allowed) {
  const std::string token = req.Cookie(kSessionCookie);
  if (token.empty()) return NotFoundError("未登录 (not logged in)");
  GONGKAI_ASSIGN_OR_RETURN(LedgerSession * s, site.Session());
  GONGKAI_ASSIGN_OR_RETURN(Actor actor, s->accounts->Authenticate(token));
  if (allowed.size() != 0 && std::find(allowed.begin(), allowed.end(), actor.role) == allowed.end()) {
    return FailedPreconditionError("无权访问此页面 (role not allowed)");
  }
  return actor;
}

HttpResponse StaffDenied(Site& site, const HttpRequest& req, const Status& denied) {
  HttpResponse r;
  switch (denied.code()) {
    case StatusCode::kNotFound:
      r = RedirectResponse(req.method == "GET" ? "/staff/login?next=" + PercentEncode(req.path)
                                               : "/staff/login");
      r.headers.emplace_back("Cache-Control", "no-store");
      return r;
    case StatusCode::kFailedPrecondition:
      return StaffPage(site, req, nullptr, "无权访问", "error.tpl",
                       [](ctemplate::TemplateDictionary* d) {
                         d->SetIntValue("STATUS", 403);
                         d->SetValue("MESSAGE", "您的角色无权访问此页面。");
                       },
                       403);
    default:
      return site.ErrorPage(req, 503, "系统暂不可用，请稍后再试");
  }
}

HttpResponse StaffPage(Site& site, const HttpRequest& req, const Actor* actor,
                       const std::string& title, const std::string& body_template,
                       const std::function<void(ctemplate::TemplateDictionary*)>& fill,
                       int status) {
  auto fill_layout = [&](ctemplate::TemplateDictionary* d) {
    if (!actor) return;
    d->ShowSection("ACTOR");
    d->SetValue("LOGIN", actor->login);
    d->SetValue("ROLE", std::string(RoleLabel(actor->role)));
    switch (actor->role) {
      case Role::kClerk:
        d->ShowSection("IS_CLERK");
        break;
      case Role::kApprover:
        d->ShowSection("IS_APPROVER");
        break;
      case Role::kAdmin:
        d->ShowSection("IS_ADMIN");
        break;
      case Role::kSupervisor:
        d->ShowSection("IS_SUPERVISOR");
        break;
    }
    if (actor->role != Role::kSupervisor) d->ShowSection("IS_AGENCY_STAFF");
  };
  return site.PageInLayout("staff_layout.tpl", req, title, body_template, fill_layout, fill,
                           status);
}

bool CameOverTls(const HttpRequest& req) { return req.Header("x-forwarded-proto") == "https"; }

std::string SessionCookie(const std::string& token, bool secure) {
  return std::string(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict" +
         (secure ? "; Secure" : "");
}

std::string ClearedSessionCookie(bool secure) {
  return std::string(kSessionCookie) + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" +
         (secure ? "; Secure" : "");
}

std::string SafeNextPath(const std::string& next) {
  const bool staff = next == "/staff" || next.rfind("/staff/", 0) == 0 ||
                     next == "/supervise" || next.rfind("/supervise/", 0) == 0;
  const bool clean = std::none_of(next.begin(), next.end(), [](char c) {
    return c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
  });
  return staff && clean && next.find("//") == std::string::npos ? next : "/staff";
}

}  // namespace gongkai::web
