#include "render/format.h"

#include <cmath>
#include <set>

#include "util/strings.h"

namespace djcost {

std::string FormatWeeks(double weeks) { return FormatFixed(weeks, 1); }

std::string FormatRate(double rate) {
  for (int decimals = 2; decimals < 4; ++decimals) {
    double scale = std::pow(10.0, decimals);
    if (std::fabs(std::round(rate * scale) - rate * scale) < 1e-6) return FormatFixed(rate, decimals);
  }
  return FormatFixed(rate, 4);
}

std::string FormatCount(double count) {
  if (std::fabs(count - std::round(count)) < 1e-9) return FormatFixed(count, 0);
  return FormatFixed(count, 2);
}

std::string FormatPercent(double share) { return FormatFixed(share * 100.0, 0) + "%"; }

std::string FormatMoney(double amount, const std::string& currency) {
  std::string digits = FormatFixed(std::fabs(amount), 0);
  std::string grouped;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  if (amount < 0 && grouped != "0") grouped = "-" + grouped;
  return currency.empty() ? grouped : grouped + " " + currency;
}

std::string FormatLocation(const Location& location) {
  if (location.line <= 0) return location.path;
  return location.path + ":" + std::to_string(location.line);
}

const char* EndpointKindName(EndpointKind kind) {
  return kind == EndpointKind::kApi ? "api" : "page";
}

const char* ModelKindName(ModelKind kind) {
  switch (kind) {
    case ModelKind::kConcrete:
      return "concrete";
    case ModelKind::kAbstract:
      return "abstract";
    case ModelKind::kProxy:
      return "proxy";
  }
  return "concrete";
}

const char* SeverityName(Severity severity) {
  return severity == Severity::kError ? "error" : "warning";
}

std::vector<std::pair<std::string, int>> ReportCounts::Fields() const {
  return {{"endpoints", endpoints},
          {"routes", routes},
          {"api_endpoints", api_endpoints},
          {"pages", pages},
          {"models_concrete", models_concrete},
          {"models_abstract", models_abstract},
          {"models_proxy", models_proxy},
          {"models_in_tests", models_in_tests},
          {"admin_registrations", admin_registrations},
          {"signal_receivers", signal_receivers},
          {"custom_signals", custom_signals},
          {"external_routes", external_routes},
          {"findings", findings},
          {"apps", apps},
          {"loc_code", loc_code},
          {"loc_tests", loc_tests},
          {"loc_migrations", loc_migrations},
          {"files", files},
          {"files_with_parse_errors", files_with_parse_errors},
          {"diagnostics", diagnostics}};
}

ReportCounts CountReport(const Report& report) {
  const Inventory& inv = report.inventory;
  ReportCounts c;
  std::set<std::string> routes;
  for (const auto& e : inv.endpoints) {
    ++c.endpoints;
    routes.insert(e.route);
    (e.kind == EndpointKind::kApi ? c.api_endpoints : c.pages) += 1;
  }
  c.routes = static_cast<int>(routes.size());
  for (const auto& m : inv.models) {
    if (m.in_tests) {
      ++c.models_in_tests;
      continue;
    }
    switch (m.kind) {
      case ModelKind::kConcrete:
        ++c.models_concrete;
        break;
      case ModelKind::kAbstract:
        ++c.models_abstract;
        break;
      case ModelKind::kProxy:
        ++c.models_proxy;
        break;
    }
  }
  c.admin_registrations = static_cast<int>(inv.admin_registrations.size());
  c.signal_receivers = static_cast<int>(inv.signal_receivers.size());
  c.custom_signals = static_cast<int>(inv.custom_signals.size());
  c.external_routes = static_cast<int>(inv.external_routes.size());
  c.findings = static_cast<int>(inv.findings.size());
  c.apps = static_cast<int>(inv.apps.size());
  c.loc_code = inv.source.lines.code;
  c.loc_tests = inv.tests.lines.code;
  c.loc_migrations = inv.migrations.lines.code;
  c.files = inv.source.files + inv.tests.files + inv.migrations.files;
  c.files_with_parse_errors = inv.files_with_parse_errors;
  c.diagnostics = static_cast<int>(report.diagnostics.size());
  return c;
}

const Rate* FindReportRate(const Report& report, const std::string& id) {
  for (const auto& r : report.rates) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

}  // namespace djcost
