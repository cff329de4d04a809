// The agency directory at / (region → city/league → county, departments under each) and each
// agency's 专栏 home, 政府信息公开指南 and 政府信息公开制度.
#include <algorithm>
#include <map>
#include <set>

#include "guide.h"
#include "routes.h"

namespace gongkai::web {
namespace {

using Dict = ctemplate::TemplateDictionary;

std::string_view KindLabel(AgencyKind k) {
  switch (k) {
    case AgencyKind::kRegion:
      return "自治区（省）人民政府";
    case AgencyKind::kCity:
      return "盟（市）";
    case AgencyKind::kCounty:
      return "旗（县、区）";
    case AgencyKind::kDepartment:
      return "部门";
  }
  return "";
}

// Governments before departments, then by id (the order they were added).
void AddTree(const std::multimap<int64_t, const Agency*>& children, int64_t parent, Dict* d) {
  auto [begin, end] = children.equal_range(parent);
  std::vector<const Agency*> kids;
  for (auto it = begin; it != end; ++it) kids.push_back(it->second);
  std::stable_sort(kids.begin(), kids.end(), [](const Agency* a, const Agency* b) {
    return (a->kind == AgencyKind::kDepartment) < (b->kind == AgencyKind::kDepartment);
  });
  for (const Agency* a : kids) {
    Dict* node = d->AddSectionDictionary("NODE");
    node->SetIntValue("ID", a->id);
    node->SetValue("NAME", a->name);
    node->SetValue("KIND", std::string(KindLabel(a->kind)));
    if (children.count(a->id)) {
      node->ShowSection("HAS_CHILDREN");
      Dict* sub = node->AddIncludeDictionary("CHILDREN");
      sub->SetFilename("tree.tpl");
      AddTree(children, a->id, sub);
    }
  }
}

void FillSections(const std::vector<GuideSection>& sections, Dict* d) {
  for (const GuideSection& s : sections) {
    Dict* sec = d->AddSectionDictionary("SECTION");
    sec->SetValue("HEADING", s.heading);
    for (const std::string& p : s.paragraphs) {
      sec->AddSectionDictionary("PARAGRAPH")->SetValue("TEXT", p);
    }
  }
}

// The 专栏 navigation shared by every page of an agency.
void FillAgency(const Agency& a, Dict* d) {
  d->SetIntValue("AGENCY_ID", a.id);
  d->SetValue("AGENCY_NAME", a.name);
}

}  // namespace

void AddDirectoryRoutes(Router& router, Site& site) {
  router.Add(
      "GET", "/",
      [&site](HttpRequest& req) {
        StatusOr<LedgerSession*> s = site.Session();
        if (!s.ok()) return site.ErrorPage(req, 503, "数据库暂不可用");
        StatusOr<std::vector<Agency>> agencies = (*s)->store->ListAgencies();
        if (!agencies.ok()) return site.ErrorPage(req, 503, "数据库暂不可用");
        std::multimap<int64_t, const Agency*> children;
        std::set<int64_t> ids;
        for (const Agency& a : *agencies) ids.insert(a.id);
        for (const Agency& a : *agencies)
          children.emplace(ids.count(a.parent_id) ? a.parent_id : 0, &a);
        return site.Page(req, "政府信息公开", "directory.tpl", [&](Dict* d) {
          d->SetIntValue("COUNT", static_cast<long>(agencies->size()));
          Dict* tree = d->AddIncludeDictionary("TREE");
          tree->SetFilename("tree.tpl");
          AddTree(children, 0, tree);
        });
      },
      /*cacheable=*/true);
  router.Add(
      "GET", "/agencies/:id",
      [&site](HttpRequest& req) {
        StatusOr<Agency> a = AgencyParam(site, req, 0);
        if (!a.ok()) return site.ErrorPage(req, 404, "没有这个机关");
        StatusOr<LedgerSession*> s = site.Session();
        StatusOr<std::vector<int>> years =
            site.reports().PublishedYears(*(*s)->store, a->id, site.Today());
        return site.Page(req, a->name + "政府信息公开", "agency.tpl", [&](Dict* d) {
          FillAgency(*a, d);
          FillAgencyNav(*a, "home", d);
          if (years.ok()) {
            for (int y : *years) d->AddSectionDictionary("YEAR")->SetIntValue("YEAR", y);
          }
        });
      },
      /*cacheable=*/true);
  router.Add(
      "GET", "/agencies/:id/guide",
      [&site](HttpRequest& req) {
        StatusOr<Agency> a = AgencyParam(site, req, 0);
        if (!a.ok()) return site.ErrorPage(req, 404, "没有这个机关");
        StatusOr<LedgerSession*> s = site.Session();
        StatusOr<Agency> parent = a->parent_id ? (*s)->store->GetAgency(a->parent_id)
                                               : StatusOr<Agency>(NotFoundError(""));
        return site.Page(req, a->name + "政府信息公开指南", "sections.tpl", [&](Dict* d) {
          FillAgency(*a, d);
          FillAgencyNav(*a, "guide", d);
          d->SetValue("HEADING", a->name + "政府信息公开指南");
          FillSections(BuildGuide(*a, parent.ok() ? &*parent : nullptr), d);
        });
      },
      /*cacheable=*/true);
  router.Add(
      "GET", "/agencies/:id/rules",
      [&site](HttpRequest& req) {
        StatusOr<Agency> a = AgencyParam(site, req, 0);
        if (!a.ok()) return site.ErrorPage(req, 404, "没有这个机关");
        return site.Page(req, a->name + "政府信息公开制度", "sections.tpl", [&](Dict* d) {
          FillAgency(*a, d);
          FillAgencyNav(*a, "rules", d);
          d->SetValue("HEADING", a->name + "政府信息公开制度");
          FillSections(BuildRules(*a), d);
        });
      },
      /*cacheable=*/true);
}

// The 专栏 menu; `current` marks the page shown (aria-current).
void FillAgencyNav(const Agency& a, const std::string& current, Dict* d) {
  static const char* const kItems[][2] = {{"home", "专栏首页"},
                                          {"guide", "政府信息公开指南"},
                                          {"rules", "政府信息公开制度"},
                                          {"documents", "法定主动公开内容"},
                                          {"reports", "政府信息公开年报"},
                                          {"apply", "依申请公开"}};
  Dict* nav = d->AddIncludeDictionary("NAV");
  nav->SetFilename("agency_nav.tpl");
  nav->SetValue("AGENCY_NAME", a.name);
  for (const auto& item : kItems) {
    Dict* i = nav->AddSectionDictionary("ITEM");
    std::string href = "/agencies/" + std::to_string(a.id);
    if (std::string(item[0]) != "home") href += std::string("/") + item[0];
    i->SetValue("HREF", href);
    i->SetValue("LABEL", item[1]);
    if (current == item[0]) i->ShowSection("CURRENT");
  }
}

}  // namespace gongkai::web
