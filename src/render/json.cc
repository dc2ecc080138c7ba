// RenderJson: the machine-readable report, specified in docs/report-format.md
// and docs/report.schema.json. Key order is fixed, lists are sorted, efforts are
// rounded to four decimals so sums print without noise. Written as it goes
// (JsonWriter): the report of a large project never exists twice in memory.
#include <cmath>

#include "render/format.h"
#include "render/json_writer.h"
#include "render/render.h"
#include "render/sorted.h"

namespace djcost {

namespace {

double Round4(double x) {
  double r = std::round(x * 10000.0) / 10000.0;
  return r == 0 ? 0.0 : r;  // no "-0.0"
}

void PutLocation(JsonWriter& w, const Location& l, const char* file_key = "file",
                 const char* line_key = "line") {
  w.Field(file_key, l.path);
  w.Field(line_key, l.line);
}

// A number nobody asked for is null, not 0: 0 weeks would read as "free".
void FieldOrNull(JsonWriter& w, const char* key, bool given, double value) {
  w.Key(key);
  if (given) {
    w.Double(Round4(value));
  } else {
    w.Null();
  }
}

void WriteStrategy(JsonWriter& w, const StrategyEstimate& s, const EstimateOptions& options) {
  w.BeginObject();
  w.Field("id", s.id);
  w.Field("summary", s.summary);
  w.Field("low", Round4(s.low));
  w.Field("likely", Round4(s.likely));
  w.Field("high", Round4(s.high));
  w.Field("p50", Round4(s.p50));
  w.Field("p80", Round4(s.p80));
  w.Field("assumed_share", Round4(s.assumed_share));
  FieldOrNull(w, "calendar_weeks_p50", options.team_size > 0, s.calendar_weeks_p50);
  FieldOrNull(w, "calendar_weeks_p80", options.team_size > 0, s.calendar_weeks_p80);
  FieldOrNull(w, "cost_p50", options.weekly_cost > 0, s.cost_p50);
  FieldOrNull(w, "cost_p80", options.weekly_cost > 0, s.cost_p80);
  w.Field("notes", s.notes);
  w.Key("line_items");
  w.BeginArray();
  for (const auto& item : s.items) {
    w.BeginObject();
    w.Field("id", item.id);
    w.Field("label", item.label);
    w.Field("count", Round4(item.count));
    w.Field("count_unit", item.count_unit);
    w.Field("rate_id", item.rate_id);
    w.Field("low", Round4(item.low));
    w.Field("likely", Round4(item.likely));
    w.Field("high", Round4(item.high));
    w.Field("assumed", item.assumed);
    w.Field("source", item.source);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void WriteAdminList(JsonWriter& w, const char* key, const std::vector<AdminRegistration>& list) {
  w.Key(key);
  w.BeginArray();
  for (const AdminRegistration& a : SortedByLocation(list)) {
    w.BeginObject();
    w.Field("model", a.model);
    w.Field("admin_class", a.admin_class);
    w.Field("site", a.site);
    w.Field("app", a.app);
    w.Field("inlines", a.inlines);
    w.Field("actions", a.actions);
    w.Field("custom_methods", a.custom_methods);
    w.Field("list_display", a.list_display);
    PutLocation(w, a.location);
    w.EndObject();
  }
  w.EndArray();
}

void WriteTotals(JsonWriter& w, const char* key, const FileTotals& t) {
  w.Key(key);
  w.BeginObject();
  w.Field("files", t.files);
  w.Field("code", t.lines.code);
  w.Field("comment", t.lines.comment);
  w.Field("blank", t.lines.blank);
  w.EndObject();
}

void WriteInventory(JsonWriter& w, const Inventory& inv) {
  w.BeginObject();
  w.Key("apps");
  w.BeginArray();
  std::vector<App> apps = inv.apps;
  std::sort(apps.begin(), apps.end());
  for (const auto& a : apps) {
    w.BeginObject();
    w.Field("label", a.label);
    w.Field("module", a.module);
    w.Field("path", a.path);
    w.Field("installed", a.installed);
    w.EndObject();
  }
  w.EndArray();
  w.Key("endpoints");
  w.BeginArray();
  for (const Endpoint& e : SortedEndpoints(inv.endpoints)) {
    w.BeginObject();
    w.Field("route", e.route);
    w.Field("method", e.method);
    w.Field("view", e.view);
    w.Field("handler", e.handler);
    w.Field("name", e.name);
    w.Field("kind", EndpointKindName(e.kind));
    w.Field("app", e.app);
    PutLocation(w, e.location);
    PutLocation(w, e.view_location, "view_file", "view_line");
    w.EndObject();
  }
  w.EndArray();
  w.Key("external_routes");
  w.BeginArray();
  for (const ExternalRoute& r : SortedByLocation(inv.external_routes)) {
    w.BeginObject();
    w.Field("route", r.route);
    w.Field("target", r.target);
    w.Field("reason", r.reason);
    PutLocation(w, r.location);
    w.EndObject();
  }
  w.EndArray();
  w.Key("models");
  w.BeginArray();
  for (const Model& m : SortedByLocation(inv.models)) {
    w.BeginObject();
    w.Field("name", m.name);
    w.Field("qualname", m.qualname);
    w.Field("app", m.app);
    w.Field("kind", ModelKindName(m.kind));
    w.Field("bases", m.bases);
    w.Field("field_count", m.field_count);
    w.Key("relations");
    w.BeginArray();
    for (const auto& r : m.relations) {
      w.BeginObject();
      w.Field("field", r.field);
      w.Field("kind", r.kind);
      w.Field("target", r.target);
      w.Field("target_app", r.target_app);
      w.Field("cross_app", r.cross_app);
      w.Field("line", r.line);
      w.EndObject();
    }
    w.EndArray();
    w.Field("managers", m.managers);
    w.Field("overrides", m.overrides);
    w.Field("is_user_model", m.is_user_model);
    w.Field("in_tests", m.in_tests);
    PutLocation(w, m.location);
    w.EndObject();
  }
  w.EndArray();
  // Registrations of models outside the repository (auth's User with the
  // project's UserAdmin) are listed apart: Django's registry of the project's
  // models does not hold them, so they are not counted.
  WriteAdminList(w, "admin_registrations", inv.admin_registrations);
  WriteAdminList(w, "admin_registrations_external", inv.admin_registrations_external);
  w.Key("signal_receivers");
  w.BeginArray();
  for (const SignalReceiver& s : SortedByLocation(inv.signal_receivers)) {
    w.BeginObject();
    w.Field("signal", s.signal);
    w.Field("handler", s.handler);
    w.Field("sender", s.sender);
    w.Field("dispatch_uid", s.dispatch_uid);
    w.Field("builtin", s.builtin);
    w.Field("via", s.via);
    w.Field("app", s.app);
    PutLocation(w, s.location);
    w.EndObject();
  }
  w.EndArray();
  w.Key("custom_signals");
  w.BeginArray();
  for (const CustomSignal& s : SortedByLocation(inv.custom_signals)) {
    w.BeginObject();
    w.Field("qualname", s.qualname);
    w.Field("app", s.app);
    PutLocation(w, s.location);
    w.Key("send_sites");
    w.BeginArray();
    std::vector<Location> sites = s.send_sites;
    std::sort(sites.begin(), sites.end());
    for (const auto& site : sites) {
      w.BeginObject();
      PutLocation(w, site);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("findings");
  w.BeginArray();
  for (const Finding& f : SortedByLocation(inv.findings)) {
    w.BeginObject();
    w.Field("kind", f.kind);
    w.Field("detail", f.detail);
    w.Field("app", f.app);
    PutLocation(w, f.location);
    w.EndObject();
  }
  w.EndArray();
  w.Key("totals");
  w.BeginObject();
  WriteTotals(w, "source", inv.source);
  WriteTotals(w, "tests", inv.tests);
  WriteTotals(w, "migrations", inv.migrations);
  w.EndObject();
  w.EndObject();
}

// null without traffic data, like every value nobody asked for.
void WriteTraffic(JsonWriter& w, const TrafficSummary& t) {
  if (!t.given) {
    w.Null();
    return;
  }
  w.BeginObject();
  w.Field("file", t.file);
  w.Field("requests", t.requests);
  w.Field("api_requests", t.api_requests);
  w.Field("page_requests", t.page_requests);
  w.Field("external_requests", t.external_requests);
  w.Field("unmatched_requests", t.unmatched_requests);
  w.Field("split_requests", t.split_requests);
  w.Field("hot_share", Round4(t.hot_share));
  w.Field("unmatched_paths", t.unmatched_paths);
  w.Key("endpoints");
  w.BeginArray();
  for (const auto& e : t.endpoints) {
    w.BeginObject();
    w.Field("route", e.route);
    w.Field("method", e.method);
    w.Field("app", e.app);
    w.Field("kind", e.api ? "api" : "page");
    w.Field("requests", e.requests);
    w.Field("hot", e.hot);
    w.EndObject();
  }
  w.EndArray();
  w.Key("top_unmatched");
  w.BeginArray();
  for (const auto& u : t.top_unmatched) {
    w.BeginObject();
    w.Field("method", u.method);
    w.Field("path", u.path);
    w.Field("requests", u.count);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void WriteSplitPlan(JsonWriter& w, const Estimate& est) {
  w.BeginObject();
  w.Field("scope", est.split_scope);
  w.Field("endpoints", est.split_endpoints);
  w.Key("traffic_share");
  if (est.split_traffic_share >= 0) {
    w.Double(Round4(est.split_traffic_share));
  } else {
    w.Null();
  }
  w.Key("traffic");
  WriteTraffic(w, est.traffic);
  w.Key("steps");
  w.BeginArray();
  for (const auto& s : est.split_plan) {
    w.BeginObject();
    w.Field("rank", s.rank);
    w.Field("app", s.app);
    w.Field("api_endpoints", s.api_endpoints);
    w.Field("pages", s.pages);
    w.Field("models", s.models);
    w.Field("cross_app_relations", s.cross_app_relations);
    w.Field("cross_app_signals", s.cross_app_signals);
    w.Field("admin_registrations", s.admin_registrations);
    w.Field("coupling", Round4(s.coupling));
    w.Field("reason", s.reason);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

}  // namespace

void RenderJson(const Report& report, std::ostream& out) {
  const Inventory& inv = report.inventory;
  const Estimate& est = report.estimate;
  JsonWriter w(out);
  w.BeginObject();
  w.Field("schema_version", report.schema_version);
  w.Key("tool");
  w.BeginObject();
  w.Field("name", "djcost");
  w.Field("version", report.tool_version);
  w.EndObject();
  w.Field("rules_version", report.rules_version);
  w.Field("project", report.project);
  w.Key("settings");
  w.BeginObject();
  w.Field("settings_module", inv.settings_module);
  w.Field("root_urlconf", inv.root_urlconf);
  w.Field("auth_user_model", inv.auth_user_model);
  w.Field("installed_apps", inv.installed_apps);
  w.Field("django_requirement", inv.django_requirement);
  w.Field("django_source", inv.django_source);
  w.Field("urlconf_fallback", inv.urlconf_fallback);
  w.EndObject();
  w.Key("counts");
  w.BeginObject();
  for (const auto& [key, value] : CountReport(report).Fields()) w.Field(key, value);
  w.EndObject();
  w.Key("options");
  w.BeginObject();
  w.Field("team_size", report.options.team_size);
  w.Field("weekly_cost", Round4(report.options.weekly_cost));
  w.Field("currency", report.options.currency);
  w.Field("hot_patterns", report.options.hot_patterns);
  w.Field("traffic_file", report.options.traffic_file);
  w.EndObject();
  w.Key("recommendation");
  w.BeginObject();
  w.Field("strategy", est.recommendation.strategy);
  w.Field("reason", est.recommendation.reason);
  w.EndObject();
  w.Key("strategies");
  w.BeginArray();
  for (const auto& s : est.strategies) WriteStrategy(w, s, report.options);
  w.EndArray();
  w.Key("inventory");
  WriteInventory(w, inv);
  w.Key("risks");
  w.BeginArray();
  for (const Risk& r : SortedByLocation(est.risks)) {
    w.BeginObject();
    w.Field("kind", r.kind);
    w.Field("severity", r.severity);
    w.Field("message", r.message);
    w.Field("app", r.app);
    PutLocation(w, r.location);
    w.EndObject();
  }
  w.EndArray();
  w.Key("split_plan");
  WriteSplitPlan(w, est);
  w.Key("rates");
  w.BeginArray();
  for (const auto& r : report.rates) {
    w.BeginObject();
    w.Field("id", r.id);
    w.Field("description", r.description);
    w.Field("unit", r.unit);
    w.Field("low", r.low);
    w.Field("likely", r.likely);
    w.Field("high", r.high);
    w.Field("assumed", r.assumed);
    w.Field("source", r.source);
    w.Field("rationale", r.rationale);
    w.Field("origin", r.origin);
    w.EndObject();
  }
  w.EndArray();
  w.Key("diagnostics");
  w.BeginArray();
  std::vector<Diagnostic> diags = report.diagnostics;
  std::sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.location != b.location) return a.location < b.location;
    return a < b;
  });
  for (const auto& d : diags) {
    w.BeginObject();
    w.Field("severity", SeverityName(d.severity));
    w.Field("code", d.code);
    PutLocation(w, d.location);
    w.Field("message", d.message);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.Flush();
  out << "\n";
}

}  // namespace djcost
