// The finished report every renderer takes: inventory, estimate, diagnostics and
// the versions that produced them. Renderers format it; they never compute.
#pragma once

#include <string>
#include <vector>

#include "data/estimate.h"
#include "data/inventory.h"
#include "data/rule_set.h"

namespace djcost {

inline constexpr int kReportSchemaVersion = 1;

struct Report {
  int schema_version = kReportSchemaVersion;
  std::string tool_version;
  std::string rules_version;
  std::string project;  // the scan root's folder name (never an absolute path)
  Inventory inventory;
  Estimate estimate;
  std::vector<Rate> rates;  // the rates in effect, for the line items' sources
  EstimateOptions options;  // what the estimate was asked for: team size, weekly cost, hot set
  std::vector<Diagnostic> diagnostics;  // all stages', sorted
};

}  // namespace djcost
