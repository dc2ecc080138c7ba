#include "estimate/recommend.h"

#include <gtest/gtest.h>

#include "sample.h"

namespace djcost {
namespace {

Inventory Shape(int api, int pages, int admin, int code_lines) {
  Inventory inv;
  for (int i = 0; i < api; ++i) {
    inv.endpoints.push_back(testing::MakeEndpoint("api/" + std::to_string(i) + "/", "GET", "a",
                                                  EndpointKind::kApi, "a/urls.py", i + 1));
  }
  for (int i = 0; i < pages; ++i) {
    inv.endpoints.push_back(testing::MakeEndpoint("p/" + std::to_string(i) + "/", "GET", "a",
                                                  EndpointKind::kPage, "a/urls.py", i + 1));
  }
  for (int i = 0; i < admin; ++i) inv.admin_registrations.push_back(AdminRegistration{});
  inv.source.lines.code = code_lines;
  return inv;
}

TEST(RecommendTest, NothingToMove) {
  EXPECT_EQ(Recommend(Shape(0, 0, 3, 5000)),
            (Recommendation{"stay",
                            "rule \"nothing-to-move\": no endpoints found (0 API endpoints, 0 "
                            "pages), so nothing would move; staying on Django is the baseline"}));
}

TEST(RecommendTest, SmallApiOnlyCodebaseIsRewritten) {
  EXPECT_EQ(Recommend(Shape(14, 0, 0, 6200)),
            (Recommendation{"rewrite",
                            "rule \"small-api-only\": 14 API endpoints, no pages, no admin "
                            "registrations and 6.2 kLoC of code (at most 10): small and "
                            "API-only, so a rewrite rebuilds little"}));
  // 10 kLoC is still small; one line more is not.
  EXPECT_EQ(Recommend(Shape(14, 0, 0, 10000)).strategy, "rewrite");
  EXPECT_EQ(Recommend(Shape(14, 0, 0, 10001)).strategy, "split");
}

TEST(RecommendTest, ApiFirstIsSplit) {
  EXPECT_EQ(Recommend(Shape(16, 3, 5, 40000)),
            (Recommendation{"split",
                            "rule \"api-first\": 16 API endpoints are at least 2 x (3 pages + 5 "
                            "admin registrations): move the hot API paths to FastAPI, Django "
                            "keeps the rest"}));
  EXPECT_EQ(Recommend(Shape(15, 3, 5, 40000)).strategy, "stay");
  // A large API-only codebase is API-first too, not small enough to rewrite.
  EXPECT_EQ(Recommend(Shape(1, 0, 0, 50000)).strategy, "split");
}

TEST(RecommendTest, LargeApiBesideContentIsHybrid) {
  EXPECT_EQ(Recommend(Shape(20, 30, 12, 80000)),
            (Recommendation{"hybrid",
                            "rule \"api-beside-content\": 20 API endpoints (at least 20) beside "
                            "30 pages and 12 admin registrations: move the public API, Django "
                            "keeps the admin and the pages"}));
}

TEST(RecommendTest, AdminAndContentHeavyStays) {
  EXPECT_EQ(Recommend(Shape(19, 30, 1, 80000)),
            (Recommendation{"stay",
                            "rule \"existing-django\": 19 API endpoints (fewer than 20) beside "
                            "30 pages and 1 admin registration: an admin- and content-heavy "
                            "Django codebase stays on Django"}));
  EXPECT_EQ(Recommend(Shape(0, 1, 0, 100)).strategy, "stay");
}

TEST(RecommendTest, TestEndpointsDoNotCount) {
  Inventory inv = Shape(0, 2, 0, 1000);
  Endpoint e = testing::MakeEndpoint("api/t/", "GET", "a", EndpointKind::kApi, "t.py", 1);
  e.in_tests = true;
  for (int i = 0; i < 10; ++i) inv.endpoints.push_back(e);
  EXPECT_EQ(Recommend(inv).strategy, "stay");
}

}  // namespace
}  // namespace djcost
