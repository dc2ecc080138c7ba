// Golden tests of `djcost diff` and `djcost PATH --baseline` over two fixture
// revisions: bookshop (base) and bookshop with fixtures/ci/head/ laid over it
// (one endpoint added, one route removed, a model, a receiver and raw SQL added).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli/ci_fixture.h"
#include "support/golden_file.h"

namespace djcost {
namespace {

using testing::ApplyHeadRevision;
using testing::CopyBookshop;
using testing::MatchesGolden;
using testing::RunCi;
using testing::TempDir;

// Writes base.json and head.json into `dir` and returns their paths.
struct Revisions {
  std::string base_repo, head_repo, base_json, head_json;
};

Revisions ScanBoth(const TempDir& dir) {
  Revisions r;
  dir.Mkdir("base");
  dir.Mkdir("head");
  r.base_repo = CopyBookshop(dir, "base/repo");
  r.head_repo = CopyBookshop(dir, "head/repo");
  ApplyHeadRevision(r.head_repo);
  r.base_json = (dir.path() / "base.json").string();
  r.head_json = (dir.path() / "head.json").string();
  EXPECT_EQ(RunCi({r.base_repo, "--format", "json", "-o", r.base_json}).code, 0);
  EXPECT_EQ(RunCi({r.head_repo, "--format", "json", "-o", r.head_json}).code, 0);
  return r;
}

TEST(DeltaGolden, MarkdownOfTwoFixtureRevisions) {
  TempDir dir;
  Revisions r = ScanBoth(dir);
  auto result = RunCi({"diff", r.base_json, r.head_json});
  EXPECT_EQ(result.code, 0);
  EXPECT_EQ(result.err, "");
  EXPECT_TRUE(MatchesGolden(result.out, "fixtures/ci/expected/delta.md"));
}

TEST(DeltaGolden, JsonOfTwoFixtureRevisions) {
  TempDir dir;
  Revisions r = ScanBoth(dir);
  auto result = RunCi({"diff", "--format", "json", r.base_json, r.head_json});
  EXPECT_EQ(result.code, 0);
  // The file names are the temporary folder's: normalise them before comparing.
  auto j = nlohmann::ordered_json::parse(result.out);
  EXPECT_EQ(j["base"], r.base_json);
  EXPECT_EQ(j["head"], r.head_json);
  j["base"] = "base.json";
  j["head"] = "head.json";
  EXPECT_TRUE(MatchesGolden(j.dump(2) + "\n", "fixtures/ci/expected/delta.json"));
}

TEST(DeltaGolden, BaselineOptionGivesTheSameDeltaAsDiff) {
  TempDir dir;
  Revisions r = ScanBoth(dir);
  auto diff = RunCi({"diff", r.base_json, r.head_json});
  auto scan = RunCi({r.head_repo, "--baseline", r.base_json});
  EXPECT_EQ(scan.code, 0);
  EXPECT_EQ(scan.err, "");
  EXPECT_EQ(scan.out, diff.out);
}

TEST(DeltaGolden, NothingChangedIsOneShortLine) {
  TempDir dir;
  Revisions r = ScanBoth(dir);
  auto result = RunCi({"diff", r.base_json, r.base_json});
  EXPECT_EQ(result.code, 0);
  EXPECT_EQ(result.out, "djcost: no change against the baseline.\n");
  auto scan = RunCi({r.base_repo, "--baseline", r.base_json});
  EXPECT_EQ(scan.out, "djcost: no change against the baseline.\n");
}

TEST(DeltaGolden, ReversedRevisionsSwapAddedAndRemoved) {
  TempDir dir;
  Revisions r = ScanBoth(dir);
  auto forward = nlohmann::json::parse(RunCi({"diff", "--format", "json", r.base_json, r.head_json}).out);
  auto back = nlohmann::json::parse(RunCi({"diff", "--format", "json", r.head_json, r.base_json}).out);
  EXPECT_EQ(forward["added"], back["removed"]);
  EXPECT_EQ(forward["removed"], back["added"]);
}

}  // namespace
}  // namespace djcost
