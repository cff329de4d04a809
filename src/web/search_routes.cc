// /search?q=…&page=N across every agency's guide, reports and documents.
#include <charconv>

#include "routes.h"

namespace gongkai::web {
namespace {

constexpr int64_t kPerPage = 10;
constexpr int64_t kMaxPage = 100;

const char* KindLabel(const std::string& kind) {
  if (kind == "guide") return "公开指南";
  if (kind == "report") return "年度报告";
  if (kind == "document") return "主动公开";
  return "";
}

}  // namespace

void AddSearchRoutes(Router& router, Site& site) {
  router.Add(
      "GET", "/search",
      [&site](HttpRequest& req) {
        using Dict = ctemplate::TemplateDictionary;
        const std::string q = req.Query("q");
        int64_t page = 1;
        std::string p = req.Query("page");
        if (!p.empty()) {
          auto [end, ec] = std::from_chars(p.data(), p.data() + p.size(), page);
          if (ec != std::errc() || end != p.data() + p.size() || page < 1 || page > kMaxPage)
            page = 1;
        }
        StatusOr<SearchResults> results = SearchResults{};
        if (!q.empty()) results = site.search().Search(q, (page - 1) * kPerPage, kPerPage);
        int status = results.ok() ? 200 : 400;
        return site.Page(
            req, q.empty() ? "检索" : "检索：" + q, "search.tpl",
            [&](Dict* d) {
              d->SetValue("QUERY", q);
              if (!results.ok()) {
                d->ShowSection("QUERY_ERROR");
                d->SetValue("MESSAGE", results.status().message());
                return;
              }
              if (q.empty()) return;
              d->ShowSection("SEARCHED");
              d->SetIntValue("TOTAL", static_cast<long>(results->total));
              for (const SearchHit& h : results->hits) {
                Dict* row = d->AddSectionDictionary("HIT");
                row->SetValue("URL", h.url);
                row->SetValue("TITLE", h.title);
                row->SetValue("KIND", KindLabel(h.kind));
                row->SetValue("BEFORE", h.before);
                row->SetValue("MATCH", h.match);
                row->SetValue("AFTER", h.after);
              }
              const std::string base = "/search?q=" + PercentEncode(q) + "&page=";
              if (page > 1) {
                d->ShowSection("PREV");
                d->SetValue("PREV_URL", base + std::to_string(page - 1));
              }
              if (page * kPerPage < results->total && page < kMaxPage) {
                d->ShowSection("NEXT");
                d->SetValue("NEXT_URL", base + std::to_string(page + 1));
              }
              d->SetIntValue("PAGE", static_cast<long>(page));
            },
            status);
      },
      /*cacheable=*/true);
}

}  // namespace gongkai::web
