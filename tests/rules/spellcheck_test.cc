#include "util/spellcheck.h"

#include <gtest/gtest.h>

namespace djcost {
namespace {

TEST(EditDistanceTest, CountsEditsAndAdjacentSwapsAsOne) {
  EXPECT_EQ(EditDistance("", ""), 0);
  EXPECT_EQ(EditDistance("low", "low"), 0);
  EXPECT_EQ(EditDistance("", "abc"), 3);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3);
  EXPECT_EQ(EditDistance("tema", "team"), 1);
  EXPECT_EQ(EditDistance("hgih", "high"), 1);
  EXPECT_EQ(EditDistance("split-per-endpont", "split-per-endpoint"), 1);
}

TEST(ClosestMatchTest, PicksTheNearestPlausibleCandidate) {
  const std::vector<std::string> keys = {"team", "weekly_cost", "currency", "hot", "rates"};
  EXPECT_EQ(ClosestMatch("tema", keys), "team");
  EXPECT_EQ(ClosestMatch("weekly-cost", keys), "weekly_cost");
  EXPECT_EQ(ClosestMatch("rate", keys), "rates");
  EXPECT_EQ(ClosestMatch("colour", keys), "");
  // One character is no evidence of a typo of a two-letter word.
  EXPECT_EQ(ClosestMatch("x", {"id"}), "");
}

TEST(ClosestMatchTest, TiesGoToTheFirstCandidate) {
  EXPECT_EQ(ClosestMatch("lo", {"low", "log"}), "low");
  EXPECT_EQ(ClosestMatch("lo", {"log", "low"}), "log");
}

TEST(DidYouMeanTest, FormatsTheSuggestion) {
  EXPECT_EQ(DidYouMean("lwo", {"low", "likely", "high"}), " (did you mean \"low\"?)");
  EXPECT_EQ(DidYouMean("zzzzzz", {"low", "likely", "high"}), "");
}

}  // namespace
}  // namespace djcost
