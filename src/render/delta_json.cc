// RenderDeltaJson: the delta for CI tools, specified in docs/ci.md. Key order
// is fixed, every category is present (empty lists included), figures are
// rounded to four decimals as in the report.
#include <cmath>
#include <nlohmann/json.hpp>

#include "data/report.h"
#include "delta/categories.h"
#include "render/delta_render.h"
#include "render/json_out.h"

namespace djcost {

namespace {

using Json = nlohmann::ordered_json;

double Round4(double x) {
  double r = std::round(x * 10000.0) / 10000.0;
  return r == 0 ? 0.0 : r;
}

Json ItemsJson(const std::vector<ReportItem>& items) {
  Json list = Json::array();
  for (const auto& item : items) {
    Json j;
    for (const auto& [key, value] : item.key) j[key] = value;
    j["title"] = item.title;
    j["file"] = item.location.path;
    j["line"] = item.location.line;
    list.push_back(std::move(j));
  }
  return list;
}

}  // namespace

void RenderDeltaJson(const Delta& delta, std::ostream& out) {
  Json j;
  j["schema_version"] = kReportSchemaVersion;
  j["kind"] = "delta";
  j["tool"] = {{"name", "djcost"}, {"version", delta.tool_version}};
  j["project"] = delta.project;
  j["base"] = delta.base_name;
  j["head"] = delta.head_name;
  j["changed"] = delta.Changed();
  j["summary"] = DeltaHeadline(delta);
  j["recommendation"] = {{"base", delta.base_recommendation}, {"head", delta.head_recommendation}};
  Json strategies = Json::array();
  for (const auto& s : delta.strategies) {
    Json e;
    e["id"] = s.id;
    e["base_p50"] = s.in_base ? Json(Round4(s.base_p50)) : Json(nullptr);
    e["head_p50"] = s.in_head ? Json(Round4(s.head_p50)) : Json(nullptr);
    e["change_p50"] = Round4(Round4(s.head_p50) - Round4(s.base_p50));
    e["change_p50_percent"] =
        s.in_base && s.base_p50 > 0
            ? Json(Round4((Round4(s.head_p50) - Round4(s.base_p50)) / Round4(s.base_p50) * 100.0))
            : Json(nullptr);
    e["base_p80"] = s.in_base ? Json(Round4(s.base_p80)) : Json(nullptr);
    e["head_p80"] = s.in_head ? Json(Round4(s.head_p80)) : Json(nullptr);
    e["change_p80"] = Round4(Round4(s.head_p80) - Round4(s.base_p80));
    strategies.push_back(std::move(e));
  }
  j["strategies"] = std::move(strategies);
  Json added = Json::object(), removed = Json::object();
  for (const auto& c : delta.categories) {
    added[c.id] = ItemsJson(c.added);
    removed[c.id] = ItemsJson(c.removed);
  }
  j["added"] = std::move(added);
  j["removed"] = std::move(removed);
  j["loc_code"] = {{"base", delta.base_loc_code}, {"head", delta.head_loc_code}};
  WriteJsonDocument(j, out);
}

}  // namespace djcost
