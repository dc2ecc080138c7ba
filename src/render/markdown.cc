// RenderMarkdown: the report a tech lead pastes into a planning document. The
// decision comes first (recommendation, strategies, chart), then the evidence
// (inventory, line items, risks, split plan), then what was not counted and
// why, then the rates and how to change them. No timestamps: same input, same bytes.
#include <map>
#include <set>

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
  out << "**Recommendation: " << rec.strategy << ".** " << rec.reason << "\n\n";
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
         "likely effort priced with assumed rather than documented rates.\n\n";
  for (const auto& s : r.estimate.strategies) {
    if (!s.summary.empty()) out << "- **" << s.id << "**: " << s.summary << "\n";
  }
  if (!r.estimate.strategies.empty()) out << "\n";
}

void Chart(const Report& r, std::ostream& out) {
  if (r.estimate.strategies.empty()) return;
  out << "```mermaid\nxychart-beta\n    title \"P50 effort by strategy (engineer-weeks)\"\n"
         "    x-axis [";
  for (size_t i = 0; i < r.estimate.strategies.size(); ++i) {
    out << (i ? ", " : "") << r.estimate.strategies[i].id;
  }
  out << "]\n    y-axis \"engineer-weeks\"\n    bar [";
  for (size_t i = 0; i < r.estimate.strategies.size(); ++i) {
    out << (i ? ", " : "") << FormatWeeks(r.estimate.strategies[i].p50);
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
  if (inv.urlconf_fallback) {
    out << "No ROOT_URLCONF was found, so every `urlpatterns` in the repository was walked: "
           "routes are shown as each file declares them, without include() prefixes.\n";
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
    for (const auto& e : SortedEndpoints(inv.endpoints)) {
      out << "| " << e.method << " | " << Code(e.route.empty() ? "/" : e.route) << " | "
          << EndpointKindName(e.kind) << " | " << Code(e.view) << " | " << Cell(AppName(e.app))
          << " | " << Code(FormatLocation(e.location)) << " |\n";
    }
    close();
  }
  if (!inv.models.empty()) {
    open("Models (" + std::to_string(inv.models.size()) + ")");
    out << "| Model | Kind | App | Fields | Where |\n|---|---|---|---:|---|\n";
    for (const auto& m : SortedByLocation(inv.models)) {
      out << "| " << Code(m.qualname.empty() ? m.name : m.qualname) << " | " << ModelKindName(m.kind)
          << (m.in_tests ? " (in tests)" : "") << (m.is_user_model ? " (user model)" : "")
          << " | " << Cell(AppName(m.app)) << " | " << m.field_count << " | "
          << Code(FormatLocation(m.location)) << " |\n";
    }
    close();
  }
  if (!inv.admin_registrations.empty()) {
    open("Admin registrations (" + std::to_string(inv.admin_registrations.size()) + ")");
    out << "| Model | Admin class | Site | Where |\n|---|---|---|---|\n";
    for (const auto& a : SortedByLocation(inv.admin_registrations)) {
      out << "| " << Code(a.model) << " | " << (a.admin_class.empty() ? "default" : Code(a.admin_class))
          << " | " << Code(a.site) << " | " << Code(FormatLocation(a.location)) << " |\n";
    }
    close();
  }
  if (!inv.signal_receivers.empty()) {
    open("Signal receivers (" + std::to_string(inv.signal_receivers.size()) + ")");
    out << "| Signal | Handler | Sender | Where |\n|---|---|---|---|\n";
    for (const auto& s : SortedByLocation(inv.signal_receivers)) {
      out << "| " << Code(s.signal) << " | " << Code(s.handler) << " | " << Code(s.sender) << " | "
          << Code(FormatLocation(s.location)) << " |\n";
    }
    close();
  }
  if (!inv.custom_signals.empty()) {
    open("Custom signals (" + std::to_string(inv.custom_signals.size()) + ")");
    out << "| Signal | Defined | Sent from |\n|---|---|---|\n";
    for (const auto& s : SortedByLocation(inv.custom_signals)) {
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
    for (const auto& f : SortedByLocation(inv.findings)) {
      out << "| " << Cell(f.kind) << " | " << Code(f.detail) << " | " << Cell(AppName(f.app))
          << " | " << Code(FormatLocation(f.location)) << " |\n";
    }
    close();
  }
}

void RateCell(const Report& r, const LineItem& item, std::ostream& out) {
  const Rate* rate = FindReportRate(r, item.rate_id);
  out << FormatCount(item.count) << (item.count_unit.empty() ? "" : " " + Cell(item.count_unit))
      << " × ";
  if (rate == nullptr) {
    out << "*rate*";
  } else if (rate->low == rate->high) {
    out << FormatRate(rate->likely);
  } else {
    out << FormatRate(rate->low) << "–" << FormatRate(rate->high);
  }
  // Two decimals: one line item is often a fraction of a week.
  out << " = " << FixedWeeks2(item.low) << "–" << FixedWeeks2(item.high);
}

void LineItems(const Report& r, std::ostream& out) {
  out << "## Line items\n\nEach line is count × rate = effort (engineer-weeks, low–high). "
         "Lines priced with documented rates come first; lines resting on assumptions follow.\n\n";
  for (const auto& s : r.estimate.strategies) {
    out << "### " << s.id << "\n\n";
    if (s.items.empty()) {
      out << "Nothing to move.\n\n";
      continue;
    }
    out << "| Line item | Count × rate = effort | Likely | Rate | Basis | Source |\n"
           "|---|---|---:|---|---|---|\n";
    double documented = 0, assumed = 0;
    for (bool want_assumed : {false, true}) {
      for (const auto& item : s.items) {
        if (item.assumed != want_assumed) continue;
        (item.assumed ? assumed : documented) += item.likely;
        out << "| " << Cell(item.label) << " | ";
        RateCell(r, item, out);
        out << " | " << FixedWeeks2(item.likely) << " | " << Code(item.rate_id) << " | "
            << (item.assumed ? "assumed" : "documented") << " | " << Cell(item.source) << " |\n";
      }
    }
    out << "\nLikely total " << FixedWeeks2(s.likely) << ": " << FixedWeeks2(documented)
        << " documented, " << FixedWeeks2(assumed) << " assumed.\n\n";
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
  std::vector<Risk> risks = SortedByLocation(r.estimate.risks);
  std::stable_sort(risks.begin(), risks.end(), [](const Risk& a, const Risk& b) {
    return SeverityRank(a.severity) < SeverityRank(b.severity);
  });
  out << "| Severity | Risk | App | Where | What |\n|---|---|---|---|---|\n";
  for (const auto& k : risks) {
    out << "| " << Cell(k.severity) << " | " << Cell(k.kind) << " | " << Cell(AppName(k.app))
        << " | " << Code(FormatLocation(k.location)) << " | " << Cell(k.message) << " |\n";
  }
  out << "\n";
}

void SplitPlan(const Report& r, std::ostream& out) {
  const Estimate& e = r.estimate;
  out << "## Split plan\n\n";
  if (!e.split_scope.empty()) {
    out << "The split moves " << e.split_scope << ": " << Plural(e.split_endpoints, "endpoint", "endpoints");
    if (e.split_traffic_share >= 0) out << ", carrying " << FormatPercent(e.split_traffic_share) << " of traffic";
    out << ".\n\n";
  }
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
  out << "## Routes mounted but not counted\n\nThese routes are served by code outside the "
         "repository (the admin, third-party packages); they are listed, not priced as "
         "endpoints.\n\n| Route | Target | Why not counted | Where |\n|---|---|---|---|\n";
  for (const auto& x : SortedByLocation(routes)) {
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
  out << "The scan went on past these; what they hide is missing from the counts above.\n\n"
         "| Severity | Problem | Where | Detail |\n|---|---|---|---|\n";
  for (const auto& d : diags) {
    out << "| " << SeverityName(d.severity) << " | " << Cell(d.code) << " | "
        << Code(FormatLocation(d.location)) << " | " << Cell(d.message) << " |\n";
  }
  out << "\n";
}

void Rates(const Report& r, std::ostream& out) {
  out << "## Rates and assumptions\n\n";
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
    std::vector<const Rate*> assumed;
    for (const auto& x : r.rates) {
      if (x.assumed) assumed.push_back(&x);
    }
    if (!assumed.empty()) {
      out << "Why the assumed rates are what they are:\n\n";
      for (const Rate* x : assumed) out << "- " << Code(x->id) << ": " << x->rationale << "\n";
      out << "\n";
    }
  }
  std::string example = r.rates.empty() ? "split-per-endpoint" : r.rates.front().id;
  const Rate* shown = FindReportRate(r, example);
  out << "To change a rate for this repository, add a table to its `pyproject.toml` "
         "(or pass `--rules FILE`); `djcost rules` prints the rates in effect and where each "
         "came from:\n\n```toml\n[tool.djcost.rates." << example << "]\n";
  out << "low = " << (shown ? FormatRate(shown->low) : "0.04") << "\n";
  out << "likely = " << (shown ? FormatRate(shown->likely) : "0.05") << "\n";
  out << "high = " << (shown ? FormatRate(shown->high) : "0.08") << "\n```\n\n";
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
  LineItems(report, out);
  Risks(report, out);
  SplitPlan(report, out);
  ExternalRoutes(report, out);
  Diagnostics(report, out);
  Rates(report, out);
}

}  // namespace djcost
