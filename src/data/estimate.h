// What estimate makes of an inventory: strategies priced as line items, risks,
// a split plan and a recommendation. Produced by estimate/, consumed by render/.
// Plain data; depends on the standard library only.
#pragma once

#include <string>
#include <vector>

#include "data/diagnostic.h"

namespace djcost {

/// count x rate = effort, as low / likely / high engineer-weeks.
struct LineItem {
  std::string id;        // kebab-case, unique within its strategy
  std::string label;     // "API endpoints moved"
  double count = 0;      // units (endpoints, kLoC, models, or 1 for a fixed cost)
  std::string count_unit;
  std::string rate_id;
  double low = 0;
  double likely = 0;
  double high = 0;
  bool assumed = false;
  std::string source;
  bool operator==(const LineItem&) const = default;
};

struct StrategyEstimate {
  std::string id;  // "stay", "split", "hybrid", "rewrite"
  std::string summary;
  std::vector<LineItem> items;
  double low = 0;     // sums of the items
  double likely = 0;
  double high = 0;
  double p50 = 0;     // PERT aggregation of the items
  double p80 = 0;
  double assumed_share = 0;  // share of the likely total resting on assumed rates
  double calendar_weeks_p50 = 0;  // p50 / team size, when a team size is given
  double calendar_weeks_p80 = 0;
  double cost_p50 = 0;            // p50 x weekly cost, when a weekly cost is given
  double cost_p80 = 0;
  /// What a reader must know to read the total right: overlaps between items,
  /// cross-checks against the seeds' figures. Sentences, in a fixed order.
  std::vector<std::string> notes;
  bool operator==(const StrategyEstimate&) const = default;
};

struct Risk {
  std::string kind;    // kebab-case: "signal-on-moved-model", "overridden-save", ...
  std::string severity;  // "high", "medium", "low"
  std::string message;
  std::string app;
  Location location;
  auto operator<=>(const Risk&) const = default;
};

struct SplitStep {
  int rank = 0;
  std::string app;
  int api_endpoints = 0;
  int pages = 0;
  int models = 0;
  int cross_app_relations = 0;
  int cross_app_signals = 0;
  int admin_registrations = 0;
  double coupling = 0;  // the score the order is ranked by; lower moves first
  std::string reason;
  bool operator==(const SplitStep&) const = default;
};

struct Recommendation {
  std::string strategy;  // "stay", "split", "hybrid", "rewrite"
  std::string reason;    // names the rule and the counts that decided it
  bool operator==(const Recommendation&) const = default;
};

/// Requests seen on one path, from a traffic file (--traffic): an access log
/// line or a CSV row. Requests are grouped by (method, path).
struct TrafficEntry {
  std::string method;  // "GET", "POST", ...; "" when the source names none (CSV path,count)
  std::string path;    // as requested, without query string or leading '/'
  long long count = 0;
  auto operator<=>(const TrafficEntry&) const = default;
};

struct EstimateOptions {
  int team_size = 0;        // 0: no calendar weeks
  double weekly_cost = 0;   // 0: no money
  std::string currency;
  std::vector<std::string> hot_patterns;  // route globs for the split
  std::string traffic_file;               // its name, for the report; "" without traffic data
  std::vector<TrafficEntry> traffic;      // read and parsed by the CLI (estimate/traffic.h)
};

/// Requests that reached one endpoint, and whether the traffic rule put it in
/// the hot set. `method` is "" for requests given without a method (CSV) or
/// with one the route has no endpoint for (OPTIONS): they belong to the route.
struct EndpointTraffic {
  std::string route;
  std::string method;
  std::string app;
  bool api = false;  // an API endpoint (else a page)
  long long requests = 0;
  bool hot = false;
  bool operator==(const EndpointTraffic&) const = default;
};

/// What the traffic data says, once mapped onto the inventoried routes.
struct TrafficSummary {
  bool given = false;          // false: no traffic file, every other field is empty
  std::string file;            // the traffic file's name
  long long requests = 0;      // every request read
  long long api_requests = 0;  // on API endpoints
  long long page_requests = 0;
  long long external_requests = 0;   // on routes served outside the repository (admin...)
  long long unmatched_requests = 0;  // no inventoried route matches the path
  long long split_requests = 0;      // on the endpoints the split moves
  int unmatched_paths = 0;           // distinct (method, path) pairs among the unmatched
  double hot_share = 0;              // the share of API requests the hot set must carry
  std::vector<EndpointTraffic> endpoints;     // endpoints with requests, busiest first
  std::vector<TrafficEntry> top_unmatched;    // the busiest unmatched paths, at most 10
  bool operator==(const TrafficSummary&) const = default;
};

struct Estimate {
  Recommendation recommendation;
  std::vector<StrategyEstimate> strategies;  // stay, split, hybrid, rewrite
  std::vector<Risk> risks;
  std::vector<SplitStep> split_plan;
  // Split scope: which endpoints the split moves and what share of traffic they carry.
  std::string split_scope;  // "all API endpoints" or "hot set: N patterns"
  int split_endpoints = 0;
  double split_traffic_share = -1;  // -1 when no traffic data was given
  TrafficSummary traffic;
  std::vector<Diagnostic> diagnostics;
};

}  // namespace djcost
