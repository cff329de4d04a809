// Internal to the report module: JSON written straight into a string, byte for byte as
// nlohmann::ordered_json::dump(indent, ' ', false, error_handler_t::replace) writes the same
// document, without building the document's tree first (a report with its provenance is some
// two thousand values, and the tree's allocations were most of the time spent writing it).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai::report_internal {

class JsonWriter {
 public:
  // `indent` < 0: one line; otherwise that many spaces per level, members on their own lines.
  explicit JsonWriter(int indent) : indent_(indent) {}

  JsonWriter& BeginObject() { return Open('{'); }
  JsonWriter& EndObject() { return Close('}'); }
  JsonWriter& BeginArray() { return Open('['); }
  JsonWriter& EndArray() { return Close(']'); }
  // The next value is the member `key` of the open object.
  JsonWriter& Key(std::string_view key);

  JsonWriter& Null();
  JsonWriter& Bool(bool v);
  JsonWriter& Int(int64_t v);
  JsonWriter& Double(double v);
  // Valid UTF-8 as is (control characters, '"' and '\\' escaped); invalid bytes replaced by
  // U+FFFD as nlohmann's replace handler does.
  JsonWriter& String(std::string_view v);

  // The document written so far (every container closed).
  std::string Take() { return std::move(out_); }

 private:
  JsonWriter& Open(char bracket);
  JsonWriter& Close(char bracket);
  // Separator and indentation before a value: none after a key, a comma after a sibling.
  void BeforeValue();
  void NewLine(size_t depth);

  int indent_;
  std::string out_;
  std::vector<bool> has_items_;  // per open container
  bool after_key_ = false;
};

}  // namespace gongkai::report_internal
