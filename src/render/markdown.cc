// RenderMarkdown: the report a tech lead pastes into a planning document. The
// decision comes first (recommendation, strategies, chart), then the evidence
// (inventory, line items, risks, split plan), then what was not counted and
// why, then the rates and how to change them. No timestamps: same input, same bytes.
#include <algorithm>
#include <map>
#include <set>

#include "estimate/hot_set.h"
#include "estimate/line_items.h"
#include "estimate/recommend.h"
#include "estimate/split_plan.h"
#include "render/format.h"
#include "render/render.h"
#include "render/sorted.h"
#include "util/strings.h"

namespace djcost {

namespace {

// Table cells: a '|' would end the cell and a newline the row.
std::string Cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

// Inline code, for routes, qualified names and paths (`<int:pk>` would read as HTML).
std::string Code(const std::string& text) {
  if (text.empty()) return "";
  std::string fence = text.find('`') == std::string::npos ? "`" : "`` ";
  std::string close = fence == "`" ? "`" : " ``";
  return fence + Cell(text) + close;
}

std::string FixedWeeks2(double weeks) { return FormatFixed(weeks, 2); }

std::string AppName(const std::string& app) { return app.empty() ? "(no app)" : app; }

std::string Plural(int n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

void Title(const Report& r, std::ostream& out) {
  out << "# Migration estimate: " << (r.project.empty() ? "project" : r.project) << "\n\n";
  out << "Effort to move this Django project to FastAPI, in engineer-weeks, for each strategy. "
         "Every figure is a count from the code times a rate; the rates and their sources "
         "are listed at the end.\n\n";
}

void RecommendationLine(const Report& r, std::ostream& out) {
  const Recommendation& rec = r.estimate.recommendation;
  if (rec.strategy.empty()) return;
  out << "**Recommendation: " << rec.strategy;
  for (const auto& s : r.estimate.strategies) {
    if (s.id == rec.strategy && s.id != "stay") {
      out << " (P50 " << FormatWeeks(s.p50) << ", P80 " << FormatWeeks(s.p80) << " engineer-weeks)";
    }
  }
  out << ".** " << rec.reason << (!rec.reason.empty() && rec.reason.back() != '.' ? "." : "")
      << "\n\n";
}

void StrategyTable(const Report& r, std::ostream& out) {
  const EstimateOptions& o = r.options;
  out << "## Strategies\n\n";
  out << "| Strategy | P50 | P80 | Range (low–high) |";
  if (o.team_size > 0) out << " Calendar weeks P50 / P80 (team of " << o.team_size << ") |";
  if (o.weekly_cost > 0) out << " Cost P50 / P80 |";
  out << " Rests on assumptions |\n";
  out << "|---|---:|---:|---:|";
  if (o.team_size > 0) out << "---:|";
  if (o.weekly_cost > 0) out << "---:|";
  out << "---:|\n";
  for (const auto& s : r.estimate.strategies) {
    out << "| " << Cell(s.id) << " | " << FormatWeeks(s.p50) << " | " << FormatWeeks(s.p80)
        << " | " << FormatWeeks(s.low) << "–" << FormatWeeks(s.high) << " |";
    if (o.team_size > 0) {
      out << " " << FormatWeeks(s.calendar_weeks_p50) << " / " << FormatWeeks(s.calendar_weeks_p80)
          << " |";
    }
    if (o.weekly_cost > 0) {
      out << " " << FormatMoney(s.cost_p50, o.currency) << " / "
          << FormatMoney(s.cost_p80, o.currency) << " |";
    }
    out << " " << FormatPercent(s.assumed_share) << " |\n";
  }
  out << "\nEngineer-weeks. P50 and P80: the effort the work stays under with 50% and 80% "
         "confidence (PERT over the line items). \"Rests on assumptions\": the share of the "
         "likely effort priced with assumed rather than documented rates.";
  if (o.team_size <= 0 && o.weekly_cost <= 0) {
    out << " Calendar weeks and cost: give `--team N` and `--weekly-cost AMOUNT` (or `team` and "
           "`weekly_cost` in `[tool.djcost]`).";
  } else if (o.team_size <= 0) {
    out << " Calendar weeks: give `--team N` (or `team` in `[tool.djcost]`).";
  } else if (o.weekly_cost <= 0) {
    out << " Cost: give `--weekly-cost AMOUNT` (or `weekly_cost` in `[tool.djcost]`).";
  } else {
    out << " Calendar weeks assume the team of " << o.team_size
        << " works in parallel without loss; cost is P50 / P80 × " << FormatMoney(o.weekly_cost, o.currency)
        << " per engineer-week.";
  }
  out << "\n\n";
  for (const auto& s : r.estimate.strategies) {
    if (!s.summary.empty()) out << "- **" << s.id << "**: " << s.summary << "\n";
  }
  if (!r.estimate.strategies.empty()) out << "\n";
}

void Chart(const Report& r, std::ostream& out) {
  if (r.estimate.strategies.empty()) return;
  out << "```mermaid\nxychart-beta\n    title \"Effort by strategy: P50 bars, P80 line (engineer-weeks)\"\n"
         "    x-axis [";
  for (size_t i = 0; i < r.estimate.strategies.size(); ++i) {
    out << (i ? ", " : "") << r.estimate.strategies[i].id;
  }
  out << "]\n    y-axis \"engineer-weeks\"\n    bar [";
  for (size_t i = 0; i < r.estimate.strategies.size(); ++i) {
    out << (i ? ", " : "") << FormatWeeks(r.estimate.strategies[i].p50);
  }
  out << "]\n    line [";
  for (size_t i = 0; i < r.estimate.strategies.size(); ++i) {
    out << (i ? ", " : "") << FormatWeeks(r.estimate.strategies[i].p80);
  }
  out << "]\n```\n\n";
}

void InventorySection(const Report& r, std::ostream& out) {
  const Inventory& inv = r.inventory;
  ReportCounts c = CountReport(r);
  out << "## Inventory\n\n";
  if (!inv.settings_module.empty()) {
    out << "Settings: " << Code(inv.settings_module);
    if (!inv.root_urlconf.empty()) out << ", URLconf " << Code(inv.root_urlconf);
    if (!inv.auth_user_model.empty()) out << ", user model " << Code(inv.auth_user_model);
    out << ".\n";
  } else {
    out << "No settings module was found.\n";
  }
  if (!inv.django_requirement.empty()) {
    out << "Django " << Code(inv.django_requirement) << " (" << Code(inv.django_source)
        << ").\n";
  } else {
    out << "No requirement file pins Django; where releases serve a view differently, the "
           "counts follow Django 3.2.\n";
  }
  if (inv.urlconf_fallback) {
    out << "No ROOT_URLCONF was found, so each URLconf that no other one includes was walked "
           "as a root: routes carry the prefixes of the includes found, not the root's own.\n";
  }
  out << "\n| Item | Count | Detail |\n|---|---:|---|\n";
  out << "| Endpoints (route × method) | " << c.endpoints << " | " << c.api_endpoints
      << " API, " << Plural(c.pages, "page", "pages") << ", on " << Plural(c.routes, "route", "routes") << " |\n";
  out << "| Models | " << (c.models_concrete + c.models_abstract + c.models_proxy) << " | "
      << c.models_concrete << " concrete, " << c.models_abstract << " abstract, "
      << c.models_proxy << " proxy";
  if (c.models_in_tests > 0) out << "; " << c.models_in_tests << " more in tests, not counted";
  out << " |\n";
  out << "| Admin registrations | " << c.admin_registrations << " | |\n";
  out << "| Signal receivers | " << c.signal_receivers << " | |\n";
  out << "| Custom signals | " << c.custom_signals << " | |\n";
  out << "| Apps | " << c.apps << " | |\n";
  out << "| Lines of code | " << c.loc_code << " | application code; " << c.loc_tests
      << " more in tests and " << c.loc_migrations << " in migrations, counted apart |\n";
  out << "| Python files | " << c.files << " | " << c.files_with_parse_errors
      << " with parse errors |\n\n";
}

struct AppRow {
  int api = 0, pages = 0, models = 0, admin = 0, receivers = 0, signals = 0;
};

void ByApp(const Report& r, std::ostream& out) {
  const Inventory& inv = r.inventory;
  std::map<std::string, AppRow> rows;
  for (const auto& a : inv.apps) rows[a.label];
  for (const auto& e : inv.endpoints) (e.kind == EndpointKind::kApi ? rows[e.app].api : rows[e.app].pages)++;
  for (const auto& m : inv.models) {
    if (!m.in_tests) rows[m.app].models++;
  }
  for (const auto& a : inv.admin_registrations) rows[a.app].admin++;
  for (const auto& s : inv.signal_receivers) rows[s.app].receivers++;
  for (const auto& s : inv.custom_signals) rows[s.app].signals++;
  if (rows.empty()) return;
  std::map<std::string, const App*> apps;
  for (const auto& a : inv.apps) apps[a.label] = &a;
  out << "### By app\n\n| App | Path | Installed | API endpoints | Pages | Models | Admin "
         "registrations | Signal receivers | Custom signals |\n"
         "|---|---|---|---:|---:|---:|---:|---:|---:|\n";
  for (const auto& [label, row] : rows) {
    auto it = apps.find(label);
    const App* app = it == apps.end() ? nullptr : it->second;
    out << "| " << Cell(AppName(label)) << " | " << (app ? Code(app->path) : "") << " | "
        << (app ? (app->installed ? "yes" : "no") : "") << " | " << row.api << " | " << row.pages
        << " | " << row.models << " | " << row.admin << " | " << row.receivers << " | "
        << row.signals << " |\n";
  }
  out << "\n";
}

// The evidence behind each count, folded so the report stays short.
void Evidence(const Report& r, std::ostream& out) {
  const Inventory& inv = r.inventory;
  auto open = [&](const std::string& summary) {
    out << "<details><summary>" << summary << "</summary>\n\n";
  };
  auto close = [&] { out << "\n</details>\n\n"; };
  if (!inv.endpoints.empty()) {
    open("Endpoints (" + std::to_string(inv.endpoints.size()) + ")");
    out << "| Method | Route | Kind | View | App | Where |\n|---|---|---|---|---|---|\n";
    for (const Endpoint& e : SortedEndpoints(inv.endpoints)) {
      out << "| " << e.method << " | " << Code(e.route.empty() ? "/" : e.route) << " | "
          << EndpointKindName(e.kind) << " | " << Code(e.view) << " | " << Cell(AppName(e.app))
          << " | " << Code(FormatLocation(e.location)) << " |\n";
    }
    close();
  }
  if (!inv.models.empty()) {
    open("Models (" + std::to_string(inv.models.size()) + ")");
    out << "| Model | Kind | App | Fields | Where |\n|---|---|---|---:|---|\n";
    for (const Model& m : SortedByLocation(inv.models)) {
      out << "| " << Code(m.qualname.empty() ? m.name : m.qualname) << " | " << ModelKindName(m.kind)
          << (m.in_tests ? " (in tests)" : "") << (m.is_user_model ? " (user model)" : "")
          << " | " << Cell(AppName(m.app)) << " | " << m.field_count << " | "
          << Code(FormatLocation(m.location)) << " |\n";
    }
    close();
  }
  auto admin_table = [&](const std::string& title, const std::vector<AdminRegistration>& list) {
    if (list.empty()) return;
    open(title + " (" + std::to_string(list.size()) + ")");
    out << "| Model | Admin class | Site | Where |\n|---|---|---|---|\n";
    for (const AdminRegistration& a : SortedByLocation(list)) {
      out << "| " << Code(a.model) << " | " << (a.admin_class.empty() ? "default" : Code(a.admin_class))
          << " | " << Code(a.site) << " | " << Code(FormatLocation(a.location)) << " |\n";
    }
    close();
  };
  admin_table("Admin registrations", inv.admin_registrations);
  admin_table("Admin registrations of models outside the repository, listed, not counted",
              inv.admin_registrations_external);
  if (!inv.signal_receivers.empty()) {
    open("Signal receivers (" + std::to_string(inv.signal_receivers.size()) + ")");
    out << "| Signal | Handler | Sender | Where |\n|---|---|---|---|\n";
    for (const SignalReceiver& s : SortedByLocation(inv.signal_receivers)) {
      out << "| " << Code(s.signal) << " | " << Code(s.handler) << " | " << Code(s.sender) << " | "
          << Code(FormatLocation(s.location)) << " |\n";
    }
    close();
  }
  if (!inv.custom_signals.empty()) {
    open("Custom signals (" + std::to_string(inv.custom_signals.size()) + ")");
    out << "| Signal | Defined | Sent from |\n|---|---|---|\n";
    for (const CustomSignal& s : SortedByLocation(inv.custom_signals)) {
      std::vector<Location> sites = s.send_sites;
      std::sort(sites.begin(), sites.end());
      std::string sent;
      for (const auto& l : sites) sent += (sent.empty() ? "" : ", ") + Code(FormatLocation(l));
      out << "| " << Code(s.qualname) << " | " << Code(FormatLocation(s.location)) << " | "
          << (sent.empty() ? "never sent" : sent) << " |\n";
    }
    close();
  }
  if (!inv.findings.empty()) {
    std::map<std::string, int> by_kind;
    for (const auto& f : inv.findings) by_kind[f.kind]++;
    out << "### Other things a migration must carry\n\n| Kind | Count |\n|---|---:|\n";
    for (const auto& [kind, n] : by_kind) out << "| " << Cell(kind) << " | " << n << " |\n";
    out << "\n";
    open("Where (" + std::to_string(inv.findings.size()) + ")");
    out << "| Kind | Detail | App | Where |\n|---|---|---|---|\n";
    for (const Finding& f : SortedByLocation(inv.findings)) {
      out << "| " << Cell(f.kind) << " | " << Code(f.detail) << " | " << Cell(AppName(f.app))
          << " | " << Code(FormatLocation(f.location)) << " |\n";
    }
    close();
  }
}

// "22 endpoints", "1 site", "once": the count as a reader says it.
std::string CountText(const LineItem& item) {
  if (item.count_unit == "once") return "once";
  std::string unit = item.count_unit;
  const bool one = FormatCount(item.count) == "1";
  if (one && unit.size() > 1 && unit.back() == 's' && unit != "kLoC") unit.pop_back();
  return FormatCount(item.count) + (unit.empty() ? "" : " " + unit);
}

// Low / likely / high, or one figure when the three agree (a documented single figure).
std::string Triple(double low, double likely, double high, std::string (*format)(double)) {
  if (low == likely && likely == high) return format(likely);
  return format(low) + " / " + format(likely) + " / " + format(high);
}

std::string Rate2(double x) { return FormatRate(x); }

void LineItemSection(const Report& r, std::ostream& out) {
  out << "## Line items\n\nEach line reads count × rate = effort, in engineer-weeks as low / "
         "likely / high (one figure when the three agree). Lines priced with documented rates "
         "come first, then those resting on assumptions; the source of each rate is named, and "
         "the rates are listed with their rationale under \"Assumptions\".\n\n";
  for (const auto& s : r.estimate.strategies) {
    out << "### " << s.id << "\n\n";
    if (s.items.empty()) {
      out << "Nothing to move.\n\n";
    } else {
      out << "| Line item | Count | × Rate per unit | = Effort | Rate | Basis | Source |\n"
             "|---|---:|---:|---:|---|---|---|\n";
      double documented = 0, assumed = 0;
      for (bool want_assumed : {false, true}) {
        for (const auto& item : s.items) {
          if (item.assumed != want_assumed) continue;
          (item.assumed ? assumed : documented) += item.likely;
          const Rate* rate = FindReportRate(r, item.rate_id);
          out << "| " << Cell(item.label) << " | " << Cell(CountText(item)) << " | "
              << (rate ? Triple(rate->low, rate->likely, rate->high, &Rate2) : "*rate missing*")
              << " | " << Triple(item.low, item.likely, item.high, &FixedWeeks2) << " | "
              << Code(item.rate_id) << " | " << (item.assumed ? "assumed" : "documented")
              << " | " << Cell(item.source) << " |\n";
        }
      }
      out << "\nLikely total " << FixedWeeks2(s.likely) << ": " << FixedWeeks2(documented)
          << " documented, " << FixedWeeks2(assumed) << " assumed ("
          << FormatPercent(s.assumed_share) << " of the total rests on assumptions).\n\n";
    }
    for (const auto& note : s.notes) out << "- " << note << "\n";
    if (!s.notes.empty()) out << "\n";
  }
}

int SeverityRank(const std::string& severity) {
  if (severity == "high") return 0;
  if (severity == "medium") return 1;
  return 2;
}

void Risks(const Report& r, std::ostream& out) {
  out << "## Risks\n\n";
  if (r.estimate.risks.empty()) {
    out << "None found.\n\n";
    return;
  }
  SortedRefs<Risk> risks = SortedByLocation(r.estimate.risks);
  std::stable_sort(risks.begin(), risks.end(), [](const Risk& a, const Risk& b) {
    return SeverityRank(a.severity) < SeverityRank(b.severity);
  });
  out << "| Severity | Risk | App | Where | What |\n|---|---|---|---|---|\n";
  for (const Risk& k : risks) {
    out << "| " << Cell(k.severity) << " | " << Cell(k.kind) << " | " << Cell(AppName(k.app))
        << " | " << Code(FormatLocation(k.location)) << " | " << Cell(k.message) << " |\n";
  }
  out << "\n";
}

// Where the requests of the traffic file went, and the busiest endpoints.
void Traffic(const Report& r, std::ostream& out) {
  const TrafficSummary& t = r.estimate.traffic;
  if (!t.given) return;
  auto share = [&](long long n) {
    return t.requests > 0 ? FormatPercent(static_cast<double>(n) / static_cast<double>(t.requests))
                          : std::string("0%");
  };
  out << "### Traffic\n\n" << Code(t.file) << " holds " << t.requests
      << " requests. The hot set is the smallest set of the busiest API endpoints carrying "
      << FormatPercent(t.hot_share) << " of the requests to API endpoints.\n\n"
      << "| Requests to | Requests | Share |\n|---|---:|---:|\n"
      << "| API endpoints | " << t.api_requests << " | " << share(t.api_requests) << " |\n"
      << "| pages | " << t.page_requests << " | " << share(t.page_requests) << " |\n"
      << "| routes served outside the repository (admin, third-party) | " << t.external_requests
      << " | " << share(t.external_requests) << " |\n"
      << "| no inventoried route (" << Plural(t.unmatched_paths, "path", "paths") << ") | "
      << t.unmatched_requests << " | " << share(t.unmatched_requests) << " |\n"
      << "| **what the split moves** | " << t.split_requests << " | " << share(t.split_requests)
      << " |\n\n";
  if (!t.endpoints.empty()) {
    constexpr size_t kShown = 20;
    out << "Busiest endpoints" << (t.endpoints.size() > kShown ? " (the first 20; all in the JSON report)" : "")
        << ". Method `*`: requests given without a method, or with one the route has no "
           "endpoint for; they belong to the route as a whole.\n\n"
           "| Method | Route | Kind | App | Requests | Moves with the split |\n"
           "|---|---|---|---|---:|---|\n";
    for (size_t i = 0; i < t.endpoints.size() && i < kShown; ++i) {
      const EndpointTraffic& x = t.endpoints[i];
      out << "| " << (x.method.empty() ? "*" : x.method) << " | "
          << Code(x.route.empty() ? "/" : x.route) << " | " << (x.api ? "api" : "page") << " | "
          << Cell(AppName(x.app)) << " | " << x.requests << " | " << (x.hot ? "yes" : "no")
          << " |\n";
    }
    out << "\n";
  }
  if (!t.top_unmatched.empty()) {
    out << "Busiest paths no inventoried route serves (static files, bots, routes the scan "
           "missed):\n\n| Method | Path | Requests |\n|---|---|---:|\n";
    for (const TrafficEntry& u : t.top_unmatched) {
      out << "| " << (u.method.empty() ? "*" : u.method) << " | " << Code("/" + u.path) << " | "
          << u.count << " |\n";
    }
    out << "\n";
  }
}

void SplitPlan(const Report& r, std::ostream& out) {
  const Estimate& e = r.estimate;
  out << "## Split plan\n\n";
  if (!e.split_scope.empty()) {
    out << "Split scope: " << e.split_scope << ". It moves "
        << Plural(e.split_endpoints, "API endpoint", "API endpoints");
    if (e.split_traffic_share >= 0) {
      out << ", carrying " << FormatPercent(e.split_traffic_share) << " of all requests in "
          << Code(e.traffic.file);
    }
    out << ".\n\n";
  }
  Traffic(r, out);
  if (e.split_plan.empty()) {
    out << "No app to move.\n\n";
    return;
  }
  out << "Apps in the order they can move, least coupled first.\n\n"
         "| Rank | App | API endpoints | Pages | Models | Cross-app relations | Cross-app signals | "
         "Admin registrations | Coupling | Why |\n|---:|---|---:|---:|---:|---:|---:|---:|---:|---|\n";
  for (const auto& s : e.split_plan) {
    out << "| " << s.rank << " | " << Cell(AppName(s.app)) << " | " << s.api_endpoints << " | "
        << s.pages << " | " << s.models << " | " << s.cross_app_relations << " | "
        << s.cross_app_signals << " | " << s.admin_registrations << " | " << FormatRate(s.coupling)
        << " | " << Cell(s.reason) << " |\n";
  }
  out << "\n";
}

void ExternalRoutes(const Report& r, std::ostream& out) {
  const auto& routes = r.inventory.external_routes;
  if (routes.empty()) return;
  out << "### Routes mounted but not counted\n\nThese routes are served by code outside the "
         "repository (the admin, third-party packages); they are listed, not priced as "
         "endpoints.\n\n| Route | Target | Why not counted | Where |\n|---|---|---|---|\n";
  for (const ExternalRoute& x : SortedByLocation(routes)) {
    out << "| " << Code(x.route.empty() ? "/" : x.route) << " | " << Code(x.target) << " | "
        << Cell(x.reason) << " | " << Code(FormatLocation(x.location)) << " |\n";
  }
  out << "\n";
}

void Diagnostics(const Report& r, std::ostream& out) {
  out << "## Problems met during the scan\n\n";
  if (r.diagnostics.empty()) {
    out << "None: every file was read and parsed.\n\n";
    return;
  }
  std::vector<Diagnostic> diags = r.diagnostics;
  std::sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.location != b.location) return a.location < b.location;
    return a < b;
  });
  int errors = static_cast<int>(std::count_if(diags.begin(), diags.end(), [](const Diagnostic& d) {
    return d.severity == Severity::kError;
  }));
  int warnings = static_cast<int>(diags.size()) - errors;
  // Counted here as in the JSON's counts.diagnostics, so none passes unnoticed.
  out << "The scan went on past these " << Plural(static_cast<int>(diags.size()), "problem", "problems")
      << " (" << Plural(errors, "error", "errors") << ", " << Plural(warnings, "warning", "warnings")
      << "); what they hide is missing from the counts above.\n\n"
         "| Severity | Problem | Where | Detail |\n|---|---|---|---|\n";
  for (const auto& d : diags) {
    out << "| " << SeverityName(d.severity) << " | " << Cell(d.code) << " | "
        << Code(FormatLocation(d.location)) << " | " << Cell(d.message) << " |\n";
  }
  out << "\n";
}

