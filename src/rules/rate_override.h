// One user override of a rate's figures, from a rules file or pyproject.toml,
// and how it is applied: new figures are checked for order, and a rate whose
// figures change becomes an assumption with source "override".
#pragma once

#include <optional>
#include <string>

#include "data/rule_set.h"
#include "rules/load_rules.h"

namespace djcost {

inline constexpr char kOverrideSource[] = "override";

struct RateOverride {
  std::string id;  // must name a rate in the rule set
  std::optional<double> low;
  std::optional<double> likely;
  std::optional<double> high;
  std::optional<std::string> rationale;
  std::string origin;  // becomes Rate::origin: "pyproject.toml:14"
  ConfigError where;   // file, line, column and key of the override, for errors
};

/// Applies `change` to its rate in `*rules`. Fails, leaving `*rules` untouched,
/// when the figures in effect would break low <= likely <= high.
[[nodiscard]] bool ApplyRateOverride(const RateOverride& change, RuleSet* rules, ConfigError* err);

}  // namespace djcost
