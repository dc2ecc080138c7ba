#include "estimate/scope.h"

#include <gtest/gtest.h>

#include "sample.h"

namespace djcost {
namespace {

TEST(MatchesHotPatternTest, GlobsOverRoutes) {
  const std::vector<std::string> orders = {"api/orders/**"};
  EXPECT_TRUE(MatchesHotPattern("api/orders/", orders));
  EXPECT_TRUE(MatchesHotPattern("api/orders/<int:pk>/", orders));
  EXPECT_TRUE(MatchesHotPattern("api/orders/<int:pk>/items/", orders));
  EXPECT_FALSE(MatchesHotPattern("api/orderstatus/", orders));
  EXPECT_FALSE(MatchesHotPattern("shop/api/orders/", orders));

  const std::vector<std::string> one_level = {"/api/*/"};
  EXPECT_TRUE(MatchesHotPattern("api/users/", one_level));
  EXPECT_FALSE(MatchesHotPattern("api/users/<int:pk>/", one_level));
  EXPECT_FALSE(MatchesHotPattern("api/", one_level));

  EXPECT_TRUE(MatchesHotPattern("", {"**"}));
  EXPECT_TRUE(MatchesHotPattern("health", {"x/*", "health"}));
  EXPECT_FALSE(MatchesHotPattern("health", {}));
}

TEST(SendersTest, ModelOfMatchesQualnameOrAppLabelDotName) {
  Inventory inv = testing::SampleInventory();
  const Senders senders(inv);
  EXPECT_EQ(senders.ModelOf("orders.models.Order"), &inv.models[0]);
  EXPECT_EQ(senders.ModelOf("accounts.User"), &inv.models[2]);
  EXPECT_EQ(senders.ModelOf("User"), nullptr);
  EXPECT_EQ(senders.ModelOf(""), nullptr);
  // Test models are inventoried apart and never senders of moved writes.
  EXPECT_EQ(senders.ModelOf("orders.models.Fake"), nullptr);
}

// Two models answering to one "app.Model" name: the first in inventory order wins.
TEST(SendersTest, TheFirstModelOfANameWins) {
  Inventory inv = testing::SampleInventory();
  Model twin = inv.models[0];
  twin.qualname = "orders.legacy.Order";
  inv.models.push_back(twin);
  const Senders senders(inv);
  EXPECT_EQ(senders.ModelOf("orders.Order"), &inv.models[0]);
  EXPECT_EQ(senders.ModelOf("orders.legacy.Order"), &inv.models.back());
}

TEST(SendersTest, AppOfFallsBackToTheCustomSignalsApp) {
  Inventory inv = testing::SampleInventory();
  const Senders senders(inv);
  EXPECT_EQ(senders.AppOf(inv.signal_receivers[0]), "orders");
  EXPECT_EQ(senders.AppOf(inv.signal_receivers[1]), "accounts");
  EXPECT_EQ(senders.AppOf(inv.signal_receivers[2]), "");
  EXPECT_EQ(senders.AppOf(inv.signal_receivers[3]), "orders");
}

TEST(ScopeOfTest, CollectsWhatTheMovedAppsCarry) {
  Inventory inv = testing::SampleInventory();
  MoveScope scope = ScopeOf(inv, {"api/users/**"});
  ASSERT_EQ(scope.endpoints.size(), 1u);
  EXPECT_EQ(scope.endpoints[0]->route, "api/users/me/");
  EXPECT_EQ(scope.apps, (std::set<std::string>{"accounts"}));
  ASSERT_EQ(scope.models.size(), 1u);
  EXPECT_EQ(scope.models[0]->name, "User");
  ASSERT_EQ(scope.receivers.size(), 1u);
  EXPECT_EQ(scope.receivers[0]->handler, "blog.signals.welcome");
  EXPECT_TRUE(scope.custom_signals.empty());
  EXPECT_TRUE(scope.findings.empty());
}

}  // namespace
}  // namespace djcost
