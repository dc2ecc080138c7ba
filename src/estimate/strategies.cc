#include "estimate/strategies.h"

#include "estimate/line_items.h"
#include "util/strings.h"

namespace djcost {
namespace {

std::string Counted(double n, const std::string& one, const std::string& many) {
  return std::to_string(static_cast<long long>(n)) + " " + (n == 1 ? one : many);
}

}  // namespace

StrategyEstimate PriceStay(const EstimateOptions& options) {
  StrategyEstimate s;
  s.id = "stay";
  s.summary = "Nothing moves: Django keeps every endpoint, model and the admin. The baseline.";
  Totalise(options, &s);
  return s;
}

StrategyEstimate PriceMove(const std::string& strategy, const Inventory& inventory,
                           const MoveScope& scope, const RuleSet& rules,
                           const EstimateOptions& options, std::vector<Diagnostic>* diagnostics) {
  StrategyEstimate s;
  s.id = strategy;
  const double endpoints = static_cast<double>(scope.endpoints.size());
  if (strategy == "split") {
    s.summary = Counted(endpoints, "API endpoint moves", "API endpoints move") +
                " to a sibling FastAPI service on Django's database; Django keeps the rest.";
  } else {
    s.summary = "The whole public API (" + Counted(endpoints, "endpoint", "endpoints") +
                ") moves to FastAPI; Django keeps the admin and the pages, on the same database.";
  }
  LineItems items(rules, strategy, diagnostics);
  if (endpoints > 0) {
    items.Add("endpoints", "API endpoints moved", endpoints, "endpoints", "split-per-endpoint");
    items.Add("models", "models mapped to SQLAlchemy", static_cast<double>(scope.models.size()),
              "models", "model-mapping-per-model");
    items.Add("signal-receivers", "signal receivers on moved models made explicit",
              static_cast<double>(scope.receivers.size()), "receivers",
              "signal-receiver-to-call");
    items.Add("custom-signals", "custom signals replaced by explicit calls",
              static_cast<double>(scope.custom_signals.size()), "signals", "custom-signal");
    items.Add("celery-tasks", "Celery tasks reviewed",
              CountFindings(scope.findings, "celery-task"), "tasks", "celery-task-review");
    items.Add("raw-sql", "raw SQL sites reviewed", CountFindings(scope.findings, "raw-sql"),
              "sites", "raw-sql-review");
    items.Add("auth", "authentication shared with Django", HasCustomAuth(inventory) ? 1 : 0,
              "once", "auth-shared-sessions");
    items.Add("shared-database", "shared-database coordination", 1, "once",
              "shared-database-coordination");
  }
  s.items = items.Take();
  Totalise(options, &s);
  return s;
}

StrategyEstimate PriceRewrite(const Inventory& inventory, const RuleSet& rules,
                              const EstimateOptions& options,
                              std::vector<Diagnostic>* diagnostics) {
  StrategyEstimate s;
  s.id = "rewrite";
  int pages = 0;
  int endpoints = 0;
  for (const Endpoint& e : inventory.endpoints) {
    if (e.in_tests) continue;
    ++endpoints;
    if (e.kind == EndpointKind::kPage) ++pages;
  }
  int models = 0;
  for (const Model& m : inventory.models) models += m.in_tests ? 0 : 1;
  int customisations = 0;
  for (const AdminRegistration& a : inventory.admin_registrations) {
    customisations += a.inlines + a.actions + a.custom_methods;
  }
  std::vector<const Finding*> findings;
  for (const Finding& f : inventory.findings) findings.push_back(&f);
  const double code_kloc = inventory.source.lines.code / 1000.0;
  const double test_kloc = inventory.tests.lines.code / 1000.0;

  s.summary = "Everything is rebuilt on FastAPI, SQLAlchemy and Alembic: " +
              FormatFixed(code_kloc, 1) + " kLoC, " +
              Counted(endpoints, "endpoint", "endpoints") + ", " +
              Counted(models, "model", "models") + (inventory.admin_registrations.empty()
                                                       ? "."
                                                       : " and the admin.");
  LineItems items(rules, "rewrite", diagnostics);
  items.Add("code", "application code rewritten", code_kloc, "kLoC", "rewrite-per-kloc");
  items.Add("admin", "admin replaced", inventory.admin_registrations.empty() ? 0 : 1, "once",
            "admin-replacement");
  items.Add("admin-customisations", "ModelAdmin customisations rebuilt", customisations,
            "customisations", "admin-customisation");
  items.Add("models", "models rebuilt on SQLAlchemy and Alembic", models, "models",
            "model-rewrite-per-model");
  items.Add("signal-receivers", "signal receivers made explicit",
            static_cast<double>(inventory.signal_receivers.size()), "receivers",
            "signal-receiver-to-call");
  items.Add("custom-signals", "custom signals replaced by explicit calls",
            static_cast<double>(inventory.custom_signals.size()), "signals", "custom-signal");
  items.Add("pages", "pages rebuilt", pages, "pages", "page-rebuild");
  items.Add("celery-tasks", "Celery tasks reviewed", CountFindings(findings, "celery-task"),
            "tasks", "celery-task-review");
  items.Add("raw-sql", "raw SQL sites reviewed", CountFindings(findings, "raw-sql"), "sites",
            "raw-sql-review");
  items.Add("auth", "auth and sessions rebuilt", endpoints + models > 0 ? 1 : 0, "once",
            "auth-rebuild");
  items.Add("tests", "test code ported", test_kloc, "kLoC", "test-port-per-kloc");
  s.items = items.Take();
  Totalise(options, &s);
  return s;
}

}  // namespace djcost
