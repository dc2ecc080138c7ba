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

TEST(SenderModelTest, MatchesQualnameOrAppLabelDotName) {
  Inventory inv = testing::SampleInventory();
  EXPECT_EQ(SenderModel(inv, "orders.models.Order"), &inv.models[0]);
  EXPECT_EQ(SenderModel(inv, "accounts.User"), &inv.models[2]);
  EXPECT_EQ(SenderModel(inv, "User"), nullptr);
  EXPECT_EQ(SenderModel(inv, ""), nullptr);
  // Test models are inventoried apart and never senders of moved writes.
  EXPECT_EQ(SenderModel(inv, "orders.models.Fake"), nullptr);
}

TEST(SenderAppTest, FallsBackToTheCustomSignalsApp) {
  Inventory inv = testing::SampleInventory();
  EXPECT_EQ(SenderApp(inv, inv.signal_receivers[0]), "orders");
  EXPECT_EQ(SenderApp(inv, inv.signal_receivers[1]), "accounts");
  EXPECT_EQ(SenderApp(inv, inv.signal_receivers[2]), "");
  EXPECT_EQ(SenderApp(inv, inv.signal_receivers[3]), "orders");
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
