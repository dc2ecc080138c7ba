// A RuleSet as length-prefixed text ("5:rates", every field so framed): what
// RulesVersion hashes, and the form in which the build embeds the merged
// default rules (rules/prebuild_rules.cc), so that a scan reads them back
// instead of parsing 150 kB of JSON on every run.
#pragma once

#include <string>
#include <string_view>

#include "data/rule_set.h"

namespace djcost {

/// Every rule of `rules`: rates, classes, functions, built-in signals and
/// options. Not `version` (a hash of this text) nor `django` (set by the scan).
std::string RuleSetText(const RuleSet& rules);

/// Reads RuleSetText's output into `*out` (its `version` left empty). False,
/// with `*out` unspecified, when the text is not such output in whole.
[[nodiscard]] bool ReadRuleSetText(std::string_view text, RuleSet* out);

}  // namespace djcost
