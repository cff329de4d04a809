// Internal to the web server: who is logged in to the staff console (issue 12).
//
// A staff session is the cookie gk_session holding the token of AccountStore::Login (HttpOnly,
// SameSite=Strict, Secure when the request came over TLS). Every staff handler starts with
//
//   StatusOr<Actor> actor = RequireActor(site, req, {Role::kClerk, Role::kApprover});
//   if (!actor.ok()) return StaffDenied(site, req, actor.status());
//
// and passes *actor to the library's scoped calls (accounts.h: NotFound outside its agencies).
// Staff pages live under /staff/..., supervisor pages under /supervise/...; none is cacheable;
// every POST checks CSRF (Site::CsrfOk).
#pragma once

#include <functional>
#include <initializer_list>
#include <string>

#include "gongkai/accounts.h"
#include "http.h"
#include "site.h"

namespace gongkai::web {

inline constexpr const char* kSessionCookie = "gk_session";

// The actor of the request's session. Errors: NotFound when there is no live session (no
// cookie, unknown, expired, user disabled); FailedPrecondition when the actor's role is not in
// `allowed` (an empty list allows every role); others when the database fails.
StatusOr<Actor> RequireActor(Site& site, const HttpRequest& req,
                             std::initializer_list<Role> allowed);

// The response to RequireActor's error: NotFound → 303 to /staff/login?next=<this path> (GET
// only; else to /staff/login); FailedPrecondition → a 403 page; anything else → a 503 page.
HttpResponse StaffDenied(Site& site, const HttpRequest& req, const Status& denied);

// A staff page: `body_template` in staff_layout.tpl (nav, the actor's login and role, logout).
// `actor` is null on pages shown before login.
HttpResponse StaffPage(Site& site, const HttpRequest& req, const Actor* actor,
                       const std::string& title, const std::string& body_template,
                       const std::function<void(ctemplate::TemplateDictionary*)>& fill,
                       int status = 200);

// True iff the request came over TLS: nginx in front sets X-Forwarded-Proto: https.
bool CameOverTls(const HttpRequest& req);

// The Set-Cookie value carrying a session token, and the one that clears it.
std::string SessionCookie(const std::string& token, bool secure);
std::string ClearedSessionCookie(bool secure);

// `next` if it is a staff or supervisor path of this site ("/staff…" or "/supervise…", no
// scheme, host, backslash or control character), else "/staff": no open redirect.
std::string SafeNextPath(const std::string& next);

}  // namespace gongkai::web
