// CI thresholds on a delta: --fail-on-growth STRATEGY=WEEKS or STRATEGY=PERCENT%
// (P50 growth against the baseline) and --fail-on-risk KIND (a new risk of that
// kind). Input: option text and a Delta; output: the thresholds exceeded, as lines.
#pragma once

#include <string>
#include <vector>

#include "delta/delta.h"

namespace djcost {

struct GrowthThreshold {
  std::string strategy;
  double amount = 0;     // engineer-weeks, or percent when `percent`
  bool percent = false;
};

struct Thresholds {
  std::vector<GrowthThreshold> growth;
  std::vector<std::string> risk_kinds;
  bool empty() const { return growth.empty() && risk_kinds.empty(); }
};

/// Parses "split=2" or "split=10%"; errors name the option and what was expected.
[[nodiscard]] bool ParseGrowthThreshold(const std::string& text, GrowthThreshold* threshold,
                                        std::string* error);

/// Checks that `kind` looks like a risk kind (kebab-case, e.g. "raw-sql").
[[nodiscard]] bool ParseRiskKind(const std::string& kind, std::string* error);

/// One line per threshold exceeded ("split P50 grew by 0.4 engineer-weeks (+7%),
/// above the threshold of 0.2"), in option order; empty when none was.
std::vector<std::string> CheckThresholds(const Delta& delta, const Thresholds& thresholds);

}  // namespace djcost
