#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "rules/load_rules.h"

namespace djcost {
namespace {

constexpr char kSeed000[] = "FastAPI vs Django rule page (seeds/000)";

// The defaults a scan runs with are read back from what the build merged
// (PrebuiltRuleSetText): they must be the embedded JSON merged now, version too.
TEST(DefaultRuleSetTest, EmbeddedFilesAllLoadIntoThePrebuiltDefaults) {
  RuleSet rules;
  ConfigError err;
  ASSERT_TRUE(MergeRuleFiles(EmbeddedRuleFiles(), &rules, &err)) << err.ToString();
  RuleSet defaults = DefaultRuleSet();
  EXPECT_EQ(rules.rates, defaults.rates);
  EXPECT_EQ(rules.classes, defaults.classes);
  EXPECT_EQ(rules.functions, defaults.functions);
  EXPECT_EQ(rules.builtin_signals, defaults.builtin_signals);
  EXPECT_EQ(rules.options, defaults.options);
  EXPECT_EQ(rules.version, defaults.version);
  EXPECT_EQ(defaults.version, RulesVersion(defaults));
  EXPECT_GT(defaults.classes.size(), 100u);
}

// The knowledge tables other files provide reach the RuleSet through all three keys.
TEST(DefaultRuleSetTest, KnowledgeTablesAreParsed) {
  RuleSet rules = DefaultRuleSet();
  const KnownClass* model = nullptr;
  for (const auto& c : rules.classes) {
    if (c.qualname == "django.db.models.base.Model") model = &c;
  }
  ASSERT_NE(model, nullptr);
  EXPECT_NE(std::find(model->aliases.begin(), model->aliases.end(), "django.db.models.Model"),
            model->aliases.end());
  EXPECT_NE(std::find(model->tags.begin(), model->tags.end(), "model"), model->tags.end());
  bool require_post = false;
  for (const auto& f : rules.functions) {
    if (f.qualname == "django.views.decorators.http.require_POST") require_post = true;
  }
  EXPECT_TRUE(require_post);
  EXPECT_TRUE(std::binary_search(rules.builtin_signals.begin(), rules.builtin_signals.end(),
                                 "django.db.models.signals.post_save"));
}

TEST(DefaultRuleSetTest, DocumentedRatesCarryTheSeedFigures) {
  RuleSet rules = DefaultRuleSet();
  const Rate* split = rules.FindRate("split-per-endpoint");
  ASSERT_NE(split, nullptr);
  EXPECT_DOUBLE_EQ(split->low, 1.0 / 20);
  EXPECT_DOUBLE_EQ(split->likely, 1.0 / 20);
  EXPECT_DOUBLE_EQ(split->high, 1.0 / 20);
  EXPECT_EQ(split->unit, "engineer-weeks per endpoint");
  EXPECT_FALSE(split->assumed);
  EXPECT_EQ(split->source, kSeed000);
  EXPECT_EQ(split->origin, "rules/rates/documented.json");

  const Rate* rewrite = rules.FindRate("rewrite-per-kloc");
  ASSERT_NE(rewrite, nullptr);
  EXPECT_NEAR(rewrite->low, 2 * 52.0 / 12 / 50, 1e-15);
  EXPECT_NEAR(rewrite->likely, 3 * 52.0 / 12 / 50, 1e-15);
  EXPECT_NEAR(rewrite->high, 4 * 52.0 / 12 / 50, 1e-15);
  EXPECT_FALSE(rewrite->assumed);
  EXPECT_EQ(rewrite->source, kSeed000);
  EXPECT_NE(rewrite->rationale.find("midpoint, is ours"), std::string::npos);

  const Rate* admin = rules.FindRate("admin-replacement");
  ASSERT_NE(admin, nullptr);
  EXPECT_EQ(admin->low, 3);
  EXPECT_EQ(admin->likely, 4.5);
  EXPECT_EQ(admin->high, 6);
  EXPECT_FALSE(admin->assumed);
  EXPECT_EQ(admin->source, kSeed000);
  EXPECT_NE(admin->rationale.find("midpoint, is ours"), std::string::npos);
}

TEST(DefaultRuleSetTest, EveryRateIsDocumentedOrAnExplainedAssumption) {
  const std::set<std::string> documented = {"admin-replacement", "rewrite-per-kloc",
                                            "split-per-endpoint"};
  const std::set<std::string> assumed = {
      "auth-rebuild",          "auth-shared-sessions", "admin-customisation",
      "celery-task-review",    "custom-signal",        "model-mapping-per-model",
      "model-rewrite-per-model", "page-rebuild",       "raw-sql-review",
      "shared-database-coordination", "signal-receiver-to-call", "test-port-per-kloc"};
  std::set<std::string> seen;
  for (const Rate& r : EffectiveRates(DefaultRuleSet())) {
    seen.insert(r.id);
    EXPECT_FALSE(r.rationale.empty()) << r.id;
    EXPECT_FALSE(r.description.empty()) << r.id;
    EXPECT_LE(r.low, r.likely) << r.id;
    EXPECT_LE(r.likely, r.high) << r.id;
    if (documented.count(r.id)) {
      EXPECT_FALSE(r.assumed) << r.id;
      EXPECT_EQ(r.source, kSeed000) << r.id;
    } else {
      EXPECT_TRUE(assumed.count(r.id)) << "unexpected rate " << r.id;
      EXPECT_TRUE(r.assumed) << r.id;
      EXPECT_EQ(r.source, "assumption") << r.id;
      EXPECT_EQ(r.origin, "rules/rates/assumed.json") << r.id;
    }
  }
  std::set<std::string> all = documented;
  all.insert(assumed.begin(), assumed.end());
  EXPECT_EQ(seen, all);
}

TEST(DefaultRuleSetTest, EffectiveRatesAreSortedById) {
  std::vector<Rate> rates = EffectiveRates(DefaultRuleSet());
  ASSERT_EQ(rates.size(), 15u);
  EXPECT_EQ(rates.front().id, "admin-customisation");
  EXPECT_EQ(rates.back().id, "test-port-per-kloc");
  for (size_t i = 1; i < rates.size(); ++i) EXPECT_LT(rates[i - 1].id, rates[i].id);
}

TEST(DefaultRuleSetTest, VersionIsAStableHashOfTheRules) {
  RuleSet a = DefaultRuleSet();
  EXPECT_EQ(a.version.size(), 16u);
  EXPECT_EQ(a.version.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(a.version, DefaultRuleSet().version);
  EXPECT_EQ(a.version, RulesVersion(a));
  RuleSet b = a;
  b.rates[0].likely += 0.01;
  EXPECT_NE(RulesVersion(b), a.version);
  RuleSet c = a;
  c.options["team"] = "4";
  EXPECT_NE(RulesVersion(c), a.version);
}

// MergeRuleFiles over in-memory files: the contract every rules/ file follows.
RuleSet MergeOk(const std::vector<EmbeddedFile>& files) {
  RuleSet rules;
  ConfigError err;
  EXPECT_TRUE(MergeRuleFiles(files, &rules, &err)) << err.ToString();
  return rules;
}

std::string MergeError(const std::vector<EmbeddedFile>& files) {
  RuleSet rules;
  ConfigError err;
  EXPECT_FALSE(MergeRuleFiles(files, &rules, &err));
  return err.ToString();
}

constexpr char kRateA[] =
    R"({"rates": [{"id": "a-rate", "description": "d", "unit": "u", "low": 1, "likely": 2,
 "high": 3, "assumed": true, "source": "assumption", "rationale": "r"}]})";

