#include "gongkai/report_json.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <utility>


namespace gongkai {
namespace {

using nlohmann::ordered_json;

// An empty object with room for `keys` members. An ordered_json object is a vector of (const key,
// value) pairs, which it copies — values and all their subtrees — whenever it grows: an object
// filled without room copies its earlier members' trees again and again.
ordered_json Object(size_t keys) {
  ordered_json j = ordered_json::object();
  j.get_ref<ordered_json::object_t&>().reserve(keys);
  return j;
}

ordered_json CellValue(const Cell& c) {
  if (!c.value) return nullptr;
  double v = *c.value;
  if (std::floor(v) == v && std::fabs(v) < 9e15) return static_cast<int64_t>(v);
  return v;
}

ordered_json LocationJson(const SourceLocation& l) {
  ordered_json j = Object(6);
  if (!l.file.empty()) j["file"] = l.file;
  if (l.line > 0) j["line"] = l.line;
  if (l.page > 0) j["page"] = l.page;
  if (l.table >= 0) j["table"] = l.table;
  if (l.row >= 0) j["row"] = l.row;
  if (l.cell >= 0) j["cell"] = l.cell;
  return j;
}

// A cell's provenance without the file name (which is given once at the top).
ordered_json CellSource(const Cell& c) {
  if (!c.value) return nullptr;
  SourceLocation l = c.source;
  l.file.clear();
  return LocationJson(l);
}

template <typename Array, typename F>
ordered_json MapArray(const Array& a, F f) {
  ordered_json j = ordered_json::array();
  j.get_ref<ordered_json::array_t&>().reserve(a.size());
  for (const auto& x : a) j.push_back(f(x));
  return j;
}

ordered_json FindingJson(const Finding& f) {
  ordered_json j = Object(5);
  j["rule"] = f.rule;
  j["severity"] = std::string(SeverityName(f.severity));
  j["message"] = f.message;
  j["message_en"] = f.message_en;
  j["location"] = LocationJson(f.location);
  return j;
}

}  // namespace

std::string FindingToJson(const Finding& finding) { return FindingJson(finding).dump(); }

// Every subtree is moved into its parent and every object made with room for its members, so no
// tree is copied (copies were most of the time an upload of 1,000 reports spent here).
std::string ReportToJson(const AnnualReport& r, const Findings& findings, const JsonExtras& extras,
                         const JsonOptions& options) {
  ordered_json j = Object(12);
  if (!extras.file.empty()) j["file"] = extras.file;
  j["agency"] = r.agency;
  j["year"] = r.year ? ordered_json(*r.year) : ordered_json(nullptr);
  if (r.generated_from_ledger) j["generated_from_ledger"] = true;
  ordered_json t2 = Object(kDocKindCount + kDecisionKindCount + 1);
  for (int k = 0; k < kDocKindCount; ++k) {
    t2[std::string(DocKindId(k))] = MapArray(r.table2.docs[static_cast<size_t>(k)], CellValue);
  }
  for (int k = 0; k < kDecisionKindCount; ++k) {
    t2[std::string(DecisionKindId(k))] = CellValue(r.table2.decisions[static_cast<size_t>(k)]);
  }
  t2["fees_10k_yuan"] = CellValue(r.table2.fees_10k_yuan);
  j["table2"] = std::move(t2);
  ordered_json t3 = Object(2);
  ordered_json cols = ordered_json::array();
  for (int c = 0; c < kT3Columns; ++c) cols.push_back(std::string(T3ColumnId(c)));
  t3["columns"] = std::move(cols);
  ordered_json rows = Object(kT3Rows);
  for (int row = 0; row < kT3Rows; ++row) {
    rows[std::string(T3RowId(row))] = MapArray(r.table3.cells[static_cast<size_t>(row)], CellValue);
  }
  t3["rows"] = std::move(rows);
  j["table3"] = std::move(t3);
  ordered_json t4 = Object(kT4Groups);
  for (int g = 0; g < kT4Groups; ++g) {
    t4[std::string(T4GroupId(g))] = MapArray(r.table4.cells[static_cast<size_t>(g)], CellValue);
  }
  j["table4"] = std::move(t4);
  ordered_json fs = ordered_json::array();
  for (const Finding& f : findings) fs.push_back(FindingJson(f));
  j["findings"] = std::move(fs);
  if (!extras.format.empty()) j["format"] = extras.format;
  if (!extras.encoding.empty()) j["encoding"] = extras.encoding;
  if (options.sections) {
    ordered_json secs = ordered_json::array();
    for (int s = 0; s < kSectionCount; ++s) {
      const Section& sec = r.sections[static_cast<size_t>(s)];
      ordered_json o = Object(5);
      o["title"] = std::string(SectionTitle(s));
      o["present"] = sec.present;
      if (sec.present) {
        o["heading"] = sec.heading;
        o["text"] = sec.text;
        o["location"] = LocationJson(sec.source);
      }
      secs.push_back(std::move(o));
    }
    j["sections"] = std::move(secs);
  }
  if (options.provenance) {
    ordered_json p = Object(3);
    ordered_json p2 = Object(kDocKindCount + kDecisionKindCount + 1);
    for (int k = 0; k < kDocKindCount; ++k) {
      p2[std::string(DocKindId(k))] = MapArray(r.table2.docs[static_cast<size_t>(k)], CellSource);
    }
    for (int k = 0; k < kDecisionKindCount; ++k) {
      p2[std::string(DecisionKindId(k))] = CellSource(r.table2.decisions[static_cast<size_t>(k)]);
    }
    p2["fees_10k_yuan"] = CellSource(r.table2.fees_10k_yuan);
    p["table2"] = std::move(p2);
    ordered_json p3 = Object(kT3Rows);
    for (int row = 0; row < kT3Rows; ++row) {
      p3[std::string(T3RowId(row))] =
          MapArray(r.table3.cells[static_cast<size_t>(row)], CellSource);
    }
    p["table3"] = std::move(p3);
    ordered_json p4 = Object(kT4Groups);
    for (int g = 0; g < kT4Groups; ++g) {
      p4[std::string(T4GroupId(g))] = MapArray(r.table4.cells[static_cast<size_t>(g)], CellSource);
    }
    p["table4"] = std::move(p4);
    j["provenance"] = std::move(p);
  }
  return j.dump(options.indent, ' ', false, ordered_json::error_handler_t::replace);
}

}  // namespace gongkai
