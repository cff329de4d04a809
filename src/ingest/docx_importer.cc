// The DOCX importer: word/document.xml read with libxml2 (no network, no entity substitution, no
// XML_PARSE_HUGE), paragraphs as lines with their list numbers rebuilt, tables as grids
// (w:gridSpan, w:vMerge and w:gridBefore honoured) of TAB-separated cells.
//
// Provenance: a paragraph's line carries its number in the body (1-based) as `line`; a table row
// carries table and row (and ImportLayoutText adds the cell).
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>
#include <string>
#include <vector>

#include "docx_numbering.h"
#include "importers.h"
#include "xml_part.h"
#include "zip_reader.h"

namespace gongkai::ingest_internal {
namespace {

// How deep nested w:sdt / w:customXml wrappers are followed.
constexpr int kMaxWrapperDepth = 64;

class DocxLayout {
 public:
  DocxLayout(LayoutText* out, DocxNumbering* numbering) : out_(out), numbering_(numbering) {}

  // Reads block content: paragraphs, tables, and the wrappers around them.
  void Blocks(const xmlNode* parent, int depth) {
    for (const xmlNode* n = parent->children; n; n = n->next) {
      if (IsW(n, "p")) {
        TextRun run;
        Paragraph(n, &run);
        SourceLocation s;
        s.line = ++paragraphs_;
        out_->AddLine(run.Take(), s);
      } else if (IsW(n, "tbl")) {
        Table(n, depth);
      } else if (depth < kMaxWrapperDepth &&
                 (IsW(n, "sdt") || IsW(n, "sdtContent") || IsW(n, "customXml") ||
                  IsW(n, "ins") || IsW(n, "smartTag"))) {
        Blocks(n, depth + 1);
      }
    }
  }

 private:
  // A paragraph's text, after its list number.
  void Paragraph(const xmlNode* p, TextRun* run) {
    std::string label = numbering_->Next(WChild(p, "pPr"));
    if (!label.empty()) {
      run->Append(label);
    }
    Inline(p, run, 0);
  }

  void Inline(const xmlNode* parent, TextRun* run, int depth) {
    for (const xmlNode* n = parent->children; n; n = n->next) {
      if (n->type != XML_ELEMENT_NODE) continue;
      if (IsW(n, "t")) {
        for (const xmlNode* t = n->children; t; t = t->next) {
          if ((t->type == XML_TEXT_NODE || t->type == XML_CDATA_SECTION_NODE) && t->content) {
            run->Append(reinterpret_cast<const char*>(t->content));
          }
        }
      } else if (IsW(n, "tab") || IsW(n, "br") || IsW(n, "cr")) {
        run->Space();
      } else if (IsW(n, "pPr") || IsW(n, "rPr") || IsW(n, "del") || IsW(n, "delText") ||
                 IsW(n, "instrText") || IsW(n, "Fallback") || IsW(n, "txbxContent") ||
                 IsW(n, "footnoteReference") || IsW(n, "commentReference")) {
        continue;
      } else if (depth < kMaxWrapperDepth) {
        Inline(n, run, depth + 1);  // w:r, w:hyperlink, w:ins, w:sdt, w:fldSimple, w:smartTag, …
      }
    }
  }

  static std::vector<const xmlNode*> Rows(const xmlNode* tbl, int depth) {
    std::vector<const xmlNode*> rows;
    for (const xmlNode* n = tbl->children; n; n = n->next) {
      if (IsW(n, "tr")) {
        rows.push_back(n);
      } else if (depth < kMaxWrapperDepth && (IsW(n, "sdt") || IsW(n, "sdtContent") || IsW(n, "customXml"))) {
        std::vector<const xmlNode*> inner = Rows(n, depth + 1);
        rows.insert(rows.end(), inner.begin(), inner.end());
      }
    }
    return rows;
  }

  static std::vector<const xmlNode*> Cells(const xmlNode* tr, int depth) {
    std::vector<const xmlNode*> cells;
    for (const xmlNode* n = tr->children; n; n = n->next) {
      if (IsW(n, "tc")) {
        cells.push_back(n);
      } else if (depth < kMaxWrapperDepth && (IsW(n, "sdt") || IsW(n, "sdtContent") || IsW(n, "customXml"))) {
        std::vector<const xmlNode*> inner = Cells(n, depth + 1);
        cells.insert(cells.end(), inner.begin(), inner.end());
      }
    }
    return cells;
  }

