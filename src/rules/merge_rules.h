// Merges the rules/ JSON files into one RuleSet, as the build does once for the
// embedded defaults (rules/prebuild_rules.cc) and `--rules FILE.json` needs again
// for the names' owners. Depends on rules_json only, so the build's generator
// links it without the prebuilt rules it makes.
#pragma once

#include <vector>

#include "data/rule_set.h"
#include "rules/embedded.h"
#include "rules/load_rules.h"
#include "rules/rules_json.h"

namespace djcost {

/// MergeRuleFiles (load_rules.h), also telling which file defined each rate id,
/// class name and function name.
[[nodiscard]] bool MergeRuleFilesWithOwners(const std::vector<EmbeddedFile>& files, RuleSet* out,
                                            RuleNameOwners* owners, ConfigError* err);

/// Sorts the rates, classes, functions and built-in signals (so that the rule
/// set and its version do not depend on file order) and sets `version`.
void FinishRuleSet(RuleSet* rules);

}  // namespace djcost
