// SARIF 2.1.0 validity: the fields code-scanning UIs require (version, runs,
// tool.driver with rules, results with ruleId, level, message and a physical
// location whose uri is relative and whose startLine is a line of that file).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "cli/ci_fixture.h"

namespace djcost {
namespace {

using Json = nlohmann::json;
using testing::ApplyHeadRevision;
using testing::CopyBookshop;
using testing::RunCi;
using testing::TempDir;

int LinesOf(const std::string& path) {
  std::ifstream in(path);
  int n = 0;
  for (std::string line; std::getline(in, line);) ++n;
  return n;
}

// Checks the structure of a SARIF log against the repository it describes.
void ExpectValidSarif(const Json& log, const std::string& repo) {
  ASSERT_EQ(log["version"], "2.1.0");
  ASSERT_TRUE(log["$schema"].get<std::string>().find("sarif-schema-2.1.0") != std::string::npos);
  ASSERT_EQ(log["runs"].size(), 1u);
  const Json& run = log["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "djcost");
  EXPECT_FALSE(run["tool"]["driver"]["version"].get<std::string>().empty());
  const Json& rules = run["tool"]["driver"]["rules"];
  std::vector<std::string> rule_ids;
  for (const auto& rule : rules) {
    rule_ids.push_back(rule["id"]);
    EXPECT_FALSE(rule["shortDescription"]["text"].get<std::string>().empty());
  }
  EXPECT_TRUE(std::is_sorted(rule_ids.begin(), rule_ids.end()));
  std::set<std::string> levels = {"error", "warning", "note"};
  for (const auto& result : run["results"]) {
    int index = result["ruleIndex"];
    ASSERT_LT(index, static_cast<int>(rule_ids.size()));
    EXPECT_EQ(result["ruleId"], rule_ids[index]);
    EXPECT_TRUE(levels.count(result["level"])) << result.dump();
    EXPECT_FALSE(result["message"]["text"].get<std::string>().empty());
    const Json& physical = result["locations"][0]["physicalLocation"];
    std::string uri = physical["artifactLocation"]["uri"];
    EXPECT_EQ(physical["artifactLocation"]["uriBaseId"], "%SRCROOT%");
    ASSERT_FALSE(uri.empty());
    EXPECT_NE(uri[0], '/') << uri;
    ASSERT_TRUE(std::filesystem::is_regular_file(repo + "/" + uri)) << uri;
    if (physical.contains("region")) {
      int line = physical["region"]["startLine"];
      EXPECT_GE(line, 1);
      EXPECT_LE(line, LinesOf(repo + "/" + uri)) << uri;
    }
  }
}

TEST(Sarif, ScanReportsEveryRiskAsAResult) {
  std::string repo = testing::SourcePath("fixtures/projects/bookshop/repo");
  auto sarif = RunCi({repo, "--format", "sarif"});
  auto json = RunCi({repo, "--format", "json"});
  ASSERT_EQ(sarif.code, 0) << sarif.err;
  Json log = Json::parse(sarif.out), report = Json::parse(json.out);
  ExpectValidSarif(log, repo);
  const Json& results = log["runs"][0]["results"];
  ASSERT_EQ(results.size(), report["risks"].size());
  // Each risk appears with its place and level.
  std::multiset<std::string> want, got;
  std::map<std::string, std::string> level = {{"high", "error"}, {"medium", "warning"}, {"low", "note"}};
  for (const auto& r : report["risks"]) {
    want.insert("risk/" + r["kind"].get<std::string>() + " " + level[r["severity"]] + " " +
                r["file"].get<std::string>() + ":" + std::to_string(r["line"].get<int>()));
  }
  for (const auto& r : results) {
    const Json& p = r["locations"][0]["physicalLocation"];
    int line = p.contains("region") ? p["region"]["startLine"].get<int>() : 0;
    got.insert(r["ruleId"].get<std::string>() + " " + r["level"].get<std::string>() + " " +
               p["artifactLocation"]["uri"].get<std::string>() + ":" + std::to_string(line));
    EXPECT_FALSE(r.contains("baselineState"));
  }
  EXPECT_EQ(got, want);
}

TEST(Sarif, WithBaselineNewItemsAndNewRisksAreMarkedNew) {
  TempDir dir;
  dir.Mkdir("base");
  dir.Mkdir("head");
  std::string base_repo = CopyBookshop(dir, "base/repo");
  std::string head_repo = CopyBookshop(dir, "head/repo");
  ApplyHeadRevision(head_repo);
  std::string base = (dir.path() / "base.json").string();
  ASSERT_EQ(RunCi({base_repo, "--format", "json", "-o", base}).code, 0);
  auto r = RunCi({head_repo, "--baseline", base, "--format", "sarif"});
  ASSERT_EQ(r.code, 0) << r.err;
  Json log = Json::parse(r.out);
  ExpectValidSarif(log, head_repo);
  std::multiset<std::string> fresh;
  int unchanged = 0;
  for (const auto& result : log["runs"][0]["results"]) {
    const Json& p = result["locations"][0]["physicalLocation"];
    if (result["baselineState"] == "unchanged") {
      ++unchanged;
      continue;
    }
    EXPECT_EQ(result["baselineState"], "new");
    fresh.insert(result["ruleId"].get<std::string>() + " " +
                 p["artifactLocation"]["uri"].get<std::string>() + ":" +
                 std::to_string(p["region"]["startLine"].get<int>()));
  }
  EXPECT_EQ(fresh, (std::multiset<std::string>{
                       "new/endpoint reviews/urls.py:10",
                       "new/model reviews/models.py:41",
                       "new/signal-receiver reviews/signals.py:25",
                       "new/finding reviews/views.py:57",
                       "risk/raw-sql reviews/views.py:57",
                       "risk/signal-on-moved-model reviews/signals.py:25",
                   }));
  EXPECT_GT(unchanged, 0);
}

}  // namespace
}  // namespace djcost