  static bool HasTable(const xmlNode* n, int depth) {
    if (depth > kMaxWrapperDepth) return false;
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (IsW(c, "tbl") || (c->type == XML_ELEMENT_NODE && !IsW(c, "p") && HasTable(c, depth + 1))) {
        return true;
      }
    }
    return false;
  }

  // The text of a cell's paragraphs, joined.
  void CellText(const xmlNode* tc, TextRun* run, int depth) {
    for (const xmlNode* n = tc->children; n; n = n->next) {
      if (IsW(n, "p")) {
        run->SoftBreak();
        Paragraph(n, run);
        run->SoftBreak();
      } else if (depth < kMaxWrapperDepth && (IsW(n, "sdt") || IsW(n, "sdtContent") || IsW(n, "customXml"))) {
        CellText(n, run, depth + 1);
      }
    }
  }

  void Table(const xmlNode* tbl, int depth) {
    std::vector<const xmlNode*> rows = Rows(tbl, depth);
    bool layout = false;
    for (const xmlNode* tr : rows) {
      for (const xmlNode* tc : Cells(tr, depth)) layout = layout || HasTable(tc, depth + 1);
    }
    if (layout) {
      // A table of tables: each cell is a block of the document.
      for (const xmlNode* tr : rows) {
        for (const xmlNode* tc : Cells(tr, depth)) {
          if (depth < kMaxWrapperDepth) Blocks(tc, depth + 1);
        }
      }
      return;
    }
    GridBuilder grid;
    for (const xmlNode* tr : rows) {
      grid.StartRow();
      int before = 0;
      if (const xmlNode* trpr = WChild(tr, "trPr")) {
        std::string v = WAttr(WChild(trpr, "gridBefore"), "val");
        before = v.empty() ? 0 : std::atoi(v.c_str());
      }
      if (before > 0) grid.AddCell("", 1, before);
      for (const xmlNode* tc : Cells(tr, depth)) {
        const xmlNode* tcpr = WChild(tc, "tcPr");
        std::string span = WAttr(WChild(tcpr, "gridSpan"), "val");
        int colspan = span.empty() ? 1 : std::atoi(span.c_str());
        const xmlNode* vmerge = WChild(tcpr, "vMerge");
        // A vMerge without "restart" continues the cell above: its text belongs there.
        bool continued = vmerge && WAttr(vmerge, "val") != "restart";
        TextRun run;
        if (!continued) CellText(tc, &run, depth + 1);
        grid.AddCell(run.Take(), 1, colspan);
      }
    }
    SourceLocation s;
    s.table = tables_++;
    out_->AddTable(grid.Finish(), s);
  }

  LayoutText* out_;
  DocxNumbering* numbering_;
  int paragraphs_ = 0;
  int tables_ = 0;
};

}  // namespace

// Memory: each XML part inflated (<= kMaxXmlPartBytes, within kMaxUncompressedBytes for the
// archive), libxml2's tree of it (<= kMaxMarkupNodes, checked before parsing), then the layout text
// and ImportLayoutText's bound: at most ~3x the inflated document.xml plus ~200 MB.
StatusOr<ImportedReport> ImportDocx(std::string_view bytes, const std::string& name) {
  InitLibxml();
  GONGKAI_ASSIGN_OR_RETURN(std::unique_ptr<ZipReader> zip, ZipReader::Open(bytes, name));
  int main = zip->Find("word/document.xml");
  if (main < 0) {
    return InvalidArgumentError(name + ": 不是 DOCX 文档（缺少 word/document.xml） (not a DOCX)");
  }
  GONGKAI_ASSIGN_OR_RETURN(std::string xml, zip->Read(main, kMaxXmlPartBytes));
  GONGKAI_ASSIGN_OR_RETURN(DocPtr doc, ParseXml(xml, name + "!/word/document.xml"));
  xml.clear();
  xml.shrink_to_fit();
  GONGKAI_ASSIGN_OR_RETURN(DocPtr numbering, ReadPart(zip.get(), "word/numbering.xml", name));
  GONGKAI_ASSIGN_OR_RETURN(DocPtr styles, ReadPart(zip.get(), "word/styles.xml", name));
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  const xmlNode* body = WChild(root, "body");
  if (!body) {
    return InvalidArgumentError(name + ": DOCX 没有正文 (word/document.xml has no w:body)");
  }
  DocxNumbering lists(numbering.get(), styles.get());
  LayoutText layout(name);
  DocxLayout walker(&layout, &lists);
  walker.Blocks(body, 0);
  return FinishLayout(layout, name, "docx", "UTF-8");
}

}  // namespace gongkai::ingest_internal
