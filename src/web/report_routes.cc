// 政府信息公开年报: the list of an agency's reports, each report as a page in the official layout
// (the HTML renderer's own markup inside the site's layout) and as DOCX, PDF and XLSX downloads.
#include <charconv>

#include "routes.h"

namespace gongkai::web {
namespace {

using Dict = ctemplate::TemplateDictionary;

struct Download {
  const char* ext;
  RenderFormat format;
  const char* mime;
  const char* label;
};
const Download kDownloads[] = {
    {"docx", RenderFormat::kDocx,
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word 文档"},
    {"pdf", RenderFormat::kPdf, "application/pdf", "PDF 文档"},
    {"xlsx", RenderFormat::kXlsx,
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel 表格"},
};

// "2025" or "2025.docx" → year and extension ("" for the page).
bool ParseYearParam(const std::string& p, int* year, std::string* ext) {
  size_t dot = p.find('.');
  std::string y = p.substr(0, dot);
  *ext = dot == std::string::npos ? "" : p.substr(dot + 1);
  auto [end, ec] = std::from_chars(y.data(), y.data() + y.size(), *year);
  return ec == std::errc() && end == y.data() + y.size() && y.size() == 4;
}

}  // namespace

void AddReportRoutes(Router& router, Site& site) {
  router.Add(
      "GET", "/agencies/:id/reports",
      [&site](HttpRequest& req) {
        StatusOr<Agency> a = AgencyParam(site, req, 0);
        if (!a.ok()) return site.ErrorPage(req, 404, "没有这个机关");
        StatusOr<LedgerSession*> s = site.Session();
        StatusOr<std::vector<int>> years =
            site.reports().PublishedYears(*(*s)->store, a->id, site.Today());
        if (!years.ok()) return site.ErrorPage(req, 503, "年度报告暂不可用");
        return site.Page(req, a->name + "政府信息公开年报", "reports.tpl", [&](Dict* d) {
          d->SetIntValue("AGENCY_ID", a->id);
          d->SetValue("AGENCY_NAME", a->name);
          FillAgencyNav(*a, "reports", d);
          for (int y : *years) {
            Dict* row = d->AddSectionDictionary("REPORT");
            row->SetIntValue("YEAR", y);
            row->SetIntValue("AGENCY_ID", a->id);
          }
          if (years->empty()) d->ShowSection("NONE");
        });
      },
      /*cacheable=*/true);
  router.Add(
      "GET", "/agencies/:id/reports/:year",
      [&site](HttpRequest& req) {
        StatusOr<Agency> a = AgencyParam(site, req, 0);
        int year = 0;
        std::string ext;
        if (!a.ok() || !ParseYearParam(req.params[1], &year, &ext)) {
          return site.ErrorPage(req, 404, "没有这份年度报告");
        }
        StatusOr<LedgerSession*> s = site.Session();
        if (!s.ok()) return site.ErrorPage(req, 503, "数据库暂不可用");
        CaseStore& store = *(*s)->store;
        if (ext.empty()) {
          auto html =
              site.reports().Rendered(store, a->id, year, site.Today(), RenderFormat::kHtml);
          if (!html.ok())
            return site.ErrorPage(req, HttpStatusFor(html.status()), "没有这份年度报告");
          return site.Page(req, std::to_string(year) + "年" + a->name + "政府信息公开工作年度报告",
                           "report.tpl", [&](Dict* d) {
                             d->SetIntValue("AGENCY_ID", a->id);
                             d->SetIntValue("YEAR", year);
                             FillAgencyNav(*a, "reports", d);
                             // The renderer escapes every text it writes (render.h); its markup is
                             // inserted as is.
                             d->SetValue("REPORT_HTML", ReportMainHtml(**html));
                             for (const Download& dl : kDownloads) {
                               Dict* row = d->AddSectionDictionary("DOWNLOAD");
                               row->SetValue("HREF", "/agencies/" + std::to_string(a->id) +
                                                         "/reports/" + std::to_string(year) + "." +
                                                         dl.ext);
                               row->SetValue("LABEL", dl.label);
                             }
                           });
        }
        for (const Download& dl : kDownloads) {
          if (ext != dl.ext) continue;
          auto bytes = site.reports().Rendered(store, a->id, year, site.Today(), dl.format);
          if (!bytes.ok()) {
            return site.ErrorPage(req, bytes.status().code() == StatusCode::kNotFound ? 404 : 503,
                                  "该格式暂不可用");
          }
          HttpResponse r;
          r.content_type = dl.mime;
          r.body = **bytes;
          std::string file = std::to_string(year) + "-report-" + std::to_string(a->id) + "." + ext;
          r.With("Content-Disposition", "attachment; filename=\"" + file + "\"");
          return r;
        }
        return site.ErrorPage(req, 404, "没有这种格式");
      },
      /*cacheable=*/true);
}

}  // namespace gongkai::web
