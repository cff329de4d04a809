// 法定主动公开内容: an agency's catalogue of proactively published documents (索引号, 名称,
// 发布机构, 生成日期, 分类), paginated, and each document's page. Documents not proactively
// published (依申请公开, 不予公开) are never shown here: they answer 404 like unknown ids.
#include <charconv>

#include "routes.h"

namespace gongkai::web {
namespace {

using Dict = ctemplate::TemplateDictionary;
constexpr int64_t kPerPage = 20;

int64_t PositiveParam(const std::string& text, int64_t fallback) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  return ec == std::errc() && end == text.data() + text.size() && v > 0 ? v : fallback;
}

}  // namespace

void AddDocumentRoutes(Router& router, Site& site) {
  router.Add(
      "GET", "/agencies/:id/documents",
      [&site](HttpRequest& req) {
        StatusOr<Agency> a = AgencyParam(site, req, 0);
        if (!a.ok()) return site.ErrorPage(req, 404, "没有这个机关");
        StatusOr<LedgerSession*> s = site.Session();
        if (!s.ok()) return site.ErrorPage(req, 503, "数据库暂不可用");
        const int64_t page = std::min<int64_t>(PositiveParam(req.Query("page"), 1), 10000);
        // The public catalogue lists, pages and counts the proactively published documents only.
        StatusOr<DocumentPage> docs = (*s)->documents->List(
            {a->id, (page - 1) * kPerPage, kPerPage, DisclosureMode::kProactive});
        if (!docs.ok()) return site.ErrorPage(req, 503, "目录暂不可用");
        return site.Page(req, a->name + "法定主动公开内容", "documents.tpl", [&](Dict* d) {
          d->SetValue("AGENCY_NAME", a->name);
          FillAgencyNav(*a, "documents", d);
          d->SetIntValue("TOTAL", static_cast<long>(docs->total));
          for (const PublishedDocument& doc : docs->documents) {
            Dict* row = d->AddSectionDictionary("DOC");
            row->SetIntValue("ID", static_cast<long>(doc.id));
            row->SetValue("INDEX", doc.index_number);
            row->SetValue("TITLE", doc.title);
            row->SetValue("PUBLISHER", doc.publisher);
            row->SetValue("CREATED", doc.created.ToString());
            row->SetValue("CATEGORY", doc.category);
          }
          const std::string base = "/agencies/" + std::to_string(a->id) + "/documents?page=";
          if (page > 1) {
            d->ShowSection("PREV");
            d->SetValue("PREV_URL", base + std::to_string(page - 1));
          }
          if (page * kPerPage < docs->total) {
            d->ShowSection("NEXT");
            d->SetValue("NEXT_URL", base + std::to_string(page + 1));
          }
          d->SetIntValue("PAGE", static_cast<long>(page));
        });
      },
      /*cacheable=*/true);
  router.Add(
      "GET", "/documents/:id",
      [&site](HttpRequest& req) {
        int64_t id = PositiveParam(req.params[0], 0);
        StatusOr<LedgerSession*> s = site.Session();
        if (!s.ok()) return site.ErrorPage(req, 503, "数据库暂不可用");
        StatusOr<PublishedDocument> doc =
            id ? (*s)->documents->Get(id) : StatusOr<PublishedDocument>(NotFoundError(""));
        if (!doc.ok() || !doc->IsPublic()) {
          return site.ErrorPage(req, 404, "没有这份文件");
        }
        StatusOr<Agency> a = (*s)->store->GetAgency(doc->agency_id);
        if (!a.ok()) return site.ErrorPage(req, 404, "没有这份文件");
        return site.Page(req, doc->title, "document.tpl", [&](Dict* d) {
          FillAgencyNav(*a, "documents", d);
          d->SetValue("TITLE", doc->title);
          d->SetValue("INDEX", doc->index_number);
          d->SetValue("PUBLISHER", doc->publisher);
          d->SetValue("CREATED", doc->created.ToString());
          d->SetValue("PUBLISHED", doc->published ? doc->published->ToString() : "");
          d->SetValue("CATEGORY", doc->category);
          size_t start = 0;
          while (start <= doc->body.size()) {
            size_t nl = doc->body.find('\n', start);
            std::string para = doc->body.substr(start, nl == std::string::npos ? nl : nl - start);
            if (!para.empty()) d->AddSectionDictionary("PARAGRAPH")->SetValue("TEXT", para);
            if (nl == std::string::npos) break;
            start = nl + 1;
          }
        });
      },
      /*cacheable=*/true);
}

}  // namespace gongkai::web
