// JsonWriter writes what nlohmann's dump writes, for random documents of every shape.
#include "json_writer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

namespace gongkai::report_internal {
namespace {

using nlohmann::ordered_json;

// Random bytes drawn from what reports hold: ASCII, escapes, control bytes, Chinese, and now
// and then broken UTF-8 (a lone continuation byte, a cut sequence, a surrogate, an overlong).
std::string RandomString(std::mt19937& rng) {
  static const char* const kPieces[] = {
      "a", "Z", " ", "\"", "\\", "/", "\n", "\r", "\t", "\b", "\f", "\x01", "\x1f", "\x7f",
      "中", "文", "（六）", "·", "\xe2\x80\xa8", "\xf0\x9f\x98\x80", "\xff", "\x80", "\xe4\xb8",
      "\xed\xa0\x80", "\xc0\xaf", "\xf4\x90\x80\x80"};
  std::string s;
  const int n = static_cast<int>(rng() % 12);
  for (int i = 0; i < n; ++i) s += kPieces[rng() % std::size(kPieces)];
  return s;
}

double RandomDouble(std::mt19937& rng) {
  static const double kValues[] = {0.1, 1.25, -3.5, 1e20, 1e-7, 123456789.123, 0.0, -0.0,
                                   9e15, 2.5e-300, 1.7976931348623157e308};
  if (rng() % 2) return kValues[rng() % std::size(kValues)];
  return std::ldexp(static_cast<double>(rng()) - 2147483648.0, static_cast<int>(rng() % 80) - 40);
}

// Writes a random value to `w` and returns the same value as an ordered_json.
ordered_json RandomValue(std::mt19937& rng, JsonWriter& w, int depth) {
  switch (rng() % (depth < 4 ? 7 : 5)) {
    case 0:
      w.Null();
      return nullptr;
    case 1: {
      bool b = rng() % 2;
      w.Bool(b);
      return b;
    }
    case 2: {
      int64_t v = static_cast<int64_t>(rng()) * (rng() % 2 ? 1 : -40000);
      w.Int(v);
      return v;
    }
    case 3: {
      double v = RandomDouble(rng);
      w.Double(v);
      return v;
    }
    case 4: {
      std::string s = RandomString(rng);
      w.String(s);
      return s;
    }
    case 5: {
      ordered_json a = ordered_json::array();
      w.BeginArray();
      for (int i = static_cast<int>(rng() % 4); i > 0; --i) a.push_back(RandomValue(rng, w, depth + 1));
      w.EndArray();
      return a;
    }
    default: {
      ordered_json o = ordered_json::object();
      w.BeginObject();
      for (int i = static_cast<int>(rng() % 4); i > 0; --i) {
        std::string key = RandomString(rng) + std::to_string(i);  // distinct keys
        w.Key(key);
        o[key] = RandomValue(rng, w, depth + 1);
      }
      w.EndObject();
      return o;
    }
  }
}

TEST(JsonWriter, WritesWhatNlohmannDumps) {
  std::mt19937 rng(20261203);
  for (int round = 0; round < 3000; ++round) {
    for (int indent : {-1, 0, 1, 2, 4}) {
      std::mt19937 same = rng;  // one document, written at each indent
      JsonWriter w(indent);
      ordered_json expected = RandomValue(same, w, 0);
      ASSERT_EQ(w.Take(), expected.dump(indent, ' ', false, ordered_json::error_handler_t::replace))
          << "round " << round << ", indent " << indent;
    }
    rng.discard(1000);
  }
}

TEST(JsonWriter, EmptyContainersAndNesting) {
  JsonWriter w(2);
  w.BeginObject().Key("a").BeginArray().EndArray().Key("b").BeginObject().EndObject();
  w.Key("c").BeginArray().Int(1).BeginObject().Key("d").Null().EndObject().EndArray().EndObject();
  EXPECT_EQ(w.Take(),
            "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    1,\n    {\n      \"d\": null\n    }\n"
            "  ]\n}");
}

}  // namespace
}  // namespace gongkai::report_internal
