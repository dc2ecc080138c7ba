// libFuzzer target over configuration loading: the input is read as a --rules
// file (JSON or TOML) or as a repository's pyproject.toml, through
// LoadRuleSetFromText, the in-memory twin of LoadRuleSet. A crash, a leak, a
// sanitizer report, or a failure that is not a ConfigError naming the file
// (an "internal error", i.e. an exception the readers did not turn into one)
// is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "rules/load_rules.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  djcost::RuleSources sources;
  std::string_view rules_text, pyproject_text;
  switch (data[0] % 3) {
    case 0:
      sources.rules_file = "custom.json";
      rules_text = text;
      break;
    case 1:
      sources.rules_file = "custom.toml";
      rules_text = text;
      break;
    default:
      sources.pyproject = "repo/pyproject.toml";
      pyproject_text = text;
      break;
  }
  djcost::RuleSet rules;
  djcost::ConfigError err;
  if (djcost::LoadRuleSetFromText(sources, rules_text, pyproject_text, &rules, &err)) {
    Check(!rules.version.empty());
    (void)djcost::EffectiveRates(rules);
  } else {
    Check(!err.message.empty());
    Check(err.message.rfind("internal error", 0) != 0);
    Check(err.file == sources.rules_file || err.file == sources.pyproject);
    Check(!err.ToString().empty());
  }
  return 0;
}
