#include "cli/scan_config.h"

#include <gtest/gtest.h>

#include "support/temp_dir.h"

namespace djcost {
namespace {

using testing::TempDir;

TEST(ValidateScanOptions, TurnsOptionsIntoAConfig) {
  TempDir dir;
  dir.Write("pyproject.toml");
  ScanOptions o;
  o.path = dir.str() + "/";
  o.format = "json";
  o.jobs = 3;
  o.team = 4;
  o.weekly_cost = 5000;
  o.currency = "USD";
  o.hot = {"api/orders/**"};
  o.max_file_size = 1234;
  o.excludes = {"legacy/**"};
  o.fail_above = "split=12.5";
  ScanConfig c;
  std::string error;
  ASSERT_TRUE(ValidateScanOptions(o, &c, &error)) << error;
  EXPECT_EQ(c.root, dir.str());
  EXPECT_EQ(c.project, dir.path().filename().string());
  EXPECT_EQ(c.format, "json");
  EXPECT_EQ(c.pyproject, dir.str() + "/pyproject.toml");
  EXPECT_EQ(c.jobs, 3);
  EXPECT_EQ(c.estimate.team_size, 4);
  EXPECT_EQ(c.estimate.weekly_cost, 5000);
  EXPECT_EQ(c.estimate.currency, "USD");
  EXPECT_EQ(c.estimate.hot_patterns, (std::vector<std::string>{"api/orders/**"}));
  EXPECT_EQ(c.discover.max_file_size, 1234u);
  EXPECT_EQ(c.discover.excludes, (std::vector<std::string>{"legacy/**"}));
  EXPECT_EQ(c.fail_strategy, "split");
  EXPECT_EQ(c.fail_weeks, 12.5);
}

TEST(ValidateScanOptions, NoPyprojectNoCurrencyWithoutCost) {
  TempDir dir;
  ScanOptions o;
  o.path = dir.str();
  ScanConfig c;
  std::string error;
  ASSERT_TRUE(ValidateScanOptions(o, &c, &error)) << error;
  EXPECT_EQ(c.pyproject, "");
  EXPECT_EQ(c.estimate.currency, "");
  EXPECT_EQ(c.format, "md");
}

TEST(ValidateScanOptions, FailAboveNeedsAKnownStrategyAndANumber) {
  TempDir dir;
  for (const char* bad : {"split", "split=", "split=abc", "move=3", "split=-1", "split=3x"}) {
    ScanOptions o;
    o.path = dir.str();
    o.fail_above = bad;
    ScanConfig c;
    std::string error;
    EXPECT_FALSE(ValidateScanOptions(o, &c, &error)) << bad;
    EXPECT_EQ(error, std::string("--fail-above ") + bad +
                         ": expected STRATEGY=WEEKS with STRATEGY one of stay, split, hybrid, "
                         "rewrite");
  }
}

}  // namespace
}  // namespace djcost