// What every figure rests on besides the rates. The constants are estimate's
// own (header-only), so the text cannot drift from the code.
void Assumptions(std::ostream& out) {
  out << "## Assumptions and how to change them\n\n"
         "- Test code is not priced as application code: endpoints and models defined only in "
         "tests are listed, not counted; test code is priced once, as `test-port-per-kloc` in the "
         "rewrite.\n"
         "- Each strategy's P50 is the sum of its line items' PERT means, (low + 4 × likely + "
         "high) / 6; its P80 treats the items as independent (P50 + "
      << FormatFixed(kZ80, 4)
      << " × the square root of the summed variances). Overruns that move together (one "
         "underestimated team, one misread codebase) make the real P80 wider.\n"
         "- The split moves the API endpoints matching `--hot` route globs and, with "
         "`--traffic`, the smallest set of the busiest API endpoints carrying "
      << FormatPercent(kHotTrafficShare)
      << " of the requests to API endpoints; with neither, every API endpoint. Split and "
         "hybrid keep one database, whose migrations Django keeps owning.\n"
         "- The recommendation takes the first rule that holds (A = API endpoints, P = pages, "
         "R = admin registrations, K = kLoC of application code): `nothing-to-move` (A = 0 and "
         "P = 0: stay); `small-api-only` (P = 0, R = 0, K ≤ "
      << FormatFixed(kSmallCodebaseKloc, 0) << ": rewrite); `api-first` (A ≥ " << kApiFirstFactor
      << " × (P + R): split); `api-beside-content` (A ≥ " << kWorthMovingApiEndpoints
      << ": hybrid); `existing-django` (otherwise: stay). They follow the decision matrix of "
         "seeds/001 (RunxBuild blog), where an existing Django codebase stays on Django.\n"
         "- The split plan ranks apps by coupling = "
      << FormatRate(kCouplingPerRelation) << " × cross-app relations + "
      << FormatRate(kCouplingPerSignal) << " × cross-app signals + "
      << FormatRate(kCouplingPerPage) << " × pages + "
      << FormatRate(kCouplingPerAdminRegistration)
      << " × admin registrations, lowest first.\n"
         "- The notes under each strategy's line items say what is counted twice and how the "
         "total compares with seeds/001.\n"
         "- Thresholds and weights are in the code (`docs/estimate.md`); rates, the hot set, "
         "team size and weekly cost can be changed per repository, below.\n\n";
}

