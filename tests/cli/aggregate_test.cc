// `djcost aggregate` over three hand-written reports (fixtures/ci/aggregate/),
// so the ranking, sums and recommendation tally are checked against figures
// that do not move when the rates do.
#include <gtest/gtest.h>

#include "cli/ci_fixture.h"
#include "support/golden_file.h"

namespace djcost {
namespace {

using testing::MatchesGolden;
using testing::RunCi;
using testing::SourcePath;

// Report paths as given on the command line appear in the output; make them relative.
std::string Relative(std::string text) {
  std::string prefix = std::string(DJCOST_SOURCE_DIR) + "/";
  for (std::size_t at; (at = text.find(prefix)) != std::string::npos;) text.erase(at, prefix.size());
  return text;
}

std::vector<std::string> Reports() {
  return {SourcePath("fixtures/ci/aggregate/intranet.json"),
          SourcePath("fixtures/ci/aggregate/catalog.json"),
          SourcePath("fixtures/ci/aggregate/billing.json")};
}

TEST(Aggregate, MarkdownOfThreeReports) {
  std::vector<std::string> args = {"aggregate"};
  for (const auto& r : Reports()) args.push_back(r);
  auto result = RunCi(args);
  EXPECT_EQ(result.code, 0);
  EXPECT_EQ(result.err, "");
  EXPECT_TRUE(MatchesGolden(Relative(result.out), "fixtures/ci/expected/portfolio.md"));
}

TEST(Aggregate, JsonOfThreeReports) {
  std::vector<std::string> args = {"aggregate", "--format", "json"};
  for (const auto& r : Reports()) args.push_back(r);
  auto result = RunCi(args);
  EXPECT_EQ(result.code, 0);
  EXPECT_TRUE(MatchesGolden(Relative(result.out), "fixtures/ci/expected/portfolio.json"));
}

TEST(Aggregate, RankingDoesNotDependOnArgumentOrder) {
  std::vector<std::string> forward = {"aggregate"}, backward = {"aggregate"};
  std::vector<std::string> reports = Reports();
  forward.insert(forward.end(), reports.begin(), reports.end());
  backward.insert(backward.end(), reports.rbegin(), reports.rend());
  EXPECT_EQ(RunCi(forward).out, RunCi(backward).out);
}

TEST(Aggregate, RejectsAWrongSchemaVersionWithExitTwo) {
  testing::TempDir dir;
  dir.Write("future.json", "{\"schema_version\": 2}");
  std::string path = (dir.path() / "future.json").string();
  auto result = RunCi({"aggregate", SourcePath("fixtures/ci/aggregate/billing.json"), path});
  EXPECT_EQ(result.code, kExitUsage);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "djcost: error: " + path +
                            ": report schema_version 2 is not supported (this djcost reads 1; "
                            "rescan with this version)\n");
}

}  // namespace
}  // namespace djcost
