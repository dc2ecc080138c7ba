// A small JSON Schema validator for the keywords docs/report.schema.json uses:
// type (one name or a list; "integer" is a whole number), enum, const,
// required, properties, additionalProperties (false or a schema), items,
// oneOf, minimum, maximum, and local "$ref"s ("#/$defs/x"). Annotations
// ($schema, $id, title, description, $defs) are skipped. Any other keyword
// is reported as a problem, so the schema cannot outgrow the check unnoticed.
#pragma once

#include <cmath>
#include <fstream>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

namespace djcost::testing {

class JsonSchema {
 public:
  using Json = nlohmann::json;

  explicit JsonSchema(Json schema) : root_(std::move(schema)) {}

  /// "" when `value` is valid; else the first problem, at its JSON pointer.
  std::string Check(const Json& value) const { return Check(root_, value, ""); }

 private:
  const Json& Resolve(const Json& schema, std::string* problem) const {
    if (!schema.is_object() || !schema.contains("$ref")) return schema;
    const std::string ref = schema["$ref"].get<std::string>();
    if (ref.rfind("#/", 0) != 0) {
      *problem = "only local $ref are supported: " + ref;
      return schema;
    }
    const Json::json_pointer pointer(ref.substr(1));
    if (!root_.contains(pointer)) {
      *problem = "$ref to nowhere: " + ref;
      return schema;
    }
    return root_.at(pointer);
  }

  static bool HasType(const Json& value, const std::string& type) {
    if (type == "object") return value.is_object();
    if (type == "array") return value.is_array();
    if (type == "string") return value.is_string();
    if (type == "boolean") return value.is_boolean();
    if (type == "null") return value.is_null();
    if (type == "number") return value.is_number();
    if (type == "integer") {
      return value.is_number_integer() ||
             (value.is_number_float() && std::floor(value.get<double>()) == value.get<double>());
    }
    return false;
  }

  std::string Check(const Json& raw, const Json& value, const std::string& at) const {
    std::string problem;
    const Json& schema = Resolve(raw, &problem);
    if (!problem.empty()) return at + ": " + problem;
    if (schema.is_boolean()) return schema.get<bool>() ? "" : at + ": not allowed";
    static const std::set<std::string> kKnown = {
        "$schema", "$id", "title", "description", "$defs", "$ref", "type", "enum", "const",
        "required", "properties", "additionalProperties", "items", "oneOf", "minimum", "maximum"};
    for (const auto& [keyword, _] : schema.items()) {
      if (!kKnown.count(keyword)) return at + ": the validator does not know \"" + keyword + "\"";
    }
    const std::string where = at.empty() ? "/" : at;
    if (schema.contains("type")) {
      const Json& type = schema["type"];
      bool ok = false;
      if (type.is_string()) ok = HasType(value, type.get<std::string>());
      if (type.is_array()) {
        for (const auto& t : type) ok = ok || HasType(value, t.get<std::string>());
      }
      if (!ok) return where + ": expected type " + type.dump() + ", got " + value.dump();
    }
    if (schema.contains("enum")) {
      bool found = false;
      for (const auto& option : schema["enum"]) found = found || option == value;
      if (!found) return where + ": " + value.dump() + " is not one of " + schema["enum"].dump();
    }
    if (schema.contains("const") && schema["const"] != value) {
      return where + ": expected " + schema["const"].dump() + ", got " + value.dump();
    }
    if (value.is_number()) {
      if (schema.contains("minimum") && value.get<double>() < schema["minimum"].get<double>()) {
        return where + ": " + value.dump() + " is below the minimum " + schema["minimum"].dump();
      }
      if (schema.contains("maximum") && value.get<double>() > schema["maximum"].get<double>()) {
        return where + ": " + value.dump() + " is above the maximum " + schema["maximum"].dump();
      }
    }
    if (schema.contains("oneOf")) {
      int matches = 0;
      std::string last;
      for (const auto& option : schema["oneOf"]) {
        std::string p = Check(option, value, at);
        if (p.empty()) {
          ++matches;
        } else {
          last = p;
        }
      }
      if (matches != 1) {
        return where + ": matches " + std::to_string(matches) + " of oneOf, expected 1" +
               (last.empty() ? "" : " (" + last + ")");
      }
    }
    if (value.is_object()) {
      for (const auto& name : schema.value("required", Json::array())) {
        if (!value.contains(name.get<std::string>())) {
          return where + ": missing key \"" + name.get<std::string>() + "\"";
        }
      }
      const Json properties = schema.value("properties", Json::object());
      for (const auto& [key, child] : value.items()) {
        if (properties.contains(key)) {
          std::string p = Check(properties[key], child, at + "/" + key);
          if (!p.empty()) return p;
        } else if (schema.contains("additionalProperties")) {
          std::string p = Check(schema["additionalProperties"], child, at + "/" + key);
          if (!p.empty()) return schema["additionalProperties"] == false
                                     ? where + ": unexpected key \"" + key + "\""
                                     : p;
        }
      }
    }
    if (value.is_array() && schema.contains("items")) {
      for (size_t i = 0; i < value.size(); ++i) {
        std::string p = Check(schema["items"], value[i], at + "/" + std::to_string(i));
        if (!p.empty()) return p;
      }
    }
    return "";
  }

  Json root_;
};

/// docs/report.schema.json from the source tree.
inline JsonSchema ReportSchema() {
  std::ifstream in(std::string(DJCOST_SOURCE_DIR) + "/docs/report.schema.json");
  return JsonSchema(nlohmann::json::parse(in));
}

}  // namespace djcost::testing
