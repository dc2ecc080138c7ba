// Reads one rules/ JSON document (rates, classes, functions, builtin_signals)
// into a RuleSet, strictly: unknown keys, wrong types and duplicates are
// ConfigErrors with the line, column and a dotted key. Used for the embedded
// defaults and for a --rules FILE in JSON.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "data/rule_set.h"
#include "rules/load_rules.h"

namespace djcost {

enum class RulesJsonMode {
  kDefaults,  // full entries; every id and name new
  kOverride,  // rates: {id, low, likely, high, rationale} of existing rates;
              // classes and functions replace entries of the same qualname
};

/// Which file first defined each rate id, class name and function name, so a
/// duplicate can name both files.
struct RuleNameOwners {
  std::map<std::string, std::string> rates;
  std::map<std::string, std::string> classes;    // qualnames and aliases
  std::map<std::string, std::string> functions;  // qualnames and aliases
};

/// Applies the JSON `text` of `file` to `*rules`. `origin_name` prefixes the
/// origin of overridden rates ("custom.json" -> "custom.json:12"). On failure
/// `*rules` and `*owners` may be partly changed: callers work on copies.
[[nodiscard]] bool ApplyRulesJson(std::string_view text, const std::string& file,
                                  const std::string& origin_name, RulesJsonMode mode,
                                  RuleSet* rules, RuleNameOwners* owners, ConfigError* err);

}  // namespace djcost
