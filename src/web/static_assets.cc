#include "static_assets.h"

#include <sodium.h>

#include <filesystem>

#include "gongkai/file.h"

namespace gongkai::web {
namespace {

std::string ContentType(const std::string& ext) {
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".js") return "text/javascript; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".ico") return "image/x-icon";
  return "";
}

std::string ShortHash(const std::string& body) {
  unsigned char h[16];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(body.data()), body.size(),
                     nullptr, 0);
  char hex[33];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return std::string(hex, 12);
}

}  // namespace

StatusOr<StaticAssets> StaticAssets::LoadDir(const std::string& dir) {
  StaticAssets out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::filesystem::path p = entry.path();
    std::string type = ContentType(p.extension().string());
    if (type.empty() || !entry.is_regular_file()) continue;
    GONGKAI_ASSIGN_OR_RETURN(std::string body, ReadFileToString(p.string()));
    std::string name = p.filename().string();
    StaticAsset a{"/static/" + p.stem().string() + "." + ShortHash(body) + p.extension().string(),
                  type, std::move(body)};
    out.name_by_url_[a.url] = name;
    out.by_name_[name] = std::move(a);
  }
  if (ec) return IoError("读取静态文件目录 " + dir + " 失败 (cannot read): " + ec.message());
  return out;
}

std::string StaticAssets::Url(const std::string& name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? "" : it->second.url;
}

const StaticAsset* StaticAssets::Find(const std::string& url) const {
  auto it = name_by_url_.find(url);
  return it == name_by_url_.end() ? nullptr : &by_name_.at(it->second);
}

}  // namespace gongkai::web
