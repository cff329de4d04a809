// Reading the interchange JSON (ReportFromJson): every field is checked for its type and range
// before it is used, so hostile JSON gives an error naming the field (as a JSON pointer, e.g.
// /table3/rows/new/2) and never an exception, a silently converted number or an unbounded parse.
//
// Memory: the document is at most json_limits::kMaxBytes and kMaxValues values, checked before
// parsing; the tree costs its strings plus <= ~80 bytes a value: at most ~2x the input + 16 MB.
#include <chrono>
#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "gongkai/report_json.h"

namespace gongkai {
namespace {

// nlohmann::json keeps objects in a std::map: a hostile object with many keys parses in
// O(n log n) (ordered_json's linear map would make it quadratic).
using Json = nlohmann::json;

namespace json_limits {
// Bytes of one document. An extracted report with its sections' text is ~100 KB.
inline constexpr size_t kMaxBytes = 16u << 20;
// Nesting depth of arrays and objects. The interchange shape is 4 deep; deeper input is refused
// before parsing.
inline constexpr int kMaxDepth = 32;
// Values (scalars, arrays, objects) in one document. An extracted report with provenance and
// findings holds a few thousand; each value costs nlohmann at most ~80 bytes, so the DOM stays
// under ~16 MB beyond the bytes of its strings.
inline constexpr size_t kMaxValues = 200000;
// Largest count a table cell may hold: no office receives a billion requests a year, and a
// larger number is a corrupt or hostile file, not a value to carry into the validator.
inline constexpr double kMaxCount = 1e9;
// Largest fee (table 2, in 万元, the one cell that may be fractional).
inline constexpr double kMaxFee10kYuan = 1e9;
// The first year of annual reports under the 2008 regulations.
inline constexpr int kFirstYear = 2008;
}  // namespace json_limits

std::string DepthError(int depth) {
  return "JSON 嵌套过深（超过 " + std::to_string(json_limits::kMaxDepth) +
         " 层） (nesting deeper than " + std::to_string(json_limits::kMaxDepth) +
         " levels, at depth " + std::to_string(depth) + ")";
}

// Scans the bytes once, outside strings, for nesting depth and the number of values, so that a
// hostile document is refused before nlohmann allocates its tree. An upper bound, not a parse:
// malformed JSON is left to the parser.
Status CheckJsonShape(std::string_view json) {
  if (json.size() > json_limits::kMaxBytes) {
    return ResourceExhaustedError("JSON 过大（" + std::to_string(json.size()) + " 字节，上限 " +
                                  std::to_string(json_limits::kMaxBytes) + "） (JSON larger than " +
                                  std::to_string(json_limits::kMaxBytes) + " bytes)");
  }
  int depth = 0;
  size_t values = 1;
  bool in_string = false;
  for (size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        break;
      case '[':
      case '{':
        if (++depth > json_limits::kMaxDepth) return InvalidArgumentError(DepthError(depth));
        ++values;
        break;
      case ']':
      case '}':
        --depth;
        break;
      case ',':
        ++values;
        break;
      default:
        break;
    }
    if (values > json_limits::kMaxValues) {
      return ResourceExhaustedError("JSON 中的值过多（上限 " +
                                    std::to_string(json_limits::kMaxValues) + "） (more than " +
                                    std::to_string(json_limits::kMaxValues) + " values)");
    }
  }
  return Status::Ok();
}

int LatestYear() {
  using namespace std::chrono;
  year_month_day today{floor<days>(system_clock::now())};
  return static_cast<int>(today.year()) + 1;
}

std::string TypeName(const Json& v) { return std::string(v.type_name()); }

Status WrongType(const std::string& path, const char* zh, const char* en, const Json& v) {
  return InvalidArgumentError("字段 " + path + " 应为" + zh + " (must be " + en + ", not " +
                              TypeName(v) + ")");
}

// The value of an integer JSON number, or nothing when it does not fit in int64_t.
std::optional<int64_t> IntegerValue(const Json& v) {
  if (v.is_number_unsigned()) {
    uint64_t u = v.get<uint64_t>();
    if (u > static_cast<uint64_t>(INT64_MAX)) return std::nullopt;
    return static_cast<int64_t>(u);
  }
  return v.get<int64_t>();
}

// A count: null (absent) or a non-negative integer up to kMaxCount. A float that is a whole
// number (3.0) is accepted; 2.5, 1e30, -1 are not.
Status ReadCount(const Json& v, const std::string& path, Cell* out) {
  if (v.is_null()) return Status::Ok();
  if (!v.is_number()) return WrongType(path, "数字或 null", "a number or null", v);
  double d = v.is_number_float() ? v.get<double>() : 0;
  if (v.is_number_integer()) {
    std::optional<int64_t> i = IntegerValue(v);
    if (!i || *i < 0 || static_cast<double>(*i) > json_limits::kMaxCount) {
      return InvalidArgumentError(
          "字段 " + path + " 超出范围，应为 0 到 10 亿之间的整数 (out of range: " + v.dump() + ")");
    }
    out->value = static_cast<double>(*i);
    return Status::Ok();
  }
  if (!std::isfinite(d) || d < 0 || d > json_limits::kMaxCount) {
    return InvalidArgumentError(
        "字段 " + path + " 超出范围，应为 0 到 10 亿之间的整数 (out of range: " + v.dump() + ")");
  }
  if (std::floor(d) != d) {
    return InvalidArgumentError(
        "字段 " + path + " 应为整数件数 (a count must be a whole number, not " + v.dump() + ")");
  }
  out->value = d;
  return Status::Ok();
}

// The fee (万元): null or a non-negative finite number up to kMaxFee10kYuan.
Status ReadFee(const Json& v, const std::string& path, Cell* out) {
  if (v.is_null()) return Status::Ok();
  if (!v.is_number()) return WrongType(path, "数字或 null", "a number or null", v);
  std::optional<double> d;
  if (v.is_number_float()) {
    d = v.get<double>();
  } else if (std::optional<int64_t> i = IntegerValue(v)) {
    d = static_cast<double>(*i);
  }
  if (!d || !std::isfinite(*d) || *d < 0 || *d > json_limits::kMaxFee10kYuan) {
    return InvalidArgumentError(
        "字段 " + path + " 超出范围，应为 0 到 10 亿之间的数 (out of range: " + v.dump() + ")");
  }
  out->value = *d;
  return Status::Ok();
}

template <size_t N>
Status ReadCounts(const Json& v, const std::string& path, std::array<Cell, N>* out) {
  if (v.is_null()) return Status::Ok();
  if (!v.is_array() || v.size() != N) {
    return InvalidArgumentError("字段 " + path + " 应为 " + std::to_string(N) +
                                " 个元素的数组 (must be an array of " + std::to_string(N) + ")");
  }
  for (size_t i = 0; i < N; ++i) {
    GONGKAI_RETURN_IF_ERROR(ReadCount(v[i], path + "/" + std::to_string(i), &(*out)[i]));
  }
  return Status::Ok();
}

// Returns the member `key` of `object`, or nullptr when absent.
const Json* Member(const Json& object, const std::string& key) {
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

// Returns the member `key` when it is an object, nullptr when absent or null, an error otherwise.
StatusOr<const Json*> ObjectMember(const Json& object, const std::string& key,
                                   const std::string& path) {
  const Json* v = Member(object, key);
  if (v == nullptr || v->is_null()) return static_cast<const Json*>(nullptr);
  if (!v->is_object()) return WrongType(path, "对象", "an object", *v);
  return v;
}

Status ReadString(const Json& object, const std::string& key, const std::string& path,
                  std::string* out) {
  const Json* v = Member(object, key);
  if (v == nullptr || v->is_null()) return Status::Ok();
  if (!v->is_string()) return WrongType(path, "字符串", "a string", *v);
  *out = v->get<std::string>();
  return Status::Ok();
}

Status ReadYear(const Json& j, AnnualReport* r) {
  const Json* v = Member(j, "year");
  if (v == nullptr || v->is_null()) return Status::Ok();
  if (!v->is_number_integer()) return WrongType("/year", "整数", "an integer", *v);
  std::optional<int64_t> y = IntegerValue(*v);
  const int latest = LatestYear();
  if (!y || *y < json_limits::kFirstYear || *y > latest) {
    return InvalidArgumentError("字段 /year 应在 " + std::to_string(json_limits::kFirstYear) +
                                " 到 " + std::to_string(latest) +
                                " 之间 (year out of range: " + v->dump() + ")");
  }
  r->year = static_cast<int>(*y);
  return Status::Ok();
}

Status ReadTable2(const Json& j, Table2* t2) {
  GONGKAI_ASSIGN_OR_RETURN(const Json* t, ObjectMember(j, "table2", "/table2"));
  if (t == nullptr) return Status::Ok();
  for (int k = 0; k < kDocKindCount; ++k) {
    std::string id(DocKindId(k));
    if (const Json* v = Member(*t, id)) {
      GONGKAI_RETURN_IF_ERROR(ReadCounts(*v, "/table2/" + id, &t2->docs[static_cast<size_t>(k)]));
    }
  }
  for (int k = 0; k < kDecisionKindCount; ++k) {
    std::string id(DecisionKindId(k));
    if (const Json* v = Member(*t, id)) {
      GONGKAI_RETURN_IF_ERROR(
          ReadCount(*v, "/table2/" + id, &t2->decisions[static_cast<size_t>(k)]));
    }
  }
  if (const Json* v = Member(*t, "fees_10k_yuan")) {
    GONGKAI_RETURN_IF_ERROR(ReadFee(*v, "/table2/fees_10k_yuan", &t2->fees_10k_yuan));
  }
  return Status::Ok();
}

Status ReadTable3(const Json& j, Table3* t3) {
  GONGKAI_ASSIGN_OR_RETURN(const Json* t, ObjectMember(j, "table3", "/table3"));
  if (t == nullptr) return Status::Ok();
  GONGKAI_ASSIGN_OR_RETURN(const Json* rows, ObjectMember(*t, "rows", "/table3/rows"));
  if (rows == nullptr) return Status::Ok();
  for (int row = 0; row < kT3Rows; ++row) {
    std::string id(T3RowId(row));
    if (const Json* v = Member(*rows, id)) {
      GONGKAI_RETURN_IF_ERROR(
          ReadCounts(*v, "/table3/rows/" + id, &t3->cells[static_cast<size_t>(row)]));
    }
  }
  return Status::Ok();
}

Status ReadTable4(const Json& j, Table4* t4) {
  GONGKAI_ASSIGN_OR_RETURN(const Json* t, ObjectMember(j, "table4", "/table4"));
  if (t == nullptr) return Status::Ok();
  for (int g = 0; g < kT4Groups; ++g) {
    std::string id(T4GroupId(g));
    if (const Json* v = Member(*t, id)) {
      GONGKAI_RETURN_IF_ERROR(ReadCounts(*v, "/table4/" + id, &t4->cells[static_cast<size_t>(g)]));
    }
  }
  return Status::Ok();
}

// A source location {file?, line?, page?, table?, row?, cell?}: each number a non-negative
// integer below 10^9 (line and page 1-based), as LocationJson writes it. Null or absent: empty.
Status ReadLocation(const Json* v, const std::string& path, SourceLocation* out) {
  if (v == nullptr || v->is_null()) return Status::Ok();
  if (!v->is_object()) return WrongType(path, "对象", "an object", *v);
  GONGKAI_RETURN_IF_ERROR(ReadString(*v, "file", path + "/file", &out->file));
  const std::pair<const char*, int*> fields[] = {{"line", &out->line},   {"page", &out->page},
                                                 {"table", &out->table}, {"row", &out->row},
                                                 {"cell", &out->cell}};
  for (const auto& [key, field] : fields) {
    const Json* n = Member(*v, key);
    if (n == nullptr || n->is_null()) continue;
    std::optional<int64_t> i = n->is_number_integer() ? IntegerValue(*n) : std::nullopt;
    if (!i || *i < 0 || *i >= 1000000000) {
      return InvalidArgumentError("字段 " + path + "/" + key +
                                  " 应为非负整数 (must be a non-negative integer, not " +
                                  n->dump() + ")");
    }
    *field = static_cast<int>(*i);
  }
  return Status::Ok();
}

// The provenance of a row of cells: null, or an array of N locations (null for an absent cell).
template <size_t N>
Status ReadRowSources(const Json* v, const std::string& path, const std::string& file,
                      std::array<Cell, N>* out) {
  if (v == nullptr || v->is_null()) return Status::Ok();
  if (!v->is_array() || v->size() != N) {
    return InvalidArgumentError("字段 " + path + " 应为 " + std::to_string(N) +
                                " 个元素的数组 (must be an array of " + std::to_string(N) + ")");
  }
  for (size_t i = 0; i < N; ++i) {
    (*out)[i].source.file = file;
    GONGKAI_RETURN_IF_ERROR(
        ReadLocation(&(*v)[i], path + "/" + std::to_string(i), &(*out)[i].source));
  }
  return Status::Ok();
}

Status ReadCellSource(const Json* v, const std::string& path, const std::string& file, Cell* out) {
  out->source.file = file;
  return ReadLocation(v, path, &out->source);
}

// "provenance" (as ReportToJson writes it): each cell's source location, the file given once at
// the top level ("file").
Status ReadProvenance(const Json& j, AnnualReport* r) {
  GONGKAI_ASSIGN_OR_RETURN(const Json* p, ObjectMember(j, "provenance", "/provenance"));
  if (p == nullptr) return Status::Ok();
  std::string file;
  GONGKAI_RETURN_IF_ERROR(ReadString(j, "file", "/file", &file));
  GONGKAI_ASSIGN_OR_RETURN(const Json* t2, ObjectMember(*p, "table2", "/provenance/table2"));
  if (t2 != nullptr) {
    for (int k = 0; k < kDocKindCount; ++k) {
      std::string id(DocKindId(k));
      GONGKAI_RETURN_IF_ERROR(ReadRowSources(Member(*t2, id), "/provenance/table2/" + id, file,
                                             &r->table2.docs[static_cast<size_t>(k)]));
    }
    for (int k = 0; k < kDecisionKindCount; ++k) {
      std::string id(DecisionKindId(k));
      GONGKAI_RETURN_IF_ERROR(ReadCellSource(Member(*t2, id), "/provenance/table2/" + id, file,
                                             &r->table2.decisions[static_cast<size_t>(k)]));
    }
    GONGKAI_RETURN_IF_ERROR(ReadCellSource(Member(*t2, "fees_10k_yuan"),
                                           "/provenance/table2/fees_10k_yuan", file,
                                           &r->table2.fees_10k_yuan));
  }
  GONGKAI_ASSIGN_OR_RETURN(const Json* t3, ObjectMember(*p, "table3", "/provenance/table3"));
  for (int row = 0; t3 != nullptr && row < kT3Rows; ++row) {
    std::string id(T3RowId(row));
    GONGKAI_RETURN_IF_ERROR(ReadRowSources(Member(*t3, id), "/provenance/table3/" + id, file,
                                           &r->table3.cells[static_cast<size_t>(row)]));
  }
  GONGKAI_ASSIGN_OR_RETURN(const Json* t4, ObjectMember(*p, "table4", "/provenance/table4"));
  for (int g = 0; t4 != nullptr && g < kT4Groups; ++g) {
    std::string id(T4GroupId(g));
    GONGKAI_RETURN_IF_ERROR(ReadRowSources(Member(*t4, id), "/provenance/table4/" + id, file,
                                           &r->table4.cells[static_cast<size_t>(g)]));
  }
  return Status::Ok();
}

StatusOr<Severity> ReadSeverity(const Json& f, const std::string& path) {
  std::string name;
  GONGKAI_RETURN_IF_ERROR(ReadString(f, "severity", path + "/severity", &name));
  for (Severity s : {Severity::kError, Severity::kWarning, Severity::kInfo}) {
    if (name == SeverityName(s)) return s;
  }
  return InvalidArgumentError("字段 " + path + "/severity 应为 error、warning 或 info (must be "
                              "error, warning or info)");
}

Status ReadFindings(const Json& j, Findings* out) {
  const Json* fs = Member(j, "findings");
  if (fs == nullptr || fs->is_null()) return Status::Ok();
  if (!fs->is_array()) return WrongType("/findings", "数组", "an array", *fs);
  for (size_t i = 0; i < fs->size(); ++i) {
    const Json& f = (*fs)[i];
    const std::string path = "/findings/" + std::to_string(i);
    if (!f.is_object()) return WrongType(path, "对象", "an object", f);
    Finding finding;
    GONGKAI_RETURN_IF_ERROR(ReadString(f, "rule", path + "/rule", &finding.rule));
    GONGKAI_ASSIGN_OR_RETURN(finding.severity, ReadSeverity(f, path));
    GONGKAI_RETURN_IF_ERROR(ReadString(f, "message", path + "/message", &finding.message));
    GONGKAI_RETURN_IF_ERROR(ReadString(f, "message_en", path + "/message_en", &finding.message_en));
    GONGKAI_RETURN_IF_ERROR(ReadLocation(Member(f, "location"), path + "/location", &finding.location));
    out->push_back(std::move(finding));
  }
  return Status::Ok();
}

// "sections": an array of objects {title, present, heading, text}; entries past the form's six
// sections are ignored.
Status ReadSections(const Json& j, AnnualReport* r) {
  const Json* secs = Member(j, "sections");
  if (secs == nullptr || secs->is_null()) return Status::Ok();
  if (!secs->is_array()) return WrongType("/sections", "数组", "an array", *secs);
  for (size_t s = 0; s < secs->size() && s < static_cast<size_t>(kSectionCount); ++s) {
    const Json& o = (*secs)[s];
    const std::string path = "/sections/" + std::to_string(s);
    if (o.is_null()) continue;
    if (!o.is_object()) return WrongType(path, "对象", "an object", o);
    Section& sec = r->sections[s];
    GONGKAI_RETURN_IF_ERROR(ReadString(o, "heading", path + "/heading", &sec.heading));
    GONGKAI_RETURN_IF_ERROR(ReadString(o, "text", path + "/text", &sec.text));
    const Json* present = Member(o, "present");
    if (present == nullptr || present->is_null()) {
      sec.present = Member(o, "text") != nullptr;
    } else if (present->is_boolean()) {
      sec.present = present->get<bool>();
    } else {
      return WrongType(path + "/present", "布尔值 true 或 false", "true or false", *present);
    }
    sec.order = sec.present ? static_cast<int>(s) : -1;
    GONGKAI_RETURN_IF_ERROR(ReadLocation(Member(o, "location"), path + "/location", &sec.source));
  }
  return Status::Ok();
}

// "generated_from_ledger": true for reports the ledger generated; absent or false otherwise.
Status ReadGeneratedFromLedger(const Json& j, AnnualReport* r) {
  const Json* v = Member(j, "generated_from_ledger");
  if (v == nullptr || v->is_null()) return Status::Ok();
  if (!v->is_boolean()) {
    return WrongType("/generated_from_ledger", "布尔值 true 或 false", "true or false", *v);
  }
  r->generated_from_ledger = v->get<bool>();
  return Status::Ok();
}

Status ReadReport(const Json& j, AnnualReport* r) {
  GONGKAI_RETURN_IF_ERROR(ReadString(j, "agency", "/agency", &r->agency));
  GONGKAI_RETURN_IF_ERROR(ReadYear(j, r));
  GONGKAI_RETURN_IF_ERROR(ReadGeneratedFromLedger(j, r));
  GONGKAI_RETURN_IF_ERROR(ReadTable2(j, &r->table2));
  GONGKAI_RETURN_IF_ERROR(ReadTable3(j, &r->table3));
  GONGKAI_RETURN_IF_ERROR(ReadTable4(j, &r->table4));
  GONGKAI_RETURN_IF_ERROR(ReadProvenance(j, r));
  return ReadSections(j, r);
}

// Parses `json` as an object after the shape check; errors name `name`.
StatusOr<Json> ParseObject(std::string_view json, const std::string& name) {
  GONGKAI_RETURN_IF_ERROR(CheckJsonShape(json).WithContext(name));
  Json j = Json::parse(json.begin(), json.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return InvalidArgumentError(name + ": 不是有效的 JSON (invalid JSON)");
  if (!j.is_object())
    return InvalidArgumentError(name + ": JSON 顶层应为对象 (top level must be an object)");
  return j;
}

}  // namespace

StatusOr<AnnualReport> ReportFromJson(std::string_view json, const std::string& name) {
  GONGKAI_ASSIGN_OR_RETURN(Json j, ParseObject(json, name));
  AnnualReport r;
  GONGKAI_RETURN_IF_ERROR(ReadReport(j, &r).WithContext(name));
  return r;
}

StatusOr<Findings> FindingsFromJson(std::string_view json, const std::string& name) {
  GONGKAI_ASSIGN_OR_RETURN(Json j, ParseObject(json, name));
  Findings out;
  GONGKAI_RETURN_IF_ERROR(ReadFindings(j, &out).WithContext(name));
  return out;
}

}  // namespace gongkai
