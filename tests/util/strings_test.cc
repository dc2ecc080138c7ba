#include "util/strings.h"

#include <gtest/gtest.h>

#include <set>

namespace djcost {
namespace {

TEST(Split, KeepsEmptyPieces) {
  EXPECT_EQ(Split("a,,b", ','), (std::vector<std::string>{"a", "", "b"}));
  EXPECT_EQ(Split("", ','), (std::vector<std::string>{""}));
  EXPECT_EQ(Split("a/b/", '/'), (std::vector<std::string>{"a", "b", ""}));
}

TEST(Join, InsertsSeparatorBetweenParts) {
  EXPECT_EQ(Join({"a", "b", "c"}, ", "), "a, b, c");
  EXPECT_EQ(Join({}, ", "), "");
  EXPECT_EQ(Join({"only"}, "/"), "only");
}

TEST(StartsEndsWith, ComparePrefixAndSuffix) {
  EXPECT_TRUE(StartsWith("api/users/", "api/"));
  EXPECT_FALSE(StartsWith("ap", "api/"));
  EXPECT_TRUE(EndsWith("models.py", ".py"));
  EXPECT_FALSE(EndsWith("py", ".py"));
}

struct GlobCase {
  const char* pattern;
  const char* text;
  bool matches;
};

class GlobMatchTest : public ::testing::TestWithParam<GlobCase> {};

TEST_P(GlobMatchTest, Matches) {
  const GlobCase& c = GetParam();
  EXPECT_EQ(GlobMatch(c.pattern, c.text), c.matches) << c.pattern << " vs " << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, GlobMatchTest,
    ::testing::Values(GlobCase{"api/*", "api/users", true},
                      GlobCase{"api/*", "api/users/1", false},
                      GlobCase{"api/**", "api/users/1", true},
                      GlobCase{"api/**", "api/", true},
                      GlobCase{"**/migrations/*.py", "shop/migrations/0001_initial.py", true},
                      GlobCase{"**/migrations/*.py", "migrations/0001.py", true},
                      GlobCase{"**/migrations/*.py", "shop/migrations/sub/x.py", false},
                      GlobCase{"*.py", "a.py", true},
                      GlobCase{"*.py", "dir/a.py", false},
                      GlobCase{"a?c", "abc", true},
                      GlobCase{"a?c", "a/c", false},
                      GlobCase{"legacy/**", "legacy", false},
                      GlobCase{"users/<int:pk>/", "users/<int:pk>/", true},
                      GlobCase{"", "", true},
                      GlobCase{"", "x", false}));

TEST(Lower, LowersAsciiLettersOnly) {
  EXPECT_EQ(Lower("OrderItem"), "orderitem");
  EXPECT_EQ(Lower("GET_Ab-9"), "get_ab-9");
  EXPECT_EQ(Lower("Caf\xc3\x89"), "caf\xc3\x89");  // UTF-8 bytes are kept as they are
  EXPECT_EQ(Lower(""), "");
}

// HashName keys link's tables: equal names hash alike wherever they live, and
// every byte and the length count (the tail is read without a memcpy call).
TEST(HashName, DependsOnEveryByteAndTheLength) {
  std::string base = "django.contrib.admin.options.ModelAdmin.get_queryset";
  EXPECT_EQ(HashName(base), HashName(std::string(base)));
  EXPECT_EQ(HashName(std::string_view(base).substr(7, 9)), HashName("contrib.a"));
  std::set<std::size_t> seen;
  int names = 0;
  for (std::size_t len = 0; len <= base.size(); ++len) {
    std::string name = base.substr(0, len);
    seen.insert(HashName(name));
    ++names;
    for (std::size_t i = 0; i < len; ++i) {
      std::string changed = name;
      changed[i] ^= 0x20;
      seen.insert(HashName(changed));
      ++names;
    }
  }
  EXPECT_EQ(seen.size(), static_cast<std::size_t>(names));
  EXPECT_NE(HashName(std::string("a\0", 2)), HashName("a"));
}

TEST(Upper, RaisesAsciiLettersOnly) {
  EXPECT_EQ(Upper("get"), "GET");
  EXPECT_EQ(Upper("patch_Ab-9"), "PATCH_AB-9");
  EXPECT_EQ(Upper("caf\xc3\xa9"), "CAF\xc3\xa9");  // UTF-8 bytes are kept as they are
  EXPECT_EQ(Upper(""), "");
}

TEST(FormatFixed, UsesFixedDecimalsAndNoNegativeZero) {
  EXPECT_EQ(FormatFixed(1.25, 1), "1.2");  // round-half-even of the binary value
  EXPECT_EQ(FormatFixed(2.0, 2), "2.00");
  EXPECT_EQ(FormatFixed(0.049, 1), "0.0");
  EXPECT_EQ(FormatFixed(-0.01, 1), "0.0");
  EXPECT_EQ(FormatFixed(-1.5, 1), "-1.5");
  EXPECT_EQ(FormatFixed(12345.678, 0), "12346");
}

}  // namespace
}  // namespace djcost