void Rates(const Report& r, std::ostream& out) {
  out << "### Rates in effect\n\n";
  if (!r.rates.empty()) {
    out << "| Rate | Unit | Low | Likely | High | Basis | Source | Set in |\n"
           "|---|---|---:|---:|---:|---|---|---|\n";
    for (const auto& x : r.rates) {
      out << "| " << Code(x.id) << " | " << Cell(x.unit) << " | " << FormatRate(x.low) << " | "
          << FormatRate(x.likely) << " | " << FormatRate(x.high) << " | "
          << (x.assumed ? "assumed" : "documented") << " | " << Cell(x.source) << " | "
          << Cell(x.origin) << " |\n";
    }
    out << "\n";
    // Documented rates too: their likely figure may be a midpoint of ours.
    out << "Why each rate is what it is:\n\n";
    for (bool want_assumed : {false, true}) {
      for (const auto& x : r.rates) {
        if (x.assumed != want_assumed || x.rationale.empty()) continue;
        out << "- " << Code(x.id) << " (" << (x.assumed ? "assumed" : "documented")
            << "): " << x.rationale << "\n";
      }
    }
    out << "\n";
  }
  std::string example = r.rates.empty() ? "split-per-endpoint" : r.rates.front().id;
  const Rate* shown = FindReportRate(r, example);
  out << "To change a rate for this repository, add a table to its `pyproject.toml` "
         "(or pass `--rules FILE`); `djcost rules` prints the rates in effect and where each "
         "came from:\n\n```toml\n[tool.djcost.rates." << example << "]\n";
  out << "low = " << (shown ? FormatRate(shown->low) : "0.04") << "\n";
  out << "likely = " << (shown ? FormatRate(shown->likely) : "0.05") << "\n";
  out << "high = " << (shown ? FormatRate(shown->high) : "0.08") << "\n\n";
  out << "[tool.djcost]\nteam = 4                      # calendar weeks (--team)\n"
         "weekly_cost = 4000            # money per engineer-week (--weekly-cost)\n"
         "hot = [\"api/orders/**\"]       # route globs the split moves (--hot)\n"
         "traffic = \"logs/access.log\"  # access log or CSV path,count (--traffic)\n```\n\n";
  out << "Generated by djcost " << r.tool_version << " (rules " << r.rules_version
      << ", report schema " << r.schema_version << ").\n";
}

}  // namespace

void RenderMarkdown(const Report& report, std::ostream& out) {
  Title(report, out);
  RecommendationLine(report, out);
  StrategyTable(report, out);
  Chart(report, out);
  InventorySection(report, out);
  ByApp(report, out);
  Evidence(report, out);
  ExternalRoutes(report, out);
  LineItemSection(report, out);
  Risks(report, out);
  SplitPlan(report, out);
  Diagnostics(report, out);
  Assumptions(out);
  Rates(report, out);
}

}  // namespace djcost
