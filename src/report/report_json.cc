#include "gongkai/report_json.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace gongkai {
namespace {

using nlohmann::ordered_json;

ordered_json CellValue(const Cell& c) {
  if (!c.value) return nullptr;
  double v = *c.value;
  if (std::floor(v) == v && std::fabs(v) < 9e15) return static_cast<int64_t>(v);
  return v;
}

ordered_json LocationJson(const SourceLocation& l) {
  ordered_json j = ordered_json::object();
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
  for (const auto& x : a) j.push_back(f(x));
  return j;
}

ordered_json FindingJson(const Finding& f) {
  ordered_json j;
  j["rule"] = f.rule;
  j["severity"] = std::string(SeverityName(f.severity));
  j["message"] = f.message;
  j["message_en"] = f.message_en;
  j["location"] = LocationJson(f.location);
  return j;
}

Status ReadCell(const ordered_json& v, const std::string& field, Cell* out) {
  if (v.is_null()) return Status::Ok();
  if (!v.is_number())
    return InvalidArgumentError("字段 " + field + " 应为数字或 null (must be a number or null)");
  out->value = v.get<double>();
  return Status::Ok();
}

template <size_t N>
Status ReadCells(const ordered_json& v, const std::string& field, std::array<Cell, N>* out) {
  if (v.is_null()) return Status::Ok();
  if (!v.is_array() || v.size() != N) {
    return InvalidArgumentError("字段 " + field + " 应为 " + std::to_string(N) +
                                " 个元素的数组 (must be an array of " + std::to_string(N) + ")");
  }
  for (size_t i = 0; i < N; ++i) {
    GONGKAI_RETURN_IF_ERROR(ReadCell(v[i], field + "[" + std::to_string(i) + "]", &(*out)[i]));
  }
  return Status::Ok();
}

}  // namespace

std::string FindingToJson(const Finding& finding) { return FindingJson(finding).dump(); }

std::string ReportToJson(const AnnualReport& r, const Findings& findings, const JsonExtras& extras,
                         const JsonOptions& options) {
  ordered_json j;
  if (!extras.file.empty()) j["file"] = extras.file;
  j["agency"] = r.agency;
  j["year"] = r.year ? ordered_json(*r.year) : ordered_json(nullptr);
  if (r.generated_from_ledger) j["generated_from_ledger"] = true;
  ordered_json t2;
  for (int k = 0; k < kDocKindCount; ++k) {
    t2[std::string(DocKindId(k))] = MapArray(r.table2.docs[static_cast<size_t>(k)], CellValue);
  }
  for (int k = 0; k < kDecisionKindCount; ++k) {
    t2[std::string(DecisionKindId(k))] = CellValue(r.table2.decisions[static_cast<size_t>(k)]);
  }
  t2["fees_10k_yuan"] = CellValue(r.table2.fees_10k_yuan);
  j["table2"] = t2;
  ordered_json t3;
  ordered_json cols = ordered_json::array();
  for (int c = 0; c < kT3Columns; ++c) cols.push_back(std::string(T3ColumnId(c)));
  t3["columns"] = cols;
  ordered_json rows;
  for (int row = 0; row < kT3Rows; ++row) {
    rows[std::string(T3RowId(row))] = MapArray(r.table3.cells[static_cast<size_t>(row)], CellValue);
  }
  t3["rows"] = rows;
  j["table3"] = t3;
  ordered_json t4;
  for (int g = 0; g < kT4Groups; ++g) {
    t4[std::string(T4GroupId(g))] = MapArray(r.table4.cells[static_cast<size_t>(g)], CellValue);
  }
  j["table4"] = t4;
  ordered_json fs = ordered_json::array();
  for (const Finding& f : findings) fs.push_back(FindingJson(f));
  j["findings"] = fs;
  if (!extras.format.empty()) j["format"] = extras.format;
  if (!extras.encoding.empty()) j["encoding"] = extras.encoding;
  if (options.sections) {
    ordered_json secs = ordered_json::array();
    for (int s = 0; s < kSectionCount; ++s) {
      const Section& sec = r.sections[static_cast<size_t>(s)];
      ordered_json o;
      o["title"] = std::string(SectionTitle(s));
      o["present"] = sec.present;
      if (sec.present) {
        o["heading"] = sec.heading;
        o["text"] = sec.text;
        o["location"] = LocationJson(sec.source);
      }
      secs.push_back(o);
    }
    j["sections"] = secs;
  }
  if (options.provenance) {
    ordered_json p;
    ordered_json p2;
    for (int k = 0; k < kDocKindCount; ++k) {
      p2[std::string(DocKindId(k))] = MapArray(r.table2.docs[static_cast<size_t>(k)], CellSource);
    }
    for (int k = 0; k < kDecisionKindCount; ++k) {
      p2[std::string(DecisionKindId(k))] = CellSource(r.table2.decisions[static_cast<size_t>(k)]);
    }
    p2["fees_10k_yuan"] = CellSource(r.table2.fees_10k_yuan);
    p["table2"] = p2;
    ordered_json p3;
    for (int row = 0; row < kT3Rows; ++row) {
      p3[std::string(T3RowId(row))] =
          MapArray(r.table3.cells[static_cast<size_t>(row)], CellSource);
    }
    p["table3"] = p3;
    ordered_json p4;
    for (int g = 0; g < kT4Groups; ++g) {
      p4[std::string(T4GroupId(g))] = MapArray(r.table4.cells[static_cast<size_t>(g)], CellSource);
    }
    p["table4"] = p4;
    j["provenance"] = p;
  }
  return j.dump(options.indent, ' ', false, ordered_json::error_handler_t::replace);
}

