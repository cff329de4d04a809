#include "gongkai/report_json.h"

#include <cmath>
#include <utility>

#include "json_writer.h"


namespace gongkai {
namespace {

using report_internal::JsonWriter;

void CellValue(JsonWriter& w, const Cell& c) {
  if (!c.value) {
    w.Null();
    return;
  }
  double v = *c.value;
  if (std::floor(v) == v && std::fabs(v) < 9e15) {
    w.Int(static_cast<int64_t>(v));
  } else {
    w.Double(v);
  }
}

// `l` as an object of its set fields; the file name only `with_file`.
void LocationJson(JsonWriter& w, const SourceLocation& l, bool with_file = true) {
  w.BeginObject();
  if (with_file && !l.file.empty()) w.Key("file").String(l.file);
  if (l.line > 0) w.Key("line").Int(l.line);
  if (l.page > 0) w.Key("page").Int(l.page);
  if (l.table >= 0) w.Key("table").Int(l.table);
  if (l.row >= 0) w.Key("row").Int(l.row);
  if (l.cell >= 0) w.Key("cell").Int(l.cell);
  w.EndObject();
}

// A cell's provenance without the file name (which is given once at the top).
void CellSource(JsonWriter& w, const Cell& c) {
  if (!c.value) {
    w.Null();
    return;
  }
  LocationJson(w, c.source, /*with_file=*/false);
}

template <typename Array, typename F>
void MapArray(JsonWriter& w, const Array& a, F f) {
  w.BeginArray();
  for (const auto& x : a) f(w, x);
  w.EndArray();
}

void FindingJson(JsonWriter& w, const Finding& f) {
  w.BeginObject();
  w.Key("rule").String(f.rule);
  w.Key("severity").String(SeverityName(f.severity));
  w.Key("message").String(f.message);
  w.Key("message_en").String(f.message_en);
  w.Key("location");
  LocationJson(w, f.location);
  w.EndObject();
}

// Table 2, 3 and 4 as objects of rows, each cell written by `cell` (its value or its source).
template <typename F>
void WriteTable2(JsonWriter& w, const AnnualReport& r, F cell) {
  w.BeginObject();
  for (int k = 0; k < kDocKindCount; ++k) {
    w.Key(DocKindId(k));
    MapArray(w, r.table2.docs[static_cast<size_t>(k)], cell);
  }
  for (int k = 0; k < kDecisionKindCount; ++k) {
    w.Key(DecisionKindId(k));
    cell(w, r.table2.decisions[static_cast<size_t>(k)]);
  }
  w.Key("fees_10k_yuan");
  cell(w, r.table2.fees_10k_yuan);
  w.EndObject();
}

template <typename F>
void WriteTable3Rows(JsonWriter& w, const AnnualReport& r, F cell) {
  w.BeginObject();
  for (int row = 0; row < kT3Rows; ++row) {
    w.Key(T3RowId(row));
    MapArray(w, r.table3.cells[static_cast<size_t>(row)], cell);
  }
  w.EndObject();
}

template <typename F>
void WriteTable4(JsonWriter& w, const AnnualReport& r, F cell) {
  w.BeginObject();
  for (int g = 0; g < kT4Groups; ++g) {
    w.Key(T4GroupId(g));
    MapArray(w, r.table4.cells[static_cast<size_t>(g)], cell);
  }
  w.EndObject();
}

}  // namespace

std::string FindingToJson(const Finding& finding) {
  JsonWriter w(-1);
  FindingJson(w, finding);
  return w.Take();
}

// Written straight into the string (json_writer.h): the same bytes as nlohmann's dump of the
// same document, without its tree of some two thousand values per report.
std::string ReportToJson(const AnnualReport& r, const Findings& findings, const JsonExtras& extras,
                         const JsonOptions& options) {
  JsonWriter w(options.indent);
  w.BeginObject();
  if (!extras.file.empty()) w.Key("file").String(extras.file);
  w.Key("agency").String(r.agency);
  w.Key("year");
  if (r.year) {
    w.Int(*r.year);
  } else {
    w.Null();
  }
  if (r.generated_from_ledger) w.Key("generated_from_ledger").Bool(true);
  w.Key("table2");
  WriteTable2(w, r, CellValue);
  w.Key("table3").BeginObject();
  w.Key("columns").BeginArray();
  for (int c = 0; c < kT3Columns; ++c) w.String(T3ColumnId(c));
  w.EndArray();
  w.Key("rows");
  WriteTable3Rows(w, r, CellValue);
  w.EndObject();
  w.Key("table4");
  WriteTable4(w, r, CellValue);
  w.Key("findings").BeginArray();
  for (const Finding& f : findings) FindingJson(w, f);
  w.EndArray();
  if (!extras.format.empty()) w.Key("format").String(extras.format);
  if (!extras.encoding.empty()) w.Key("encoding").String(extras.encoding);
  if (options.sections) {
    w.Key("sections").BeginArray();
    for (int s = 0; s < kSectionCount; ++s) {
      const Section& sec = r.sections[static_cast<size_t>(s)];
      w.BeginObject();
      w.Key("title").String(SectionTitle(s));
      w.Key("present").Bool(sec.present);
      if (sec.present) {
        w.Key("heading").String(sec.heading);
        w.Key("text").String(sec.text);
        w.Key("location");
        LocationJson(w, sec.source);
      }
      w.EndObject();
    }
    w.EndArray();
  }
  if (options.provenance) {
    w.Key("provenance").BeginObject();
    w.Key("table2");
    WriteTable2(w, r, CellSource);
    w.Key("table3");
    WriteTable3Rows(w, r, CellSource);
    w.Key("table4");
    WriteTable4(w, r, CellSource);
    w.EndObject();
  }
  w.EndObject();
  return w.Take();
}

}  // namespace gongkai
