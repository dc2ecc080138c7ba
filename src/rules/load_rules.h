// Builds the RuleSet in effect: the embedded rules/ defaults, then a rules file
// given with --rules, then [tool.djcost] in the scanned repository's
// pyproject.toml. Errors name the file, line and key; nothing is half-applied.
#pragma once

#include <string>

#include "data/rule_set.h"

namespace djcost {

struct ConfigError {
  std::string file;
  int line = 0;
  int column = 0;
  std::string key;
  std::string message;

  /// "file:line:column: key "k": message"
  std::string ToString() const;
};

struct RuleSources {
  std::string rules_file;  // --rules FILE (JSON or TOML), "" for none
  std::string pyproject;   // the scanned repository's pyproject.toml, "" for none
};

/// The embedded defaults alone. Never fails: a broken embedded file is a build bug
/// caught by tests.
RuleSet DefaultRuleSet();

[[nodiscard]] bool LoadRuleSet(const RuleSources& sources, RuleSet* out, ConfigError* err);

}  // namespace djcost
