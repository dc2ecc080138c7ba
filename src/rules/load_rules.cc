#include "rules/load_rules.h"

#include <algorithm>
#include <exception>
#include <functional>

#include "rules/merge_rules.h"
#include "rules/rule_set_text.h"
#include "rules/rules_json.h"
#include "rules/toml_config.h"
#include "util/atomic_file.h"
#include "util/strings.h"

namespace djcost {
namespace {

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The rule set the build merged (rules/prebuild_rules.cc), read into `out`:
// reading it back is some 30 times cheaper than parsing the JSON again, and
// cheaper than copying a RuleSet kept from an earlier call.
bool ReadDefaults(RuleSet* out, ConfigError* err) {
  std::string why;
  try {
    if (ReadRuleSetText(PrebuiltRuleSetText(), out)) {
      // The text is RuleSetText of the merged, sorted rules: its hash is their version.
      out->version = std::string(PrebuiltRulesVersion());
      return true;
    }
    why = "the prebuilt rules do not read";
  } catch (const std::exception& e) {
    why = e.what();
  }
  *out = RuleSet{};
  *err = ConfigError{"rules/", 0, 0, "", "internal error: " + why};
  return false;
}

// Which embedded file defined each name, for a --rules JSON file's duplicates
// to name it: merged from the embedded JSON, only when such a file is given.
bool EmbeddedOwners(RuleNameOwners* owners, ConfigError* err) {
  RuleSet merged;
  return MergeRuleFilesWithOwners(EmbeddedRuleFiles(), &merged, owners, err);
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
                    ConfigError* err) {
  std::string text;
  if (!read(path, &text, err)) return false;
  const std::string origin = BaseName(path);
  if (EndsWith(path, ".toml")) {
    return ApplyTomlConfig(text, path, origin, TomlConfigRoot::kDocument, rules, err);
  }
  if (EndsWith(path, ".json")) {
    RuleNameOwners owners;
    return EmbeddedOwners(&owners, err) &&
           ApplyRulesJson(text, path, origin, RulesJsonMode::kOverride, rules, &owners, err);
  }
  *err = ConfigError{path, 0, 0, "", "unknown rules file type: expected a .json or .toml file"};
  return false;
}

bool Load(const RuleSources& sources, const TextReader& read, RuleSet* out, ConfigError* err) {
  RuleSet rules;
  if (!ReadDefaults(&rules, err)) return false;
  if (sources.rules_file.empty() && sources.pyproject.empty()) {
    *out = std::move(rules);
    return true;
  }
  if (!sources.rules_file.empty() && !ApplyRulesFile(sources.rules_file, read, &rules, err)) {
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
  FinishRuleSet(&rules);
  *out = std::move(rules);
  return true;
}

}  // namespace

RuleSet DefaultRuleSet() {
  RuleSet rules;
  ConfigError unused;  // the build fails when the prebuilt rules do not read
  ReadDefaults(&rules, &unused);
  return rules;
}

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

std::vector<Rate> EffectiveRates(const RuleSet& rules) {
  std::vector<Rate> rates = rules.rates;
  std::sort(rates.begin(), rates.end(), [](const Rate& a, const Rate& b) { return a.id < b.id; });
  return rates;
}

}  // namespace djcost
