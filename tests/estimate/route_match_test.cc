#include "estimate/route_match.h"

#include <gtest/gtest.h>

namespace djcost {
namespace {

TEST(RouteRegexTest, ConvertersAndLiterals) {
  EXPECT_EQ(RouteRegex("api/books/<int:pk>/"), "^api\\/books\\/([0-9]+)\\/$");
  EXPECT_EQ(RouteRegex("<slug:s>"), "^([-a-zA-Z0-9_]+)$");
  EXPECT_EQ(RouteRegex("<pk>"), "^([^/]+)$");
  EXPECT_EQ(RouteRegex("<path:p>"), "^(.+)$");
  EXPECT_EQ(RouteRegex("<custom:x>"), "^([^/]+)$");
  EXPECT_EQ(RouteRegex("orders/<int:pk>/status.json"),
            "^orders\\/([0-9]+)\\/status\\.json$");
  EXPECT_EQ(RouteRegex(""), "^$");
}

TEST(RouteRegexTest, RePathRoutesKeepTheirRegex) {
  EXPECT_EQ(RouteRegex("catalog/legacy/(?P<isbn>[0-9X]{10})/"),
            "^catalog/legacy/([0-9X]{10})/$");
  EXPECT_EQ(RouteRegex("^api/^items/(?P<id>\\d+)/$"), "^api/items/(\\d+)/$");
  EXPECT_EQ(RouteRegex("a/[$^]/"), "^a/[$^]/$");
}

struct MatchCase {
  std::string path;
  int expected;
};

TEST(RouteMatcherTest, MatchesLikeDjango) {
  const std::vector<std::string> routes = {
      "api/books/",                               // 0
      "api/books/<int:pk>/",                      // 1
      "api/books/<slug:slug>/",                   // 2
      "api/books/bestsellers/",                   // 3
      "files/<path:rest>",                        // 4
      "u/<uuid:id>/",                             // 5
      "catalog/legacy/(?P<isbn>[0-9X]{10})/",     // 6
      "",                                         // 7
      "api/<str:kind>/",                          // 8
  };
  std::vector<std::string> rejected;
  RouteMatcher m(routes, &rejected);
  EXPECT_TRUE(rejected.empty());
  const MatchCase cases[] = {
      {"api/books/", 0},
      {"api/books/12/", 1},           // int and slug tie on specificity: route order decides
      {"api/books/dune/", 2},
      {"api/books/bestsellers/", 3},  // the literal route beats the converters
      {"files/a/b/c.txt", 4},
      {"u/123e4567-e89b-12d3-a456-426614174000/", 5},
      {"u/not-a-uuid/", -1},
      {"catalog/legacy/012345678X/", 6},
      {"catalog/legacy/0123/", -1},
      {"", 7},
      {"api/books", 0},  // APPEND_SLASH: Django redirects to api/books/
      {"api/books/12", 1},
      {"api/authors/", 8},
      {"nowhere/", -1},
  };
  for (const auto& c : cases) EXPECT_EQ(m.Match(c.path), c.expected) << c.path;
}

TEST(RouteMatcherTest, RejectsRoutesStdRegexCannotCompile) {
  std::vector<std::string> rejected;
  RouteMatcher m({"ok/", "bad/(?<=x)y/"}, &rejected);
  ASSERT_EQ(rejected.size(), 1u);
  EXPECT_EQ(rejected[0], "bad/(?<=x)y/");
  EXPECT_EQ(m.Match("ok/"), 0);
  EXPECT_EQ(m.Match("bad/y/"), -1);
}

}  // namespace
}  // namespace djcost