TEST(MergeRuleFilesTest, MergesByTopLevelKeyAndSorts) {
  RuleSet rules = MergeOk({
      {"knowledge/b.json",
       R"({"classes": [{"qualname": "z.Z", "bases": ["y.Y"], "tags": ["view"]}],
           "builtin_signals": ["s.b", "s.a"]})"},
      {"knowledge/a.json",
       R"({"classes": [{"qualname": "y.Y", "aliases": ["y2.Y"], "methods": ["get"]}],
           "functions": [{"qualname": "f.g", "methods": ["POST"], "tags": ["restrict-methods"]}],
           "builtin_signals": ["s.a"]})"},
      {"rates/a.json", kRateA},
      {"schema/rules.schema.json", R"({"$schema": "x", "type": "object"})"},
      {"queries/x.scm", "(call) @call"},
  });
  ASSERT_EQ(rules.classes.size(), 2u);
  EXPECT_EQ(rules.classes[0], (KnownClass{"y.Y", {"y2.Y"}, {}, {"get"}, {}}));
  EXPECT_EQ(rules.classes[1], (KnownClass{"z.Z", {}, {"y.Y"}, {}, {"view"}}));
  ASSERT_EQ(rules.functions.size(), 1u);
  EXPECT_EQ(rules.functions[0], (KnownFunction{"f.g", {}, {"POST"}, {"restrict-methods"}}));
  EXPECT_EQ(rules.builtin_signals, (std::vector<std::string>{"s.a", "s.b"}));
  ASSERT_EQ(rules.rates.size(), 1u);
  EXPECT_EQ(rules.rates[0].origin, "rules/rates/a.json");
  EXPECT_EQ(rules.version, RulesVersion(rules));
}

