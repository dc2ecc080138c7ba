// docs/rates.md must show every rate in effect with the figures the binary
// uses, so that the documentation cannot drift from rules/rates/.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "rules/load_rules.h"

namespace djcost {
namespace {

// As the table prints figures: up to four decimals, trailing zeros dropped.
std::string Figure(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", value);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

TEST(RatesDocTest, ListsEveryRateWithItsFigures) {
  std::ifstream in(std::string(DJCOST_SOURCE_DIR) + "/docs/rates.md");
  ASSERT_TRUE(in) << "docs/rates.md not found";
  std::stringstream text;
  text << in.rdbuf();
  const std::string doc = text.str();
  for (const Rate& r : EffectiveRates(DefaultRuleSet())) {
    const std::string row = "| `" + r.id + "` | " + Figure(r.low) + " | " + Figure(r.likely) +
                            " | " + Figure(r.high) + " | " + r.unit + " |";
    EXPECT_NE(doc.find(row), std::string::npos) << "missing row: " << row;
  }
}

}  // namespace
}  // namespace djcost
