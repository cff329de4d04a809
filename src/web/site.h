// Internal to the web server: what every handler shares — the options, the calendar, templates,
// static assets, CSRF guard, rate limits, search index and the report catalogue —
// and one ledger session (CaseStore + Ledger) per worker thread, since a CaseStore is not
// thread-safe. Handlers reach the library only through here.
#pragma once

#include <ctemplate/template.h>

#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "csrf.h"
#include "gongkai/accounts.h"
#include "gongkai/calendar.h"
#include "gongkai/documents.h"
#include "gongkai/ledger.h"
#include "gongkai/search.h"
#include "gongkai/store.h"
#include "gongkai/web.h"
#include "http.h"
#include "rate_limit.h"
#include "report_catalog.h"
#include "static_assets.h"
#include "templates.h"

namespace gongkai::web {

struct LedgerSession {
  std::unique_ptr<CaseStore> store;
  std::unique_ptr<Ledger> ledger;
  std::unique_ptr<DocumentRegistry> documents;  // on the store's connection
  std::unique_ptr<AccountStore> accounts;       // on the store's connection
};

class Site {
 public:
  // Opens everything; fails naming what could not be opened.
  static StatusOr<std::unique_ptr<Site>> Open(const WebOptions& options);

  const WebOptions& options() const { return options_; }
  const WorkCalendar& calendar() const { return calendar_; }
  const std::string& data_dir() const { return data_dir_; }  // holds web/ and calendar/
  const StaticAssets& assets() const { return assets_; }
  const CsrfGuard& csrf() const { return csrf_; }
  RateLimiter& submissions() { return *submissions_; }
  RateLimiter& lookups() { return *lookups_; }
  RateLimiter& logins() { return *logins_; }
  SearchIndex& search() { return *search_; }
  ReportCatalog& reports() { return *reports_; }
  Date Today() const;

  // This thread's ledger session, opened on first use.
  StatusOr<LedgerSession*> Session();

  // Builds the page `body_template` inside the layout (title, navigation, display switch,
  // CSRF token). `dict` is the page's own dictionary, filled by the caller.
  HttpResponse Page(const HttpRequest& req, const std::string& title,
                    const std::string& body_template,
                    const std::function<void(ctemplate::TemplateDictionary*)>& fill,
                    int status = 200);
  // The same inside another layout (staff_layout.tpl); `fill_layout` fills the layout's own
  // dictionary (after TITLE, CSS_URL, JS_URL, CSRF and RETURN_PATH are set).
  HttpResponse PageInLayout(const std::string& layout, const HttpRequest& req,
                            const std::string& title, const std::string& body_template,
                            const std::function<void(ctemplate::TemplateDictionary*)>& fill_layout,
                            const std::function<void(ctemplate::TemplateDictionary*)>& fill,
                            int status = 200);
  // An error page with `message` (escaped) and `status`.
  HttpResponse ErrorPage(const HttpRequest& req, int status, const std::string& message);

  // The request's CSRF token: the cookie's if it verifies, else a new one (set by Page).
  // Remembered in req.csrf_token, so every form of one response carries the same token.
  std::string CsrfToken(const HttpRequest& req) const;
  bool CsrfOk(const HttpRequest& req, const std::string& field) const;

  // (Re)builds the search index from the agencies, their guides, published reports and
  // proactively published documents.
  Status RebuildSearchIndex();

 private:
  explicit Site(const WebOptions& options) : options_(options) {}

  WebOptions options_;
  std::string data_dir_;
  WorkCalendar calendar_;
  StaticAssets assets_;
  std::unique_ptr<Templates> templates_;
  CsrfGuard csrf_;
  std::unique_ptr<RateLimiter> submissions_, lookups_, logins_;
  std::unique_ptr<SearchIndex> search_;
  std::unique_ptr<ReportCatalog> reports_;
  std::mutex sessions_mu_;
  std::map<std::thread::id, std::unique_ptr<LedgerSession>> sessions_;
};

// Status → HTTP status for errors shown to the public (4xx for what the caller got wrong).
int HttpStatusFor(const Status& s);

}  // namespace gongkai::web
