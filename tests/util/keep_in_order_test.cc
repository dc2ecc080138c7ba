#include "util/keep_in_order.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <string>

namespace djcost {
namespace {

// What KeepInOrder must equal: the named items copied out in order.
std::vector<std::string> Copied(const std::vector<std::string>& items,
                                const std::vector<std::size_t>& keep) {
  std::vector<std::string> out;
  for (std::size_t i : keep) out.push_back(items[i]);
  return out;
}

TEST(KeepInOrder, EdgeCases) {
  std::vector<std::string> none;
  KeepInOrder(&none, {});
  EXPECT_TRUE(none.empty());

  std::vector<std::string> v = {"a", "b", "c"};
  KeepInOrder(&v, {});
  EXPECT_TRUE(v.empty());

  v = {"a", "b", "c"};
  KeepInOrder(&v, {0, 1, 2});
  EXPECT_EQ(v, (std::vector<std::string>{"a", "b", "c"}));

  v = {"a", "b", "c"};
  KeepInOrder(&v, {2, 1, 0});
  EXPECT_EQ(v, (std::vector<std::string>{"c", "b", "a"}));

  v = {"a", "b", "c", "d"};
  KeepInOrder(&v, {3, 1});
  EXPECT_EQ(v, (std::vector<std::string>{"d", "b"}));
}

TEST(KeepInOrder, MatchesACopyOnRandomSelections) {
  std::mt19937 random(7);
  for (int round = 0; round < 500; ++round) {
    std::size_t n = random() % 40;
    std::vector<std::string> items;
    // Long enough that a moved-from string is visibly empty.
    for (std::size_t i = 0; i < n; ++i) items.push_back("item number " + std::to_string(i) + " of many");
    std::vector<std::size_t> keep(n);
    std::iota(keep.begin(), keep.end(), 0);
    std::shuffle(keep.begin(), keep.end(), random);
    keep.resize(n == 0 ? 0 : random() % (n + 1));
    std::vector<std::string> expected = Copied(items, keep);
    KeepInOrder(&items, keep);
    ASSERT_EQ(items, expected) << "round " << round;
  }
}

}  // namespace
}  // namespace djcost
