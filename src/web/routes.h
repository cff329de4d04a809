// Internal to the web server: the routes, one function per area, each in its own file. Every
// handler only parses the request, calls the library through the Site and fills a template.
#pragma once

#include "router.h"
#include "site.h"

namespace gongkai::web {

void AddAssetRoutes(Router& router, Site& site);      // /healthz, /static/*, /display
void AddDirectoryRoutes(Router& router, Site& site);  // /, /agencies/:id, guide, rules
void AddDocumentRoutes(Router& router, Site& site);   // /agencies/:id/documents, /documents/:id
void AddReportRoutes(Router& router, Site& site);     // /agencies/:id/reports[/:year[.ext]]
void AddApplyRoutes(Router& router, Site& site);      // /agencies/:id/apply, /status
void AddSearchRoutes(Router& router, Site& site);     // /search
void AddApiRoutes(Router& router, Site& site);        // /api/v1/*, /api/openapi.json
void AddStaffRoutes(Router& router, Site& site);      // /staff/login, /staff/logout, /staff
void AddStaffUserRoutes(Router& router, Site& site);  // /staff/users[/:id[/disable]] (admins)
void AddStaffCaseRoutes(Router& router, Site& site);  // /staff/cases[.csv|.xlsx], /staff/cases/:id/…
void AddStaffRegistryRoutes(Router& router, Site& site);  // /staff/documents, rules, actions,
                                                         // review-cases
void AddStaffReportRoutes(Router& router, Site& site);    // /staff/report/:year[/publish]
void AddSuperviseRoutes(Router& router, Site& site);  // /supervise/* (supervisors)

// Every route above, in order.
Router BuildRouter(Site& site);

// The agency named by capture `index`, or an error response (404 for an unknown or malformed id).
// The 专栏 menu of `agency` (include NAV); `current` ("home", "guide", …) marks the page shown.
void FillAgencyNav(const Agency& agency, const std::string& current,
                   ctemplate::TemplateDictionary* dict);

StatusOr<Agency> AgencyParam(Site& site, const HttpRequest& req, size_t index);

}  // namespace gongkai::web
