// The XLSX importer: the sheets of a workbook (xl/workbook.xml, its relationships, the shared
// strings and each sheet's XML) read with libzip + libxml2, in the workbook's order, each as a
// grid rebuilt at the cells' own addresses with merged ranges resolved the way the HTML and DOCX
// importers resolve spans (a text cell fills the other columns of its range in its first row;
// lower rows of the range stay empty). A row holding one text only (a title over the table) is
// a line of text; other rows are table rows.
//
// Provenance: each line carries `table` (the sheet's index) and `line` (the sheet's row number as
// Excel shows it, 1-based); table rows also `row` (within their run of rows) and the cell.
#include <libxml/tree.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "importers.h"
#include "xml_part.h"
#include "zip_reader.h"

namespace gongkai::ingest_internal {
namespace {

// Limits that keep a hostile sheet bounded: addresses past these are refused.
constexpr int kMaxSheetRows = 100000;
constexpr int kMaxSheetColumns = GridBuilder::kMaxColumns;
constexpr size_t kMaxSheetCells = GridBuilder::kMaxCells;
constexpr size_t kMaxSheets = 64;

std::string Prop(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!v) return "";
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

// The relationship id of a <sheet>: r:id in the officeDocument relationships namespace.
std::string RelId(const xmlNode* n) {
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    if (a->name && xmlStrEqual(a->name, reinterpret_cast<const xmlChar*>("id")) && a->ns) {
      xmlChar* v = xmlNodeListGetString(n->doc, a->children, 1);
      std::string out = v ? reinterpret_cast<const char*>(v) : "";
      xmlFree(v);
      return out;
    }
  }
  return "";
}

// The text of <t> elements under `n`, leaving out phonetic runs (<rPh>).
void CollectText(const xmlNode* n, std::string* out) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (IsElement(c, "rPh")) continue;
    if (IsElement(c, "t")) {
      xmlChar* v = xmlNodeGetContent(c);
      if (v) out->append(reinterpret_cast<const char*>(v));
      xmlFree(v);
    } else if (c->type == XML_ELEMENT_NODE) {
      CollectText(c, out);
    }
  }
}

const xmlNode* Child(const xmlNode* n, const char* local) {
  for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next) {
    if (IsElement(c, local)) return c;
  }
  return nullptr;
}

// "B12" → (row 11, column 1). False for anything else or past the limits.
bool ParseAddress(std::string_view ref, int* row, int* col) {
  size_t i = 0;
  int c = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') {
    c = c * 26 + (ref[i] - 'A' + 1);
    if (c > kMaxSheetColumns) return false;
    ++i;
  }
  if (i == 0 || i == ref.size()) return false;
  int r = 0;
  auto [end, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), r);
  if (ec != std::errc() || end != ref.data() + ref.size() || r < 1 || r > kMaxSheetRows) return false;
  *row = r - 1;
  *col = c - 1;
  return true;
}

// A number as the sheet stores it ("3", "0.5", "12.300000000000001"), written as a report
// prints it: the shortest form that reads back as the same double.
std::string NumberText(const std::string& v) {
  double d = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
  if (ec != std::errc() || end != v.data() + v.size() || !std::isfinite(d)) return v;
  char buf[64];
  auto [p, ec2] = std::to_chars(buf, buf + sizeof buf, d);
  if (ec2 != std::errc()) return v;
  return std::string(buf, p);
}

struct SheetCell {
  std::string text;
  bool numeric = false;
};

class XlsxReader {
 public:
  XlsxReader(ZipReader* zip, std::string name) : zip_(zip), name_(std::move(name)) {}

