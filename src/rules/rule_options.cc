#include "rules/rule_options.h"

#include <charconv>

#include "util/strings.h"

namespace djcost {

std::vector<std::string> OptionList(const RuleSet& rules, const std::string& key) {
  auto it = rules.options.find(key);
  if (it == rules.options.end() || it->second.empty()) return {};
  return Split(it->second, '\n');
}

std::optional<double> OptionNumber(const RuleSet& rules, const std::string& key) {
  auto it = rules.options.find(key);
  if (it == rules.options.end()) return std::nullopt;
  double value = 0;
  const std::string& text = it->second;
  auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (result.ec != std::errc() || result.ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string OptionText(const RuleSet& rules, const std::string& key) {
  auto it = rules.options.find(key);
  return it == rules.options.end() ? "" : it->second;
}

EstimateOptions MergeEstimateOptions(const RuleSet& rules, EstimateOptions from_cli) {
  EstimateOptions o = std::move(from_cli);
  if (o.team_size <= 0) {
    if (auto team = OptionNumber(rules, "team")) o.team_size = static_cast<int>(*team);
  }
  if (o.weekly_cost <= 0) {
    if (auto cost = OptionNumber(rules, "weekly_cost")) o.weekly_cost = *cost;
  }
  if (o.currency.empty()) o.currency = OptionText(rules, "currency");
  if (o.hot_patterns.empty()) o.hot_patterns = OptionList(rules, "hot");
  if (o.traffic_file.empty()) o.traffic_file = OptionText(rules, "traffic");
  return o;
}

}  // namespace djcost
