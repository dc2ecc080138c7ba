// SARIF 2.1.0 for code-scanning UIs: one scan's risks, or (with a baseline)
// every head risk marked new or unchanged plus every item the change adds.
// Locations are relative to the scan root (uriBaseId %SRCROOT%); a line of 0
// (a whole-file risk) has no region. Rules and results are sorted.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "delta/categories.h"
#include "render/delta_render.h"
#include "render/json_out.h"

namespace djcost {

namespace {

using Json = nlohmann::ordered_json;

struct SarifResult {
  std::string rule_id;
  std::string rule_text;  // the rule's short description
  std::string level;      // error, warning, note
  std::string message;
  Location location;
  std::string baseline_state;  // "", "new" or "unchanged"
  auto operator<=>(const SarifResult&) const = default;
};

std::string RiskLevel(const std::string& severity) {
  if (severity == "high") return "error";
  if (severity == "medium") return "warning";
  return "note";
}

SarifResult RiskResult(const Risk& r) {
  return SarifResult{"risk/" + r.kind, "Migration risk: " + r.kind, RiskLevel(r.severity),
                     r.message, r.location, ""};
}

std::string Kebab(std::string text) {
  std::replace(text.begin(), text.end(), ' ', '-');
  return text;
}

void WriteSarif(std::vector<SarifResult> results, const std::string& version, std::ostream& out) {
  std::sort(results.begin(), results.end(), [](const SarifResult& a, const SarifResult& b) {
    return std::tie(a.location, a.rule_id, a.message, a.baseline_state) <
           std::tie(b.location, b.rule_id, b.message, b.baseline_state);
  });
  // Rules sorted by id; each result points at its rule by index too.
  std::map<std::string, const SarifResult*> rules;
  for (const auto& r : results) rules.emplace(r.rule_id, &r);
  std::map<std::string, int> index;
  Json rule_list = Json::array();
  for (const auto& [id, r] : rules) {
    index[id] = static_cast<int>(rule_list.size());
    Json rule;
    rule["id"] = id;
    rule["shortDescription"] = {{"text", r->rule_text}};
    rule["defaultConfiguration"] = {{"level", r->level}};
    rule_list.push_back(std::move(rule));
  }
  Json result_list = Json::array();
  for (const auto& r : results) {
    Json j;
    j["ruleId"] = r.rule_id;
    j["ruleIndex"] = index[r.rule_id];
    j["level"] = r.level;
    j["message"] = {{"text", r.message}};
    Json physical;
    physical["artifactLocation"] = {{"uri", r.location.path}, {"uriBaseId", "%SRCROOT%"}};
    if (r.location.line > 0) physical["region"] = {{"startLine", r.location.line}};
    j["locations"] = Json::array({Json{{"physicalLocation", std::move(physical)}}});
    if (!r.baseline_state.empty()) j["baselineState"] = r.baseline_state;
    result_list.push_back(std::move(j));
  }
  Json driver;
  driver["name"] = "djcost";
  driver["version"] = version;
  driver["rules"] = std::move(rule_list);
  Json run;
  run["tool"] = {{"driver", std::move(driver)}};
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = std::move(result_list);
  Json log;
  log["$schema"] = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  log["version"] = "2.1.0";
  log["runs"] = Json::array({std::move(run)});
  WriteJsonDocument(log, out);
}

}  // namespace

void RenderSarif(const Report& report, std::ostream& out) {
  std::vector<SarifResult> results;
  for (const auto& r : report.estimate.risks) results.push_back(RiskResult(r));
  WriteSarif(std::move(results), report.tool_version, out);
}

void RenderDeltaSarif(const Delta& delta, std::ostream& out) {
  std::vector<SarifResult> results;
  for (const auto& state : delta.head_risks) {
    SarifResult r = RiskResult(state.risk);
    r.baseline_state = state.is_new ? "new" : "unchanged";
    results.push_back(std::move(r));
  }
  for (const auto& c : delta.categories) {
    if (c.id == "risks") continue;  // already there, marked new
    const ItemCategory* category = FindItemCategory(c.id);
    for (const auto& item : c.added) {
      results.push_back(SarifResult{"new/" + Kebab(category->singular),
                                    "New " + category->singular + ": adds to the cost of moving to FastAPI",
                                    "note", "New " + category->singular + ": " + item.title,
                                    item.location, "new"});
    }
  }
  WriteSarif(std::move(results), delta.tool_version, out);
}

}  // namespace djcost
