// RenderJson: the machine-readable report, specified in docs/report-format.md
// and docs/report.schema.json. Key order is fixed (ordered_json), lists are
// sorted, efforts are rounded to four decimals so sums print without noise.
#include <cmath>
#include <nlohmann/json.hpp>

#include "render/format.h"
#include "render/json_out.h"
#include "render/render.h"
#include "render/sorted.h"

namespace djcost {

namespace {

using Json = nlohmann::ordered_json;

double Round4(double x) {
  double r = std::round(x * 10000.0) / 10000.0;
  return r == 0 ? 0.0 : r;  // no "-0.0"
}

void PutLocation(Json& j, const Location& l, const char* file_key = "file",
                 const char* line_key = "line") {
  j[file_key] = l.path;
  j[line_key] = l.line;
}

Json LocationJson(const Location& l) {
  Json j;
  PutLocation(j, l);
  return j;
}

Json StrategyJson(const StrategyEstimate& s, const EstimateOptions& options) {
  Json j;
  j["id"] = s.id;
  j["summary"] = s.summary;
  j["low"] = Round4(s.low);
  j["likely"] = Round4(s.likely);
  j["high"] = Round4(s.high);
  j["p50"] = Round4(s.p50);
  j["p80"] = Round4(s.p80);
  j["assumed_share"] = Round4(s.assumed_share);
  // null, not 0, when nobody asked: 0 weeks would read as "free".
  if (options.team_size > 0) {
    j["calendar_weeks_p50"] = Round4(s.calendar_weeks_p50);
    j["calendar_weeks_p80"] = Round4(s.calendar_weeks_p80);
  } else {
    j["calendar_weeks_p50"] = nullptr;
    j["calendar_weeks_p80"] = nullptr;
  }
  if (options.weekly_cost > 0) {
    j["cost_p50"] = Round4(s.cost_p50);
    j["cost_p80"] = Round4(s.cost_p80);
  } else {
    j["cost_p50"] = nullptr;
    j["cost_p80"] = nullptr;
  }
  j["notes"] = s.notes;
  j["line_items"] = Json::array();
  for (const auto& item : s.items) {
    Json li;
    li["id"] = item.id;
    li["label"] = item.label;
    li["count"] = Round4(item.count);
    li["count_unit"] = item.count_unit;
    li["rate_id"] = item.rate_id;
    li["low"] = Round4(item.low);
    li["likely"] = Round4(item.likely);
    li["high"] = Round4(item.high);
    li["assumed"] = item.assumed;
    li["source"] = item.source;
    j["line_items"].push_back(std::move(li));
  }
  return j;
}

Json InventoryJson(const Inventory& inv) {
  Json j;
  j["apps"] = Json::array();
  std::vector<App> apps = inv.apps;
  std::sort(apps.begin(), apps.end());
  for (const auto& a : apps) {
    j["apps"].push_back(
        {{"label", a.label}, {"module", a.module}, {"path", a.path}, {"installed", a.installed}});
  }
  j["endpoints"] = Json::array();
  for (const auto& e : SortedEndpoints(inv.endpoints)) {
    Json x{{"route", e.route},     {"method", e.method}, {"view", e.view},
           {"handler", e.handler}, {"name", e.name},     {"kind", EndpointKindName(e.kind)},
           {"app", e.app}};
    PutLocation(x, e.location);
    PutLocation(x, e.view_location, "view_file", "view_line");
    j["endpoints"].push_back(std::move(x));
  }
  j["external_routes"] = Json::array();
  for (const auto& r : SortedByLocation(inv.external_routes)) {
    Json x{{"route", r.route}, {"target", r.target}, {"reason", r.reason}};
    PutLocation(x, r.location);
    j["external_routes"].push_back(std::move(x));
  }
  j["models"] = Json::array();
  for (const auto& m : SortedByLocation(inv.models)) {
    Json x{{"name", m.name},
           {"qualname", m.qualname},
           {"app", m.app},
           {"kind", ModelKindName(m.kind)},
           {"bases", m.bases},
           {"field_count", m.field_count},
           {"relations", Json::array()},
           {"managers", m.managers},
           {"overrides", m.overrides},
           {"is_user_model", m.is_user_model},
           {"in_tests", m.in_tests}};
    for (const auto& r : m.relations) {
      x["relations"].push_back({{"field", r.field},
                                {"kind", r.kind},
                                {"target", r.target},
                                {"target_app", r.target_app},
                                {"cross_app", r.cross_app},
                                {"line", r.line}});
    }
    PutLocation(x, m.location);
    j["models"].push_back(std::move(x));
  }
  // Registrations of models outside the repository (auth's User with the
  // project's UserAdmin) are listed apart: Django's registry of the project's
  // models does not hold them, so they are not counted.
  const std::pair<const char*, const std::vector<AdminRegistration>*> admin_lists[] = {
      {"admin_registrations", &inv.admin_registrations},
      {"admin_registrations_external", &inv.admin_registrations_external}};
  for (const auto& [key, list] : admin_lists) {
    j[key] = Json::array();
    for (const auto& a : SortedByLocation(*list)) {
      Json x{{"model", a.model},
             {"admin_class", a.admin_class},
             {"site", a.site},
             {"app", a.app},
             {"inlines", a.inlines},
             {"actions", a.actions},
             {"custom_methods", a.custom_methods},
             {"list_display", a.list_display}};
      PutLocation(x, a.location);
      j[key].push_back(std::move(x));
    }
  }
  j["signal_receivers"] = Json::array();
  for (const auto& s : SortedByLocation(inv.signal_receivers)) {
    Json x{{"signal", s.signal},
           {"handler", s.handler},
           {"sender", s.sender},
           {"dispatch_uid", s.dispatch_uid},
           {"builtin", s.builtin},
           {"via", s.via},
           {"app", s.app}};
    PutLocation(x, s.location);
    j["signal_receivers"].push_back(std::move(x));
  }
  j["custom_signals"] = Json::array();
  for (const auto& s : SortedByLocation(inv.custom_signals)) {
    Json x{{"qualname", s.qualname}, {"app", s.app}};
    PutLocation(x, s.location);
    x["send_sites"] = Json::array();
    std::vector<Location> sites = s.send_sites;
    std::sort(sites.begin(), sites.end());
    for (const auto& site : sites) x["send_sites"].push_back(LocationJson(site));
    j["custom_signals"].push_back(std::move(x));
  }
  j["findings"] = Json::array();
  for (const auto& f : SortedByLocation(inv.findings)) {
    Json x{{"kind", f.kind}, {"detail", f.detail}, {"app", f.app}};
    PutLocation(x, f.location);
    j["findings"].push_back(std::move(x));
  }
  auto totals = [](const FileTotals& t) {
    return Json{{"files", t.files},
                {"code", t.lines.code},
                {"comment", t.lines.comment},
                {"blank", t.lines.blank}};
  };
  j["totals"] = {{"source", totals(inv.source)},
                 {"tests", totals(inv.tests)},
                 {"migrations", totals(inv.migrations)}};
  return j;
}

// null without traffic data, like every value nobody asked for.
Json TrafficJson(const TrafficSummary& t) {
  if (!t.given) return nullptr;
  Json j{{"file", t.file},
         {"requests", t.requests},
         {"api_requests", t.api_requests},
         {"page_requests", t.page_requests},
         {"external_requests", t.external_requests},
         {"unmatched_requests", t.unmatched_requests},
         {"split_requests", t.split_requests},
         {"hot_share", Round4(t.hot_share)},
         {"unmatched_paths", t.unmatched_paths},
         {"endpoints", Json::array()},
         {"top_unmatched", Json::array()}};
  for (const auto& e : t.endpoints) {
    j["endpoints"].push_back({{"route", e.route},
                              {"method", e.method},
                              {"app", e.app},
                              {"kind", e.api ? "api" : "page"},
                              {"requests", e.requests},
                              {"hot", e.hot}});
  }
  for (const auto& u : t.top_unmatched) {
    j["top_unmatched"].push_back({{"method", u.method}, {"path", u.path}, {"requests", u.count}});
  }
  return j;
}

Json DiagnosticJson(const Diagnostic& d) {
  Json x{{"severity", SeverityName(d.severity)}, {"code", d.code}};
  PutLocation(x, d.location);
  x["message"] = d.message;
  return x;
}

}  // namespace

void RenderJson(const Report& report, std::ostream& out) {
  const Inventory& inv = report.inventory;
  const Estimate& est = report.estimate;
  Json j;
  j["schema_version"] = report.schema_version;
  j["tool"] = {{"name", "djcost"}, {"version", report.tool_version}};
  j["rules_version"] = report.rules_version;
  j["project"] = report.project;
  j["settings"] = {{"settings_module", inv.settings_module},
                   {"root_urlconf", inv.root_urlconf},
                   {"auth_user_model", inv.auth_user_model},
                   {"installed_apps", inv.installed_apps},
                   {"urlconf_fallback", inv.urlconf_fallback}};
  Json counts = Json::object();
  for (const auto& [key, value] : CountReport(report).Fields()) counts[key] = value;
  j["counts"] = std::move(counts);
  j["options"] = {{"team_size", report.options.team_size},
                  {"weekly_cost", Round4(report.options.weekly_cost)},
                  {"currency", report.options.currency},
                  {"hot_patterns", report.options.hot_patterns},
                  {"traffic_file", report.options.traffic_file}};
  j["recommendation"] = {{"strategy", est.recommendation.strategy},
                         {"reason", est.recommendation.reason}};
  j["strategies"] = Json::array();
  for (const auto& s : est.strategies) j["strategies"].push_back(StrategyJson(s, report.options));
  j["inventory"] = InventoryJson(inv);
  j["risks"] = Json::array();
  for (const auto& r : SortedByLocation(est.risks)) {
    Json x{{"kind", r.kind}, {"severity", r.severity}, {"message", r.message}, {"app", r.app}};
    PutLocation(x, r.location);
    j["risks"].push_back(std::move(x));
  }
  Json plan{{"scope", est.split_scope},
            {"endpoints", est.split_endpoints},
            {"traffic_share", nullptr},
            {"traffic", TrafficJson(est.traffic)},
            {"steps", Json::array()}};
  if (est.split_traffic_share >= 0) plan["traffic_share"] = Round4(est.split_traffic_share);
  for (const auto& s : est.split_plan) {
    plan["steps"].push_back({{"rank", s.rank},
                             {"app", s.app},
                             {"api_endpoints", s.api_endpoints},
                             {"pages", s.pages},
                             {"models", s.models},
                             {"cross_app_relations", s.cross_app_relations},
                             {"cross_app_signals", s.cross_app_signals},
                             {"admin_registrations", s.admin_registrations},
                             {"coupling", Round4(s.coupling)},
                             {"reason", s.reason}});
  }
  j["split_plan"] = std::move(plan);
  j["rates"] = Json::array();
  for (const auto& r : report.rates) {
    j["rates"].push_back({{"id", r.id},
                          {"description", r.description},
                          {"unit", r.unit},
                          {"low", r.low},
                          {"likely", r.likely},
                          {"high", r.high},
                          {"assumed", r.assumed},
                          {"source", r.source},
                          {"rationale", r.rationale},
                          {"origin", r.origin}});
  }
  j["diagnostics"] = Json::array();
  std::vector<Diagnostic> diags = report.diagnostics;
  std::sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.location != b.location) return a.location < b.location;
    return a < b;
  });
  for (const auto& d : diags) j["diagnostics"].push_back(DiagnosticJson(d));
  WriteJsonDocument(j, out);
}

}  // namespace djcost
