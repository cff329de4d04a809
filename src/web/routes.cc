#include "routes.h"

#include <charconv>

namespace gongkai::web {

Router BuildRouter(Site& site) {
  Router r;
  AddAssetRoutes(r, site);
  AddDirectoryRoutes(r, site);
  AddDocumentRoutes(r, site);
  AddReportRoutes(r, site);
  AddApplyRoutes(r, site);
  AddSearchRoutes(r, site);
  AddApiRoutes(r, site);
  AddStaffRoutes(r, site);
  AddStaffUserRoutes(r, site);
  AddStaffCaseRoutes(r, site);
  AddStaffRegistryRoutes(r, site);
  AddStaffReportRoutes(r, site);
  AddSuperviseRoutes(r, site);
  return r;
}

StatusOr<Agency> AgencyParam(Site& site, const HttpRequest& req, size_t index) {
  const std::string& text = req.params.at(index);
  int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
    return NotFoundError("没有这个机关 (no such agency)");
  }
  GONGKAI_ASSIGN_OR_RETURN(LedgerSession * s, site.Session());
  return s->store->GetAgency(id);
}

}  // namespace gongkai::web
