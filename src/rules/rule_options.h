// Typed access to the [tool.djcost] options that LoadRuleSet checked and stored
// as text in RuleSet::options, and their merge with command-line values.
// Input: a RuleSet; output: plain values. No I/O.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "data/estimate.h"
#include "data/rule_set.h"

namespace djcost {

/// A list option ("hot", "exclude") as its items; empty when unset.
std::vector<std::string> OptionList(const RuleSet& rules, const std::string& key);

/// A number option ("team", "weekly_cost", "max_file_size", "fail_above_weeks");
/// nullopt when unset.
std::optional<double> OptionNumber(const RuleSet& rules, const std::string& key);

/// A text option ("currency", "traffic", "settings"); "" when unset.
std::string OptionText(const RuleSet& rules, const std::string& key);

/// `from_cli` with what it leaves unset (team_size 0, weekly_cost 0, empty
/// currency, no hot patterns, no traffic file) taken from [tool.djcost]:
/// a value given on the command line wins.
EstimateOptions MergeEstimateOptions(const RuleSet& rules, EstimateOptions from_cli);

}  // namespace djcost