  Status Read(LayoutText* out) {
    GONGKAI_ASSIGN_OR_RETURN(DocPtr workbook, ReadPart(zip_, "xl/workbook.xml", name_));
    if (!workbook) return DataLossError(name_ + ": 缺少 xl/workbook.xml (no workbook)");
    GONGKAI_RETURN_IF_ERROR(ReadSharedStrings());
    GONGKAI_ASSIGN_OR_RETURN(auto targets, SheetTargets());
    const xmlNode* sheets = Child(xmlDocGetRootElement(workbook.get()), "sheets");
    int index = 0;
    for (const xmlNode* s = sheets ? sheets->children : nullptr; s; s = s->next) {
      if (!IsElement(s, "sheet")) continue;
      if (static_cast<size_t>(index) >= kMaxSheets) {
        return ResourceExhaustedError(name_ + ": 工作表过多（上限 " + std::to_string(kMaxSheets) +
                                      "） (too many sheets)");
      }
      auto it = targets.find(RelId(s));
      std::string path = it != targets.end() ? it->second
                                             : "xl/worksheets/sheet" + std::to_string(index + 1) + ".xml";
      GONGKAI_ASSIGN_OR_RETURN(DocPtr sheet, ReadPart(zip_, path, name_));
      if (sheet) GONGKAI_RETURN_IF_ERROR(Sheet(xmlDocGetRootElement(sheet.get()), index, path, out));
      ++index;
    }
    return Status::Ok();
  }

 private:
  Status ReadSharedStrings() {
    GONGKAI_ASSIGN_OR_RETURN(DocPtr sst, ReadPart(zip_, "xl/sharedStrings.xml", name_));
    if (!sst) return Status::Ok();
    for (const xmlNode* si = xmlDocGetRootElement(sst.get())->children; si; si = si->next) {
      if (!IsElement(si, "si")) continue;
      std::string text;
      CollectText(si, &text);
      shared_.push_back(std::move(text));
    }
    return Status::Ok();
  }

  // Relationship id → part path, from xl/_rels/workbook.xml.rels.
  StatusOr<std::map<std::string, std::string>> SheetTargets() {
    std::map<std::string, std::string> out;
    GONGKAI_ASSIGN_OR_RETURN(DocPtr rels, ReadPart(zip_, "xl/_rels/workbook.xml.rels", name_));
    if (!rels) return out;
    for (const xmlNode* r = xmlDocGetRootElement(rels.get())->children; r; r = r->next) {
      if (!IsElement(r, "Relationship")) continue;
      std::string target = Prop(r, "Target");
      if (target.starts_with("/")) target = target.substr(1);
      else target = "xl/" + target;
      out[Prop(r, "Id")] = target;
    }
    return out;
  }

  Status Sheet(const xmlNode* root, int index, const std::string& path, LayoutText* out) {
    const std::string where = name_ + "!/" + path;
    std::map<std::pair<int, int>, SheetCell> cells;
    int rows = 0, cols = 0;
    const xmlNode* data = Child(root, "sheetData");
    for (const xmlNode* row = data ? data->children : nullptr; row; row = row->next) {
      if (!IsElement(row, "row")) continue;
      for (const xmlNode* c = row->children; c; c = c->next) {
        if (!IsElement(c, "c")) continue;
        int r = 0, k = 0;
        if (!ParseAddress(Prop(c, "r"), &r, &k)) {
          return DataLossError(where + ": 单元格地址无效或超出范围（" + Prop(c, "r") +
                               "） (bad or out-of-range cell address)");
        }
        SheetCell cell = Value(c);
        if (cell.text.empty()) continue;
        if (cells.size() >= kMaxSheetCells) {
          return ResourceExhaustedError(where + ": 单元格过多 (too many cells)");
        }
        rows = std::max(rows, r + 1);
        cols = std::max(cols, k + 1);
        cells[{r, k}] = std::move(cell);
      }
    }
    std::vector<std::vector<std::string>> grid(static_cast<size_t>(rows),
                                               std::vector<std::string>(static_cast<size_t>(cols)));
    std::vector<std::vector<bool>> numeric(static_cast<size_t>(rows),
                                           std::vector<bool>(static_cast<size_t>(cols)));
    for (auto& [pos, cell] : cells) {
      grid[static_cast<size_t>(pos.first)][static_cast<size_t>(pos.second)] = std::move(cell.text);
      numeric[static_cast<size_t>(pos.first)][static_cast<size_t>(pos.second)] = cell.numeric;
    }
    ResolveMerges(Child(root, "mergeCells"), numeric, &grid);
    Emit(grid, index, out);
    return Status::Ok();
  }

