// An admin's page of its agency's users: list, add with an initial password, disable. Scoped in
// the library (AccountStore's Actor calls): another agency's user answers 404.
#include <charconv>

#include "routes.h"
#include "staff_auth.h"

namespace gongkai::web {
namespace {

using Dict = ctemplate::TemplateDictionary;

void FillUser(const User& u, Dict* d) {
  d->SetIntValue("ID", static_cast<long>(u.id));
  d->SetValue("LOGIN", u.login);
  d->SetValue("ROLE", std::string(RoleLabel(u.role)));
  d->SetValue("CREATED", u.created_at.substr(0, 10));
  d->ShowSection(u.disabled ? "DISABLED" : "ENABLED");
}

// The users page; `error` above the form, `added` after a successful add.
HttpResponse UsersPage(Site& site, const HttpRequest& req, const Actor& admin,
                       const std::string& error, const std::string& new_login,
                       const std::string& role, const std::string& added, int status) {
  StatusOr<LedgerSession*> s = site.Session();
  if (!s.ok()) return site.ErrorPage(req, 503, "数据库暂不可用");
  StatusOr<std::vector<User>> users = (*s)->accounts->ListUsers(admin);
  StatusOr<Agency> agency = (*s)->store->GetAgency(admin.agency_id);
  if (!users.ok() || !agency.ok()) return site.ErrorPage(req, 503, "数据库暂不可用");
  return StaffPage(
      site, req, &admin, "用户管理", "staff_users.tpl",
      [&](Dict* d) {
        d->SetValue("AGENCY_NAME", agency->name);
        for (const User& u : *users) FillUser(u, d->AddSectionDictionary("USER"));
        for (Role r : {Role::kClerk, Role::kApprover, Role::kAdmin}) {
          Dict* o = d->AddSectionDictionary("ROLE_OPTION");
          o->SetValue("VALUE", std::string(RoleId(r)));
          o->SetValue("LABEL", std::string(RoleLabel(r)));
          if (role == RoleId(r)) o->ShowSection("SELECTED");
        }
        d->SetValue("NEW_LOGIN", new_login);
        if (!error.empty()) {
          d->ShowSection("HAS_ERRORS");
          d->SetValue("MESSAGE", error);
        }
        if (!added.empty()) {
          d->ShowSection("ADDED");
          d->SetValue("ADDED_LOGIN", added);
        }
      },
      status);
}

// The user id of capture 0, or 0 if malformed.
int64_t UserParam(const HttpRequest& req) {
  const std::string& text = req.params.at(0);
  int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  return ec == std::errc() && end == text.data() + text.size() && id > 0 ? id : 0;
}

// Parses the form and checks its CSRF token; nullopt-like failure as a response.
bool ParseCheckedForm(Site& site, const HttpRequest& req,
                      std::multimap<std::string, std::string>* form, HttpResponse* error) {
  if (!ParseUrlEncoded(req.body, form)) {
    *error = site.ErrorPage(req, 400, "表单格式错误");
    return false;
  }
  if (!site.CsrfOk(req, FormValue(*form, kCsrfField))) {
    *error = site.ErrorPage(req, 403, "表单已过期，请返回刷新后重新提交 (invalid form token)");
    return false;
  }
  return true;
}

HttpResponse AddUser(Site& site, HttpRequest& req) {
  StatusOr<Actor> admin = RequireActor(site, req, {Role::kAdmin});
  if (!admin.ok()) return StaffDenied(site, req, admin.status());
  std::multimap<std::string, std::string> form;
  HttpResponse error;
  if (!ParseCheckedForm(site, req, &form, &error)) return error;
  const std::string login = FormValue(form, "login"), role_id = FormValue(form, "role");
  StatusOr<Role> role = RoleFromId(role_id);
  if (!role.ok()) return UsersPage(site, req, *admin, "请选择角色。", login, role_id, "", 422);
  StatusOr<LedgerSession*> s = site.Session();
  if (!s.ok()) return site.ErrorPage(req, 503, "数据库暂不可用");
  StatusOr<int64_t> id =
      (*s)->accounts->AddUser(*admin, {login, *role, admin->agency_id}, FormValue(form, "password"));
  if (!id.ok()) {
    const int status = HttpStatusFor(id.status());
    if (status == 500) return site.ErrorPage(req, 503, "数据库暂不可用");
    return UsersPage(site, req, *admin, id.status().message(), login, role_id, "",
                     status == 409 ? 409 : 422);
  }
  return UsersPage(site, req, *admin, "", "", "", login, 201);
}

}  // namespace

void AddStaffUserRoutes(Router& router, Site& site) {
  router.Add("GET", "/staff/users", [&site](HttpRequest& req) {
    StatusOr<Actor> admin = RequireActor(site, req, {Role::kAdmin});
    if (!admin.ok()) return StaffDenied(site, req, admin.status());
    return UsersPage(site, req, *admin, "", "", "clerk", "", 200);
  });
  router.Add("POST", "/staff/users", [&site](HttpRequest& req) { return AddUser(site, req); });
  router.Add("GET", "/staff/users/:id", [&site](HttpRequest& req) {
    StatusOr<Actor> admin = RequireActor(site, req, {Role::kAdmin});
    if (!admin.ok()) return StaffDenied(site, req, admin.status());
    StatusOr<LedgerSession*> s = site.Session();
    if (!s.ok()) return site.ErrorPage(req, 503, "数据库暂不可用");
    StatusOr<User> user = (*s)->accounts->GetUser(*admin, UserParam(req));
    if (!user.ok()) {
      return user.status().code() == StatusCode::kNotFound
                 ? site.ErrorPage(req, 404, "没有这个用户")
                 : site.ErrorPage(req, 503, "数据库暂不可用");
    }
    return StaffPage(site, req, &*admin, "用户 " + user->login, "staff_user.tpl", [&](Dict* d) {
      FillUser(*user, d);
      if (!user->disabled && user->id != admin->user_id) d->ShowSection("CAN_DISABLE");
    });
  });
  router.Add("POST", "/staff/users/:id/disable", [&site](HttpRequest& req) {
    StatusOr<Actor> admin = RequireActor(site, req, {Role::kAdmin});
    if (!admin.ok()) return StaffDenied(site, req, admin.status());
    std::multimap<std::string, std::string> form;
    HttpResponse error;
    if (!ParseCheckedForm(site, req, &form, &error)) return error;
    StatusOr<LedgerSession*> s = site.Session();
    if (!s.ok()) return site.ErrorPage(req, 503, "数据库暂不可用");
    Status done = (*s)->accounts->DisableUser(*admin, UserParam(req));
    switch (done.code()) {
      case StatusCode::kOk:
        return RedirectResponse("/staff/users/" + req.params.at(0));
      case StatusCode::kNotFound:
        return site.ErrorPage(req, 404, "没有这个用户");
      case StatusCode::kFailedPrecondition:
        return site.ErrorPage(req, 409, done.message());
      default:
        return site.ErrorPage(req, 503, "数据库暂不可用");
    }
  });
}

}  // namespace gongkai::web
