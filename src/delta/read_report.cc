#include "delta/read_report.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "data/report.h"
#include "delta/categories.h"

namespace djcost {

namespace {

using Json = nlohmann::json;

// Any JSON scalar as the text a person would write; keys may hold null or numbers.
std::string Text(const Json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_null()) return "";
  return j.dump();
}

std::string Field(const Json& item, const std::string& key) {
  auto it = item.find(key);
  return it == item.end() ? "" : Text(*it);
}

int IntField(const Json& item, const std::string& key) {
  auto it = item.find(key);
  return it != item.end() && it->is_number_integer() ? it->get<int>() : 0;
}

std::string Route(const std::string& route) { return route.empty() ? "/" : route; }

// One line for a person, per category.
std::string Title(const std::string& category, const Json& item) {
  auto f = [&](const char* key) { return Field(item, key); };
  if (category == "endpoints") {
    return f("method") + " " + Route(f("route")) + " → " + f("view") + " (" + f("kind") + ")";
  }
  if (category == "models") return f("qualname") + " (" + f("kind") + ")";
  if (category == "admin_registrations") return f("model") + " on " + f("site");
  if (category == "signal_receivers") {
    std::string title = f("signal") + " → " + f("handler");
    if (!f("sender").empty()) title += " (sender " + f("sender") + ")";
    return title;
  }
  if (category == "custom_signals") return f("qualname");
  if (category == "external_routes") return Route(f("route")) + " → " + f("target");
  if (category == "findings") return f("kind") + ": " + f("detail");
  if (category == "apps") return f("module");
  return f("severity") + " " + f("kind") + ": " + f("message");  // risks
}

bool ReadItems(const Json& list, const ItemCategory& category, std::vector<ReportItem>* items,
               std::string* what) {
  if (!list.is_array()) {
    *what = "expected a list";
    return false;
  }
  for (const auto& j : list) {
    if (!j.is_object()) {
      *what = "expected a list of objects";
      return false;
    }
    ReportItem item;
    for (const auto& key : category.key_fields) {
      std::string value = Field(j, key);
      if (category.id == "risks" && key == "message") value = StableRiskMessage(value);
      item.key.emplace_back(key, value);
    }
    item.title = Title(category.id, j);
    item.location = Location{Field(j, "file"), IntField(j, "line"), 0};
    items->push_back(std::move(item));
  }
  return true;
}

// The byte offset nlohmann reports, as a line number of `text`.
int LineOf(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
}

bool Read(const Json& doc, ReportSummary* s, std::string* error) {
  if (!doc.is_object() || !doc.contains("schema_version")) {
    *error = "not a djcost JSON report (no schema_version; write one with --format json)";
    return false;
  }
  const Json& version = doc["schema_version"];
  if (!version.is_number_integer() || version.get<int>() != kReportSchemaVersion) {
    *error = "report schema_version " + version.dump() + " is not supported (this djcost reads " +
             std::to_string(kReportSchemaVersion) + "; rescan with this version)";
    return false;
  }
  s->schema_version = kReportSchemaVersion;
  if (doc.contains("tool") && doc["tool"].is_object()) s->tool_version = Field(doc["tool"], "version");
  s->rules_version = Field(doc, "rules_version");
  s->project = Field(doc, "project");
  if (doc.contains("recommendation") && doc["recommendation"].is_object()) {
    s->recommendation = Field(doc["recommendation"], "strategy");
  }
  for (const char* key : {"counts", "strategies", "inventory", "risks"}) {
    if (!doc.contains(key)) {
      *error = std::string("key \"") + key + "\" missing";
      return false;
    }
  }
  if (!doc["counts"].is_object()) {
    *error = "key \"counts\": expected an object";
    return false;
  }
  for (const auto& [key, value] : doc["counts"].items()) {
    s->counts.emplace_back(key, value.is_number_integer() ? value.get<int>() : 0);
  }
  if (!doc["strategies"].is_array()) {
    *error = "key \"strategies\": expected a list";
    return false;
  }
  for (const auto& j : doc["strategies"]) {
    if (!j.is_object() || !j.contains("p50") || !j["p50"].is_number() || !j.contains("p80") ||
        !j["p80"].is_number()) {
      *error = "key \"strategies\": expected objects with numbers p50 and p80";
      return false;
    }
    s->strategies.push_back(
        StrategyFigures{Field(j, "id"), j["p50"].get<double>(), j["p80"].get<double>()});
  }
  const Json& inventory = doc["inventory"];
  if (!inventory.is_object()) {
    *error = "key \"inventory\": expected an object";
    return false;
  }
  std::string what;
  for (const auto& category : ItemCategories()) {
    const Json* list = nullptr;
    if (category.id == "risks") {
      list = &doc["risks"];
    } else if (inventory.contains(category.id)) {
      list = &inventory[category.id];
    }
    if (list == nullptr) continue;  // an older report without this category: nothing to compare
    std::vector<ReportItem>& items = s->items[category.id];
    if (!ReadItems(*list, category, &items, &what)) {
      *error = "key \"" + category.id + "\": " + what;
      return false;
    }
  }
  for (const auto& j : doc["risks"]) {
    s->risks.push_back(Risk{Field(j, "kind"), Field(j, "severity"), Field(j, "message"),
                            Field(j, "app"), Location{Field(j, "file"), IntField(j, "line"), 0}});
  }
  return true;
}

}  // namespace

bool ParseReportJson(std::string_view text, const std::string& name, ReportSummary* summary,
                     std::string* error) {
  Json doc;
  try {
    doc = Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& e) {
    std::string message = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 2: ..." -> the reason.
    std::size_t colon = message.find(": ");
    *error = name + ":" + std::to_string(LineOf(text, e.byte)) + ": not valid JSON: " +
             (colon == std::string::npos ? message : message.substr(colon + 2));
    return false;
  }
  ReportSummary s;
  s.name = name;
  std::string what;
  bool ok = false;
  try {
    ok = Read(doc, &s, &what);
  } catch (const Json::exception& e) {  // a value of an unexpected type deep inside
    what = std::string("unexpected value: ") + e.what();
  }
  if (!ok) {
    *error = name + ": " + what;
    return false;
  }
  *summary = std::move(s);
  return true;
}

bool ReadReportFile(const std::string& path, ReportSummary* summary, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": cannot read the report (no such file, or not readable)";
    return false;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return ParseReportJson(text.str(), path, summary, error);
}

}  // namespace djcost
