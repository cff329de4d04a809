#include "multipart.h"

#include <restinio/helpers/http_field_parsers/content-disposition.hpp>
#include <restinio/helpers/http_field_parsers/content-type.hpp>
#include <restinio/helpers/multipart_body.hpp>

#include "http.h"

namespace gongkai::web {

StatusOr<MultipartForm> ParseMultipart(std::string_view content_type, std::string_view body) {
  namespace hfp = restinio::http_field_parsers;
  namespace mp = restinio::multipart_body;
  const Status bad = InvalidArgumentError("表单格式错误 (malformed multipart/form-data)");
  auto parsed = hfp::content_type_value_t::try_parse(
      restinio::string_view_t(content_type.data(), content_type.size()));
  if (!parsed || parsed->media_type.type != "multipart" ||
      parsed->media_type.subtype != "form-data") {
    return bad;
  }
  auto boundary = hfp::find_first(parsed->media_type.parameters, "boundary");
  if (!boundary || mp::check_boundary_value(*boundary)) return bad;
  std::string mark = "--" + std::string(boundary->data(), boundary->size());
  MultipartForm out;
  auto parts = mp::split_multipart_body(restinio::string_view_t(body.data(), body.size()), mark);
  if (parts.empty()) return bad;
  for (auto raw : parts) {
    auto part = mp::try_parse_part(raw);
    if (!part) return bad;
    auto disposition = part->fields.opt_value_of("Content-Disposition");
    if (!disposition) return bad;
    auto cd = hfp::content_disposition_value_t::try_parse(*disposition);
    if (!cd || cd->value != "form-data") return bad;
    auto name = hfp::find_first(cd->parameters, "name");
    if (!name || name->empty()) return bad;
    auto filename = hfp::find_first(cd->parameters, "filename");
    auto filename_star = hfp::find_first(cd->parameters, "filename*");
    std::string value(part->body.data(), part->body.size());
    if (filename || filename_star) {
      std::string file;
      // RFC 5987: filename*=UTF-8''%E7%94%B3...
      constexpr std::string_view kUtf8 = "UTF-8''";
      if (filename_star && filename_star->size() > kUtf8.size() &&
          std::string_view(filename_star->data(), kUtf8.size()) == kUtf8) {
        if (!PercentDecode(std::string_view(filename_star->data() + kUtf8.size(),
                                            filename_star->size() - kUtf8.size()),
                           false, &file)) {
          return bad;
        }
      } else if (filename) {
        file.assign(filename->data(), filename->size());
      }
      if (file.empty() && value.empty()) continue;  // a file input left empty
      out.files.push_back({std::string(name->data(), name->size()), file, std::move(value)});
    } else {
      out.fields.emplace(std::string(name->data(), name->size()), std::move(value));
    }
  }
  return out;
}

}  // namespace gongkai::web
