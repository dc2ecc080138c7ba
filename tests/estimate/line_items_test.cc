#include "estimate/line_items.h"

#include <gtest/gtest.h>

#include <cmath>

#include "sample.h"

namespace djcost {
namespace {

TEST(LineItemsTest, MultipliesCountByRateAndCopiesTheSource) {
  RuleSet rules = testing::SampleRules();
  std::vector<Diagnostic> diagnostics;
  LineItems items(rules, "rewrite", &diagnostics);
  items.Add("code", "application code rewritten", 2.5, "kLoC", "rewrite-per-kloc");
  items.Add("pages", "pages rebuilt", 0, "pages", "page-rebuild");
  items.Add("ghost", "nothing", 3, "things", "no-such-rate");
  std::vector<LineItem> got = items.Take();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].id, "code");
  EXPECT_EQ(got[0].label, "application code rewritten");
  EXPECT_EQ(got[0].count_unit, "kLoC");
  EXPECT_NEAR(got[0].low, 0.5, 1e-12);
  EXPECT_NEAR(got[0].likely, 0.75, 1e-12);
  EXPECT_NEAR(got[0].high, 1.0, 1e-12);
  EXPECT_FALSE(got[0].assumed);
  EXPECT_EQ(got[0].source, "seed");
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0],
            (Diagnostic{Severity::kWarning, "missing-rate", Location{},
                        "rate \"no-such-rate\" is not in the rules: line item \"rewrite/ghost\" "
                        "is left out"}));
}

TEST(TotaliseTest, PertAggregation) {
  StrategyEstimate s;
  LineItem a;
  a.low = 1;
  a.likely = 2;
  a.high = 6;
  a.assumed = false;
  LineItem b;
  b.low = 0;
  b.likely = 3;
  b.high = 3;
  b.assumed = true;
  s.items = {a, b};
  EstimateOptions options;
  options.team_size = 4;
  options.weekly_cost = 100;
  Totalise(options, &s);
  EXPECT_EQ(s.low, 1);
  EXPECT_EQ(s.likely, 5);
  EXPECT_EQ(s.high, 9);
  // Means: (1 + 8 + 6) / 6 = 2.5 and (0 + 12 + 3) / 6 = 2.5; sds 5/6 and 3/6.
  EXPECT_NEAR(s.p50, 5.0, 1e-9);
  EXPECT_NEAR(s.p80, 5.0 + 0.8416 * std::sqrt(25.0 / 36 + 9.0 / 36), 1e-9);
  EXPECT_NEAR(s.p80, 5.817888185783634, 1e-9);
  EXPECT_NEAR(s.assumed_share, 0.6, 1e-9);
  EXPECT_NEAR(s.calendar_weeks_p50, 1.25, 1e-9);
  EXPECT_NEAR(s.calendar_weeks_p80, 5.817888185783634 / 4, 1e-9);
  EXPECT_NEAR(s.cost_p50, 500, 1e-9);
  EXPECT_NEAR(s.cost_p80, 581.7888185783634, 1e-9);
}

TEST(TotaliseTest, EmptyStrategyIsAllZero) {
  StrategyEstimate s;
  EstimateOptions options;
  options.team_size = 4;
  options.weekly_cost = 100;
  options.currency = "EUR";
  Totalise(options, &s);
  EXPECT_EQ(s, (StrategyEstimate{}));
}

}  // namespace
}  // namespace djcost
