#include "staff_registry_pages.h"

#include "staff_auth.h"

namespace gongkai::web {
namespace {

// The StaffRegistry on this thread's store, or the 503 page.
StatusOr<std::unique_ptr<StaffRegistry>> OpenStaffRegistry(Site& site) {
  GONGKAI_ASSIGN_OR_RETURN(LedgerSession * s, site.Session());
  return StaffRegistry::Open(*s->store);
}

}  // namespace

HttpResponse WithStaff(Site& site, const HttpRequest& req, std::initializer_list<Role> roles,
                       const StaffHandler& page) {
  StatusOr<Actor> actor = RequireActor(site, req, roles);
  if (!actor.ok()) return StaffDenied(site, req, actor.status());
  StatusOr<std::unique_ptr<StaffRegistry>> reg = OpenStaffRegistry(site);
  if (!reg.ok()) return StaffErrorPage(site, req, &*actor, 503, "数据库暂不可用");
  return page(*actor, **reg);
}

HttpResponse WithStaffPost(Site& site, const HttpRequest& req, std::initializer_list<Role> roles,
                           const StaffPostHandler& page) {
  StatusOr<Actor> actor = RequireActor(site, req, roles);
  if (!actor.ok()) return StaffDenied(site, req, actor.status());
  std::multimap<std::string, std::string> fields;
  HttpResponse refused;
  if (!ReadStaffForm(site, req, &*actor, &fields, &refused)) return refused;
  StatusOr<std::unique_ptr<StaffRegistry>> reg = OpenStaffRegistry(site);
  if (!reg.ok()) return StaffErrorPage(site, req, &*actor, 503, "数据库暂不可用");
  return page(*actor, **reg, StaffForm(std::move(fields)));
}

HttpResponse StaffPage(Site& site, const HttpRequest& req, const Actor& actor,
                       const std::string& title, const std::string& body_template,
                       const std::function<void(ctemplate::TemplateDictionary*)>& fill,
                       int status) {
  return StaffPage(site, req, &actor, title, body_template, fill, status);
}

HttpResponse StaffError(Site& site, const HttpRequest& req, const Actor& actor,
                        const Status& status) {
  const int code = HttpStatusFor(status);
  return StaffErrorPage(site, req, &actor, code, code == 404 ? "没有这条记录" : status.message());
}

}  // namespace gongkai::web
