// Internal: the XML parts of Office packages (DOCX, XLSX), read safely with libxml2.
//
// Parsing uses no network, no entity substitution and no XML_PARSE_HUGE (so libxml2's nesting
// limit applies); a part with a DTD is refused. Thread-safe once InitLibxml() has run.
#pragma once

#include <libxml/tree.h>

#include <memory>
#include <string>

#include "gongkai/status.h"
#include "zip_reader.h"

namespace gongkai::ingest_internal {

// A part larger than this is refused (the document XML of a long report is a few MB).
inline constexpr size_t kMaxXmlPartBytes = 48u << 20;

struct XmlDocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using DocPtr = std::unique_ptr<xmlDoc, XmlDocFree>;

// Parses `xml`; `where` names it in errors ("report.docx!/word/document.xml").
StatusOr<DocPtr> ParseXml(const std::string& xml, const std::string& where);

// Reads and parses an optional part of a package; an absent part gives a null document.
StatusOr<DocPtr> ReadPart(ZipReader* zip, const std::string& path, const std::string& name);

// True if `n` is an element with this local name (any namespace).
inline bool IsElement(const xmlNode* n, const char* local) {
  return n->type == XML_ELEMENT_NODE && n->name &&
         xmlStrEqual(n->name, reinterpret_cast<const xmlChar*>(local));
}

}  // namespace gongkai::ingest_internal
