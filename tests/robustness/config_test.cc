// Malformed or wrong-typed configuration (the repository's pyproject.toml, a
// --rules file in JSON or TOML): exit 2, one line naming the file, line,
// column and key, nothing on stdout, and the -o target left as it was.
#include <gtest/gtest.h>

#include <string>

#include "robustness_support.h"

namespace djcost::testing {
namespace {

struct ConfigCase {
  const char* name;
  const char* file;  // "pyproject.toml" (in the repository) or a --rules file name
  std::string contents;
  std::string error;  // stderr after "djcost: error: <folder>/"
};

class BadConfig : public ::testing::TestWithParam<ConfigCase> {};

TEST_P(BadConfig, ExitsTwoNamingFileLineColumnAndKeyAndWritesNothing) {
  const ConfigCase& c = GetParam();
  TempDir dir;
  WriteTinyProject(dir);
  TempDir out;
  out.Write("report.md", "the previous report\n");
  std::vector<std::string> args = {dir.str(), "-o", out.str() + "/report.md"};
  std::string folder;
  if (std::string(c.file) == "pyproject.toml") {
    dir.Write(c.file, c.contents);
    folder = dir.str();
  } else {
    TempDir* rules = &out;
    rules->Write(c.file, c.contents);
    args.push_back("--rules");
    args.push_back(out.str() + "/" + c.file);
    folder = out.str();
  }
  std::string before = TreeSnapshot(dir.path());
  RunResult r = RunDjcost(args);
  EXPECT_EQ(r.code, kExitUsage) << c.name;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "djcost: error: " + folder + "/" + c.error + "\n") << c.name;
  EXPECT_EQ(out.Read("report.md"), "the previous report\n");
  // Nothing else in the output folder: no temporary file, no half report.
  int entries = 0;
  for (const auto& e : std::filesystem::directory_iterator(out.path())) {
    std::string name = e.path().filename().string();
    EXPECT_TRUE(name == "report.md" || name == c.file) << name;
    ++entries;
  }
  EXPECT_LE(entries, 2);
  EXPECT_EQ(TreeSnapshot(dir.path()), before);
}

INSTANTIATE_TEST_SUITE_P(
    Robustness, BadConfig,
    ::testing::Values(
        ConfigCase{"pyproject_rate_wrong_type", "pyproject.toml",
                   "[project]\nname = \"shop\"\n\n[tool.djcost.rates.split-per-endpoint]\n"
                   "low = \"cheap\"\n",
                   "pyproject.toml:5:1: key \"tool.djcost.rates.split-per-endpoint.low\": expected "
                   "a number, got string"},
        ConfigCase{
            "pyproject_syntax_error", "pyproject.toml", "[tool.djcost\nteam = 4\n",
            "pyproject.toml:1:13: Error while parsing table header: expected ']', saw '\\n'"},
        ConfigCase{
            "pyproject_unknown_key", "pyproject.toml", "[tool.djcost]\nteams = 4\n",
            "pyproject.toml:2:1: key \"tool.djcost.teams\": unknown key (did you mean \"team\"?)"},
        ConfigCase{"pyproject_unknown_rate", "pyproject.toml",
                   "[tool.djcost.rates.split-per-endpont]\nlow = 1\n",
                   "pyproject.toml:1:20: key \"tool.djcost.rates.split-per-endpont\": unknown rate "
                   "id (did you mean \"split-per-endpoint\"?)"},
        ConfigCase{"pyproject_team_wrong_type", "pyproject.toml",
                   "[tool.djcost]\nteam = \"four\"\n",
                   "pyproject.toml:2:1: key \"tool.djcost.team\": expected an integer, got string"},
        ConfigCase{"pyproject_negative_rate", "pyproject.toml",
                   "[tool.djcost.rates.split-per-endpoint]\nlow = -1\n",
                   "pyproject.toml:2:1: key \"tool.djcost.rates.split-per-endpoint.low\": expected "
                   "a non-negative number, got -1"},
        ConfigCase{"pyproject_rates_out_of_order", "pyproject.toml",
                   "[tool.djcost.rates.split-per-endpoint]\nlow = 5\nhigh = 1\n",
                   "pyproject.toml:1:1: key \"tool.djcost.rates.split-per-endpoint\": expected low "
                   "<= likely <= high, got low 5, likely 0.05, high 1"},
        ConfigCase{
            "pyproject_hot_item_wrong_type", "pyproject.toml",
            "[tool.djcost]\nhot = [\"api/**\", 3]\n",
            "pyproject.toml:2:18: key \"tool.djcost.hot[1]\": expected a string, got integer"},
        ConfigCase{"pyproject_djcost_not_a_table", "pyproject.toml", "[tool]\ndjcost = 3\n",
                   "pyproject.toml:2:10: key \"tool.djcost\": expected a table, got integer"},
        ConfigCase{"pyproject_duplicate_key", "pyproject.toml",
                   "[tool.djcost]\nteam = 4\nteam = 5\n",
                   "pyproject.toml:3:8: Error while parsing key-value pair: cannot redefine "
                   "existing integer 'team'"},
        ConfigCase{"pyproject_not_utf8", "pyproject.toml", "[tool.djcost]\ncurrency = \"\xE9\"\n",
                   "pyproject.toml:2:12: Encountered invalid utf-8 sequence"},
        ConfigCase{"pyproject_binary", "pyproject.toml", std::string("\0\x01\x02\xFF[", 5),
                   "pyproject.toml:1:3: Encountered invalid utf-8 sequence"},
        ConfigCase{"rules_json_malformed", "custom.json",
                   "{\"rates\": [\n  {\"id\": \"split-per-endpoint\", \"low\": }\n]}\n",
                   "custom.json:2:39: syntax error while parsing value - unexpected '}'; expected "
                   "'[', '{', or a literal"},
        ConfigCase{"rules_json_truncated", "custom.json", "{\"rates\": [",
                   "custom.json:1:12: syntax error while parsing value - unexpected end of input; "
                   "expected '[', '{', or a literal"},
        ConfigCase{"rules_json_wrong_type", "custom.json",
                   "{\"rates\": [\n  {\"id\": \"split-per-endpoint\", \"low\": \"x\"}\n]}\n",
                   "custom.json:2:32: key \"rates.split-per-endpoint.low\": expected a number, got "
                   "string"},
        ConfigCase{"rules_json_unknown_rate", "custom.json",
                   "{\"rates\": [{\"id\": \"no-such-rate\", \"low\": 1}]}\n",
                   "custom.json:1:13: key \"rates.no-such-rate\": unknown rate id; see "
                   "docs/rates.md for the list"},
        ConfigCase{"rules_toml_wrong_type", "custom.toml",
                   "[rates.split-per-endpoint]\nlikely = true\n",
                   "custom.toml:2:1: key \"rates.split-per-endpoint.likely\": expected a number, "
                   "got boolean"},
        ConfigCase{"rules_unknown_extension", "custom.yaml", "rates: []\n",
                   "custom.yaml: unknown rules file type: expected a .json or .toml file"}),
    [](const ::testing::TestParamInfo<ConfigCase>& info) { return info.param.name; });

TEST(BadConfig, MissingRulesFileIsAUsageError) {
  TempDir dir;
  WriteTinyProject(dir);
  std::string missing = dir.str() + "/../no-such-rules.json";
  RunResult r = RunDjcost({dir.str(), "--rules", missing});
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "djcost: error: " + missing + ": cannot read the file: No such file or directory\n");
}

TEST(BadConfig, EmptyPyprojectChangesNothing) {
  TempDir dir;
  WriteTinyProject(dir);
  nlohmann::json plain = ScanJson(dir.str());
  dir.Write("pyproject.toml", "");
  nlohmann::json with_empty = ScanJson(dir.str());
  EXPECT_EQ(plain["strategies"], with_empty["strategies"]);
}

}  // namespace
}  // namespace djcost::testing
