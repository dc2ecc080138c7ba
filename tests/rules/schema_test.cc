// rules/schema/rules.schema.json against the embedded rules and the loader: the
// schema must accept every rules/ file, and agree with the loader on what a
// rate needs. A small validator covers the keywords the schema uses.
#include <gtest/gtest.h>

#include <regex>

#include <nlohmann/json.hpp>

#include "rules/load_rules.h"

namespace djcost {
namespace {

using nlohmann::json;

class MiniValidator {
 public:
  explicit MiniValidator(json schema) : root_(std::move(schema)) {}

  /// "" when `value` is valid, else the first problem with its JSON pointer.
  std::string Check(const json& value) const { return Check(root_, value, ""); }

 private:
  const json& Resolve(const json& schema) const {
    if (schema.contains("$ref")) {
      const std::string ref = schema["$ref"];
      return root_.at(json::json_pointer(ref.substr(1)));
    }
    return schema;
  }

  static bool HasType(const json& value, const std::string& type) {
    if (type == "object") return value.is_object();
    if (type == "array") return value.is_array();
    if (type == "string") return value.is_string();
    if (type == "number") return value.is_number();
    if (type == "boolean") return value.is_boolean();
    return false;
  }

  std::string Check(const json& raw_schema, const json& value, const std::string& at) const {
    const json& schema = Resolve(raw_schema);
    for (const auto& [keyword, _] : schema.items()) {
      static const std::set<std::string> known = {
          "$schema", "$id",       "title",     "description", "$defs",   "type",
          "properties", "additionalProperties", "required", "items", "minLength",
          "minimum", "pattern"};
      if (!known.count(keyword)) return at + ": validator does not know " + keyword;
    }
    if (schema.contains("type") && !HasType(value, schema["type"])) {
      return at + ": expected " + schema["type"].get<std::string>();
    }
    if (value.is_object()) {
      for (const auto& name : schema.value("required", json::array())) {
        if (!value.contains(name.get<std::string>())) return at + ": missing " + name.get<std::string>();
      }
      const json props = schema.value("properties", json::object());
      for (const auto& [key, child] : value.items()) {
        if (props.contains(key)) {
          std::string problem = Check(props[key], child, at + "/" + key);
          if (!problem.empty()) return problem;
        } else if (schema.value("additionalProperties", true) == false) {
          return at + ": unexpected " + key;
        }
      }
    }
    if (value.is_array() && schema.contains("items")) {
      for (size_t i = 0; i < value.size(); ++i) {
        std::string problem = Check(schema["items"], value[i], at + "/" + std::to_string(i));
        if (!problem.empty()) return problem;
      }
    }
    if (value.is_string() && schema.contains("minLength") &&
        value.get<std::string>().size() < schema["minLength"].get<size_t>()) {
      return at + ": too short";
    }
    if (value.is_string() && schema.contains("pattern") &&
        !std::regex_search(value.get<std::string>(), std::regex(schema["pattern"].get<std::string>()))) {
      return at + ": does not match " + schema["pattern"].get<std::string>();
    }
    if (value.is_number() && schema.contains("minimum") &&
        value.get<double>() < schema["minimum"].get<double>()) {
      return at + ": below minimum";
    }
    return "";
  }

  json root_;
};

json Schema() {
  for (const auto& f : EmbeddedRuleFiles()) {
    if (f.path == "schema/rules.schema.json") return json::parse(f.contents);
  }
  ADD_FAILURE() << "schema/rules.schema.json is not embedded";
  return json::object();
}

const char kGoodRate[] = R"({"id": "r", "description": "d", "unit": "u", "low": 1, "likely": 1,
  "high": 1, "assumed": true, "source": "assumption", "rationale": "x"})";

TEST(RulesSchemaTest, AcceptsEveryEmbeddedRulesFile) {
  MiniValidator validator(Schema());
  int checked = 0;
  for (const auto& f : EmbeddedRuleFiles()) {
    const std::string path(f.path);
    if (path.size() < 5 || path.substr(path.size() - 5) != ".json" || path.rfind("schema/", 0) == 0) {
      continue;
    }
    ++checked;
    EXPECT_EQ(validator.Check(json::parse(f.contents)), "") << path;
  }
  EXPECT_GE(checked, 2);
}

TEST(RulesSchemaTest, RejectsWhatTheLoaderRejects) {
  MiniValidator validator(Schema());
  EXPECT_EQ(validator.Check(json::parse(R"({"rates": [)" + std::string(kGoodRate) + "]}")), "");
  EXPECT_EQ(validator.Check(json::parse(R"({"rate": []})")), ": unexpected rate");
  EXPECT_EQ(validator.Check(json::parse(R"({"classes": [{"bases": []}]})")),
            "/classes/0: missing qualname");
  EXPECT_EQ(validator.Check(json::parse(R"({"functions": [{"qualname": "f", "tags": [1]}]})")),
            "/functions/0/tags/0: expected string");
}

// Every field the schema requires of a rate, the loader requires too.
TEST(RulesSchemaTest, AgreesWithTheLoaderOnRequiredRateFields) {
  json schema = Schema();
  const json& rate_schema = schema["$defs"]["rate"];
  std::vector<std::string> required = rate_schema["required"];
  EXPECT_EQ(required.size(), rate_schema["properties"].size());
  for (const std::string& field : required) {
    json rate = json::parse(kGoodRate);
    rate.erase(field);
    const std::string text = json{{"rates", json::array({rate})}}.dump();
    RuleSet rules;
    ConfigError err;
    ASSERT_FALSE(MergeRuleFiles({{"rates/x.json", text}}, &rules, &err)) << field;
    EXPECT_EQ(err.message, "missing key \"" + field + "\"");
  }
}

}  // namespace
}  // namespace djcost
