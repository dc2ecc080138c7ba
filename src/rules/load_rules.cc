#include "rules/load_rules.h"

#include <algorithm>
#include <exception>
#include <functional>

#include "rules/rules_json.h"
#include "rules/toml_config.h"
#include "util/atomic_file.h"
#include "util/strings.h"

namespace djcost {
namespace {

// Embedded JSON that is rules; schema/ holds JSON Schemas describing them.
bool IsRuleFile(std::string_view path) {
  return EndsWith(path, ".json") && !StartsWith(path, "schema/");
}

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Sorted so the rule set (and its version) does not depend on file order.
void Finish(RuleSet* rules) {
  std::sort(rules->rates.begin(), rules->rates.end(),
            [](const Rate& a, const Rate& b) { return a.id < b.id; });
  std::sort(rules->classes.begin(), rules->classes.end(),
            [](const KnownClass& a, const KnownClass& b) { return a.qualname < b.qualname; });
  std::sort(rules->functions.begin(), rules->functions.end(),
            [](const KnownFunction& a, const KnownFunction& b) { return a.qualname < b.qualname; });
  std::sort(rules->builtin_signals.begin(), rules->builtin_signals.end());
  rules->version = RulesVersion(*rules);
}

// One file applied to copies, committed only when it loads whole.
bool MergeOne(const EmbeddedFile& f, RuleSet* rules, RuleNameOwners* owners, ConfigError* err) {
  const std::string file = "rules/" + std::string(f.path);
  RuleSet next = *rules;
  RuleNameOwners next_owners = *owners;
  if (!ApplyRulesJson(f.contents, file, file, RulesJsonMode::kDefaults, &next, &next_owners,
                      err)) {
    return false;
  }
  *rules = std::move(next);
  *owners = std::move(next_owners);
  return true;
}

struct Defaults {
  RuleSet rules;
  RuleNameOwners owners;
  bool ok = true;
  ConfigError error;  // the first broken embedded file, when !ok
};

// Built once: the embedded files never change while the process runs.
const Defaults& EmbeddedDefaults() {
  static const Defaults defaults = [] {
    Defaults d;
    try {
      for (const auto& f : EmbeddedRuleFiles()) {
        if (!IsRuleFile(f.path)) continue;
        ConfigError error;
        if (!MergeOne(f, &d.rules, &d.owners, &error) && d.ok) {
          d.ok = false;
          d.error = error;
        }
      }
    } catch (const std::exception& e) {
      d.ok = false;
      d.error = ConfigError{"rules/", 0, 0, "", std::string("internal error: ") + e.what()};
    }
    Finish(&d.rules);
    return d;
  }();
  return defaults;
}

bool ReadConfigFile(const std::string& path, std::string* text, ConfigError* err) {
  std::string why;
  if (ReadFile(path, text, &why)) return true;
  // ReadFile says "path: reason"; the path is already the error's file.
  if (StartsWith(why, path + ": ")) why = why.substr(path.size() + 2);
  *err = ConfigError{path, 0, 0, "", "cannot read the file: " + why};
  return false;
}

// Reads a source's text: from the file system, or from memory (LoadRuleSetFromText).
using TextReader = std::function<bool(const std::string& path, std::string* text, ConfigError* err)>;

bool ApplyRulesFile(const std::string& path, const TextReader& read, RuleSet* rules,
                    RuleNameOwners* owners, ConfigError* err) {
  std::string text;
  if (!read(path, &text, err)) return false;
  const std::string origin = BaseName(path);
  if (EndsWith(path, ".toml")) {
    return ApplyTomlConfig(text, path, origin, TomlConfigRoot::kDocument, rules, err);
  }
  if (EndsWith(path, ".json")) {
    return ApplyRulesJson(text, path, origin, RulesJsonMode::kOverride, rules, owners, err);
  }
  *err = ConfigError{path, 0, 0, "", "unknown rules file type: expected a .json or .toml file"};
  return false;
}

bool Load(const RuleSources& sources, const TextReader& read, RuleSet* out, ConfigError* err) {
  const Defaults& defaults = EmbeddedDefaults();
  if (!defaults.ok) {
    *err = defaults.error;
    return false;
  }
  RuleSet rules = defaults.rules;
  RuleNameOwners owners = defaults.owners;
  if (!sources.rules_file.empty() && !ApplyRulesFile(sources.rules_file, read, &rules, &owners, err)) {
    return false;
  }
  if (!sources.pyproject.empty()) {
    std::string text;
    if (!read(sources.pyproject, &text, err)) return false;
    if (!ApplyTomlConfig(text, sources.pyproject, BaseName(sources.pyproject),
                         TomlConfigRoot::kPyproject, &rules, err)) {
      return false;
    }
  }
  Finish(&rules);
  *out = std::move(rules);
  return true;
}

}  // namespace

RuleSet DefaultRuleSet() { return EmbeddedDefaults().rules; }

bool LoadRuleSet(const RuleSources& sources, RuleSet* out, ConfigError* err) {
  try {
    return Load(sources, ReadConfigFile, out, err);
  } catch (const std::exception& e) {
    // The readers catch the parsers' own exceptions; this is for bad_alloc and
    // anything unforeseen, which must not escape the library either.
    *err = ConfigError{"", 0, 0, "", std::string("internal error: ") + e.what()};
    return false;
  }
}

bool LoadRuleSetFromText(const RuleSources& sources, std::string_view rules_text,
                         std::string_view pyproject_text, RuleSet* out, ConfigError* err) {
  try {
    TextReader read = [&](const std::string& path, std::string* text, ConfigError*) {
      *text = std::string(path == sources.rules_file ? rules_text : pyproject_text);
      return true;
    };
    return Load(sources, read, out, err);
  } catch (const std::exception& e) {
    *err = ConfigError{"", 0, 0, "", std::string("internal error: ") + e.what()};
    return false;
  }
}

bool MergeRuleFiles(const std::vector<EmbeddedFile>& files, RuleSet* out, ConfigError* err) {
  try {
    RuleSet rules;
    RuleNameOwners owners;
    for (const auto& f : files) {
      if (!IsRuleFile(f.path)) continue;
      if (!MergeOne(f, &rules, &owners, err)) return false;
    }
    Finish(&rules);
    *out = std::move(rules);
    return true;
  } catch (const std::exception& e) {
    *err = ConfigError{"", 0, 0, "", std::string("internal error: ") + e.what()};
    return false;
  }
}

std::vector<Rate> EffectiveRates(const RuleSet& rules) {
  std::vector<Rate> rates = rules.rates;
  std::sort(rates.begin(), rates.end(), [](const Rate& a, const Rate& b) { return a.id < b.id; });
  return rates;
}

}  // namespace djcost
