// JsonWriter must print exactly what nlohmann's dump(2) with the U+FFFD error
// handler prints: the report's bytes did not change when the renderer stopped
// building a document first.
#include "render/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace djcost {
namespace {

using Json = nlohmann::ordered_json;

std::string Nlohmann(const Json& j) {
  return j.dump(2, ' ', false, Json::error_handler_t::replace);
}

// Writes `j` member by member through the writer's typed calls.
void WriteTyped(JsonWriter& w, const Json& j) {
  switch (j.type()) {
    case Json::value_t::object:
      w.BeginObject();
      for (const auto& [key, value] : j.items()) {
        w.Key(key);
        WriteTyped(w, value);
      }
      w.EndObject();
      break;
    case Json::value_t::array:
      w.BeginArray();
      for (const auto& value : j) WriteTyped(w, value);
      w.EndArray();
      break;
    case Json::value_t::string: w.String(j.get<std::string>()); break;
    case Json::value_t::boolean: w.Bool(j.get<bool>()); break;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: w.Int(j.get<std::int64_t>()); break;
    case Json::value_t::number_float: w.Double(j.get<double>()); break;
    default: w.Null(); break;
  }
}

Json Sample() {
  Json j;
  j["plain"] = "views.Home";
  j["escapes"] = "quote \" backslash \\ tab \t newline \n bell \x07 del \x7f";
  j["utf8"] = "caf\xc3\xa9 \xe2\x82\xac";
  j["invalid_utf8"] = std::string("bad \xff\xfe end");
  j["empty_string"] = "";
  j["int"] = 42;
  j["negative"] = -7;
  j["zero_double"] = 0.0;
  j["double"] = 1.2345;
  j["whole_double"] = 12.0;
  j["tiny"] = 1e-05;
  j["true"] = true;
  j["false"] = false;
  j["null"] = nullptr;
  j["empty_array"] = Json::array();
  j["empty_object"] = Json::object();
  j["list"] = {1, "two", Json::array(), Json::object(), {{"deep", {{"deeper", {1, 2}}}}}};
  j["nested"] = {{"a", {{"b", {{"c", Json::array({Json::object()})}}}}}};
  return j;
}

TEST(JsonWriter, TypedCallsPrintWhatNlohmannDumpPrints) {
  Json j = Sample();
  std::ostringstream out;
  {
    JsonWriter w(out);
    WriteTyped(w, j);
  }
  EXPECT_EQ(out.str(), Nlohmann(j));
}

TEST(JsonWriter, LongOutputIsFlushedWhole) {
  Json big = Json::array();
  for (int i = 0; i < 20000; ++i) big.push_back({{"route", "items/" + std::to_string(i) + "/"}, {"line", i}});
  std::ostringstream out;
  {
    JsonWriter w(out);
    WriteTyped(w, big);
  }
  EXPECT_EQ(out.str(), Nlohmann(big));
}

// The escaping test looks at eight bytes at a time: every byte value, at every
// place within and after an eight-byte block, must be printed as nlohmann does.
TEST(JsonWriter, EveryByteAtEveryOffsetPrintsAsNlohmannPrints) {
  Json all = Json::array();
  for (int byte = 1; byte < 256; ++byte) {
    for (std::size_t offset = 0; offset < 17; ++offset) {
      std::string s(offset, 'a');
      s += static_cast<char>(byte);
      s += std::string(20 - offset, 'z');
      all.push_back(s);
    }
  }
  std::ostringstream out;
  {
    JsonWriter w(out);
    WriteTyped(w, all);
  }
  EXPECT_EQ(out.str(), Nlohmann(all));
}

}  // namespace
}  // namespace djcost
