// The supervisor's pages (issue 13): the tree, uploads and assignment, a report with its findings
// pinned to cells, the roll-up, charts and reminders. Every page requires a supervisor session;
// the library's Supervision answers NotFound outside the supervisor's subtree, shown as 404.
#include <algorithm>
#include <array>
#include <charconv>
#include <set>

#include <ctemplate/template_modifiers.h>

#include "gongkai/render_letter.h"
#include "gongkai/supervision.h"
#include "multipart.h"
#include "routes.h"
#include "staff_auth.h"

namespace gongkai::web {
namespace {

using Dict = ctemplate::TemplateDictionary;

// Rows of the tree per page: the counts above the table cover every agency; the CSV has all rows.
// A region of 4,589 agencies on one page is 850 KB of HTML that takes a browser seconds to lay
// out and the server ~40 ms to fill.
constexpr size_t kTreeRowsPerPage = 500;

// What every handler starts with: the supervisor and its Supervision, or the response to give.
struct Context {
  Actor actor;
  std::unique_ptr<Supervision> sup;
};

bool Begin(Site& site, const HttpRequest& req, Context* ctx, HttpResponse* denied) {
  StatusOr<Actor> actor = RequireActor(site, req, {Role::kSupervisor});
  if (!actor.ok()) {
    *denied = StaffDenied(site, req, actor.status());
    return false;
  }
  ctx->actor = std::move(actor).value();
  StatusOr<LedgerSession*> s = site.Session();
  StatusOr<std::unique_ptr<Supervision>> sup =
      s.ok() ? Supervision::Open(*(*s)->store, ctx->actor)
             : StatusOr<std::unique_ptr<Supervision>>(s.status());
  if (!sup.ok()) {
    *denied = site.ErrorPage(req, 503, "数据库暂不可用");
    return false;
  }
  ctx->sup = std::move(sup).value();
  return true;
}

// A library error as a page: NotFound (outside the scope, or no such record) is 404.
HttpResponse Failed(Site& site, const HttpRequest& req, const Status& s) {
  int status = HttpStatusFor(s);
  if (status == 500) return site.ErrorPage(req, 503, "数据库暂不可用");
  return site.ErrorPage(req, status, status == 404 ? "没有找到 (not found)" : s.message());
}

// ?year=Y, by default last year (reports are filed for the year before).
int YearParam(Site& site, const HttpRequest& req) {
  const std::string text = req.Query("year");
  int year = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec == std::errc() && end == text.data() + text.size() && year >= 2008 && year <= 2100) {
    return year;
  }
  return site.Today().year() - 1;
}

int64_t IdOf(const std::string& text) {
  int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  return ec == std::errc() && end == text.data() + text.size() && id > 0 ? id : 0;
}

HttpResponse Attachment(std::string body, const std::string& content_type,
                        const std::string& filename) {
  HttpResponse r;
  r.content_type = content_type;
  r.body = std::move(body);
  r.With("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  r.With("Cache-Control", "no-store");
  return r;
}

void FillYear(Dict* d, int year) {
  d->SetIntValue("YEAR", year);
  d->SetIntValue("PREV_YEAR", year - 1);
  d->SetIntValue("NEXT_YEAR", year + 1);
}

void FillCounts(const std::array<int, kFilingStatusCount>& counts, Dict* d) {
  for (int k = 0; k < kFilingStatusCount; ++k) {
    Dict* c = d->AddSectionDictionary("COUNT");
    c->SetValue("LABEL", std::string(FilingStatusLabel(static_cast<FilingStatus>(k))));
    c->SetValue("STATUS", std::string(FilingStatusId(static_cast<FilingStatus>(k))));
    c->SetIntValue("N", counts[static_cast<size_t>(k)]);
  }
}

// ---- The tree ----

// Orders the rows for display: "tree" (default), "name", "status" (worst first), "filed".
void SortRows(std::vector<AgencyFiling>* rows, const std::string& key) {
  if (key == "name") {
    std::stable_sort(rows->begin(), rows->end(), [](const AgencyFiling& a, const AgencyFiling& b) {
      return a.agency.name < b.agency.name;
    });
  } else if (key == "status") {
    std::stable_sort(rows->begin(), rows->end(), [](const AgencyFiling& a, const AgencyFiling& b) {
      return std::make_pair(static_cast<int>(a.status), -a.errors) <
             std::make_pair(static_cast<int>(b.status), -b.errors);
    });
  } else if (key == "filed") {
    std::stable_sort(rows->begin(), rows->end(), [](const AgencyFiling& a, const AgencyFiling& b) {
      return a.filed.value_or(Date::FromDays(INT32_MAX)) <
             b.filed.value_or(Date::FromDays(INT32_MAX));
    });
  }
}

void FillFilingRow(const AgencyFiling& r, bool indent, Dict* d) {
  d->SetIntValue("AGENCY_ID", static_cast<long>(r.agency.id));
  std::string pad;
  for (int i = 0; indent && i < r.depth; ++i) pad += "　";
  d->SetValue("INDENT", pad);
  d->SetValue("NAME", r.agency.name);
  d->SetValue("STATUS", std::string(FilingStatusId(r.status)));
  d->SetValue("STATUS_LABEL", std::string(FilingStatusLabel(r.status)));
  if (r.status == FilingStatus::kErrors) {
    d->ShowSection("HAS_ERRORS");
    d->SetIntValue("ERRORS", r.errors);
  }
  d->SetValue("FILED", r.filed ? r.filed->ToString() : "");
  d->SetValue("SOURCE", std::string(ReportSourceLabel(r.source)));
  if (r.submission_id) {
    d->ShowSection("HAS_REPORT");
    d->SetIntValue("SUBMISSION_ID", static_cast<long>(r.submission_id));
  }
  int below = r.subtree[0] + r.subtree[1] + r.subtree[2] + r.subtree[3];
  if (below > 1) {
    d->ShowSection("HAS_SUBTREE");
    for (int k = 0; k < kFilingStatusCount; ++k) {
      d->SetIntValue("SUB_" + std::to_string(k), r.subtree[static_cast<size_t>(k)]);
    }
  }
}

HttpResponse TreePage(Site& site, HttpRequest& req) {
  Context ctx;
  HttpResponse denied;
  if (!Begin(site, req, &ctx, &denied)) return denied;
  const int year = YearParam(site, req);
  StatusOr<SupervisionTree> tree = ctx.sup->Tree(year);
  if (!tree.ok()) return Failed(site, req, tree.status());
  if (req.Query("format") == "csv") {
    return Attachment(TreeCsv(*tree), "text/csv; charset=utf-8",
                      "tree-" + std::to_string(year) + ".csv");
  }
  if (req.Query("format") == "xlsx") {
    StatusOr<std::string> xlsx = TreeXlsx(*tree);
    if (!xlsx.ok()) return site.ErrorPage(req, 503, "XLSX 生成失败");
    return Attachment(std::move(xlsx).value(),
                      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                      "tree-" + std::to_string(year) + ".xlsx");
  }
  const std::string sort = req.Query("sort");
  std::vector<AgencyFiling>& rows = tree->rows;
  const std::array<int, kFilingStatusCount> counts = rows[0].subtree;
  SortRows(&rows, sort);
  const size_t pages = (rows.size() + kTreeRowsPerPage - 1) / kTreeRowsPerPage;
  const size_t page = std::clamp<size_t>(static_cast<size_t>(IdOf(req.Query("page"))), 1, pages);
  return StaffPage(site, req, &ctx.actor, "所属机关年度报告", "supervise_tree.tpl", [&](Dict* d) {
    FillYear(d, year);
    d->SetValue("AGENCY_NAME", ctx.sup->agency().name);
    d->SetIntValue("TOTAL", static_cast<long>(rows.size()));
    d->SetValue("SORT", sort);
    FillCounts(counts, d);
    if (pages > 1) {
      d->ShowSection("PAGES");
      d->SetIntValue("PAGE", static_cast<long>(page));
      d->SetIntValue("PAGE_COUNT", static_cast<long>(pages));
      if (page > 1)
        d->AddSectionDictionary("PREV_PAGE")->SetIntValue("N", static_cast<long>(page - 1));
      if (page < pages)
        d->AddSectionDictionary("NEXT_PAGE")->SetIntValue("N", static_cast<long>(page + 1));
    }
    bool indent = sort.empty() || sort == "tree";
    const size_t end = std::min(rows.size(), page * kTreeRowsPerPage);
    for (size_t i = (page - 1) * kTreeRowsPerPage; i < end; ++i) {
      FillFilingRow(rows[i], indent, d->AddSectionDictionary("ROW"));
    }
  });
}

// ---- Upload and assignment ----

// Unassigned reports shown with an assignment form, oldest first; the rest are counted.
constexpr size_t kAssignFormsPerPage = 20;

std::string AgencyOption(const Agency& a) {
  return "<option value=\"" + std::to_string(a.id) + "\">" + ctemplate::html_escape(a.name) +
         "</option>\n";
}

// The choices of an assignment form, written (and HTML-escaped, as the template's auto-escaping
// would) here because a region's list is long: a blank choice, then the agencies whose names come
// close to the report's (a suggestion: none is chosen for the user, since a near name is often
// another agency, such as the government for one of its departments), then, when `all` is given,
// every agency of the scope.
std::string AgencyOptions(const AgencyMatch& near, const std::vector<Agency>* all) {
  std::string out = "<option value=\"\">请选择机关</option>\n";
  if (!near.candidates.empty()) {
    out += "<optgroup label=\"名称相近的机关\">\n";
    for (const Agency& a : near.candidates) out += AgencyOption(a);
    out += "</optgroup>\n";
  }
  if (all) {
    out += "<optgroup label=\"全部机关\">\n";
    for (const Agency& a : *all) out += AgencyOption(a);
    out += "</optgroup>\n";
  }
  return out;
}

// The upload page's forms offer only the near names: the scope's whole list (4,589 agencies in a
// region) is on each report's own page, once, not copied into every form of this one.
void FillUnassigned(Supervision& sup, Dict* d) {
  StatusOr<std::vector<Submission>> waiting = sup.Unassigned();
  if (!waiting.ok() || waiting->empty()) return;
  d->ShowSection("HAS_UNASSIGNED");
  if (waiting->size() > kAssignFormsPerPage) {
    d->AddSectionDictionary("MORE_UNASSIGNED")
        ->SetIntValue("N", static_cast<long>(waiting->size() - kAssignFormsPerPage));
    waiting->resize(kAssignFormsPerPage);
  }
  const AgencyMatcher matcher(sup.agencies());  // the scope's names prepared once for the page
  for (const Submission& s : *waiting) {
    Dict* w = d->AddSectionDictionary("UNASSIGNED");
    w->SetIntValue("ID", static_cast<long>(s.id));
    w->SetValue("FILE", s.file_name);
    w->SetValue("REPORT_AGENCY", s.report_agency);
    if (s.year) w->SetIntValue("YEAR", s.year);
    AgencyMatch m = matcher.Match(s.report_agency);
    if (m.candidates.empty()) {
      w->ShowSection("NO_NEAR_NAMES");
    } else {
      w->AddSectionDictionary("NEAR_NAMES")->SetValue("OPTIONS", AgencyOptions(m, nullptr));
    }
  }
}

HttpResponse UploadPage(Site& site, const HttpRequest& req, Context& ctx,
                        const std::vector<UploadResult>& results, int status) {
  return StaffPage(
      site, req, &ctx.actor, "上传年度报告", "supervise_upload.tpl",
      [&](Dict* d) {
        d->SetValue("TODAY", site.Today().ToString());
        for (const UploadResult& r : results) {
          for (const UploadItem& it : r.items) {
            d->ShowSection("HAS_RESULTS");
            Dict* i = d->AddSectionDictionary("ITEM");
            i->SetValue("NAME", it.name);
            if (!it.status.ok()) {
              i->ShowSection("UNREADABLE");
              i->SetValue("MESSAGE", it.status.message());
              continue;
            }
            i->SetIntValue("SUBMISSION_ID", static_cast<long>(it.submission_id));
            i->SetValue("REPORT_AGENCY", it.report_agency);
            i->SetValue("YEAR", it.year ? std::to_string(it.year) : "未写明");
            i->SetValue("STATUS_LABEL",
                        std::string(FilingStatusLabel(StatusOfCounts(it.errors, it.warnings))));
            i->SetIntValue("ERRORS", it.errors);
            i->SetIntValue("WARNINGS", it.warnings);
            if (it.match.agency_id != 0 && it.year != 0) {
              i->ShowSection("MATCHED");
              i->SetValue("MATCH", std::string(SubmissionMatchId(it.match.kind)));
            } else {
              i->ShowSection("NOT_MATCHED");
            }
          }
        }
        FillUnassigned(*ctx.sup, d);
      },
      status);
}

HttpResponse PostUpload(Site& site, HttpRequest& req) {
  Context ctx;
  HttpResponse denied;
  if (!Begin(site, req, &ctx, &denied)) return denied;
  StatusOr<MultipartForm> form = ParseMultipart(req.Header("content-type"), req.body);
  if (!form.ok()) return site.ErrorPage(req, 400, "表单格式错误");
  if (!site.CsrfOk(req, FormValue(form->fields, kCsrfField))) {
    return site.ErrorPage(req, 403, "表单已过期，请返回刷新后重新提交 (invalid form token)");
  }
  Date filed = site.Today();
  if (std::string f = FormValue(form->fields, "filed"); !f.empty()) {
    StatusOr<Date> d = Date::Parse(f);
    if (!d.ok()) return site.ErrorPage(req, 400, "提交日期格式应为 YYYY-MM-DD");
    filed = *d;
  }
  std::vector<UploadResult> results;
  for (const UploadedFile& file : form->files) {
    if (file.content.empty()) continue;
    StatusOr<UploadResult> r =
        ctx.sup->Upload(file.content, file.filename.empty() ? "upload" : file.filename, filed);
    if (!r.ok()) return Failed(site, req, r.status());
    results.push_back(std::move(r).value());
  }
  if (results.empty()) return site.ErrorPage(req, 400, "请选择要上传的报告文件");
  return UploadPage(site, req, ctx, results, 200);
}

HttpResponse PostAssign(Site& site, HttpRequest& req) {
  Context ctx;
  HttpResponse denied;
  if (!Begin(site, req, &ctx, &denied)) return denied;
  std::multimap<std::string, std::string> form;
  if (!ParseUrlEncoded(req.body, &form)) return site.ErrorPage(req, 400, "表单格式错误");
  if (!site.CsrfOk(req, FormValue(form, kCsrfField))) {
    return site.ErrorPage(req, 403, "表单已过期，请返回刷新后重新提交 (invalid form token)");
  }
  int year = 0;
  std::string y = FormValue(form, "year");
  if (!y.empty()) year = static_cast<int>(IdOf(y));
  const int64_t submission = IdOf(FormValue(form, "submission"));
  Status s = ctx.sup->Assign(submission, IdOf(FormValue(form, "agency")), year);
  if (!s.ok()) return Failed(site, req, s);
  // Back to where the form was: the report's page (its whole-list form) or the upload page.
  if (FormValue(form, "back") == "report") {
    return RedirectResponse("/supervise/reports/" + std::to_string(submission));
  }
  return RedirectResponse("/supervise/upload");
}

// ---- A report ----

std::string CellId(const CellRef& c) {
  return "t" + std::to_string(c.table) + "-" + std::to_string(c.row) + "-" + std::to_string(c.col);
}

std::string CellText(const Cell& c) {
  if (!c.value) return "";
  double v = *c.value;
  if (v == static_cast<double>(static_cast<int64_t>(v)))
    return std::to_string(static_cast<int64_t>(v));
  return std::to_string(v);
}

// Table 3 (and 4) as grids whose cells carry ids (t3-row-col) and a mark when a finding pins
// them; `prefix` keeps two reports' ids apart on one page.
void FillGrids(const AnnualReport& r, const std::set<CellRef>& pinned, const std::string& prefix,
               Dict* d) {
  for (int c = 0; c < kT3Columns; ++c) {
    d->AddSectionDictionary("T3_HEAD")->SetValue("LABEL", std::string(T3ColumnLabel(c)));
  }
  for (int row = 0; row < kT3Rows; ++row) {
    Dict* rd = d->AddSectionDictionary("T3_ROW");
    rd->SetValue("LABEL", std::string(T3RowLabel(row)));
    for (int c = 0; c < kT3Columns; ++c) {
      Dict* cd = rd->AddSectionDictionary("CELL");
      CellRef ref{3, row, c};
      cd->SetValue("ID", prefix + CellId(ref));
      cd->SetValue("VALUE",
                   CellText(r.table3.cells[static_cast<size_t>(row)][static_cast<size_t>(c)]));
      if (pinned.count(ref)) cd->ShowSection("PINNED");
    }
  }
  for (int g = 0; g < kT4Groups; ++g) {
    Dict* rd = d->AddSectionDictionary("T4_ROW");
    rd->SetValue("LABEL", std::string(T4GroupLabel(g)));
    for (int c = 0; c < kT4Columns; ++c) {
      Dict* cd = rd->AddSectionDictionary("CELL");
      CellRef ref{4, g, c};
      cd->SetValue("ID", prefix + CellId(ref));
      cd->SetValue("VALUE",
                   CellText(r.table4.cells[static_cast<size_t>(g)][static_cast<size_t>(c)]));
      if (pinned.count(ref)) cd->ShowSection("PINNED");
    }
  }
  for (int c = 0; c < kT4Columns; ++c) {
    d->AddSectionDictionary("T4_HEAD")->SetValue("LABEL", std::string(T4ColumnLabel(c)));
  }
}

void FillFinding(const Finding& f, const AnnualReport& r, size_t n, std::set<CellRef>* pinned,
                 std::set<int>* sections, Dict* d) {
  d->SetValue("ID", "f" + std::to_string(n));
  d->SetValue("SEVERITY", std::string(SeverityName(f.severity)));
  d->SetValue("SEVERITY_LABEL", f.severity == Severity::kError     ? "错误"
                                : f.severity == Severity::kWarning ? "警告"
                                                                   : "提示");
  d->SetValue("RULE", f.rule);
  d->SetValue("MESSAGE", f.message);
  if (f.location.line > 0) d->SetValue("WHERE", "第 " + std::to_string(f.location.line) + " 行");
  FindingPins pins = PinFinding(f, r);
  for (const CellRef& c : pins.cells) {
    pinned->insert(c);
    Dict* p = d->AddSectionDictionary("PIN");
    p->SetValue("HREF", "#" + CellId(c));
    p->SetValue("LABEL", c.table == 3 ? std::string(T3RowLabel(c.row)).substr(0, 24) + " · " +
                                            std::string(T3ColumnLabel(c.col))
                                      : "表" + std::to_string(c.table));
  }
  if (pins.section >= 0) {
    sections->insert(pins.section);
    Dict* p = d->AddSectionDictionary("PIN");
    p->SetValue("HREF", "#s-" + std::to_string(pins.section));
    p->SetValue("LABEL", std::string(SectionTitle(pins.section)));
  }
}

HttpResponse ReportPage(Site& site, HttpRequest& req) {
  Context ctx;
  HttpResponse denied;
  if (!Begin(site, req, &ctx, &denied)) return denied;
  StatusOr<SubmissionReport> page = ctx.sup->Report(IdOf(req.params.at(0)));
  if (!page.ok()) return Failed(site, req, page.status());
  const Submission& s = page->submission;
  return StaffPage(
      site, req, &ctx.actor, "报告 " + std::to_string(s.id), "supervise_report.tpl", [&](Dict* d) {
        d->SetValue("AGENCY_NAME",
                    page->filing.agency.name.empty() ? s.report_agency : page->filing.agency.name);
        d->SetIntValue("ID", static_cast<long>(s.id));
        d->SetValue("YEAR", s.year ? std::to_string(s.year) : "未写明");
        d->SetValue("FILE", s.file_name);
        d->SetValue("FORMAT", s.format);
        d->SetValue("SHA256", s.sha256);
        d->SetValue("FILED", s.filed.ToString());
        d->SetValue("UPLOADED_BY", s.uploaded_by);
        if (s.agency_id != 0) {
          Dict* v = d->AddSectionDictionary("VERSIONED");
          v->SetIntValue("VERSION", s.version);
          v->SetIntValue("VERSIONS", page->filing.versions);
        } else {
          Dict* a = d->AddSectionDictionary("ASSIGN");
          a->SetValue("REPORT_AGENCY", s.report_agency);
          if (s.year) a->SetIntValue("YEAR", s.year);
          a->SetValue("OPTIONS", AgencyOptions(MatchAgency(s.report_agency, ctx.sup->agencies()),
                                               &ctx.sup->agencies()));
        }
        d->SetValue("STATUS", std::string(FilingStatusId(StatusOfCounts(s.errors, s.warnings))));
        d->SetValue("STATUS_LABEL",
                    std::string(FilingStatusLabel(StatusOfCounts(s.errors, s.warnings))));
        d->SetIntValue("ERRORS", s.errors);
        d->SetIntValue("WARNINGS", s.warnings);
        std::set<CellRef> pinned;
        std::set<int> sections;
        size_t n = 0;
        for (const Finding& f : page->findings) {
          if (f.severity == Severity::kInfo) continue;
          FillFinding(f, page->report, ++n, &pinned, &sections, d->AddSectionDictionary("FINDING"));
        }
        FillGrids(page->report, pinned, "", d);
        for (int k = 0; k < kSectionCount; ++k) {
          const Section& sec = page->report.sections[static_cast<size_t>(k)];
          Dict* sd = d->AddSectionDictionary("SECTION");
          sd->SetIntValue("N", k);
          sd->SetValue("TITLE", std::string(SectionTitle(k)));
          sd->SetValue("TEXT", sec.present ? sec.text : "（报告中没有这一部分）");
          if (sections.count(k)) sd->ShowSection("PINNED");
        }
        if (!page->previous) d->ShowSection("NO_PREVIOUS");
        if (page->previous) {
          d->ShowSection("HAS_PREVIOUS");
          const AnnualReport& p = *page->previous;
          d->SetValue("PREV_SOURCE", std::string(ReportSourceLabel(page->previous_source)));
          if (page->previous_submission_id) {
            d->ShowSection("PREV_LINK");
            d->SetIntValue("PREV_ID", static_cast<long>(page->previous_submission_id));
          }
          for (int row : {static_cast<int>(kNew), static_cast<int>(kCarriedOver),
                          static_cast<int>(kResultTotal), static_cast<int>(kCarriedForward)}) {
            Dict* c = d->AddSectionDictionary("COMPARE");
            c->SetValue("LABEL", std::string(T3RowLabel(row)));
            c->SetValue("PREV", CellText(p.table3.cells[static_cast<size_t>(row)][kTotal]));
            c->SetValue("THIS",
                        CellText(page->report.table3.cells[static_cast<size_t>(row)][kTotal]));
          }
          if (page->carry_over.empty()) d->ShowSection("CARRY_OK");
          for (const Finding& f : page->carry_over) {
            d->AddSectionDictionary("CARRY")->SetValue("MESSAGE", f.message);
          }
        }
      });
}

// ---- Roll-up, charts, reminders ----

void FillAgencyList(const std::vector<Agency>& list, const char* section, Dict* d) {
  for (const Agency& a : list) d->AddSectionDictionary(section)->SetValue("NAME", a.name);
}

HttpResponse RollupPage(Site& site, HttpRequest& req) {
  Context ctx;
  HttpResponse denied;
  if (!Begin(site, req, &ctx, &denied)) return denied;
  const int year = YearParam(site, req);
  StatusOr<RegionRollup> r = ctx.sup->Rollup(year);
  if (!r.ok()) return Failed(site, req, r.status());
  return StaffPage(site, req, &ctx.actor, "汇总", "supervise_rollup.tpl", [&](Dict* d) {
    FillYear(d, year);
    d->SetValue("AGENCY_NAME", ctx.sup->agency().name);
    d->SetIntValue("FROM_LEDGER", static_cast<long>(r->from_ledger.size()));
    d->SetIntValue("FROM_UPLOADS", static_cast<long>(r->from_uploads.size()));
    d->SetIntValue("MISSING_COUNT", static_cast<long>(r->missing.size()));
    d->SetIntValue("ABSENT_CELLS", r->absent_cells);
    FillAgencyList(r->missing, "MISSING", d);
    FillAgencyList(r->with_errors, "WITH_ERRORS", d);
    if (!r->with_errors.empty()) d->ShowSection("HAS_WITH_ERRORS");
    FillGrids(r->report, {}, "", d);
  });
}

void SetOptional(Dict* d, const char* key, const std::optional<int64_t>& v) {
  d->SetValue(key, v ? std::to_string(*v) : "");
}

HttpResponse ChartsPage(Site& site, HttpRequest& req) {
  Context ctx;
  HttpResponse denied;
  if (!Begin(site, req, &ctx, &denied)) return denied;
  const int year = YearParam(site, req);
  StatusOr<std::vector<YearTrend>> trends = ctx.sup->Trends(year - 4, year);
  if (!trends.ok()) return Failed(site, req, trends.status());
  return StaffPage(site, req, &ctx.actor, "趋势图表", "supervise_charts.tpl", [&](Dict* d) {
    FillYear(d, year);
    d->SetValue("ECHARTS_URL", site.assets().Url("echarts.min.js"));
    d->SetValue("CHARTS_JS_URL", site.assets().Url("supervise_charts.js"));
    for (const YearTrend& t : *trends) {
      Dict* row = d->AddSectionDictionary("TREND");
      row->SetIntValue("YEAR", t.year);
      row->SetIntValue("REPORTING", t.reporting);
      row->SetIntValue("AGENCIES", t.agencies);
      SetOptional(row, "RECEIVED", t.received);
      SetOptional(row, "GRANTED", t.granted);
      SetOptional(row, "DENIED", t.denied);
      SetOptional(row, "UNABLE", t.unable);
      SetOptional(row, "IGNORED", t.ignored);
      SetOptional(row, "OTHER", t.other);
      SetOptional(row, "REVIEWS", t.reviews);
      SetOptional(row, "SUITS", t.suits);
      row->SetIntValue("LATE", static_cast<long>(t.late_replies_in_ledger));
    }
  });
}

HttpResponse RemindersPage(Site& site, HttpRequest& req) {
  Context ctx;
  HttpResponse denied;
  if (!Begin(site, req, &ctx, &denied)) return denied;
  const int year = YearParam(site, req);
  StatusOr<std::vector<Reminder>> list = ctx.sup->Reminders(year);
  if (!list.ok()) return Failed(site, req, list.status());
  if (req.Query("format") == "csv") {
    return Attachment(RemindersCsv(*list, year), "text/csv; charset=utf-8",
                      "reminders-" + std::to_string(year) + ".csv");
  }
  return StaffPage(site, req, &ctx.actor, "督办提醒", "supervise_reminders.tpl", [&](Dict* d) {
    FillYear(d, year);
    for (const Reminder& r : *list) {
      Dict* row = d->AddSectionDictionary("REMINDER");
      row->SetIntValue("AGENCY_ID", static_cast<long>(r.agency.id));
      row->SetValue("NAME", r.agency.name);
      row->SetValue("PARENT", r.parent_name);
      row->SetValue("STATUS", std::string(FilingStatusId(r.status)));
      row->SetValue("STATUS_LABEL", std::string(FilingStatusLabel(r.status)));
      row->SetIntValue("ERRORS", r.errors);
      row->SetValue("DUE", r.due.ToString());
      for (const std::string& e : r.first_errors)
        row->AddSectionDictionary("PROBLEM")->SetValue("TEXT", e);
    }
  });
}

HttpResponse NoticeDocx(Site& site, HttpRequest& req) {
  Context ctx;
  HttpResponse denied;
  if (!Begin(site, req, &ctx, &denied)) return denied;
  const int year = YearParam(site, req);
  const int64_t agency = IdOf(req.params.at(0));
  if (!ctx.sup->Sees(agency)) return site.ErrorPage(req, 404, "没有找到 (not found)");
  StatusOr<std::vector<Reminder>> list = ctx.sup->Reminders(year);
  if (!list.ok()) return Failed(site, req, list.status());
  auto it = std::find_if(list->begin(), list->end(),
                         [&](const Reminder& r) { return r.agency.id == agency; });
  if (it == list->end()) return site.ErrorPage(req, 404, "该机关本年度无需督办");
  StatusOr<std::string> docx = RenderLetter(
      ReminderNotice(*it, ctx.sup->agency().name, year, site.Today()), RenderFormat::kDocx);
  if (!docx.ok()) return site.ErrorPage(req, 503, "督办通知生成失败");
  return Attachment(std::move(docx).value(),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "notice-" + std::to_string(agency) + "-" + std::to_string(year) + ".docx");
}

}  // namespace

void AddSuperviseRoutes(Router& router, Site& site) {
  router.Add("GET", "/supervise", [&site](HttpRequest& req) { return TreePage(site, req); });
  router.Add("GET", "/supervise/upload", [&site](HttpRequest& req) {
    Context ctx;
    HttpResponse denied;
    if (!Begin(site, req, &ctx, &denied)) return denied;
    return UploadPage(site, req, ctx, {}, 200);
  });
  router.Add("POST", "/supervise/upload",
             [&site](HttpRequest& req) { return PostUpload(site, req); });
  router.Add("POST", "/supervise/assign",
             [&site](HttpRequest& req) { return PostAssign(site, req); });
  router.Add("GET", "/supervise/reports/:id",
             [&site](HttpRequest& req) { return ReportPage(site, req); });
  router.Add("GET", "/supervise/rollup",
             [&site](HttpRequest& req) { return RollupPage(site, req); });
  router.Add("GET", "/supervise/charts",
             [&site](HttpRequest& req) { return ChartsPage(site, req); });
  router.Add("GET", "/supervise/reminders",
             [&site](HttpRequest& req) { return RemindersPage(site, req); });
  router.Add("GET", "/supervise/reminders/:agency/notice.docx",
             [&site](HttpRequest& req) { return NoticeDocx(site, req); });
}

}  // namespace gongkai::web