TEST(MergeRuleFilesTest, DuplicatesNameBothFiles) {
  EXPECT_EQ(MergeError({{"rates/a.json", kRateA}, {"rates/b.json", kRateA}}),
            "rules/rates/b.json:1:13: key \"rates.a-rate.id\": duplicate rate id \"a-rate\", "
            "also defined in rules/rates/a.json");
  EXPECT_EQ(MergeError({{"knowledge/a.json", R"({"classes": [{"qualname": "a.A"}]})"},
                        {"knowledge/b.json",
                         "{\"classes\": [\n  {\"qualname\": \"b.B\", \"aliases\": [\"a.A\"]}]}"}}),
            "rules/knowledge/b.json:2:35: key \"classes[0].aliases[0]\": duplicate class name "
            "\"a.A\", also defined in rules/knowledge/a.json");
  EXPECT_EQ(MergeError({{"knowledge/a.json",
                         R"({"functions": [{"qualname": "f.g"}, {"qualname": "f.g"}]})"}}),
            "rules/knowledge/a.json:1:38: key \"functions[1].qualname\": duplicate function "
            "name \"f.g\", also defined in rules/knowledge/a.json");
}

TEST(MergeRuleFilesTest, RejectsMalformedEntries) {
  EXPECT_EQ(MergeError({{"k.json", R"({"clases": []})"}}),
            "rules/k.json:1:2: key \"clases\": unknown key (did you mean \"classes\"?)");
  EXPECT_EQ(MergeError({{"k.json", R"({"classes": [{"qualname": "a.A", "base": []}]})"}}),
            "rules/k.json:1:34: key \"classes[0].base\": unknown key (did you mean \"bases\"?)");
  EXPECT_EQ(MergeError({{"k.json", R"({"classes": [{"aliases": []}]})"}}),
            "rules/k.json:1:14: key \"classes[0]\": missing key \"qualname\"");
  EXPECT_EQ(MergeError({{"k.json", R"({"functions": [{"qualname": "f", "tags": ["a", 3]}]})"}}),
            "rules/k.json:1:48: key \"functions[0].tags[1]\": expected a string, got number");
  EXPECT_EQ(MergeError({{"k.json", R"({"builtin_signals": "post_save"})"}}),
            "rules/k.json:1:2: key \"builtin_signals\": expected an array of strings, got string");
  EXPECT_EQ(MergeError({{"k.json", R"([1, 2])"}}),
            "rules/k.json:1:1: expected an object, got array");
}

TEST(MergeRuleFilesTest, RejectsRatesThatBreakTheContract) {
  auto rate = [](const std::string& fields) {
    return std::string(R"({"rates": [{"id": "r", "description": "d", "unit": "u", )") + fields +
           "}]}";
  };
  const std::string bad_order =
      rate(R"("low": 3, "likely": 2, "high": 1, "assumed": true, "source": "assumption", "rationale": "x")");
  EXPECT_EQ(MergeError({{"r.json", bad_order}}),
            "rules/r.json:1:12: key \"rates.r\": expected low <= likely <= high, got low 3, "
            "likely 2, high 1");
  const std::string not_assumption =
      rate(R"("low": 1, "likely": 2, "high": 3, "assumed": true, "source": "a blog", "rationale": "x")");
  EXPECT_EQ(MergeError({{"r.json", not_assumption}}),
            "rules/r.json:1:108: key \"rates.r.source\": an assumed rate must have source "
            "\"assumption\", got \"a blog\"");
  const std::string missing =
      rate(R"("low": 1, "likely": 2, "high": 3, "assumed": false, "source": "a blog")");
  EXPECT_EQ(MergeError({{"r.json", missing}}),
            "rules/r.json:1:12: key \"rates.r\": missing key \"rationale\"");
  const std::string negative = rate(R"("low": -1)");
  EXPECT_EQ(MergeError({{"r.json", negative}}),
            "rules/r.json:1:57: key \"rates.r.low\": expected a non-negative number, got -1");
  EXPECT_EQ(MergeError({{"r.json", R"({"rates": [{"id": "Not_Kebab", "description": "d",
 "unit": "u", "low": 1, "likely": 1, "high": 1, "assumed": true, "source": "assumption",
 "rationale": "r"}]})"}}),
            "rules/r.json:1:13: key \"rates.Not_Kebab.id\": expected a kebab-case id, got "
            "\"Not_Kebab\"");
}

TEST(MergeRuleFilesTest, ReportsJsonSyntaxErrorsWithLineAndColumn) {
  EXPECT_EQ(MergeError({{"r.json", "{\n  \"rates\": [\n    {\"id\": \"x\",}\n  ]\n}\n"}}),
            "rules/r.json:3:16: syntax error while parsing object key - unexpected '}'; "
            "expected string literal");
}

}  // namespace
}  // namespace djcost
