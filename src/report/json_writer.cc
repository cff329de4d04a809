#include "json_writer.h"

#include <charconv>
#include <nlohmann/json.hpp>

#include "gongkai/decode.h"

namespace gongkai::report_internal {

void JsonWriter::NewLine(size_t depth) {
  out_.push_back('\n');
  out_.append(depth * static_cast<size_t>(indent_), ' ');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (has_items_.empty()) return;  // the document's value
  if (has_items_.back()) out_.push_back(',');
  has_items_.back() = true;
  if (indent_ >= 0) NewLine(has_items_.size());
}

JsonWriter& JsonWriter::Open(char bracket) {
  BeforeValue();
  out_.push_back(bracket);
  has_items_.push_back(false);
  return *this;
}

JsonWriter& JsonWriter::Close(char bracket) {
  const bool had_items = has_items_.back();
  has_items_.pop_back();
  if (had_items && indent_ >= 0) NewLine(has_items_.size());
  out_.push_back(bracket);
  return *this;
}

JsonWriter& JsonWriter::Key(std::string_view key) {
  String(key);
  out_.append(indent_ >= 0 ? ": " : ":");
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::Null() {
  BeforeValue();
  out_.append("null");
  return *this;
}

JsonWriter& JsonWriter::Bool(bool v) {
  BeforeValue();
  out_.append(v ? "true" : "false");
  return *this;
}

JsonWriter& JsonWriter::Int(int64_t v) {
  BeforeValue();
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, end);
  return *this;
}

JsonWriter& JsonWriter::Double(double v) {
  BeforeValue();
  out_.append(nlohmann::ordered_json(v).dump());  // nlohmann's own number format, rare here
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view v) {
  BeforeValue();
  if (FindInvalidUtf8(v) != std::string_view::npos) {
    out_.append(nlohmann::ordered_json(std::string(v))
                    .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
    return *this;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  out_.push_back('"');
  size_t plain = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < v.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(v[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out_.append(v.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"': out_.append("\\\""); break;
      case '\\': out_.append("\\\\"); break;
      case '\b': out_.append("\\b"); break;
      case '\f': out_.append("\\f"); break;
      case '\n': out_.append("\\n"); break;
      case '\r': out_.append("\\r"); break;
      case '\t': out_.append("\\t"); break;
      default:
        out_.append("\\u00");
        out_.push_back(kHex[c >> 4]);
        out_.push_back(kHex[c & 0xf]);
    }
  }
  out_.append(v.data() + plain, v.size() - plain);
  out_.push_back('"');
  return *this;
}

}  // namespace gongkai::report_internal
