#include "xml_part.h"

#include "importers.h"

#include <libxml/parser.h>

#include <cstdint>

namespace gongkai::ingest_internal {

StatusOr<DocPtr> ParseXml(const std::string& xml, const std::string& where) {
  if (xml.size() > static_cast<size_t>(INT32_MAX)) {
    return ResourceExhaustedError(where + ": XML 过大 (XML too large)");
  }
  GONGKAI_RETURN_IF_ERROR(CheckMarkupSize(xml, where));
  std::unique_ptr<xmlParserCtxt, void (*)(xmlParserCtxtPtr)> ctxt(xmlNewParserCtxt(),
                                                                   xmlFreeParserCtxt);
  if (!ctxt) return Status(StatusCode::kInternal, where + ": out of memory");
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
  DocPtr doc(xmlCtxtReadMemory(ctxt.get(), xml.data(), static_cast<int>(xml.size()), "part.xml",
                               nullptr, options));
  if (!doc) {
    const xmlError* err = xmlCtxtGetLastError(ctxt.get());
    std::string why = err && err->message ? err->message : "malformed XML";
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    if (why.find("depth") != std::string::npos) {
      return ResourceExhaustedError(where + ": XML 嵌套过深 (XML nesting too deep: " + why + ")");
    }
    return DataLossError(where + ": XML 格式错误 (malformed XML: " + why + ")");
  }
  if (doc->intSubset || doc->extSubset) {
    return InvalidArgumentError(where + ": XML 含有文档类型定义，拒绝读取 (XML with a DTD is refused)");
  }
  return doc;
}

StatusOr<DocPtr> ReadPart(ZipReader* zip, const std::string& path, const std::string& name) {
  int index = zip->Find(path);
  if (index < 0) return DocPtr();
  GONGKAI_ASSIGN_OR_RETURN(std::string xml, zip->Read(index, kMaxXmlPartBytes));
  return ParseXml(xml, name + "!/" + path);
}

}  // namespace gongkai::ingest_internal
