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

struct EstimateOptions {
  int team_size = 0;        // 0: no calendar weeks
  double weekly_cost = 0;   // 0: no money
  std::string currency;
  std::vector<std::string> hot_patterns;  // route globs for the split
  std::string traffic_file;               // already read into hot routes by the CLI
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
  std::vector<Diagnostic> diagnostics;
};

}  // namespace djcost