StatusOr<AnnualReport> ReportFromJson(std::string_view json, const std::string& name) {
  ordered_json j = ordered_json::parse(json.begin(), json.end(), nullptr, false);
  if (j.is_discarded()) return InvalidArgumentError(name + ": 不是有效的 JSON (invalid JSON)");
  if (!j.is_object())
    return InvalidArgumentError(name + ": JSON 顶层应为对象 (top level must be an object)");
  AnnualReport r;
  auto fail = [&](const Status& s) { return s.WithContext(name); };
  if (j.contains("agency") && j["agency"].is_string()) r.agency = j["agency"].get<std::string>();
  if (j.contains("year") && !j["year"].is_null()) {
    if (!j["year"].is_number_integer())
      return fail(InvalidArgumentError("字段 year 应为整数 (year must be an integer)"));
    r.year = j["year"].get<int>();
  }
  if (j.contains("generated_from_ledger") && j["generated_from_ledger"].is_boolean()) {
    r.generated_from_ledger = j["generated_from_ledger"].get<bool>();
  }
  if (j.contains("table2") && j["table2"].is_object()) {
    const auto& t2 = j["table2"];
    for (int k = 0; k < kDocKindCount; ++k) {
      std::string id(DocKindId(k));
      if (t2.contains(id)) {
        Status s = ReadCells(t2[id], "table2." + id, &r.table2.docs[static_cast<size_t>(k)]);
        if (!s.ok()) return fail(s);
      }
    }
    for (int k = 0; k < kDecisionKindCount; ++k) {
      std::string id(DecisionKindId(k));
      if (t2.contains(id)) {
        Status s = ReadCell(t2[id], "table2." + id, &r.table2.decisions[static_cast<size_t>(k)]);
        if (!s.ok()) return fail(s);
      }
    }
    if (t2.contains("fees_10k_yuan")) {
      Status s = ReadCell(t2["fees_10k_yuan"], "table2.fees_10k_yuan", &r.table2.fees_10k_yuan);
      if (!s.ok()) return fail(s);
    }
  }
  if (j.contains("table3") && j["table3"].is_object() && j["table3"].contains("rows")) {
    const auto& rows = j["table3"]["rows"];
    if (!rows.is_object())
      return fail(InvalidArgumentError("字段 table3.rows 应为对象 (must be an object)"));
    for (int row = 0; row < kT3Rows; ++row) {
      std::string id(T3RowId(row));
      if (!rows.contains(id)) continue;
      Status s =
          ReadCells(rows[id], "table3.rows." + id, &r.table3.cells[static_cast<size_t>(row)]);
      if (!s.ok()) return fail(s);
    }
  }
  if (j.contains("table4") && j["table4"].is_object()) {
    for (int g = 0; g < kT4Groups; ++g) {
      std::string id(T4GroupId(g));
      if (!j["table4"].contains(id)) continue;
      Status s =
          ReadCells(j["table4"][id], "table4." + id, &r.table4.cells[static_cast<size_t>(g)]);
      if (!s.ok()) return fail(s);
    }
  }
  if (j.contains("sections") && j["sections"].is_array()) {
    const auto& secs = j["sections"];
    for (size_t s = 0; s < secs.size() && s < static_cast<size_t>(kSectionCount); ++s) {
      const auto& o = secs[s];
      if (!o.is_object()) continue;
      Section& sec = r.sections[s];
      sec.present = o.value("present", o.contains("text"));
      if (o.contains("heading") && o["heading"].is_string())
        sec.heading = o["heading"].get<std::string>();
      if (o.contains("text") && o["text"].is_string()) sec.text = o["text"].get<std::string>();
      sec.order = sec.present ? static_cast<int>(s) : -1;
    }
  }
  return r;
}

}  // namespace gongkai
