// The staff console's annual report page, /staff/report/:year (/staff/report: last year's): the
// year's report generated from the records (StaffRegistry::DraftReport), the validator's findings
// numbered beside the cells they concern, the office's text for the sections waiting for it (POST
// saves it; clerks, approvers, admins) and the publish button (POST …/publish; admins), after which
// the public 专栏 serves the published version in every format.
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>

#include "gongkai/staff_registry.h"
#include "routes.h"
#include "staff_registry_pages.h"

namespace gongkai::web {
namespace {

using Dict = ctemplate::TemplateDictionary;

const std::initializer_list<Role> kReaders = {Role::kClerk, Role::kApprover, Role::kAdmin,
                                              Role::kSupervisor};
const std::initializer_list<Role> kWriters = {Role::kClerk, Role::kApprover, Role::kAdmin};
const std::initializer_list<Role> kPublishers = {Role::kAdmin};

// "2025" → 2025; anything else (or a year outside 2008–2100) → 0.
int YearParam(const std::string& text) {
  int y = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), y);
  return ec == std::errc() && end == text.data() + text.size() && y >= 2008 && y <= 2100 ? y : 0;
}

std::string CellValue(const Cell& c) {
  if (!c.present()) return "";
  // Up to the 4 decimals of 万元 the model keeps, without trailing zeros.
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4f", *c.value);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

// The label of a cell for the findings list, e.g. "表三 一、本年新收… / 自然人".
std::string CellLabel(const CellRef& c) {
  if (c.table == 3) {
    return "表三 " + std::string(T3RowLabel(c.row)) + " / " + std::string(T3ColumnLabel(c.column));
  }
  if (c.table == 4) {
    return "表四 " + std::string(T4GroupLabel(c.row)) + " / " +
           std::string(T4ColumnLabel(c.column));
  }
  if (c.table == 2 && c.row < kDocKindCount) {
    return "表二 " + std::string(DocKindLabel(c.row)) + " / " +
           std::string(DocColumnLabel(c.column));
  }
  if (c.table == 2 && c.row < kDocKindCount + kDecisionKindCount) {
    return "表二 " + std::string(DecisionKindLabel(c.row - kDocKindCount));
  }
  return c.table == 2 ? "表二 行政事业性收费（万元）" : "";
}

// One table of the page: rows of cells, each with the numbers of the findings that concern it.
struct TableView {
  std::string caption;
  std::vector<std::string> columns;
  struct Row {
    std::string label;
    std::vector<std::pair<const Cell*, CellRef>> cells;
  };
  std::vector<Row> rows;
};

std::vector<TableView> Tables(const AnnualReport& r) {
  std::vector<TableView> out(3);
  TableView& t2 = out[0];
  t2.caption = "表二 主动公开政府信息情况";
  for (int c = 0; c < kDocColumns; ++c) t2.columns.push_back(std::string(DocColumnLabel(c)));
  for (int k = 0; k < kDocKindCount; ++k) {
    TableView::Row row{std::string(DocKindLabel(k)), {}};
    for (int c = 0; c < kDocColumns; ++c) {
      row.cells.push_back(
          {&r.table2.docs[static_cast<size_t>(k)][static_cast<size_t>(c)], CellRef{2, k, c}});
    }
    t2.rows.push_back(row);
  }
  for (int k = 0; k < kDecisionKindCount; ++k) {
    t2.rows.push_back(
        {std::string(DecisionKindLabel(k)) + "（件）",
         {{&r.table2.decisions[static_cast<size_t>(k)], CellRef{2, kDocKindCount + k, 0}}}});
  }
  t2.rows.push_back(
      {"行政事业性收费（万元）",
       {{&r.table2.fees_10k_yuan, CellRef{2, kDocKindCount + kDecisionKindCount, 0}}}});
  TableView& t3 = out[1];
  t3.caption = "表三 收到和处理政府信息公开申请情况";
  for (int c = 0; c < kT3Columns; ++c) t3.columns.push_back(std::string(T3ColumnLabel(c)));
  for (int row = 0; row < kT3Rows; ++row) {
    TableView::Row rv{std::string(T3RowLabel(row)), {}};
    for (int c = 0; c < kT3Columns; ++c) {
      rv.cells.push_back(
          {&r.table3.cells[static_cast<size_t>(row)][static_cast<size_t>(c)], CellRef{3, row, c}});
    }
    t3.rows.push_back(rv);
  }
  TableView& t4 = out[2];
  t4.caption = "表四 政府信息公开行政复议、行政诉讼情况";
  for (int c = 0; c < kT4Columns; ++c) t4.columns.push_back(std::string(T4ColumnLabel(c)));
  for (int g = 0; g < kT4Groups; ++g) {
    TableView::Row rv{std::string(T4GroupLabel(g)), {}};
    for (int c = 0; c < kT4Columns; ++c) {
      rv.cells.push_back(
          {&r.table4.cells[static_cast<size_t>(g)][static_cast<size_t>(c)], CellRef{4, g, c}});
    }
    t4.rows.push_back(rv);
  }
  return out;
}

// Which section shows which table: 二 → table 2, 三 → table 3, 四 → table 4.
int TableOfSection(int section) { return section >= 1 && section <= 3 ? section - 1 : -1; }

void FillTable(const TableView& t,
               const std::multimap<std::pair<int, std::pair<int, int>>, int>& marks, Dict* d) {
  Dict* td = d->AddSectionDictionary("TABLE");
  td->SetValue("CAPTION", t.caption);
  for (const std::string& c : t.columns) td->AddSectionDictionary("COL")->SetValue("LABEL", c);
  for (const TableView::Row& row : t.rows) {
    Dict* rd = td->AddSectionDictionary("ROW");
    rd->SetValue("LABEL", row.label);
    for (const auto& [cell, ref] : row.cells) {
      Dict* cd = rd->AddSectionDictionary("CELL");
      cd->SetValue("ID", std::to_string(ref.table) + "-" + std::to_string(ref.row) + "-" +
                             std::to_string(ref.column));
      cd->SetValue("VALUE", CellValue(*cell));
      auto [b, e] = marks.equal_range({ref.table, {ref.row, ref.column}});
      if (b != e) cd->ShowSection("FLAGGED");
      for (auto it = b; it != e; ++it)
        cd->AddSectionDictionary("MARK")->SetIntValue("N", it->second);
    }
  }
}

HttpResponse ReportPage(Site& site, const HttpRequest& req, const Actor& actor, StaffRegistry& reg,
                        int year, const std::string& error, const std::string& notice, int status) {
  StatusOr<ReportDraft> draft = reg.DraftReport(actor, actor.agency_id, year);
  if (!draft.ok()) return StaffError(site, req, actor, draft.status());
  StatusOr<std::optional<PublishedReport>> published = reg.Published(actor, actor.agency_id, year);
  if (!published.ok()) return StaffError(site, req, actor, published.status());
  const ReportDraft& d = *draft;
  std::multimap<std::pair<int, std::pair<int, int>>, int> marks;
  for (size_t i = 0; i < d.findings.size(); ++i) {
    const CellRef& c = d.finding_cells[i];
    if (c.table) marks.emplace(std::make_pair(c.table, std::make_pair(c.row, c.column)), i + 1);
  }
  const std::vector<TableView> tables = Tables(d.report);
  return StaffPage(
      site, req, actor, std::to_string(year) + "年政府信息公开工作年度报告", "staff_report.tpl",
      [&](Dict* dict) {
        if (!error.empty()) dict->AddSectionDictionary("ERROR")->SetValue("MESSAGE", error);
        if (!notice.empty()) dict->AddSectionDictionary("NOTICE")->SetValue("MESSAGE", notice);
        dict->SetIntValue("YEAR", year);
        dict->SetValue("STATE", *published ? "已发布" : "草稿");
        if (*published) {
          Dict* p = dict->AddSectionDictionary("PUBLISHED");
          p->SetIntValue("VERSION", (*published)->id);
          p->SetValue("AT", (*published)->published_at);
          p->SetValue("PUBLIC_URL", "/agencies/" + std::to_string(actor.agency_id) + "/reports/" +
                                        std::to_string(year));
        }
        for (int y = site.Today().year(); y > site.Today().year() - 5; --y) {
          if (y != year) dict->AddSectionDictionary("OTHER_YEAR")->SetIntValue("YEAR", y);
        }
        if (d.findings.empty()) dict->ShowSection("NO_FINDINGS");
        for (size_t i = 0; i < d.findings.size(); ++i) {
          const Finding& f = d.findings[i];
          Dict* fd = dict->AddSectionDictionary("FINDING");
          fd->SetIntValue("N", static_cast<long>(i + 1));
          fd->SetValue("SEVERITY", std::string(SeverityName(f.severity)));
          fd->SetValue("SEVERITY_LABEL", f.severity == Severity::kError     ? "错误"
                                         : f.severity == Severity::kWarning ? "提示"
                                                                            : "说明");
          fd->SetValue("RULE", f.rule);
          fd->SetValue("MESSAGE", f.message);
          const std::string cell = CellLabel(d.finding_cells[i]);
          if (!cell.empty()) fd->AddSectionDictionary("AT_CELL")->SetValue("CELL", cell);
        }
        const bool can_edit = actor.role != Role::kSupervisor;
        for (int s = 0; s < kSectionCount; ++s) {
          const Section& sec = d.report.sections[static_cast<size_t>(s)];
          Dict* sd = dict->AddSectionDictionary("SECTION");
          sd->SetValue("HEADING", sec.heading.empty() ? std::string(SectionTitle(s)) : sec.heading);
          for (const std::string& p : SectionTextParagraphs(sec.text)) {
            if (!p.empty()) sd->AddSectionDictionary("PARAGRAPH")->SetValue("TEXT", p);
          }
          if (d.editable[static_cast<size_t>(s)] && can_edit) {
            Dict* e = sd->AddSectionDictionary("EDITABLE");
            e->SetIntValue("INDEX", s);
            e->SetValue("OFFICE", d.office[static_cast<size_t>(s)]);
            if (d.missing[static_cast<size_t>(s)]) e->ShowSection("MISSING");
          }
          if (int t = TableOfSection(s); t >= 0)
            FillTable(tables[static_cast<size_t>(t)], marks, sd);
        }
        if (can_edit) dict->ShowSection("CAN_EDIT");
        if (actor.role == Role::kAdmin && year < site.Today().year()) {
          dict->ShowSection("CAN_PUBLISH");
        }
      },
      status);
}

}  // namespace

