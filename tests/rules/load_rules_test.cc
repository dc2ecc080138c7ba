#include "rules/load_rules.h"

#include <gtest/gtest.h>

#include "temp_dir.h"

namespace djcost {
namespace {

using testing::TempDir;

std::string LoadError(const RuleSources& sources) {
  RuleSet out;
  out.version = "untouched";
  ConfigError err;
  EXPECT_FALSE(LoadRuleSet(sources, &out, &err));
  // Nothing half-applied: a failed load leaves the output as it was.
  EXPECT_EQ(out.version, "untouched");
  EXPECT_TRUE(out.rates.empty());
  return err.ToString();
}

RuleSet LoadOk(const RuleSources& sources) {
  RuleSet out;
  ConfigError err;
  EXPECT_TRUE(LoadRuleSet(sources, &out, &err)) << err.ToString();
  return out;
}

TEST(ConfigErrorTest, LeavesOutUnknownParts) {
  EXPECT_EQ((ConfigError{"pyproject.toml", 14, 1, "tool.djcost.team", "bad"}).ToString(),
            "pyproject.toml:14:1: key \"tool.djcost.team\": bad");
  EXPECT_EQ((ConfigError{"p.toml", 3, 0, "", "bad"}).ToString(), "p.toml:3: bad");
  EXPECT_EQ((ConfigError{"p.toml", 0, 0, "", "bad"}).ToString(), "p.toml: bad");
}

TEST(LoadRuleSetTest, NoSourcesGivesTheDefaults) {
  RuleSet rules = LoadOk({});
  RuleSet defaults = DefaultRuleSet();
  EXPECT_EQ(rules.rates, defaults.rates);
  EXPECT_EQ(rules.version, defaults.version);
  EXPECT_TRUE(rules.options.empty());
}

TEST(LoadRuleSetTest, PyprojectOverridesARateAndMarksItsOrigin) {
  TempDir dir;
  const std::string pyproject = dir.Write("pyproject.toml",
                                          "[project]\n"
                                          "name = \"shop\"\n"
                                          "\n"
                                          "[tool.djcost]\n"
                                          "team = 3\n"
                                          "\n"
                                          "[tool.djcost.rates.split-per-endpoint]\n"
                                          "low = 0.04\n"
                                          "likely = 0.08\n"
                                          "high = 0.2\n");
  RuleSet rules = LoadOk({"", pyproject});
  const Rate* split = rules.FindRate("split-per-endpoint");
  ASSERT_NE(split, nullptr);
  EXPECT_EQ(split->low, 0.04);
  EXPECT_EQ(split->likely, 0.08);
  EXPECT_EQ(split->high, 0.2);
  EXPECT_TRUE(split->assumed);
  EXPECT_EQ(split->source, "override");
  EXPECT_EQ(split->origin, "pyproject.toml:7");
  EXPECT_EQ(split->rationale,
            "Set in pyproject.toml:7; was 0.05 / 0.05 / 0.05 from FastAPI vs Django rule page "
            "(seeds/000).");
  EXPECT_EQ(rules.options.at("team"), "3");
  EXPECT_NE(rules.version, DefaultRuleSet().version);
  // Untouched rates keep their embedded origin.
  EXPECT_EQ(rules.FindRate("admin-replacement")->origin, "rules/rates/documented.json");
}

TEST(LoadRuleSetTest, PartialOverrideKeepsOtherFiguresAndTakesARationale) {
  TempDir dir;
  const std::string pyproject =
      dir.Write("pyproject.toml",
                "[tool.djcost.rates]\n"
                "admin-replacement = { high = 8, rationale = \"Our admin has 40 custom views.\" }\n");
  RuleSet rules = LoadOk({"", pyproject});
  const Rate* admin = rules.FindRate("admin-replacement");
  EXPECT_EQ(admin->low, 3);
  EXPECT_EQ(admin->likely, 4.5);
  EXPECT_EQ(admin->high, 8);
  EXPECT_TRUE(admin->assumed);
  EXPECT_EQ(admin->source, "override");
  EXPECT_EQ(admin->rationale, "Our admin has 40 custom views.");
  EXPECT_EQ(admin->origin, "pyproject.toml:2");
}

TEST(LoadRuleSetTest, SameFiguresKeepADocumentedRateDocumented) {
  TempDir dir;
  const std::string pyproject = dir.Write("pyproject.toml",
                                          "[tool.djcost.rates.admin-replacement]\n"
                                          "likely = 4.5\n");
  RuleSet rules = LoadOk({"", pyproject});
  const Rate* admin = rules.FindRate("admin-replacement");
  EXPECT_FALSE(admin->assumed);
  EXPECT_EQ(admin->source, "FastAPI vs Django rule page (seeds/000)");
  EXPECT_EQ(admin->origin, "pyproject.toml:1");
}

TEST(LoadRuleSetTest, OptionsAreCheckedAndStoredAsText) {
  TempDir dir;
  const std::string pyproject = dir.Write("pyproject.toml",
                                          "[tool.djcost]\n"
                                          "team = 4\n"
                                          "weekly_cost = 2500.5\n"
                                          "currency = \"EUR\"\n"
                                          "hot = [\"api/orders/**\", \"api/cart/*\"]\n"
                                          "exclude = [\"legacy/**\"]\n"
                                          "max_file_size = 1000000\n"
                                          "fail_above_weeks = 12\n"
                                          "traffic = \"ops/traffic.csv\"\n"
                                          "settings = \"shop.settings.prod\"\n");
  RuleSet rules = LoadOk({"", pyproject});
  EXPECT_EQ(rules.options, (std::map<std::string, std::string>{
                               {"currency", "EUR"},
                               {"exclude", "legacy/**"},
                               {"fail_above_weeks", "12"},
                               {"hot", "api/orders/**\napi/cart/*"},
                               {"max_file_size", "1000000"},
                               {"settings", "shop.settings.prod"},
                               {"team", "4"},
                               {"traffic", "ops/traffic.csv"},
                               {"weekly_cost", "2500.5"},
                           }));
}

TEST(LoadRuleSetTest, PyprojectWithoutToolDjcostChangesNothing) {
  TempDir dir;
  const std::string pyproject =
      dir.Write("pyproject.toml", "[tool.black]\nline-length = 100\n");
  RuleSet rules = LoadOk({"", pyproject});
  EXPECT_EQ(rules.version, DefaultRuleSet().version);
}

TEST(LoadRuleSetTest, TomlRulesFileHasTheShapeOfToolDjcost) {
  TempDir dir;
  const std::string rules_file = dir.Write("team-rates.toml",
                                           "team = 2\n"
                                           "[rates.page-rebuild]\n"
                                           "likely = 0.3\n");
  RuleSet rules = LoadOk({rules_file, ""});
  EXPECT_EQ(rules.options.at("team"), "2");
  const Rate* page = rules.FindRate("page-rebuild");
  EXPECT_EQ(page->likely, 0.3);
  EXPECT_EQ(page->origin, "team-rates.toml:2");
  EXPECT_EQ(page->source, "override");
}

TEST(LoadRuleSetTest, JsonRulesFileOverridesRatesAndExtendsKnowledge) {
  TempDir dir;
  const std::string rules_file = dir.Write("extra.json",
                                           "{\n"
                                           "  \"rates\": [\n"
                                           "    {\"id\": \"raw-sql-review\", \"high\": 0.5}\n"
                                           "  ],\n"
                                           "  \"classes\": [\n"
                                           "    {\"qualname\": \"acme.base.TimeStamped\",\n"
                                           "     \"bases\": [\"django.db.models.Model\"],\n"
                                           "     \"tags\": [\"model\"]}\n"
                                           "  ],\n"
                                           "  \"builtin_signals\": [\"acme.signals.ready\"]\n"
                                           "}\n");
  RuleSet rules = LoadOk({rules_file, ""});
  const Rate* raw = rules.FindRate("raw-sql-review");
  EXPECT_EQ(raw->high, 0.5);
  EXPECT_EQ(raw->origin, "extra.json:3");
  EXPECT_EQ(raw->source, "override");
  bool found = false;
  for (const auto& c : rules.classes) {
    if (c.qualname == "acme.base.TimeStamped") {
      found = true;
      EXPECT_EQ(c.bases, std::vector<std::string>{"django.db.models.Model"});
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(std::count(rules.builtin_signals.begin(), rules.builtin_signals.end(),
                       "acme.signals.ready"),
            1);
}

// The defaults come prebuilt; which embedded file owns a name is merged from
// their JSON only for a JSON rules file, whose clash must still name that file.
TEST(LoadRuleSetTest, JsonRulesFileClashingWithAnEmbeddedNameNamesItsFile) {
  TempDir dir;
  const std::string rules_file = dir.Write("clash.json",
                                           "{\"classes\": [\n"
                                           "  {\"qualname\": \"acme.Model\",\n"
                                           "   \"aliases\": [\"django.db.models.Model\"]}\n"
                                           "]}\n");
  EXPECT_EQ(LoadError({rules_file, ""}),
            rules_file + ":3:16: key \"classes[0].aliases[0]\": duplicate class name "
            "\"django.db.models.Model\", also defined in rules/knowledge/django_models.json");
}

// Django 5.0 made LogoutView POST only; the tables say so as a change, which
// is part of the rules' version like every other field.
TEST(LoadRuleSetTest, KnownClassesCarryTheChangesOfLaterReleases) {
  RuleSet rules = DefaultRuleSet();
  const KnownClass* logout = nullptr;
  for (const auto& c : rules.classes) {
    if (c.qualname == "django.contrib.auth.views.LogoutView") logout = &c;
  }
  ASSERT_NE(logout, nullptr);
  ASSERT_EQ(logout->changes.size(), 1u);
  EXPECT_EQ(logout->changes[0].django, (std::vector<int>{5, 0}));
  EXPECT_EQ(logout->changes[0].http_method_names, (std::vector<std::string>{"post", "options"}));
  RuleSet other = rules;
  for (auto& c : other.classes) {
    if (c.qualname == logout->qualname) c.changes[0].django = {5, 1};
  }
  EXPECT_NE(RulesVersion(other), RulesVersion(rules));
}

TEST(LoadRuleSetTest, JsonRulesFileReplacesAClassOfTheSameQualname) {
  TempDir dir;
  const std::string first = dir.Write("a.json", R"({"classes": [{"qualname": "acme.A", "tags": ["view"]}]})");
  RuleSet base = LoadOk({first, ""});
  const std::string second = dir.Write(
      "b.json", R"({"classes": [{"qualname": "acme.A", "tags": ["view"]},
                                {"qualname": "acme.B", "aliases": ["acme.A2"]}]})");
  RuleSet rules = LoadOk({second, ""});
  EXPECT_EQ(rules.classes.size(), DefaultRuleSet().classes.size() + 2);
  EXPECT_EQ(base.classes.size(), DefaultRuleSet().classes.size() + 1);
}

TEST(LoadRuleSetTest, PyprojectAppliesAfterTheRulesFile) {
  TempDir dir;
  const std::string rules_file = dir.Write("r.toml",
                                           "team = 2\n"
                                           "[rates.custom-signal]\n"
                                           "likely = 0.15\n"
                                           "high = 0.3\n");
  const std::string pyproject = dir.Write("pyproject.toml",
                                          "[tool.djcost]\n"
                                          "team = 5\n"
                                          "[tool.djcost.rates.custom-signal]\n"
                                          "high = 0.25\n");
  RuleSet rules = LoadOk({rules_file, pyproject});
  EXPECT_EQ(rules.options.at("team"), "5");
  const Rate* signal = rules.FindRate("custom-signal");
  EXPECT_EQ(signal->low, 0.05);
  EXPECT_EQ(signal->likely, 0.15);
  EXPECT_EQ(signal->high, 0.25);
  EXPECT_EQ(signal->origin, "pyproject.toml:3");
  EXPECT_EQ(signal->rationale, "Set in pyproject.toml:3; was 0.05 / 0.15 / 0.3 from override.");
}

// Every error message, exactly.

// toml++ asserts that a table header's key starts with a key character, which
// input can break (fuzz_config found a NUL after `[`): compiled into djcost with
// its assertions off, the parser goes on to an error naming the file.
TEST(LoadRuleSetErrorTest, AKeyStartingWithNoKeyCharacterIsASyntaxError) {
  TempDir dir;
  const std::string pyproject =
      dir.Write("pyproject.toml", std::string("[\0\0\0\x03.djcost.rcost\n", 19));
  const std::string error = LoadError({"", pyproject});
  EXPECT_EQ(error.rfind(pyproject + ":1:", 0), 0u) << error;
  EXPECT_EQ(error.find("internal error"), std::string::npos) << error;
}

TEST(LoadRuleSetErrorTest, WrongTypeNamesFileLineAndKey) {
  TempDir dir;
  const std::string pyproject = dir.Write("pyproject.toml",
                                          "[tool.djcost]\n"
                                          "team = 3\n"
                                          "\n"
                                          "[tool.djcost.rates.split-per-endpoint]\n"
                                          "low = \"0.05\"\n");
  EXPECT_EQ(LoadError({"", pyproject}),
            pyproject +
                ":5:1: key \"tool.djcost.rates.split-per-endpoint.low\": expected a number, "
                "got string");
}

TEST(LoadRuleSetErrorTest, UnknownKeySuggestsTheNearestKey) {
  TempDir dir;
  const std::string pyproject = dir.Write("pyproject.toml", "[tool.djcost]\ntema = 3\n");
  EXPECT_EQ(LoadError({"", pyproject}),
            pyproject + ":2:1: key \"tool.djcost.tema\": unknown key (did you mean \"team\"?)");
}

TEST(LoadRuleSetErrorTest, UnknownKeyWithoutNeighbourListsTheKeys) {
  TempDir dir;
  const std::string pyproject = dir.Write("pyproject.toml", "[tool.djcost]\ncolour = \"red\"\n");
  EXPECT_EQ(LoadError({"", pyproject}),
            pyproject +
                ":2:1: key \"tool.djcost.colour\": unknown key; expected one of: team, "
                "weekly_cost, currency, hot, traffic, exclude, max_file_size, fail_above_weeks, "
                "settings, django, rates");
}

TEST(LoadRuleSetErrorTest, UnknownRateKeySuggestsTheNearestKey) {
  TempDir dir;
  const std::string pyproject =
      dir.Write("pyproject.toml", "[tool.djcost.rates.page-rebuild]\nhihg = 1\n");
  EXPECT_EQ(LoadError({"", pyproject}),
            pyproject +
                ":2:1: key \"tool.djcost.rates.page-rebuild.hihg\": unknown key (did you mean "
                "\"high\"?)");
}

TEST(LoadRuleSetErrorTest, UnknownRateIdSuggestsTheNearestId) {
  TempDir dir;
  const std::string pyproject =
      dir.Write("pyproject.toml", "[tool.djcost.rates.split-per-endpont]\nlow = 0.1\n");
  EXPECT_EQ(LoadError({"", pyproject}),
            pyproject +
                ":1:20: key \"tool.djcost.rates.split-per-endpont\": unknown rate id (did you "
                "mean \"split-per-endpoint\"?)");
}

TEST(LoadRuleSetErrorTest, UnknownRateIdWithoutNeighbourPointsToTheList) {
  TempDir dir;
  const std::string pyproject =
      dir.Write("pyproject.toml", "[tool.djcost.rates]\nmigrations = { low = 1 }\n");
  EXPECT_EQ(LoadError({"", pyproject}),
            pyproject +
                ":2:1: key \"tool.djcost.rates.migrations\": unknown rate id; see docs/rates.md "
                "for the list");
}

TEST(LoadRuleSetErrorTest, LowAboveHighIsRejected) {
  TempDir dir;
  const std::string pyproject = dir.Write("pyproject.toml",
                                          "[tool.djcost]\n"
                                          "[tool.djcost.rates.admin-replacement]\n"
                                          "low = 7\n");
  EXPECT_EQ(LoadError({"", pyproject}),
            pyproject +
                ":2:1: key \"tool.djcost.rates.admin-replacement\": expected low <= likely <= "
                "high, got low 7, likely 4.5, high 6");
}

TEST(LoadRuleSetErrorTest, NegativeFiguresAreRejected) {
  TempDir dir;
  const std::string pyproject =
      dir.Write("pyproject.toml", "[tool.djcost.rates.page-rebuild]\nlow = -0.5\n");
  EXPECT_EQ(LoadError({"", pyproject}),
            pyproject +
                ":2:1: key \"tool.djcost.rates.page-rebuild.low\": expected a non-negative "
                "number, got -0.5");
}

TEST(LoadRuleSetErrorTest, OptionValuesAreChecked) {
  TempDir dir;
  struct Case {
    std::string toml;
    std::string error;
  };
  const Case cases[] = {
      {"team = 0", ":2:1: key \"tool.djcost.team\": expected a positive integer, got 0"},
      {"team = 2.5", ":2:1: key \"tool.djcost.team\": expected an integer, got float"},
      {"weekly_cost = -1", ":2:1: key \"tool.djcost.weekly_cost\": expected a non-negative "
                           "number, got -1"},
      {"currency = 978", ":2:1: key \"tool.djcost.currency\": expected a string, got integer"},
      {"currency = \"\"", ":2:1: key \"tool.djcost.currency\": expected a non-empty string"},
      {"hot = \"api/**\"", ":2:1: key \"tool.djcost.hot\": expected an array of strings, got "
                           "string"},
      {"hot = [\"api/**\", 3]", ":2:18: key \"tool.djcost.hot[1]\": expected a string, got "
                                "integer"},
      {"fail_above_weeks = true", ":2:1: key \"tool.djcost.fail_above_weeks\": expected a "
                                  "number, got boolean"},
      {"rates = 1", ":2:1: key \"tool.djcost.rates\": expected a table, got integer"},
  };
  for (const Case& c : cases) {
    const std::string pyproject = dir.Write("pyproject.toml", "[tool.djcost]\n" + c.toml + "\n");
    EXPECT_EQ(LoadError({"", pyproject}), pyproject + c.error) << c.toml;
  }
}

TEST(LoadRuleSetErrorTest, TomlSyntaxErrorHasLineAndColumn) {
  TempDir dir;
  const std::string pyproject = dir.Write("pyproject.toml", "[tool.djcost]\nteam = \n");
  EXPECT_EQ(LoadError({"", pyproject}),
            pyproject + ":2:8: Error while parsing key-value pair: expected value, saw '\\n'");
  const std::string twice = dir.Write("pyproject.toml", "[tool.djcost]\nteam = 1\nteam = 2\n");
  EXPECT_EQ(LoadError({"", twice}),
            twice + ":3:8: Error while parsing key-value pair: cannot redefine existing integer "
                    "'team'");
}

TEST(LoadRuleSetErrorTest, JsonSyntaxErrorHasLineAndColumn) {
  TempDir dir;
  const std::string rules_file =
      dir.Write("r.json", "{\n  \"rates\": [\n    {\"id\": \"page-rebuild\" \"low\": 1}\n  ]\n}\n");
  EXPECT_EQ(LoadError({rules_file, ""}),
            rules_file +
                ":3:31: syntax error while parsing object - unexpected string literal; "
                "expected '}'");
}

TEST(LoadRuleSetErrorTest, JsonRulesFileErrors) {
  TempDir dir;
  struct Case {
    std::string json;
    std::string error;
  };
  const Case cases[] = {
      {R"({"rates": [{"id": "page-rebuild", "low": "1"}]})",
       ":1:35: key \"rates.page-rebuild.low\": expected a number, got string"},
      {R"({"rates": [{"id": "page-rebuid", "low": 1}]})",
       ":1:13: key \"rates.page-rebuid\": unknown rate id (did you mean \"page-rebuild\"?)"},
      {R"({"rates": [{"id": "page-rebuild", "source": "me"}]})",
       ":1:35: key \"rates.page-rebuild.source\": unknown key; expected one of: id, low, "
       "likely, high, rationale"},
      {R"({"rates": [{"id": "page-rebuild", "low": 0.9}]})",
       ":1:12: key \"rates.page-rebuild\": expected low <= likely <= high, got low 0.9, likely "
       "0.2, high 0.5"},
      {R"({"rate": []})", ":1:2: key \"rate\": unknown key (did you mean \"rates\"?)"},
      {R"({"rates": [{"low": 1}]})", ":1:12: key \"rates[0]\": missing key \"id\""},
      {R"({"classes": [{"qualname": "a.V", "changes": [{"django": "5.x"}]}]})",
       ":1:47: key \"classes[0].changes[0].django\": expected a release such as \"5.0\", got "
       "\"5.x\""},
      {R"({"classes": [{"qualname": "a.V", "changes": [{"django": "5.0"}, {"django": "4.2"}]}]})",
       ":1:66: key \"classes[0].changes[1].django\": expected releases in increasing order"},
      {R"({"classes": [{"qualname": "a.V", "changes": [{"since": "5.0"}]}]})",
       ":1:47: key \"classes[0].changes[0].since\": unknown key; expected one of: django, "
       "http_method_names"},
  };
  for (const Case& c : cases) {
    const std::string rules_file = dir.Write("r.json", c.json);
    EXPECT_EQ(LoadError({rules_file, ""}), rules_file + c.error) << c.json;
  }
}

TEST(LoadRuleSetErrorTest, MissingAndUnknownFiles) {
  TempDir dir;
  const std::string missing = dir.path() + "/nope.toml";
  EXPECT_EQ(LoadError({missing, ""}),
            missing + ": cannot read the file: No such file or directory");
  const std::string yaml = dir.Write("rules.yaml", "team: 3\n");
  EXPECT_EQ(LoadError({yaml, ""}),
            yaml + ": unknown rules file type: expected a .json or .toml file");
}

TEST(LoadRuleSetErrorTest, ALaterErrorUndoesEarlierOverrides) {
  TempDir dir;
  const std::string rules_file = dir.Write("r.toml", "team = 2\n");
  const std::string pyproject = dir.Write("pyproject.toml", "[tool.djcost]\nteam = \"x\"\n");
  EXPECT_EQ(LoadError({rules_file, pyproject}),
            pyproject + ":2:1: key \"tool.djcost.team\": expected an integer, got string");
}

}  // namespace
}  // namespace djcost
