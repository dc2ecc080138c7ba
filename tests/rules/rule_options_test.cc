#include "rules/rule_options.h"

#include <gtest/gtest.h>

#include "rules/load_rules.h"
#include "temp_dir.h"

namespace djcost {
namespace {

RuleSet WithOptions() {
  testing::TempDir dir;
  const std::string pyproject = dir.Write("pyproject.toml",
                                          "[tool.djcost]\n"
                                          "team = 3\n"
                                          "weekly_cost = 2500.5\n"
                                          "currency = \"EUR\"\n"
                                          "hot = [\"api/orders/**\", \"api/cart/*\"]\n"
                                          "traffic = \"ops/traffic.csv\"\n");
  RuleSet rules;
  ConfigError err;
  EXPECT_TRUE(LoadRuleSet({"", pyproject}, &rules, &err)) << err.ToString();
  return rules;
}

TEST(RuleOptionsTest, ReadsTypedValues) {
  RuleSet rules = WithOptions();
  EXPECT_EQ(OptionNumber(rules, "team"), 3.0);
  EXPECT_EQ(OptionNumber(rules, "weekly_cost"), 2500.5);
  EXPECT_EQ(OptionNumber(rules, "max_file_size"), std::nullopt);
  EXPECT_EQ(OptionList(rules, "hot"), (std::vector<std::string>{"api/orders/**", "api/cart/*"}));
  EXPECT_TRUE(OptionList(rules, "exclude").empty());
  EXPECT_EQ(OptionText(rules, "currency"), "EUR");
  EXPECT_EQ(OptionText(rules, "settings"), "");
}

TEST(RuleOptionsTest, CommandLineWinsAndPyprojectFillsTheRest) {
  RuleSet rules = WithOptions();
  EstimateOptions cli;
  cli.team_size = 5;
  EstimateOptions merged = MergeEstimateOptions(rules, cli);
  EXPECT_EQ(merged.team_size, 5);
  EXPECT_EQ(merged.weekly_cost, 2500.5);
  EXPECT_EQ(merged.currency, "EUR");
  EXPECT_EQ(merged.hot_patterns, (std::vector<std::string>{"api/orders/**", "api/cart/*"}));
  EXPECT_EQ(merged.traffic_file, "ops/traffic.csv");

  EstimateOptions none = MergeEstimateOptions(DefaultRuleSet(), EstimateOptions{});
  EXPECT_EQ(none.team_size, 0);
  EXPECT_TRUE(none.hot_patterns.empty());
}

}  // namespace
}  // namespace djcost