void AddStaffReportRoutes(Router& router, Site& site) {
  // The report being prepared is last year's (published by 31 January, 《条例》Art. 49).
  router.Add("GET", "/staff/report", [&site](HttpRequest& req) {
    return WithStaff(site, req, kReaders, [&](const Actor&, StaffRegistry&) {
      return RedirectResponse("/staff/report/" + std::to_string(site.Today().year() - 1));
    });
  });
  router.Add("GET", "/staff/report/:year", [&site](HttpRequest& req) {
    return WithStaff(site, req, kReaders, [&](const Actor& actor, StaffRegistry& reg) {
      int year = YearParam(req.params[0]);
      if (!year) return StaffError(site, req, actor, NotFoundError("没有这个年度 (no such year)"));
      return ReportPage(site, req, actor, reg, year, "", "", 200);
    });
  });
  router.Add("POST", "/staff/report/:year", [&site](HttpRequest& req) {
    return WithStaffPost(
        site, req, kWriters, [&](const Actor& actor, StaffRegistry& reg, const StaffForm& f) {
          int year = YearParam(req.params[0]);
          if (!year)
            return StaffError(site, req, actor, NotFoundError("没有这个年度 (no such year)"));
          SectionTexts texts;
          for (int s = 0; s < kSectionCount; ++s) {
            texts[static_cast<size_t>(s)] = f.Get("section" + std::to_string(s));
            // Browsers send CRLF line breaks in a textarea.
            std::string& t = texts[static_cast<size_t>(s)];
            t.erase(std::remove(t.begin(), t.end(), '\r'), t.end());
          }
          Status s = reg.SaveReportText(actor, actor.agency_id, year, texts);
          if (!s.ok())
            return ReportPage(site, req, actor, reg, year, s.message(), "", HttpStatusFor(s));
          return RedirectResponse("/staff/report/" + std::to_string(year));
        });
  });
  router.Add("POST", "/staff/report/:year/publish", [&site](HttpRequest& req) {
    return WithStaffPost(
        site, req, kPublishers, [&](const Actor& actor, StaffRegistry& reg, const StaffForm&) {
          int year = YearParam(req.params[0]);
          if (!year)
            return StaffError(site, req, actor, NotFoundError("没有这个年度 (no such year)"));
          StatusOr<PublishedReport> p =
              reg.PublishReport(actor, actor.agency_id, year, site.Today());
          if (!p.ok()) {
            return ReportPage(site, req, actor, reg, year, p.status().message(), "",
                              HttpStatusFor(p.status()));
          }
          return RedirectResponse("/staff/report/" + std::to_string(year));
        });
  });
}

}  // namespace gongkai::web
