#include "estimate/hot_set.h"

#include <gtest/gtest.h>

#include "estimate/traffic.h"
#include "sample.h"

namespace djcost {
namespace {

std::string Routes(const HotSet& hot) {
  std::string out;
  for (const Endpoint* e : hot.endpoints) out += e->method + " " + e->route + "\n";
  return out;
}

std::string Rows(const TrafficSummary& t) {
  std::string out;
  for (const auto& r : t.endpoints) {
    out += (r.method.empty() ? "*" : r.method) + " " + r.route + " " + std::to_string(r.requests) +
           (r.api ? " api" : " page") + (r.hot ? " hot" : "") + "\n";
  }
  return out;
}

EstimateOptions WithTraffic(const std::string& text) {
  EstimateOptions o;
  o.traffic_file = "access.log";
  o.traffic = ParseTraffic(text, "access.log").entries;
  return o;
}

TEST(ChooseHotSetTest, WithoutPatternsOrTrafficEveryApiEndpoint) {
  Inventory inv = testing::SampleInventory();
  HotSet hot = ChooseHotSet(inv, EstimateOptions{});
  EXPECT_EQ(hot.scope, "all API endpoints");
  EXPECT_EQ(hot.endpoints.size(), 6u);  // the test-only endpoint is left out
  EXPECT_FALSE(hot.traffic.given);
}

TEST(ChooseHotSetTest, PatternsPickRoutes) {
  Inventory inv = testing::SampleInventory();
  EstimateOptions o;
  o.hot_patterns = {"api/users/**"};
  HotSet hot = ChooseHotSet(inv, o);
  EXPECT_EQ(hot.scope, "hot set: 1 pattern");
  EXPECT_EQ(Routes(hot), "GET api/users/me/\n");
}

// 100 API requests: GET api/orders/<pk>/ 60, GET api/orders/ 25, api/users/me/ 10 (CSV, no
// method), POST api/orders/ 5. 80% of 100 is reached after the first two.
const char* kCsv =
    "path,count\n"
    "GET,/api/orders/7/,40\n"
    "HEAD,/api/orders/8/,20\n"
    "GET,/api/orders/,25\n"
    "/api/users/me/,10\n"
    "POST,/api/orders/,5\n"
    "GET,/blog/hello/,300\n"
    "GET,/admin/orders/order/,50\n"
    "GET,/static/app.css,400\n"
    "GET,/wp-login.php,100\n"
    "OPTIONS,/api/orders/,0\n";

TEST(ChooseHotSetTest, TrafficPicksTheBusiestApiEndpointsUpTo80Percent) {
  Inventory inv = testing::SampleInventory();
  inv.external_routes = {ExternalRoute{"admin/", "admin.site.urls", "admin", {}}};
  HotSet hot = ChooseHotSet(inv, WithTraffic(kCsv));
  EXPECT_EQ(Routes(hot), "GET api/orders/\nGET api/orders/<int:pk>/\n");
  EXPECT_EQ(hot.scope,
            "hot set: the 2 busiest API endpoints carrying 80% of API requests in access.log");
  const TrafficSummary& t = hot.traffic;
  EXPECT_TRUE(t.given);
  EXPECT_EQ(t.file, "access.log");
  EXPECT_EQ(t.requests, 950);
  EXPECT_EQ(t.api_requests, 100);
  EXPECT_EQ(t.page_requests, 300);
  EXPECT_EQ(t.external_requests, 50);
  EXPECT_EQ(t.unmatched_requests, 500);
  EXPECT_EQ(t.split_requests, 85);
  EXPECT_EQ(t.unmatched_paths, 2);
  ASSERT_EQ(t.top_unmatched.size(), 2u);
  EXPECT_EQ(t.top_unmatched[0].path, "static/app.css");
  EXPECT_EQ(t.top_unmatched[0].count, 400);
  EXPECT_EQ(t.top_unmatched[1].path, "wp-login.php");
  EXPECT_EQ(Rows(t),
            "GET blog/<slug:slug>/ 300 page\n"
            "GET api/orders/<int:pk>/ 60 api hot\n"
            "GET api/orders/ 25 api hot\n"
            "* api/users/me/ 10 api\n"
            "POST api/orders/ 5 api\n");
}

TEST(ChooseHotSetTest, PatternsAndTrafficAreJoined) {
  Inventory inv = testing::SampleInventory();
  EstimateOptions o = WithTraffic(kCsv);
  o.hot_patterns = {"api/users/**"};
  HotSet hot = ChooseHotSet(inv, o);
  EXPECT_EQ(Routes(hot), "GET api/orders/\nGET api/orders/<int:pk>/\nGET api/users/me/\n");
  EXPECT_EQ(hot.scope,
            "hot set: 1 pattern and the 2 busiest API endpoints carrying 80% of API requests in "
            "access.log");
  EXPECT_EQ(hot.traffic.split_requests, 95);
}

TEST(ChooseHotSetTest, TrafficThatReachesNoApiEndpointMovesThemAll) {
  Inventory inv = testing::SampleInventory();
  HotSet hot = ChooseHotSet(inv, WithTraffic("/blog/,10\n/nowhere/,5\n"));
  EXPECT_EQ(hot.endpoints.size(), 6u);
  EXPECT_EQ(hot.scope, "all API endpoints (no request in access.log reached an API endpoint)");
  EXPECT_EQ(hot.traffic.page_requests, 10);
  EXPECT_EQ(hot.traffic.split_requests, 0);
}

TEST(ChooseHotSetTest, AnyEndpointTakesEveryMethod) {
  Inventory inv = testing::SampleInventory();
  HotSet hot = ChooseHotSet(inv, WithTraffic("DELETE,/shop/cart/,3\n"));
  EXPECT_EQ(Rows(hot.traffic), "ANY shop/cart/ 3 page\n");
}

}  // namespace
}  // namespace djcost
