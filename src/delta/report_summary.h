// What the delta, the thresholds and the portfolio read from a JSON report
// (docs/report-format.md): versions, counts, strategy figures, risks and every
// inventory item reduced to its stable identity and its place. Plain data.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "data/diagnostic.h"
#include "data/estimate.h"

namespace djcost {

/// One inventory item: the fields that identify it across revisions (a line
/// number is not one of them: lines move when code above them changes).
struct ReportItem {
  std::vector<std::pair<std::string, std::string>> key;  // (json key, value), in category order
  std::string title;                                     // one line for a person
  Location location;
  auto operator<=>(const ReportItem&) const = default;
};

struct StrategyFigures {
  std::string id;
  double p50 = 0;
  double p80 = 0;
  bool operator==(const StrategyFigures&) const = default;
};

struct ReportSummary {
  std::string name;  // where it was read from (a file name), for messages
  int schema_version = 0;
  std::string tool_version;
  std::string rules_version;
  std::string project;
  std::string recommendation;  // a strategy id
  std::vector<std::pair<std::string, int>> counts;  // the report's "counts", in order
  std::vector<StrategyFigures> strategies;
  std::map<std::string, std::vector<ReportItem>> items;  // by category id (see categories.h)
  std::vector<Risk> risks;

  /// The count named `key`, 0 when absent.
  int Count(const std::string& key) const {
    for (const auto& [k, v] : counts) {
      if (k == key) return v;
    }
    return 0;
  }
};

}  // namespace djcost
