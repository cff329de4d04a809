// The JSON API under /api/v1/ — the same public operations as the pages — and its OpenAPI 3
// document (data/web/openapi.json). A POST must be Content-Type: application/json, which no
// cross-site form can send without a CORS preflight (that the server never grants): that is the
// API's CSRF protection.
#include <nlohmann/json.hpp>

#include "applications.h"
#include "gongkai/file.h"
#include "routes.h"

namespace gongkai::web {
namespace {

using Json = nlohmann::json;

HttpResponse ApiError(int status, const std::string& message) {
  return JsonResponse(
      status, Json{{"error", message}}.dump(-1, ' ', false, Json::error_handler_t::replace));
}

bool IsJsonContentType(const std::string& ct) {
  return ct.rfind("application/json", 0) == 0 &&
         (ct.size() == 16 || ct[16] == ';' || ct[16] == ' ');
}

std::string StringField(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

// Decodes standard base64; false on anything else.
bool DecodeBase64(const std::string& in, std::string* out);

StatusOr<ApplicationForm> FormFromJson(const Json& j) {
  if (!j.is_object()) return InvalidArgumentError("请求体须为 JSON 对象 (body must be an object)");
  ApplicationForm f;
  auto agency = j.find("agency_id");
  if (agency == j.end() || !agency->is_number_integer()) {
    return InvalidArgumentError("agency_id 须为整数 (agency_id must be an integer)");
  }
  f.agency_id = agency->get<int64_t>();
  for (auto [key, target] : {std::pair<const char*, std::string*>{"name", &f.name},
                             {"kind", &f.kind},
                             {"id_type", &f.id_type},
                             {"id_number", &f.id_number},
                             {"phone", &f.phone},
                             {"email", &f.email},
                             {"address", &f.address},
                             {"content", &f.content},
                             {"form", &f.form}}) {
    *target = StringField(j, key);
  }
  if (auto att = j.find("attachments"); att != j.end()) {
    if (!att->is_array()) return InvalidArgumentError("attachments 须为数组 (must be an array)");
    for (const Json& a : *att) {
      if (!a.is_object()) return InvalidArgumentError("attachments 的元素须为对象");
      std::string bytes;
      if (!DecodeBase64(StringField(a, "content_base64"), &bytes)) {
        return InvalidArgumentError("附件内容须为 base64 (content_base64 is not base64)");
      }
      f.attachments.push_back({0, StringField(a, "name"), "", 0, std::move(bytes)});
    }
  }
  return f;
}

bool DecodeBase64(const std::string& in, std::string* out) {
  static const std::string kChars =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  out->clear();
  if (in.size() % 4) return false;
  uint32_t acc = 0;
  int bits = 0;
  size_t pad = 0;
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '=') {
      if (i + 2 < in.size() || ++pad > 2) return false;
      continue;
    }
    if (pad) return false;
    size_t v = kChars.find(c);
    if (v == std::string::npos) return false;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out->push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  return true;
}

Json StatusJson(const ApplicationStatus& st) {
  Json timeline = Json::array();
  for (const TimelineEntry& e : st.timeline) {
    timeline.push_back({{"date", e.date.ToString()}, {"text", e.text}});
  }
  Json j = {{"agency", st.agency},
            {"content", st.content},
            {"received", st.received.ToString()},
            {"state", st.state},
            {"due", st.due ? Json(st.due->ToString()) : Json(nullptr)},
            {"timeline", timeline}};
  if (st.replied) {
    j["reply"] = {{"outcome", st.outcome}, {"basis", st.basis}, {"letter", st.letter}};
  }
  return j;
}

}  // namespace

void AddApiRoutes(Router& router, Site& site) {
  router.Add("GET", "/api/openapi.json", [&site](HttpRequest&) {
    StatusOr<std::string> doc = ReadFileToString(site.data_dir() + "/web/openapi.json");
    if (!doc.ok()) return ApiError(503, "OpenAPI document missing");
    return JsonResponse(200, *doc);
  });
  router.Add("GET", "/api/v1/agencies", [&site](HttpRequest&) {
    StatusOr<LedgerSession*> s = site.Session();
    if (!s.ok()) return ApiError(503, "数据库暂不可用");
    auto agencies = (*s)->store->ListAgencies();
    if (!agencies.ok()) return ApiError(503, "数据库暂不可用");
    Json out = Json::array();
    for (const Agency& a : *agencies) {
      out.push_back({{"id", a.id},
                     {"name", a.name},
                     {"parent_id", a.parent_id ? Json(a.parent_id) : Json(nullptr)},
                     {"kind", AgencyKindId(a.kind)}});
    }
    return JsonResponse(200, out.dump(-1, ' ', false, Json::error_handler_t::replace));
  });
  router.Add("GET", "/api/v1/search", [&site](HttpRequest& req) {
    auto r = site.search().Search(req.Query("q"), 0, 20);
    if (!r.ok()) return ApiError(400, r.status().message());
    Json hits = Json::array();
    for (const SearchHit& h : r->hits) {
      hits.push_back({{"title", h.title},
                      {"url", h.url},
                      {"kind", h.kind},
                      {"snippet", {h.before, h.match, h.after}}});
    }
    return JsonResponse(200, Json{{"total", r->total}, {"hits", hits}}.dump(
                                 -1, ' ', false, Json::error_handler_t::replace));
  });
  router.Add("POST", "/api/v1/applications", [&site](HttpRequest& req) {
    if (!IsJsonContentType(req.Header("content-type"))) {
      return ApiError(415, "Content-Type 须为 application/json");
    }
    Json body = Json::parse(req.body, nullptr, false);
    if (body.is_discarded()) return ApiError(400, "请求体不是有效的 JSON (invalid JSON)");
    StatusOr<ApplicationForm> f = FormFromJson(body);
    if (!f.ok()) return ApiError(400, f.status().message());
    if (!site.submissions().Allow(req.client)) return ApiError(429, "提交过于频繁，请稍后再试");
    AttachmentLimits limits{site.options().max_attachment_bytes, site.options().max_attachments};
    std::vector<FieldError> errors = ValidateApplication(*f, limits);
    if (!errors.empty()) {
      Json e = Json::array();
      for (const FieldError& fe : errors)
        e.push_back({{"field", fe.field}, {"message", fe.message}});
      return JsonResponse(422, Json{{"error", "申请表有误"}, {"fields", e}}.dump(
                                   -1, ' ', false, Json::error_handler_t::replace));
    }
    StatusOr<LedgerSession*> s = site.Session();
    if (!s.ok()) return ApiError(503, "数据库暂不可用");
    if (!(*s)->store->GetAgency(f->agency_id).ok()) return ApiError(404, "没有这个机关");
    StatusOr<Receipt> r = SubmitApplication(*(*s)->store, *(*s)->ledger, *f, site.Today());
    if (!r.ok()) return ApiError(503, "申请未能登记，请稍后再试");
    return JsonResponse(201, Json{{"query_code", FormatQueryCode(r->query_code)},
                                  {"received", r->received.ToString()},
                                  {"due", r->due.ToString()}}
                                 .dump());
  });
  router.Add("GET", "/api/v1/applications/:code", [&site](HttpRequest& req) {
    if (!site.lookups().Allow(req.client)) return ApiError(429, "查询过于频繁，请稍后再试");
    StatusOr<LedgerSession*> s = site.Session();
    if (!s.ok()) return ApiError(503, "数据库暂不可用");
    auto found = LookupApplication(*(*s)->store, req.params[0]);
    if (!found.ok()) return ApiError(503, "查询暂不可用");
    if (!found->has_value()) return ApiError(404, "没有与该查询码对应的申请");
    return JsonResponse(200,
                        StatusJson(**found).dump(-1, ' ', false, Json::error_handler_t::replace));
  });
}

}  // namespace gongkai::web
