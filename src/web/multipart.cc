#include "multipart.h"

#include <restinio/helpers/file_upload.hpp>
#include <restinio/helpers/http_field_parsers/content-type.hpp>
#include <restinio/helpers/multipart_body.hpp>

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
    auto desc = restinio::file_upload::analyze_part(std::move(*part));
    if (!desc) return bad;
    std::string value(desc->body.data(), desc->body.size());
    if (desc->filename || desc->filename_star) {
      std::string name = desc->filename_star ? *desc->filename_star : *desc->filename;
      if (name.empty() && value.empty()) continue;  // a file input left empty
      out.files.push_back({desc->name, name, std::move(value)});
    } else {
      out.fields.emplace(desc->name, std::move(value));
    }
  }
  return out;
}

}  // namespace gongkai::web