  SheetCell Value(const xmlNode* c) {
    const std::string type = Prop(c, "t");
    SheetCell out;
    if (type == "inlineStr") {
      if (const xmlNode* is = Child(c, "is")) CollectText(is, &out.text);
      return out;
    }
    const xmlNode* v = Child(c, "v");
    if (!v) return out;
    xmlChar* raw = xmlNodeGetContent(v);
    std::string text = raw ? reinterpret_cast<const char*>(raw) : "";
    xmlFree(raw);
    if (type == "s") {
      size_t i = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), i);
      if (ec == std::errc() && end == text.data() + text.size() && i < shared_.size()) out.text = shared_[i];
    } else if (type == "str" || type == "e" || type == "b") {
      out.text = std::move(text);
    } else {
      out.text = NumberText(text);
      out.numeric = true;
    }
    return out;
  }

  // A merged range's text sits in its top-left cell; a text origin also fills the rest of the
  // range's first row, so that a merged label lines up with the value columns.
  static void ResolveMerges(const xmlNode* merges, const std::vector<std::vector<bool>>& numeric,
                            std::vector<std::vector<std::string>>* grid) {
    const int rows = static_cast<int>(grid->size());
    const int cols = rows ? static_cast<int>((*grid)[0].size()) : 0;
    for (const xmlNode* m = merges ? merges->children : nullptr; m; m = m->next) {
      if (!IsElement(m, "mergeCell")) continue;
      std::string ref = Prop(m, "ref");
      size_t colon = ref.find(':');
      int r0, c0, r1, c1;
      if (colon == std::string::npos || !ParseAddress(std::string_view(ref).substr(0, colon), &r0, &c0) ||
          !ParseAddress(std::string_view(ref).substr(colon + 1), &r1, &c1)) {
        continue;
      }
      if (r0 >= rows || c0 >= cols) continue;
      r1 = std::min(r1, rows - 1);
      c1 = std::min(c1, cols - 1);
      const std::string origin = (*grid)[static_cast<size_t>(r0)][static_cast<size_t>(c0)];
      const bool text = !numeric[static_cast<size_t>(r0)][static_cast<size_t>(c0)];
      for (int r = r0; r <= r1; ++r) {
        for (int c = c0; c <= c1; ++c) {
          if (r == r0 && c == c0) continue;
          (*grid)[static_cast<size_t>(r)][static_cast<size_t>(c)] =
              r == r0 && text ? origin : std::string();
        }
      }
    }
  }

  // Rows with one distinct text (a title or a note merged across the sheet) become lines; runs
  // of other rows become tables. Every line's `line` is the sheet's row number as Excel shows it.
  static void Emit(const std::vector<std::vector<std::string>>& grid, int index, LayoutText* out) {
    std::vector<std::vector<std::string>> table;
    std::vector<int> table_lines;
    auto flush = [&]() {
      if (table.empty()) return;
      SourceLocation s;
      s.table = index;
      out->AddTable(table, s, &table_lines);
      table.clear();
      table_lines.clear();
    };
    for (size_t r = 0; r < grid.size(); ++r) {
      std::vector<const std::string*> distinct;
      for (const std::string& cell : grid[r]) {
        if (cell.empty()) continue;
        if (std::none_of(distinct.begin(), distinct.end(), [&](const std::string* d) { return *d == cell; })) {
          distinct.push_back(&cell);
        }
      }
      if (distinct.empty()) continue;
      if (distinct.size() == 1) {
        flush();
        SourceLocation s;
        s.table = index;
        s.line = static_cast<int>(r) + 1;
        out->AddLine(*distinct[0], s);
        continue;
      }
      table.push_back(grid[r]);
      table_lines.push_back(static_cast<int>(r) + 1);
    }
    flush();
  }

  ZipReader* zip_;
  std::string name_;
  std::vector<std::string> shared_;
};

}  // namespace

StatusOr<ImportedReport> ImportXlsx(std::string_view bytes, const std::string& name) {
  InitLibxml();
  GONGKAI_ASSIGN_OR_RETURN(std::unique_ptr<ZipReader> zip, ZipReader::Open(bytes, name));
  LayoutText layout(name);
  XlsxReader reader(zip.get(), name);
  GONGKAI_RETURN_IF_ERROR(reader.Read(&layout));
  return FinishLayout(layout, name, "xlsx", "UTF-8");
}

}  // namespace gongkai::ingest_internal
