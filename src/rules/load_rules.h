// Builds the RuleSet in effect: the embedded rules/ defaults, then a rules file
// given with --rules, then [tool.djcost] in the scanned repository's
// pyproject.toml. Errors name the file, line and key; nothing is half-applied.
// Reads the two files it is given; never prints, never throws.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "data/rule_set.h"
#include "rules/embedded.h"

namespace djcost {

struct ConfigError {
  std::string file;
  int line = 0;  // 0 when the problem is the file as a whole
  int column = 0;
  std::string key;  // dotted, e.g. "tool.djcost.rates.split-per-endpoint.low"; may be ""
  std::string message;

  /// "file:line:column: key "k": message"; the parts that are unknown are left out.
  std::string ToString() const;
  bool operator==(const ConfigError&) const = default;
};

struct RuleSources {
  std::string rules_file;  // --rules FILE (.json: rules/ format; .toml: [tool.djcost] shape), "" for none
  std::string pyproject;   // the scanned repository's pyproject.toml, "" for none; must exist when given
};

/// The embedded defaults alone. Never fails: a broken embedded file is a build bug
/// caught by tests (and reported by LoadRuleSet); its contents are left out here.
RuleSet DefaultRuleSet();

/// Defaults, then `sources.rules_file`, then `[tool.djcost]` of `sources.pyproject`.
/// On failure returns false, fills `*err` and leaves `*out` untouched.
[[nodiscard]] bool LoadRuleSet(const RuleSources& sources, RuleSet* out, ConfigError* err);

/// LoadRuleSet with the sources' contents given instead of read: `rules_text` is the
/// contents of `sources.rules_file` and `pyproject_text` of `sources.pyproject`
/// (the names still choose the format and appear in errors). For fuzzers and tests.
[[nodiscard]] bool LoadRuleSetFromText(const RuleSources& sources, std::string_view rules_text,
                                       std::string_view pyproject_text, RuleSet* out,
                                       ConfigError* err);

/// Merges rules/ JSON files by top-level key as DefaultRuleSet does: files not
/// ending in ".json" and files under "schema/" are skipped; every id, class and
/// function name must be unique. Sorts the result and sets `version`.
[[nodiscard]] bool MergeRuleFiles(const std::vector<EmbeddedFile>& files, RuleSet* out,
                                  ConfigError* err);

/// The rates in effect, sorted by id, each with its figures, source and origin
/// (the file and line its figures came from): the data behind `djcost rules`.
std::vector<Rate> EffectiveRates(const RuleSet& rules);

/// A stable hash (FNV-1a 64, 16 hex digits) of everything in `rules` except
/// `version` itself: a cache key for results that depend on the rules.
std::string RulesVersion(const RuleSet& rules);

}  // namespace djcost
