// Each CI threshold with its exit code, on the two fixture revisions: the head
// grows the hybrid's P50 by 0.32 engineer-weeks (+5.17%) and adds one raw-sql
// and one signal-on-moved-model risk (see fixtures/ci/expected/delta.md).
#include <gtest/gtest.h>

#include <filesystem>

#include "cli/ci_fixture.h"

namespace djcost {
namespace {

using testing::ApplyHeadRevision;
using testing::CopyBookshop;
using testing::RunCi;
using testing::TempDir;

class Thresholds : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.Mkdir("base");
    dir_.Mkdir("head");
    base_repo_ = CopyBookshop(dir_, "base/repo");
    head_repo_ = CopyBookshop(dir_, "head/repo");
    ApplyHeadRevision(head_repo_);
    base_ = (dir_.path() / "base.json").string();
    head_ = (dir_.path() / "head.json").string();
    ASSERT_EQ(RunCi({base_repo_, "--format", "json", "-o", base_}).code, 0);
    ASSERT_EQ(RunCi({head_repo_, "--format", "json", "-o", head_}).code, 0);
  }
  testing::CiResult Diff(std::vector<std::string> options) {
    std::vector<std::string> args = {"diff", base_, head_};
    args.insert(args.end(), options.begin(), options.end());
    return RunCi(args);
  }
  TempDir dir_;
  std::string base_repo_, head_repo_, base_, head_;
};

TEST_F(Thresholds, GrowthInWeeksAboveFailsWithExitOne) {
  auto r = Diff({"--fail-on-growth", "hybrid=0.3"});
  EXPECT_EQ(r.code, kExitThreshold);
  EXPECT_EQ(r.err,
            "djcost: threshold exceeded: hybrid P50 grew by +0.32 engineer-weeks, above the "
            "threshold of 0.3 engineer-weeks\n");
  EXPECT_NE(r.out.find("## djcost delta: repo"), std::string::npos);  // the delta is still written
}

TEST_F(Thresholds, GrowthInWeeksBelowPasses) {
  auto r = Diff({"--fail-on-growth", "hybrid=0.32"});
  EXPECT_EQ(r.code, kExitOk);
  EXPECT_EQ(r.err, "");
}

TEST_F(Thresholds, GrowthInPercentAboveFailsWithExitOne) {
  auto r = Diff({"--fail-on-growth", "split=5%"});
  EXPECT_EQ(r.code, kExitThreshold);
  EXPECT_EQ(r.err,
            "djcost: threshold exceeded: split P50 grew by +0.32 engineer-weeks (+5%), above the "
            "threshold of 5%\n");
}

TEST_F(Thresholds, GrowthInPercentBelowPasses) {
  EXPECT_EQ(Diff({"--fail-on-growth", "split=5.2%"}).code, kExitOk);
  // The rewrite shrank: no growth threshold can fail on it.
  EXPECT_EQ(Diff({"--fail-on-growth", "rewrite=0"}).code, kExitOk);
}

TEST_F(Thresholds, NewRiskOfTheNamedKindFailsWithExitOne) {
  auto r = Diff({"--fail-on-risk", "raw-sql", "--fail-on-risk", "signal-on-moved-model"});
  EXPECT_EQ(r.code, kExitThreshold);
  EXPECT_EQ(r.err,
            "djcost: threshold exceeded: 1 new raw-sql risk (first at reviews/views.py:57)\n"
            "djcost: threshold exceeded: 1 new signal-on-moved-model risk (first at "
            "reviews/signals.py:25)\n");
}

TEST_F(Thresholds, RiskKindsTheBaselineAlreadyHadPass) {
  // custom-manager risks exist on both sides, db-router on neither.
  EXPECT_EQ(Diff({"--fail-on-risk", "custom-manager", "--fail-on-risk", "db-router"}).code,
            kExitOk);
}

TEST_F(Thresholds, ScanWithBaselineWritesTheDeltaThenFails) {
  std::string out = (dir_.path() / "delta.md").string();
  auto r = RunCi({head_repo_, "--baseline", base_, "-o", out, "--fail-on-risk", "raw-sql"});
  EXPECT_EQ(r.code, kExitThreshold);
  EXPECT_TRUE(std::filesystem::exists(out));
  EXPECT_EQ(r.err, "djcost: threshold exceeded: 1 new raw-sql risk (first at reviews/views.py:57)\n");
}

TEST_F(Thresholds, RiskWithoutBaselineCountsEveryRisk) {
  // bookshop itself has one raw-sql risk; without a baseline every risk is new.
  auto r = RunCi({base_repo_, "--format", "json", "-o", (dir_.path() / "r.json").string(),
                  "--fail-on-risk", "raw-sql"});
  EXPECT_EQ(r.code, kExitThreshold);
  EXPECT_EQ(r.err.rfind("djcost: threshold exceeded: 1 new raw-sql risk (first at ", 0), 0u) << r.err;
}

TEST_F(Thresholds, FailAboveStillWorksBesideBaseline) {
  auto r = RunCi({head_repo_, "--baseline", base_, "--fail-above", "hybrid=6"});
  EXPECT_EQ(r.code, kExitThreshold);
  EXPECT_EQ(r.err, "djcost: hybrid P50 of 6.5 engineer-weeks is above the threshold of 6.0\n");
}

TEST_F(Thresholds, UsageErrorsExitTwo) {
  auto bad = Diff({"--fail-on-growth", "split"});
  EXPECT_EQ(bad.code, kExitUsage);
  EXPECT_EQ(bad.err,
            "djcost: error: --fail-on-growth split: expected STRATEGY=WEEKS or STRATEGY=PERCENT% "
            "with STRATEGY one of stay, split, hybrid, rewrite (e.g. split=2 or split=10%)\n");
  EXPECT_EQ(Diff({"--fail-on-growth", "monolith=2"}).code, kExitUsage);
  EXPECT_EQ(Diff({"--fail-on-risk", "Raw SQL"}).code, kExitUsage);
  auto no_base = RunCi({head_repo_, "--fail-on-growth", "split=1"});
  EXPECT_EQ(no_base.code, kExitUsage);
  EXPECT_EQ(no_base.err,
            "djcost: error: --fail-on-growth needs --baseline BASE.json (growth is measured "
            "against it)\n");
  dir_.Write("broken.json", "{\n  \"schema_version\": 1,\n  oops\n}\n");
  std::string broken = (dir_.path() / "broken.json").string();
  auto bad_json = RunCi({"diff", broken, head_});
  EXPECT_EQ(bad_json.code, kExitUsage);
  EXPECT_EQ(bad_json.err.rfind("djcost: error: " + broken + ":3: not valid JSON: ", 0), 0u)
      << bad_json.err;
  auto missing = RunCi({"diff", (dir_.path() / "nope.json").string(), head_});
  EXPECT_EQ(missing.code, kExitUsage);
}

}  // namespace
}  // namespace djcost
