// Reads the [tool.djcost] shape from TOML: options (team, weekly_cost, hot, ...)
// checked for type and stored as text in RuleSet::options, and rate overrides
// under rates.<rate-id>. Used for pyproject.toml and for a --rules FILE in TOML.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "data/rule_set.h"
#include "rules/load_rules.h"

namespace djcost {

enum class TomlConfigRoot {
  kPyproject,  // the settings sit in [tool.djcost]; a file without it changes nothing
  kDocument,   // the whole document has the shape of [tool.djcost]
};

/// The option keys [tool.djcost] accepts besides `rates`, in documentation order.
const std::vector<std::string>& KnownOptionKeys();

/// Applies the TOML `text` of `file` to `*rules`. `origin_name` prefixes the
/// origin of overridden rates ("pyproject.toml" -> "pyproject.toml:14"). List
/// options are stored one item per line. On failure `*rules` may be partly
/// changed: callers work on a copy.
[[nodiscard]] bool ApplyTomlConfig(std::string_view text, const std::string& file,
                                   const std::string& origin_name, TomlConfigRoot root,
                                   RuleSet* rules, ConfigError* err);

}  // namespace djcost
