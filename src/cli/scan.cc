#include "cli/scan.h"

#include <algorithm>
#include <memory>

#include "cache/cache_location.h"
#include "cli/extract_cached.h"
#include "cli/progress.h"
#include "cli/traffic_file.h"
#include "discover/discover.h"
#include "estimate/estimate.h"
#include "extract/extract.h"
#include "link/link.h"
#include "rules/load_rules.h"
#include "rules/rule_options.h"
#include "syntax/python_parser.h"
#include "util/atomic_file.h"
#include "util/parallel.h"

#ifndef DJCOST_VERSION
#define DJCOST_VERSION "unknown"
#endif

namespace djcost {

std::vector<FileFacts> ExtractAll(const std::string& root, const std::vector<SourceFile>& files,
                                  int jobs) {
  return ExtractWithCache(root, files, jobs, FactCacheUse{}, nullptr).facts;
}

bool LooksLikeDjango(const Inventory& inv) {
  return !inv.settings_module.empty() || !inv.root_urlconf.empty() || !inv.endpoints.empty() ||
         !inv.external_routes.empty() || !inv.models.empty() ||
         !inv.admin_registrations.empty();
}

bool Scan(const ScanConfig& config, Report* report, std::string* error) {
  RuleSet rules;
  ConfigError config_error;
  if (!LoadRuleSet(RuleSources{config.rules_file, config.pyproject}, &rules, &config_error)) {
    *error = config_error.ToString();
    return false;
  }
  // Read before the scan, so a missing or empty traffic file fails fast.
  TrafficInput traffic;
  if (!LoadTraffic(config.root, config.estimate.traffic_file, OptionText(rules, "traffic"),
                   &traffic, error)) {
    return false;
  }
  {
    PythonParser probe;
    if (!probe.ok()) {
      *error = "tree-sitter: " + probe.Error();
      return false;
    }
  }
  Discovery discovery = Discover(config.root, config.discover);
  Progress progress(config.progress, config.progress != nullptr, discovery.files.size());
  Extraction extraction =
      ExtractWithCache(config.root, discovery.files, config.jobs,
                       FactCacheUse{config.cache_file, FactCacheKey(rules.version),
                                    config.unchanged.empty() ? nullptr : &config.unchanged},
                       &progress);
  progress.Finish();
  const std::vector<FileFacts>& facts = extraction.facts;
  Inventory inventory = Link(facts, rules);
  if (discovery.files.empty() || !LooksLikeDjango(inventory)) {
    *error = config.root + ": not a Django project (no settings, urls, models or admin found)";
    return false;
  }
  // [tool.djcost] in pyproject.toml fills what the command line left unset.
  EstimateOptions options = MergeEstimateOptions(rules, config.estimate);
  if (options.weekly_cost > 0 && options.currency.empty()) options.currency = "EUR";
  options.traffic_file = traffic.name;
  options.traffic = std::move(traffic.entries);
  Estimate estimate = EstimateCosts(inventory, rules, options);

  Report r;
  r.tool_version = DJCOST_VERSION;
  r.rules_version = rules.version;
  r.project = config.project;
  r.rates = EffectiveRates(rules);
  r.options = options;
  // Every stage's diagnostics, once each: link may pass file diagnostics on.
  std::vector<Diagnostic>& d = r.diagnostics;
  d = discovery.diagnostics;
  d.insert(d.end(), extraction.diagnostics.begin(), extraction.diagnostics.end());
  for (const auto& f : facts) d.insert(d.end(), f.diagnostics.begin(), f.diagnostics.end());
  d.insert(d.end(), inventory.diagnostics.begin(), inventory.diagnostics.end());
  d.insert(d.end(), estimate.diagnostics.begin(), estimate.diagnostics.end());
  d.insert(d.end(), traffic.diagnostics.begin(), traffic.diagnostics.end());
  std::sort(d.begin(), d.end());
  d.erase(std::unique(d.begin(), d.end()), d.end());
  r.inventory = std::move(inventory);
  r.estimate = std::move(estimate);
  *report = std::move(r);
  return true;
}

}  // namespace djcost
