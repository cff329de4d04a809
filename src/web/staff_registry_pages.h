// Internal to the web server: what the registry and report pages of the staff console share —
// the acting user (staff_auth.h RequireActor), the StaffRegistry on this thread's store, the
// posted form behind its CSRF check, and the staff layout. Pages stay thin: every rule and every
// scope check is in StaffRegistry.
#pragma once

#include <functional>
#include <initializer_list>
#include <map>
#include <string>

#include "gongkai/accounts.h"
#include "gongkai/staff_registry.h"
#include "http.h"
#include "site.h"

namespace gongkai::web {

// A posted application/x-www-form-urlencoded form.
class StaffForm {
 public:
  explicit StaffForm(std::multimap<std::string, std::string> fields) : fields_(std::move(fields)) {}
  // The field's value, "" if absent.
  std::string Get(const std::string& name) const { return FormValue(fields_, name); }

 private:
  std::multimap<std::string, std::string> fields_;
};

using StaffHandler = std::function<HttpResponse(const Actor&, StaffRegistry&)>;
using StaffPostHandler =
    std::function<HttpResponse(const Actor&, StaffRegistry&, const StaffForm&)>;

// Runs `page` for the logged-in user if its role is in `roles`; otherwise the login redirect or
// the 403 page (RequireActor). 503 if the database cannot be opened.
HttpResponse WithStaff(Site& site, const HttpRequest& req, std::initializer_list<Role> roles,
                       const StaffHandler& page);
// The same for a POST: a malformed form (400) or a missing or wrong CSRF token (403) is refused
// (ReadStaffForm) before the page runs.
HttpResponse WithStaffPost(Site& site, const HttpRequest& req, std::initializer_list<Role> roles,
                           const StaffPostHandler& page);

// `body_template` in the staff layout.
HttpResponse StaffPage(Site& site, const HttpRequest& req, const Actor& actor,
                       const std::string& title, const std::string& body_template,
                       const std::function<void(ctemplate::TemplateDictionary*)>& fill,
                       int status = 200);
// The error page for a library error (404 for NotFound, as for a record that does not exist).
HttpResponse StaffError(Site& site, const HttpRequest& req, const Actor& actor,
                        const Status& status);

}  // namespace gongkai::web
