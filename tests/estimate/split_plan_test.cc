#include "estimate/split_plan.h"

#include <gtest/gtest.h>

#include "sample.h"

namespace djcost {
namespace {

using testing::MakeEndpoint;
using testing::MakeModel;
using testing::SampleInventory;

TEST(PlanSplitTest, SampleInventoryRankedByCoupling) {
  std::vector<SplitStep> plan = PlanSplit(SampleInventory());
  ASSERT_EQ(plan.size(), 2u);
  // orders: Order -> accounts (1 relation); order_paid received in accounts
  // (1 signal); shop/cart/ stays (1 page); Order is registered (1).
  // 1 + 2 x 1 + 0.5 x 1 + 0.25 x 1 = 3.75.
  EXPECT_EQ(plan[0], (SplitStep{1, "orders", 5, 1, 2, 1, 1, 1, 3.75,
                                "5 API endpoints; coupling 3.75 from 1 cross-app relation, 1 "
                                "cross-app signal, 1 page left in Django, 1 admin registration"}));
  // accounts: Order and Post point at User (2); welcome listens to User from
  // blog and on_paid listens to orders (2); User is registered (1).
  // 2 + 2 x 2 + 0.25 x 1 = 6.25.
  EXPECT_EQ(plan[1], (SplitStep{2, "accounts", 1, 0, 1, 2, 2, 1, 6.25,
                                "1 API endpoint; coupling 6.25 from 2 cross-app relations, 2 "
                                "cross-app signals, 1 admin registration"}));
}

TEST(PlanSplitTest, TiesGoToTheBiggerApiThenTheName) {
  Inventory inv;
  const auto api = EndpointKind::kApi;
  inv.endpoints = {MakeEndpoint("b/", "GET", "beta", api, "beta/urls.py", 1),
                   MakeEndpoint("a/", "GET", "alpha", api, "alpha/urls.py", 1),
                   MakeEndpoint("g/", "GET", "gamma", api, "gamma/urls.py", 1),
                   MakeEndpoint("g/", "POST", "gamma", api, "gamma/urls.py", 1)};
  std::vector<SplitStep> plan = PlanSplit(inv);
  ASSERT_EQ(plan.size(), 3u);
  EXPECT_EQ(plan[0].app, "gamma");
  EXPECT_EQ(plan[0].reason, "2 API endpoints; coupling 0: self-contained");
  EXPECT_EQ(plan[1].app, "alpha");
  EXPECT_EQ(plan[2].app, "beta");
  EXPECT_EQ(plan[2].rank, 3);
}

TEST(PlanSplitTest, AppsWithoutApiEndpointsAndTestEndpointsAreLeftOut) {
  Inventory inv;
  Endpoint test_only = MakeEndpoint("t/", "GET", "tests_app", EndpointKind::kApi, "t.py", 1);
  test_only.in_tests = true;
  inv.endpoints = {MakeEndpoint("p/", "GET", "pages", EndpointKind::kPage, "p/urls.py", 1),
                   test_only};
  inv.models = {MakeModel("pages", "Page", 1)};
  EXPECT_TRUE(PlanSplit(inv).empty());
}

}  // namespace
}  // namespace djcost
