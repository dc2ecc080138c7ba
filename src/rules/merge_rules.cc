#include "rules/merge_rules.h"

#include <algorithm>
#include <exception>
#include <string>

#include "util/strings.h"

namespace djcost {
namespace {

// Embedded JSON that is rules; schema/ holds JSON Schemas describing them.
bool IsRuleFile(std::string_view path) {
  return EndsWith(path, ".json") && !StartsWith(path, "schema/");
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

}  // namespace

void FinishRuleSet(RuleSet* rules) {
  std::sort(rules->rates.begin(), rules->rates.end(),
            [](const Rate& a, const Rate& b) { return a.id < b.id; });
  std::sort(rules->classes.begin(), rules->classes.end(),
            [](const KnownClass& a, const KnownClass& b) { return a.qualname < b.qualname; });
  std::sort(rules->functions.begin(), rules->functions.end(),
            [](const KnownFunction& a, const KnownFunction& b) { return a.qualname < b.qualname; });
  std::sort(rules->builtin_signals.begin(), rules->builtin_signals.end());
  rules->version = RulesVersion(*rules);
}

bool MergeRuleFilesWithOwners(const std::vector<EmbeddedFile>& files, RuleSet* out,
                              RuleNameOwners* owners_out, ConfigError* err) {
  try {
    RuleSet rules;
    RuleNameOwners owners;
    for (const auto& f : files) {
      if (!IsRuleFile(f.path)) continue;
      if (!MergeOne(f, &rules, &owners, err)) return false;
    }
    FinishRuleSet(&rules);
    *out = std::move(rules);
    *owners_out = std::move(owners);
    return true;
  } catch (const std::exception& e) {
    *err = ConfigError{"", 0, 0, "", std::string("internal error: ") + e.what()};
    return false;
  }
}

bool MergeRuleFiles(const std::vector<EmbeddedFile>& files, RuleSet* out, ConfigError* err) {
  RuleNameOwners owners;
  return MergeRuleFilesWithOwners(files, out, &owners, err);
}

}  // namespace djcost
