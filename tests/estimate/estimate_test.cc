#include "estimate/estimate.h"

#include <gtest/gtest.h>

#include "rules/load_rules.h"
#include "sample.h"

namespace djcost {
namespace {

using testing::SampleInventory;
using testing::SampleRules;

// One expected line item: id, count, rate, low / likely / high, assumed.
struct Expected {
  std::string id;
  double count;
  std::string rate_id;
  double low, likely, high;
  bool assumed;
};

void ExpectItems(const StrategyEstimate& s, const std::vector<Expected>& expected) {
  ASSERT_EQ(s.items.size(), expected.size()) << s.id;
  for (size_t i = 0; i < expected.size(); ++i) {
    const LineItem& got = s.items[i];
    const Expected& want = expected[i];
    SCOPED_TRACE(s.id + "/" + want.id);
    EXPECT_EQ(got.id, want.id);
    EXPECT_NEAR(got.count, want.count, 1e-12);
    EXPECT_EQ(got.rate_id, want.rate_id);
    EXPECT_NEAR(got.low, want.low, 1e-12);
    EXPECT_NEAR(got.likely, want.likely, 1e-12);
    EXPECT_NEAR(got.high, want.high, 1e-12);
    EXPECT_EQ(got.assumed, want.assumed);
    EXPECT_EQ(got.source, want.assumed ? "assumption" : "seed");
  }
}

void ExpectTotals(const StrategyEstimate& s, double low, double likely, double high, double p50,
                  double p80, double assumed_share) {
  SCOPED_TRACE(s.id);
  EXPECT_NEAR(s.low, low, 1e-9);
  EXPECT_NEAR(s.likely, likely, 1e-9);
  EXPECT_NEAR(s.high, high, 1e-9);
  EXPECT_NEAR(s.p50, p50, 1e-9);
  EXPECT_NEAR(s.p80, p80, 1e-9);
  EXPECT_NEAR(s.assumed_share, assumed_share, 1e-9);
}

TEST(EstimateCostsTest, StrategiesComeInOrder) {
  Estimate e = EstimateCosts(SampleInventory(), SampleRules(), {});
  ASSERT_EQ(e.strategies.size(), 4u);
  EXPECT_EQ(e.strategies[0].id, "stay");
  EXPECT_EQ(e.strategies[1].id, "split");
  EXPECT_EQ(e.strategies[2].id, "hybrid");
  EXPECT_EQ(e.strategies[3].id, "rewrite");
  EXPECT_TRUE(e.diagnostics.empty());
}

TEST(EstimateCostsTest, StayIsTheZeroBaseline) {
  EstimateOptions options;
  options.team_size = 3;
  options.weekly_cost = 4000;
  const StrategyEstimate stay =
      EstimateCosts(SampleInventory(), SampleRules(), options).strategies[0];
  EXPECT_TRUE(stay.items.empty());
  ExpectTotals(stay, 0, 0, 0, 0, 0, 0);
  EXPECT_EQ(stay.calendar_weeks_p80, 0);
  EXPECT_EQ(stay.cost_p80, 0);
}

TEST(EstimateCostsTest, SplitMovesTheHotSetAndWhatItsAppsCarry) {
  EstimateOptions options;
  options.hot_patterns = {"/api/orders/**"};
  Estimate e = EstimateCosts(SampleInventory(), SampleRules(), options);
  EXPECT_EQ(e.split_scope, "hot set: 1 pattern");
  EXPECT_EQ(e.split_endpoints, 5);
  EXPECT_EQ(e.split_traffic_share, -1);
  const StrategyEstimate& split = e.strategies[1];
  // orders: 5 API endpoints (the test-only one left out); models Order and Item
  // (the test model left out); notify listens to Order; order_paid is defined
  // in orders; one raw SQL site; the custom user model needs shared auth.
  ExpectItems(split, {
                         {"endpoints", 5, "split-per-endpoint", 0.25, 0.25, 0.25, false},
                         {"models", 2, "model-mapping-per-model", 0.2, 0.4, 0.8, true},
                         {"signal-receivers", 1, "signal-receiver-to-call", 0.1, 0.1, 0.3, true},
                         {"custom-signals", 1, "custom-signal", 0.1, 0.2, 0.3, true},
                         {"raw-sql", 1, "raw-sql-review", 0.05, 0.1, 0.2, true},
                         {"auth", 1, "auth-shared-sessions", 1, 1, 2, true},
                         {"shared-database", 1, "shared-database-coordination", 1, 2, 3, true},
                     });
  ExpectTotals(split, 2.7, 4.05, 6.85, 4.291666666666667, 4.6194978047715018,
               0.93827160493827155);
  EXPECT_EQ(split.summary,
            "5 API endpoints move to a sibling FastAPI service on Django's database; Django "
            "keeps the rest.");
}

TEST(EstimateCostsTest, SplitWithoutPatternsMovesEveryApiEndpoint) {
  Estimate e = EstimateCosts(SampleInventory(), SampleRules(), {});
  EXPECT_EQ(e.split_scope, "all API endpoints");
  EXPECT_EQ(e.split_endpoints, 6);
  EXPECT_EQ(e.strategies[1].items, e.strategies[2].items);
}

TEST(EstimateCostsTest, SplitOfNothingCostsNothing) {
  EstimateOptions options;
  options.hot_patterns = {"nowhere/*", "never/**"};
  Estimate e = EstimateCosts(SampleInventory(), SampleRules(), options);
  EXPECT_EQ(e.split_scope, "hot set: 2 patterns");
  EXPECT_EQ(e.split_endpoints, 0);
  EXPECT_TRUE(e.strategies[1].items.empty());
  EXPECT_EQ(e.strategies[1].p80, 0);
}

TEST(EstimateCostsTest, HybridMovesEveryApiEndpoint) {
  const StrategyEstimate hybrid = EstimateCosts(SampleInventory(), SampleRules(), {}).strategies[2];
  // orders and accounts: 6 API endpoints; Order, Item and User; notify (Order)
  // and welcome (sender "accounts.User"); order_paid; the raw SQL in orders.
  ExpectItems(hybrid, {
                          {"endpoints", 6, "split-per-endpoint", 0.3, 0.3, 0.3, false},
                          {"models", 3, "model-mapping-per-model", 0.3, 0.6, 1.2, true},
                          {"signal-receivers", 2, "signal-receiver-to-call", 0.2, 0.2, 0.6, true},
                          {"custom-signals", 1, "custom-signal", 0.1, 0.2, 0.3, true},
                          {"raw-sql", 1, "raw-sql-review", 0.05, 0.1, 0.2, true},
                          {"auth", 1, "auth-shared-sessions", 1, 1, 2, true},
                          {"shared-database", 1, "shared-database-coordination", 1, 2, 3, true},
                      });
  ExpectTotals(hybrid, 2.95, 4.4, 7.6, 4.6916666666666664, 5.0361777051610002,
               0.93181818181818166);
  EXPECT_EQ(hybrid.summary,
            "The whole public API (6 endpoints) moves to FastAPI; Django keeps the admin and the "
            "pages, on the same database.");
}

TEST(EstimateCostsTest, HybridLeavesAuthOutWithoutCustomAuth) {
  Inventory inv = SampleInventory();
  inv.models[2].is_user_model = false;
  const StrategyEstimate hybrid = EstimateCosts(inv, SampleRules(), {}).strategies[2];
  for (const LineItem& item : hybrid.items) EXPECT_NE(item.id, "auth");
  for (const char* kind : {"auth-backend", "third-party-auth-backend", "custom-user-model"}) {
    Inventory with = inv;
    with.findings.push_back(Finding{kind, "core.auth.TokenBackend", "", {}});
    const StrategyEstimate hybrid_with = EstimateCosts(with, SampleRules(), {}).strategies[2];
    EXPECT_EQ(hybrid_with.items[5].id, "auth") << kind;
  }
}

TEST(EstimateCostsTest, RewriteRebuildsEverything) {
  const StrategyEstimate rewrite =
      EstimateCosts(SampleInventory(), SampleRules(), {}).strategies[3];
  ExpectItems(rewrite, {
                           {"code", 12, "rewrite-per-kloc", 2.4, 3.6, 4.8, false},
                           {"admin", 1, "admin-replacement", 3, 4.5, 6, false},
                           {"admin-customisations", 4, "admin-customisation", 0.4, 0.4, 0.8, true},
                           {"models", 4, "model-rewrite-per-model", 0.8, 1.6, 2.4, true},
                           {"signal-receivers", 4, "signal-receiver-to-call", 0.4, 0.4, 1.2, true},
                           {"custom-signals", 1, "custom-signal", 0.1, 0.2, 0.3, true},
                           {"pages", 3, "page-rebuild", 0.3, 0.6, 1.5, true},
                           {"celery-tasks", 1, "celery-task-review", 0.1, 0.1, 0.1, true},
                           {"raw-sql", 1, "raw-sql-review", 0.05, 0.1, 0.2, true},
                           {"auth", 1, "auth-rebuild", 1, 2, 4, true},
                           {"tests", 3, "test-port-per-kloc", 0.6, 1.2, 2.4, true},
                       });
  ExpectTotals(rewrite, 9.15, 14.7, 23.7, 15.274999999999997, 16.066761537613719,
               0.44897959183673475);
  EXPECT_EQ(rewrite.summary,
            "Everything is rebuilt on FastAPI, SQLAlchemy and Alembic: 12.0 kLoC, 9 endpoints, 4 "
            "models and the admin.");
}

TEST(EstimateCostsTest, RewriteWithoutAdminHasNoAdminItems) {
  Inventory inv = SampleInventory();
  inv.admin_registrations.clear();
  const StrategyEstimate rewrite = EstimateCosts(inv, SampleRules(), {}).strategies[3];
  EXPECT_EQ(rewrite.items[0].id, "code");
  EXPECT_EQ(rewrite.items[1].id, "models");
}

TEST(EstimateCostsTest, TeamAndWeeklyCostGiveCalendarWeeksAndMoney) {
  EstimateOptions options;
  options.team_size = 2;
  options.weekly_cost = 1000;
  const StrategyEstimate hybrid = EstimateCosts(SampleInventory(), SampleRules(), options).strategies[2];
  EXPECT_NEAR(hybrid.calendar_weeks_p50, 4.6916666666666664 / 2, 1e-9);
  EXPECT_NEAR(hybrid.calendar_weeks_p80, 5.0361777051610002 / 2, 1e-9);
  EXPECT_NEAR(hybrid.cost_p50, 4691.6666666666664, 1e-6);
  EXPECT_NEAR(hybrid.cost_p80, 5036.1777051610002, 1e-6);
  const StrategyEstimate plain = EstimateCosts(SampleInventory(), SampleRules(), {}).strategies[2];
  EXPECT_EQ(plain.calendar_weeks_p50, 0);
  EXPECT_EQ(plain.cost_p50, 0);
}

TEST(EstimateCostsTest, MissingRatesBecomeDiagnostics) {
  RuleSet rules = SampleRules();
  rules.rates.erase(rules.rates.begin() + 1);  // model-mapping-per-model
  Estimate e = EstimateCosts(SampleInventory(), rules, {});
  ASSERT_EQ(e.diagnostics.size(), 2u);
  EXPECT_EQ(e.diagnostics[0].code, "missing-rate");
  EXPECT_EQ(e.diagnostics[0].message,
            "rate \"model-mapping-per-model\" is not in the rules: line item \"split/models\" is "
            "left out");
  EXPECT_EQ(e.diagnostics[1].message,
            "rate \"model-mapping-per-model\" is not in the rules: line item \"hybrid/models\" "
            "is left out");
  EXPECT_EQ(e.strategies[1].items[1].id, "signal-receivers");
}

TEST(EstimateCostsTest, DefaultRatesPriceTheSplitAtTheDocumentedRate) {
  Inventory inv;
  for (int i = 0; i < 40; ++i) {
    Endpoint e;
    e.route = "api/r" + std::to_string(i) + "/";
    e.method = "GET";
    e.kind = EndpointKind::kApi;
    inv.endpoints.push_back(e);
  }
  const StrategyEstimate split = EstimateCosts(inv, DefaultRuleSet(), {}).strategies[1];
  ASSERT_EQ(split.items.size(), 2u);
  EXPECT_EQ(split.items[0].id, "endpoints");
  EXPECT_NEAR(split.items[0].likely, 2.0, 1e-12);  // one engineer-week per 20 endpoints
  EXPECT_FALSE(split.items[0].assumed);
  EXPECT_EQ(split.items[0].source, "FastAPI vs Django rule page (seeds/000)");
  EXPECT_EQ(split.items[1].id, "shared-database");
  EXPECT_TRUE(split.items[1].assumed);
}

TEST(EstimateCostsTest, IsDeterministic) {
  EstimateOptions options;
  options.hot_patterns = {"api/**"};
  Estimate a = EstimateCosts(SampleInventory(), SampleRules(), options);
  Estimate b = EstimateCosts(SampleInventory(), SampleRules(), options);
  EXPECT_EQ(a.strategies, b.strategies);
  EXPECT_EQ(a.risks, b.risks);
  EXPECT_EQ(a.split_plan, b.split_plan);
  EXPECT_EQ(a.recommendation, b.recommendation);
}

}  // namespace
}  // namespace djcost
