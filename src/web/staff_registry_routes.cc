// The staff console's registries: /staff/documents (目录, 三审, publish), /staff/rules (规章 and
// 规范性文件 with their lifecycle), /staff/actions (decisions and fees per year),
// /staff/review-cases (复议 and 诉讼). Every read and write goes through StaffRegistry with the
// acting user, which answers 404 for another agency's records; clerks, approvers and admins
// record, admins publish; every POST checks CSRF and answers with a redirect (303) to the page
// it changed, or that page again with the library's message.
#include <charconv>
#include <cmath>

#include "gongkai/staff_registry.h"
#include "routes.h"
#include "staff_registry_pages.h"

namespace gongkai::web {
namespace {

using Dict = ctemplate::TemplateDictionary;

constexpr int64_t kDocumentsPerPage = 50;

const std::initializer_list<Role> kReaders = {Role::kClerk, Role::kApprover, Role::kAdmin,
                                              Role::kSupervisor};
const std::initializer_list<Role> kRecorders = {Role::kClerk, Role::kApprover, Role::kAdmin};
const std::initializer_list<Role> kPublishers = {Role::kAdmin};

std::string DateText(const std::optional<Date>& d) { return d ? d->ToString() : ""; }

// "1", "23" → the number; anything else → 0.
int64_t IdParam(const std::string& text) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  return ec == std::errc() && end == text.data() + text.size() && v > 0 ? v : 0;
}

// The form's date field, or an error naming it.
StatusOr<Date> FormDate(const StaffForm& f, const std::string& name, const char* label) {
  StatusOr<Date> d = Date::Parse(f.Get(name));
  if (!d.ok()) {
    return InvalidArgumentError(std::string(label) + "应为 YYYY-MM-DD 格式的日期 (bad date)");
  }
  return d;
}

StatusOr<std::optional<Date>> OptionalFormDate(const StaffForm& f, const std::string& name,
                                               const char* label) {
  if (f.Get(name).empty()) return std::optional<Date>();
  GONGKAI_ASSIGN_OR_RETURN(Date d, FormDate(f, name, label));
  return std::optional<Date>(d);
}

StatusOr<int64_t> FormCount(const StaffForm& f, const std::string& name, const char* label) {
  int64_t v = IdParam(f.Get(name));
  if (v == 0 && f.Get(name) != "0") {
    return InvalidArgumentError(std::string(label) + "应为非负整数 (expects a count)");
  }
  return v;
}

DocumentReview ReviewFromForm(const StaffForm& f, std::optional<Date> date) {
  return DocumentReview{f.Get("drafter"), f.Get("reviewer"), f.Get("approver"), date,
                        f.Get("secrecy_checked") == "1"};
}

// ---- /staff/documents ----

HttpResponse DocumentsPage(Site& site, const HttpRequest& req, const Actor& actor,
                           StaffRegistry& reg, const std::string& error, int status) {
  int64_t page = std::max<int64_t>(1, IdParam(req.Query("page")));
  StatusOr<DocumentPage> docs =
      reg.ListDocuments(actor, actor.agency_id, (page - 1) * kDocumentsPerPage, kDocumentsPerPage);
  if (!docs.ok()) return StaffError(site, req, actor, docs.status());
  return StaffPage(
      site, req, actor, "政府信息公开目录", "staff_documents.tpl",
      [&](Dict* d) {
        if (!error.empty()) d->AddSectionDictionary("ERROR")->SetValue("MESSAGE", error);
        d->SetIntValue("TOTAL", docs->total);
        d->SetIntValue("PAGE", page);
        if (page > 1) {
          d->ShowSection("PREV");
          d->SetIntValue("PREV_PAGE", page - 1);
        }
        if (page * kDocumentsPerPage < docs->total) {
          d->ShowSection("NEXT");
          d->SetIntValue("NEXT_PAGE", page + 1);
        }
        for (const PublishedDocument& doc : docs->documents) {
          Dict* row = d->AddSectionDictionary("DOC");
          row->SetIntValue("ID", doc.id);
          row->SetValue("INDEX", doc.index_number);
          row->SetValue("TITLE", doc.title);
          row->SetValue("CATEGORY", doc.category);
          row->SetValue("CREATED", doc.created.ToString());
          row->SetValue("MODE", std::string(DisclosureModeLabel(doc.mode)));
          row->SetValue("STATE", doc.draft ? "待发布稿" : doc.IsPublic() ? "已公开" : "不公开");
        }
        for (int m = 0; m < kDisclosureModeCount; ++m) {
          Dict* o = d->AddSectionDictionary("MODE_OPTION");
          o->SetValue("VALUE", std::string(DisclosureModeId(static_cast<DisclosureMode>(m))));
          o->SetValue("LABEL", std::string(DisclosureModeLabel(static_cast<DisclosureMode>(m))));
        }
      },
      status);
}

HttpResponse DocumentPage(Site& site, const HttpRequest& req, const Actor& actor,
                          StaffRegistry& reg, int64_t id, const std::string& error, int status) {
  StatusOr<PublishedDocument> doc = reg.GetDocument(actor, id);
  if (!doc.ok()) return StaffError(site, req, actor, doc.status());
  return StaffPage(
      site, req, actor, doc->title, "staff_document.tpl",
      [&](Dict* d) {
        if (!error.empty()) d->AddSectionDictionary("ERROR")->SetValue("MESSAGE", error);
        d->SetIntValue("ID", doc->id);
        d->SetValue("TITLE", doc->title);
        d->SetValue("INDEX", doc->index_number);
        d->SetValue("CATEGORY", doc->category);
        d->SetValue("PUBLISHER", doc->publisher);
        d->SetValue("CREATED", doc->created.ToString());
        d->SetValue("PUBLISHED", DateText(doc->published));
        d->SetValue("MODE", std::string(DisclosureModeLabel(doc->mode)));
        d->SetValue("STATE", doc->draft ? "待发布稿" : doc->IsPublic() ? "已公开" : "不公开");
        d->SetValue("DRAFTER", doc->review.drafter);
        d->SetValue("REVIEWER", doc->review.reviewer);
        d->SetValue("APPROVER", doc->review.approver);
        d->SetValue("REVIEW_DATE", DateText(doc->review.date));
        d->SetValue("SECRECY", doc->review.secrecy_checked ? "已完成" : "未登记");
        d->SetValue("BODY", doc->body);
        d->SetValue("TODAY", site.Today().ToString());
        if (doc->draft && actor.role == Role::kAdmin) d->ShowSection("PUBLISH");
      },
      status);
}

void AddStaffDocumentRoutes(Router& router, Site& site) {
  router.Add("GET", "/staff/documents", [&site](HttpRequest& req) {
    return WithStaff(site, req, kReaders, [&](const Actor& actor, StaffRegistry& reg) {
      return DocumentsPage(site, req, actor, reg, "", 200);
    });
  });
  router.Add("POST", "/staff/documents", [&site](HttpRequest& req) {
    return WithStaffPost(
        site, req, kRecorders, [&](const Actor& actor, StaffRegistry& reg, const StaffForm& f) {
          auto add = [&]() -> StatusOr<int64_t> {
            PublishedDocument d;
            d.agency_id = actor.agency_id;
            d.index_number = f.Get("index_number");
            d.title = f.Get("title");
            d.category = f.Get("category");
            d.publisher = f.Get("publisher");
            GONGKAI_ASSIGN_OR_RETURN(d.created, FormDate(f, "created", "生成日期"));
            GONGKAI_ASSIGN_OR_RETURN(d.mode, DisclosureModeFromId(f.Get("mode")));
            d.body = f.Get("body");
            GONGKAI_ASSIGN_OR_RETURN(std::optional<Date> reviewed,
                                     OptionalFormDate(f, "review_date", "审查日期"));
            d.review = ReviewFromForm(f, reviewed);
            // Proactive documents start as drafts; an admin publishes them (三审, 保密审查).
            d.draft = d.mode == DisclosureMode::kProactive;
            return reg.AddDocument(actor, d);
          };
          StatusOr<int64_t> id = add();
          if (!id.ok()) {
            return DocumentsPage(site, req, actor, reg, id.status().message(),
                                 HttpStatusFor(id.status()));
          }
          return RedirectResponse("/staff/documents/" + std::to_string(*id));
        });
  });
  router.Add("GET", "/staff/documents/:id", [&site](HttpRequest& req) {
    return WithStaff(site, req, kReaders, [&](const Actor& actor, StaffRegistry& reg) {
      return DocumentPage(site, req, actor, reg, IdParam(req.params[0]), "", 200);
    });
  });
  router.Add("POST", "/staff/documents/:id/publish", [&site](HttpRequest& req) {
    return WithStaffPost(
        site, req, kPublishers, [&](const Actor& actor, StaffRegistry& reg, const StaffForm& f) {
          const int64_t id = IdParam(req.params[0]);
          auto publish = [&]() -> Status {
            GONGKAI_ASSIGN_OR_RETURN(std::optional<Date> reviewed,
                                     OptionalFormDate(f, "review_date", "审查日期"));
            GONGKAI_ASSIGN_OR_RETURN(Date published, FormDate(f, "published", "公开日期"));
            return reg.PublishDocument(actor, id, ReviewFromForm(f, reviewed), published);
          };
          Status s = publish();
          if (s.code() == StatusCode::kNotFound) return StaffError(site, req, actor, s);
          if (!s.ok())
            return DocumentPage(site, req, actor, reg, id, s.message(), HttpStatusFor(s));
          return RedirectResponse("/staff/documents/" + std::to_string(id));
        });
  });
}

// ---- /staff/rules ----

HttpResponse RulesPage(Site& site, const HttpRequest& req, const Actor& actor, StaffRegistry& reg,
                       const std::string& error, int status) {
  StatusOr<std::vector<NormativeRecord>> docs = reg.ListNormative(actor, actor.agency_id);
  if (!docs.ok()) return StaffError(site, req, actor, docs.status());
  const Date today = site.Today();
  return StaffPage(
      site, req, actor, "规章和行政规范性文件", "staff_rules.tpl",
      [&](Dict* d) {
        if (!error.empty()) d->AddSectionDictionary("ERROR")->SetValue("MESSAGE", error);
        d->SetValue("TODAY", today.ToString());
        for (const NormativeRecord& r : *docs) {
          Dict* row = d->AddSectionDictionary("DOC");
          row->SetIntValue("ID", r.doc.id);
          row->SetValue("KIND", std::string(DocKindLabel(r.doc.kind)));
          row->SetValue("TITLE", r.doc.title);
          row->SetValue("NUMBER", r.doc.number);
          row->SetValue("MADE", r.doc.made.ToString());
          row->SetIntValue("AMENDMENTS", static_cast<long>(r.amendments.size()));
          row->SetValue("ABOLISHED", DateText(r.doc.abolished));
          row->SetValue("IN_FORCE", r.InForceOn(today) ? "是" : "否");
        }
      },
      status);
}

HttpResponse RulePage(Site& site, const HttpRequest& req, const Actor& actor, StaffRegistry& reg,
                      int64_t id, const std::string& error, int status) {
  StatusOr<NormativeRecord> r = reg.GetNormative(actor, id);
  if (!r.ok()) return StaffError(site, req, actor, r.status());
  return StaffPage(
      site, req, actor, r->doc.title, "staff_rule.tpl",
      [&](Dict* d) {
        if (!error.empty()) d->AddSectionDictionary("ERROR")->SetValue("MESSAGE", error);
        d->SetIntValue("ID", r->doc.id);
        d->SetValue("TITLE", r->doc.title);
        d->SetValue("KIND", std::string(DocKindLabel(r->doc.kind)));
        d->SetValue("NUMBER", r->doc.number);
        d->SetValue("MADE", r->doc.made.ToString());
        d->SetValue("ABOLISHED", DateText(r->doc.abolished));
        for (const Amendment& a : r->amendments) {
          Dict* row = d->AddSectionDictionary("AMENDMENT");
          row->SetValue("DATE", a.date.ToString());
          row->SetValue("NUMBER", a.number);
          row->SetValue("NOTE", a.note);
        }
        if (!r->doc.abolished && actor.role != Role::kSupervisor) d->ShowSection("OPEN");
      },
      status);
}

void AddRuleRoutes(Router& router, Site& site) {
  router.Add("GET", "/staff/rules", [&site](HttpRequest& req) {
    return WithStaff(site, req, kReaders, [&](const Actor& actor, StaffRegistry& reg) {
      return RulesPage(site, req, actor, reg, "", 200);
    });
  });
  router.Add("POST", "/staff/rules", [&site](HttpRequest& req) {
    return WithStaffPost(
        site, req, kRecorders, [&](const Actor& actor, StaffRegistry& reg, const StaffForm& f) {
          auto add = [&]() -> StatusOr<int64_t> {
            NormativeDoc doc;
            doc.agency_id = actor.agency_id;
            doc.kind = f.Get("kind") == "rules" ? static_cast<int>(DocKind::kRules)
                                                : static_cast<int>(DocKind::kNormativeDocs);
            doc.title = f.Get("title");
            doc.number = f.Get("number");
            GONGKAI_ASSIGN_OR_RETURN(doc.made, FormDate(f, "made", "制发日期"));
            return reg.AddNormative(actor, doc);
          };
          StatusOr<int64_t> id = add();
          if (!id.ok()) {
            return RulesPage(site, req, actor, reg, id.status().message(),
                             HttpStatusFor(id.status()));
          }
          return RedirectResponse("/staff/rules/" + std::to_string(*id));
        });
  });
  router.Add("GET", "/staff/rules/:id", [&site](HttpRequest& req) {
    return WithStaff(site, req, kReaders, [&](const Actor& actor, StaffRegistry& reg) {
      return RulePage(site, req, actor, reg, IdParam(req.params[0]), "", 200);
    });
  });
  // Amend and repeal: the same shape, the library decides.
  for (const char* step : {"amend", "repeal"}) {
    const std::string action = step;
    router.Add("POST", "/staff/rules/:id/" + action, [&site, action](HttpRequest& req) {
      return WithStaffPost(
          site, req, kRecorders, [&](const Actor& actor, StaffRegistry& reg, const StaffForm& f) {
            const int64_t id = IdParam(req.params[0]);
            auto change = [&]() -> Status {
              GONGKAI_ASSIGN_OR_RETURN(Date date, FormDate(f, "date", "日期"));
              if (action == "repeal") return reg.Repeal(actor, id, date);
              return reg.Amend(actor, id, Amendment{date, f.Get("number"), f.Get("note")});
            };
            Status s = change();
            if (s.code() == StatusCode::kNotFound) return StaffError(site, req, actor, s);
            if (!s.ok()) return RulePage(site, req, actor, reg, id, s.message(), HttpStatusFor(s));
            return RedirectResponse("/staff/rules/" + std::to_string(id));
          });
    });
  }
}

// ---- /staff/actions ----

HttpResponse ActionsPage(Site& site, const HttpRequest& req, const Actor& actor, StaffRegistry& reg,
                         const std::string& error, int status) {
  std::vector<std::pair<int, ActionCounts>> years;
  for (int y = site.Today().year(); y >= 2008 && y > site.Today().year() - 10; --y) {
    StatusOr<std::optional<ActionCounts>> c = reg.GetActions(actor, actor.agency_id, y);
    if (!c.ok()) return StaffError(site, req, actor, c.status());
    if (*c) years.emplace_back(y, **c);
  }
  return StaffPage(
      site, req, actor, "行政许可、处罚、强制和收费", "staff_actions.tpl",
      [&](Dict* d) {
        if (!error.empty()) d->AddSectionDictionary("ERROR")->SetValue("MESSAGE", error);
        d->SetIntValue("DEFAULT_YEAR", site.Today().year() - 1);
        for (const auto& [y, c] : years) {
          Dict* row = d->AddSectionDictionary("YEAR");
          row->SetIntValue("YEAR", y);
          row->SetValue("LICENSING", std::to_string(c.counts.licensing));
          row->SetValue("PENALTY", std::to_string(c.counts.penalty));
          row->SetValue("COERCION", std::to_string(c.counts.coercion));
          char fees[48];
          std::snprintf(fees, sizeof fees, "%.4f", c.counts.fees_10k_yuan);
          row->SetValue("FEES", fees);
          row->SetValue("SOURCE", c.source);
        }
      },
      status);
}

void AddActionRoutes(Router& router, Site& site) {
  router.Add("GET", "/staff/actions", [&site](HttpRequest& req) {
    return WithStaff(site, req, kReaders, [&](const Actor& actor, StaffRegistry& reg) {
      return ActionsPage(site, req, actor, reg, "", 200);
    });
  });
  router.Add("POST", "/staff/actions", [&site](HttpRequest& req) {
    return WithStaffPost(
        site, req, kRecorders, [&](const Actor& actor, StaffRegistry& reg, const StaffForm& f) {
          auto set = [&]() -> Status {
            ActionCounts a;
            a.counts.agency_id = actor.agency_id;
            GONGKAI_ASSIGN_OR_RETURN(int64_t year, FormCount(f, "year", "年度"));
            a.counts.year = static_cast<int>(std::min<int64_t>(year, 99999));
            GONGKAI_ASSIGN_OR_RETURN(a.counts.licensing, FormCount(f, "licensing", "行政许可"));
            GONGKAI_ASSIGN_OR_RETURN(a.counts.penalty, FormCount(f, "penalty", "行政处罚"));
            GONGKAI_ASSIGN_OR_RETURN(a.counts.coercion, FormCount(f, "coercion", "行政强制"));
            const std::string fees = f.Get("fees_10k_yuan");
            double v = 0;
            auto [end, ec] = std::from_chars(fees.data(), fees.data() + fees.size(), v);
            if (fees.empty() || ec != std::errc() || end != fees.data() + fees.size()) {
              return InvalidArgumentError("行政事业性收费应为数字，单位万元 (expects a number)");
            }
            a.counts.fees_10k_yuan = v;
            a.source = f.Get("source");
            return reg.SetActions(actor, a);
          };
          Status s = set();
          if (!s.ok()) return ActionsPage(site, req, actor, reg, s.message(), HttpStatusFor(s));
          return RedirectResponse("/staff/actions");
        });
  });
}

// ---- /staff/review-cases ----

std::string ResultText(const DisclosureCase& c) {
  return std::string(CaseResultLabel(c.c.result)) +
         (c.c.decided ? "（" + c.c.decided->ToString() + "）" : "");
}

HttpResponse CasesPage(Site& site, const HttpRequest& req, const Actor& actor, StaffRegistry& reg,
                       const std::string& error, int status) {
  StatusOr<std::vector<DisclosureCase>> cases = reg.ListCases(actor, actor.agency_id, 0);
  if (!cases.ok()) return StaffError(site, req, actor, cases.status());
  return StaffPage(
      site, req, actor, "行政复议和行政诉讼", "staff_review_cases.tpl",
      [&](Dict* d) {
        if (!error.empty()) d->AddSectionDictionary("ERROR")->SetValue("MESSAGE", error);
        for (const DisclosureCase& c : *cases) {
          Dict* row = d->AddSectionDictionary("CASE");
          row->SetIntValue("ID", c.c.id);
          row->SetValue("NUMBER", c.number.empty() ? "（无案号）" : c.number);
          row->SetValue("GROUP", std::string(T4GroupLabel(c.c.group)));
          row->SetValue("FILED", c.c.filed.ToString());
          row->SetValue("RESULT", ResultText(c));
          row->SetValue("NOTE", c.note);
        }
        for (int g = 0; g < kT4Groups; ++g) {
          Dict* o = d->AddSectionDictionary("GROUP_OPTION");
          o->SetValue("VALUE", std::string(T4GroupId(g)));
          o->SetValue("LABEL", std::string(T4GroupLabel(g)));
        }
      },
      status);
}

HttpResponse CasePage(Site& site, const HttpRequest& req, const Actor& actor, StaffRegistry& reg,
                      int64_t id, const std::string& error, int status) {
  StatusOr<DisclosureCase> c = reg.GetCase(actor, id);
  if (!c.ok()) return StaffError(site, req, actor, c.status());
  return StaffPage(
      site, req, actor, "案件 " + c->number, "staff_review_case.tpl",
      [&](Dict* d) {
        if (!error.empty()) d->AddSectionDictionary("ERROR")->SetValue("MESSAGE", error);
        d->SetIntValue("ID", c->c.id);
        d->SetValue("NUMBER", c->number);
        d->SetValue("GROUP", std::string(T4GroupLabel(c->c.group)));
        d->SetValue("FILED", c->c.filed.ToString());
        d->SetValue("RESULT", std::string(CaseResultLabel(c->c.result)));
        d->SetValue("DECIDED", DateText(c->c.decided));
        d->SetValue("NOTE", c->note);
        if (!c->c.decided && actor.role != Role::kSupervisor) d->ShowSection("PENDING");
      },
      status);
}

void AddCaseRoutes(Router& router, Site& site) {
  router.Add("GET", "/staff/review-cases", [&site](HttpRequest& req) {
    return WithStaff(site, req, kReaders, [&](const Actor& actor, StaffRegistry& reg) {
      return CasesPage(site, req, actor, reg, "", 200);
    });
  });
  router.Add("POST", "/staff/review-cases", [&site](HttpRequest& req) {
    return WithStaffPost(site, req, kRecorders,
                         [&](const Actor& actor, StaffRegistry& reg, const StaffForm& f) {
                           auto add = [&]() -> StatusOr<int64_t> {
                             DisclosureCase c;
                             c.c.agency_id = actor.agency_id;
                             c.c.group = T4GroupFromId(f.Get("group"));
                             if (c.c.group < 0)
                               return InvalidArgumentError("复议诉讼类别无效 (invalid group)");
                             GONGKAI_ASSIGN_OR_RETURN(c.c.filed, FormDate(f, "filed", "立案日期"));
                             c.number = f.Get("number");
                             c.note = f.Get("note");
                             c.review_id = IdParam(f.Get("review_id"));
                             c.c.request_id = IdParam(f.Get("request_id"));
                             return reg.AddCase(actor, c);
                           };
                           StatusOr<int64_t> id = add();
                           if (!id.ok()) {
                             return CasesPage(site, req, actor, reg, id.status().message(),
                                              HttpStatusFor(id.status()));
                           }
                           return RedirectResponse("/staff/review-cases/" + std::to_string(*id));
                         });
  });
  router.Add("GET", "/staff/review-cases/:id", [&site](HttpRequest& req) {
    return WithStaff(site, req, kReaders, [&](const Actor& actor, StaffRegistry& reg) {
      return CasePage(site, req, actor, reg, IdParam(req.params[0]), "", 200);
    });
  });
  router.Add("POST", "/staff/review-cases/:id/decide", [&site](HttpRequest& req) {
    return WithStaffPost(
        site, req, kRecorders, [&](const Actor& actor, StaffRegistry& reg, const StaffForm& f) {
          const int64_t id = IdParam(req.params[0]);
          auto decide = [&]() -> Status {
            GONGKAI_ASSIGN_OR_RETURN(CaseResult result, CaseResultFromId(f.Get("result")));
            GONGKAI_ASSIGN_OR_RETURN(Date date, FormDate(f, "date", "审结日期"));
            return reg.DecideCase(actor, id, result, date);
          };
          Status s = decide();
          if (s.code() == StatusCode::kNotFound) return StaffError(site, req, actor, s);
          if (!s.ok()) return CasePage(site, req, actor, reg, id, s.message(), HttpStatusFor(s));
          return RedirectResponse("/staff/review-cases/" + std::to_string(id));
        });
  });
}

}  // namespace

void AddStaffRegistryRoutes(Router& router, Site& site) {
  AddStaffDocumentRoutes(router, site);
  AddRuleRoutes(router, site);
  AddActionRoutes(router, site);
  AddCaseRoutes(router, site);
}

}  // namespace gongkai::web
