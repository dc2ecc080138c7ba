// Shared by every renderer: the fixed number formats, the names of enum values
// as they appear in reports, and the headline counts (sizes of inventory lists).
// Input: report data; output: strings and a ReportCounts. No decisions here.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "data/report.h"

namespace djcost {

/// Engineer-weeks and calendar weeks: one decimal.
std::string FormatWeeks(double weeks);
/// Rates: at least two decimals, up to four when needed to show the value exactly.
std::string FormatRate(double rate);
/// Counts: whole numbers without decimals, others with two.
std::string FormatCount(double count);
/// Shares in [0, 1] as whole percents: "37%".
std::string FormatPercent(double share);
/// Money: whole units with thousands separators, then the currency: "12,400 EUR".
std::string FormatMoney(double amount, const std::string& currency);
/// "path:line", or "path" when the line is unknown.
std::string FormatLocation(const Location& location);

const char* EndpointKindName(EndpointKind kind);  // "api", "page"
const char* ModelKindName(ModelKind kind);        // "concrete", "abstract", "proxy"
const char* SeverityName(Severity severity);      // "warning", "error"

/// The headline numbers, in the order the JSON report lists them. Models defined
/// in test files are counted apart (models_in_tests), never in the three kinds.
struct ReportCounts {
  int endpoints = 0;
  int routes = 0;
  int api_endpoints = 0;
  int pages = 0;
  int models_concrete = 0;
  int models_abstract = 0;
  int models_proxy = 0;
  int models_in_tests = 0;
  int admin_registrations = 0;
  int signal_receivers = 0;
  int custom_signals = 0;
  int external_routes = 0;
  int findings = 0;
  int apps = 0;
  int loc_code = 0;
  int loc_tests = 0;
  int loc_migrations = 0;
  int files = 0;
  int files_with_parse_errors = 0;
  int diagnostics = 0;

  /// (json key, value) pairs in report order.
  std::vector<std::pair<std::string, int>> Fields() const;
};

ReportCounts CountReport(const Report& report);

/// The rate a line item names, or nullptr.
const Rate* FindReportRate(const Report& report, const std::string& id);

}  // namespace djcost
