#include "site.h"

#include <ctime>
#include <filesystem>

#include "gongkai/render.h"
#include "gongkai/report_publication.h"
#include "gongkai/stores.h"
#include "guide.h"

namespace gongkai::web {
namespace {

// How long generated reports and tallies are reused.
constexpr std::chrono::seconds kReportTtl{60};

std::string TrustedPlainText(const AnnualReport& r) {
  return ReportTitle(r) + "\n" + ReportPlainText(r);
}

}  // namespace

int HttpStatusFor(const Status& s) {
  switch (s.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kDataLoss:
      return 400;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kResourceExhausted:
      return 413;
    case StatusCode::kFailedPrecondition:
      return 409;
    default:
      return 500;
  }
}

StatusOr<std::unique_ptr<Site>> Site::Open(const WebOptions& options) {
  std::unique_ptr<Site> site(new Site(options));
  if (!options.data_dir.empty()) {
    site->data_dir_ = options.data_dir;
  } else {
    GONGKAI_ASSIGN_OR_RETURN(std::string cal, WorkCalendar::DefaultDir());
    site->data_dir_ = std::filesystem::path(cal).parent_path().string();
  }
  if (!options.secret_file.empty()) {
    GONGKAI_ASSIGN_OR_RETURN(site->csrf_, CsrfGuard::FromKeyFile(options.secret_file));
  }
  const std::string& d = site->data_dir_;
  GONGKAI_ASSIGN_OR_RETURN(site->calendar_, WorkCalendar::LoadDir(d + "/calendar"));
  GONGKAI_ASSIGN_OR_RETURN(site->assets_, StaticAssets::LoadDir(d + "/web/static"));
  GONGKAI_ASSIGN_OR_RETURN(site->templates_, Templates::LoadDir(d + "/web/templates"));
  site->submissions_ = std::make_unique<RateLimiter>(options.submissions_per_hour,
                                                     3600.0 / options.submissions_per_hour);
  site->lookups_ =
      std::make_unique<RateLimiter>(options.lookups_per_minute, 60.0 / options.lookups_per_minute);
  site->logins_ =
      std::make_unique<RateLimiter>(options.logins_per_minute, 60.0 / options.logins_per_minute);
  GONGKAI_ASSIGN_OR_RETURN(site->search_, OpenSearchIndex(options.db_path));
  RenderOptions render;
  render.soffice = options.soffice;
  site->reports_ = std::make_unique<ReportCatalog>(site->calendar_.years(), render, kReportTtl);
  GONGKAI_RETURN_IF_ERROR(site->Session().status());
  GONGKAI_RETURN_IF_ERROR(site->RebuildSearchIndex());
  return site;
}

Date Site::Today() const {
  if (options_.today) return *options_.today;
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  return Date::FromYmd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

StatusOr<LedgerSession*> Site::Session() {
  std::lock_guard<std::mutex> lock(sessions_mu_);
  std::unique_ptr<LedgerSession>& s = sessions_[std::this_thread::get_id()];
  if (!s) {
    GONGKAI_ASSIGN_OR_RETURN(std::unique_ptr<CaseStore> store, OpenCaseStore(options_.db_path));
    auto session = std::make_unique<LedgerSession>();
    LedgerOptions ledger_options;
    ledger_options.today = options_.today;  // no step dated after the site's today
    session->ledger = std::make_unique<Ledger>(store.get(), &calendar_, ledger_options);
    GONGKAI_ASSIGN_OR_RETURN(session->documents, OpenDocumentRegistry(*store));
    AccountOptions accounts;
    accounts.idle_seconds = int64_t{options_.session_idle_minutes} * 60;
    accounts.absolute_seconds = int64_t{options_.session_absolute_hours} * 3600;
    GONGKAI_ASSIGN_OR_RETURN(session->accounts, OpenAccountStore(*store, accounts));
    GONGKAI_ASSIGN_OR_RETURN(session->files, OpenCaseFiles(*store));
    session->desk = std::make_unique<CaseDesk>(store.get(), session->ledger.get(),
                                               session->files.get(), &calendar_);
    session->store = std::move(store);
    s = std::move(session);
  }
  return s.get();
}

std::string Site::CsrfToken(const HttpRequest& req) const {
  if (req.csrf_token.empty()) {
    std::string cookie = req.Cookie(kCsrfCookie);
    req.csrf_token = csrf_.Verify(cookie, cookie) ? cookie : csrf_.NewToken();
  }
  return req.csrf_token;
}

bool Site::CsrfOk(const HttpRequest& req, const std::string& field) const {
  return csrf_.Verify(field, req.Cookie(kCsrfCookie));
}

HttpResponse Site::Page(const HttpRequest& req, const std::string& title,
                        const std::string& body_template,
                        const std::function<void(ctemplate::TemplateDictionary*)>& fill,
                        int status) {
  return PageInLayout(
      "layout.tpl", req, title, body_template, [](ctemplate::TemplateDictionary*) {}, fill, status);
}

HttpResponse Site::PageInLayout(
    const std::string& layout, const HttpRequest& req, const std::string& title,
    const std::string& body_template,
    const std::function<void(ctemplate::TemplateDictionary*)>& fill_layout,
    const std::function<void(ctemplate::TemplateDictionary*)>& fill, int status) {
  ctemplate::TemplateDictionary dict("layout");
  dict.SetValue("TITLE", title);
  dict.SetValue("CSS_URL", assets_.Url("site.css"));
  dict.SetValue("JS_URL", assets_.Url("display.js"));
  std::string token = CsrfToken(req);
  dict.SetValue("CSRF", token);
  dict.SetValue("RETURN_PATH", req.path);
  if (req.Cookie("gk_display") == "large")
    dict.ShowSection("LARGE");
  else
    dict.ShowSection("NORMAL");
  fill_layout(&dict);
  ctemplate::TemplateDictionary* body = dict.AddIncludeDictionary("BODY");
  body->SetFilename(body_template);
  body->SetValue("CSRF", token);
  fill(body);
  HttpResponse r;
  r.status = status;
  StatusOr<std::string> html = templates_->Render(layout, dict);
  if (!html.ok()) return TextResponse(500, "页面生成失败 (page failed)");
  r.body = std::move(html).value();
  r.headers.emplace_back(
      "Set-Cookie", std::string(kCsrfCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict");
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

HttpResponse Site::ErrorPage(const HttpRequest& req, int status, const std::string& message) {
  return Page(
      req, "出错了", "error.tpl",
      [&](ctemplate::TemplateDictionary* d) {
        d->SetIntValue("STATUS", status);
        d->SetValue("MESSAGE", message);
      },
      status);
}

Status Site::RebuildSearchIndex() {
  GONGKAI_ASSIGN_OR_RETURN(LedgerSession * s, Session());
  GONGKAI_ASSIGN_OR_RETURN(std::vector<Agency> agencies, s->store->ListAgencies());
  std::map<int64_t, const Agency*> by_id;
  for (const Agency& a : agencies) by_id[a.id] = &a;
  for (const Agency& a : agencies) {
    const std::string base = "/agencies/" + std::to_string(a.id);
    const Agency* parent = by_id.count(a.parent_id) ? by_id[a.parent_id] : nullptr;
    GONGKAI_RETURN_IF_ERROR(search_->Upsert({"guide/" + std::to_string(a.id), "guide", a.id,
                                             a.name + "政府信息公开指南", base + "/guide",
                                             GuideText(BuildGuide(a, parent))}));
    GONGKAI_ASSIGN_OR_RETURN(std::vector<int> years,
                             reports_->PublishedYears(*s->store, a.id, Today()));
    for (int y : years) {
      GONGKAI_ASSIGN_OR_RETURN(auto report, reports_->Report(*s->store, a.id, y, Today()));
      GONGKAI_RETURN_IF_ERROR(
          search_->Upsert({"report/" + std::to_string(a.id) + "/" + std::to_string(y), "report",
                           a.id, ReportTitle(*report), base + "/reports/" + std::to_string(y),
                           TrustedPlainText(*report)}));
    }
  }
  for (DocumentQuery q{0, 0, kMaxDocumentPage, DisclosureMode::kProactive};; q.offset += q.limit) {
    GONGKAI_ASSIGN_OR_RETURN(DocumentPage page, s->documents->List(q));
    for (const PublishedDocument& d : page.documents) {
      GONGKAI_RETURN_IF_ERROR(
          search_->Upsert({"document/" + std::to_string(d.id), "document", d.agency_id, d.title,
                           "/documents/" + std::to_string(d.id), d.index_number + "\n" + d.body}));
    }
    if (q.offset + q.limit >= page.total) break;
  }
  return Status::Ok();
}

}  // namespace gongkai::web
