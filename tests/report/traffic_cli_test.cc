// The CLI's side of traffic data and rate overrides: --traffic errors are one
// line with exit 2; traffic = "..." in [tool.djcost] is read relative to the
// repository; `djcost rules PATH` names where each overridden rate was set.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/run.h"
#include "support/temp_dir.h"

namespace djcost {
namespace {

namespace fs = std::filesystem;

const std::string kSource = DJCOST_SOURCE_DIR;
const std::string kBookshop = kSource + "/fixtures/projects/bookshop/repo";

struct Output {
  int code = -1;
  std::string out;
  std::string err;
};

Output RunDjcost(std::vector<std::string> args) {
  args.insert(args.begin(), "djcost");
  std::ostringstream out, err;
  Output o;
  o.code = Run(args, out, err);
  o.out = out.str();
  o.err = err.str();
  return o;
}

TEST(TrafficOption, MissingFileIsOneLineExit2) {
  Output o = RunDjcost({kBookshop, "--traffic", "no/such/access.log"});
  EXPECT_EQ(o.code, kExitUsage);
  EXPECT_EQ(o.out, "");
  EXPECT_EQ(o.err, "djcost: error: --traffic no/such/access.log: no such file\n");
}

TEST(TrafficOption, FileWithoutRequestsIsOneLineExit2) {
  testing::TempDir dir;
  dir.Write("empty.csv", "path,count\n# nothing yet\n");
  const std::string file = (dir.path() / "empty.csv").string();
  Output o = RunDjcost({kBookshop, "--traffic", file});
  EXPECT_EQ(o.code, kExitUsage);
  EXPECT_EQ(o.err, "djcost: error: --traffic " + file +
                       ": no request found (expected an access log in the common or combined "
                       "format, or CSV rows of path,count)\n");
}

TEST(TrafficOption, PyprojectTrafficIsReadFromTheRepository) {
  testing::TempDir dir;
  const fs::path root = dir.path() / "repo";
  fs::copy(kBookshop, root, fs::copy_options::recursive);
  dir.Write("repo/pyproject.toml", "[tool.djcost]\ntraffic = \"ops/hits.csv\"\n");
  dir.Write("repo/ops/hits.csv", "path,count\n/api/orders/,30\n/api/books/,10\n/catalog/,60\n");
  Output o = RunDjcost({root.string(), "--format", "json"});
  ASSERT_EQ(o.code, kExitOk) << o.err;
  const nlohmann::json j = nlohmann::json::parse(o.out);
  EXPECT_EQ(j.at("options").at("traffic_file"), "hits.csv");
  const auto& plan = j.at("split_plan");
  // 40 API requests: api/orders/ (30) alone is 75%, so api/books/ joins the hot set.
  EXPECT_EQ(plan.at("scope"),
            "hot set: the 2 busiest API endpoints carrying 80% of API requests in hits.csv");
  EXPECT_EQ(plan.at("traffic").at("requests"), 100);
  EXPECT_EQ(plan.at("traffic").at("api_requests"), 40);
  EXPECT_EQ(plan.at("traffic").at("page_requests"), 60);
  EXPECT_EQ(plan.at("traffic_share"), 0.4);
  // CSV rows carry no method: every API endpoint on the two routes moves.
  EXPECT_EQ(plan.at("endpoints"), 4);
}

TEST(RulesCommand, ShowsWherePyprojectOverridesWereSet) {
  testing::TempDir dir;
  fs::copy_file(kSource + "/fixtures/projects/bookshop/variants/overrides/pyproject.toml",
                dir.path() / "pyproject.toml");
  Output o = RunDjcost({"rules", dir.str()});
  ASSERT_EQ(o.code, kExitOk) << o.err;
  EXPECT_NE(o.out.find("split-per-endpoint                0.05    0.10    0.20  assumed     "
                       "pyproject.toml:9 / override\n"),
            std::string::npos)
      << o.out;
  EXPECT_NE(o.out.find("admin-replacement                 3.00    4.50    8.00  assumed     "
                       "pyproject.toml:16 / override\n"),
            std::string::npos)
      << o.out;
  EXPECT_NE(o.out.find("rewrite-per-kloc                0.1733    0.26  0.3467  documented  "
                       "rules/rates/documented.json / FastAPI vs Django rule page (seeds/000)\n"),
            std::string::npos)
      << o.out;
}

}  // namespace
}  // namespace djcost
