// Internal to the web server: a multipart/form-data body split into its text fields and files,
// with RESTinio's multipart parser. Malformed bodies (no boundary, bad part headers, a file
// field without a name) are errors, never partial results.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "gongkai/status.h"

namespace gongkai::web {

struct UploadedFile {
  std::string field;
  std::string filename;
  std::string content;
};

struct MultipartForm {
  std::multimap<std::string, std::string> fields;
  std::vector<UploadedFile> files;  // parts with a filename and content
};

// Parses `body` given the request's Content-Type.
StatusOr<MultipartForm> ParseMultipart(std::string_view content_type, std::string_view body);

}  // namespace gongkai::web
