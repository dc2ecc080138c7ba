// The files of rules/ compiled into the binary, and the defaults djcost runs
// with merged from them at build time.
#pragma once

#include <string_view>
#include <vector>

namespace djcost {

struct EmbeddedFile {
  std::string_view path;      // relative to rules/, e.g. "rates/split.json"
  std::string_view contents;
};

/// Every file under rules/, sorted by path.
const std::vector<EmbeddedFile>& EmbeddedRuleFiles();

/// The rule files of EmbeddedRuleFiles merged as MergeRuleFiles does, in the form
/// of RuleSetText (rules/rule_set_text.h): written by the build, which fails when
/// an embedded rules file does not load (rules/prebuild_rules.cc).
std::string_view PrebuiltRuleSetText();

/// ContentHash of PrebuiltRuleSetText, the defaults' version: hashed by the build,
/// not at every start.
std::string_view PrebuiltRulesVersion();

}  // namespace djcost
