#include "rules/rule_set_text.h"

#include <gtest/gtest.h>

#include "rules/load_rules.h"

namespace djcost {
namespace {

RuleSet EveryField() {
  RuleSet rules;
  rules.rates.push_back(Rate{"a-rate", "one \"thing\"", "weeks per thing", 0.1, 1.0 / 3, 2.5e10,
                             true, "assumption", "why: 12:3", "pyproject.toml:14"});
  rules.rates.push_back(Rate{"b-rate", "", "", 0, 0, 0, false, "seeds/000", "", "embedded"});
  KnownClass logout{"django.contrib.auth.views.LogoutView", {"x.LogoutView"}, {"a.B", "c.D"},
                    {"get", "post"}, {"view"}, {}};
  logout.changes.push_back(KnownChange{{5, 0}, {"post", "options"}});
  logout.changes.push_back(KnownChange{{6}, {}});
  rules.classes.push_back(logout);
  rules.classes.push_back(KnownClass{"\xc3\xa9t\xc3\xa9.Model", {}, {}, {}, {"model"}, {}});
  rules.functions.push_back(KnownFunction{"f.g", {"h.g"}, {"POST"}, {"restrict-methods"}});
  rules.builtin_signals = {"s.a", "s.b:c"};
  rules.options = {{"settings", "app.settings"}, {"empty", ""}};
  return rules;
}

TEST(RuleSetText, ReadsBackEveryField) {
  RuleSet rules = EveryField();
  RuleSet read;
  ASSERT_TRUE(ReadRuleSetText(RuleSetText(rules), &read));
  EXPECT_EQ(read.rates, rules.rates);  // doubles exactly, 1/3 included
  EXPECT_EQ(read.classes, rules.classes);
  EXPECT_EQ(read.functions, rules.functions);
  EXPECT_EQ(read.builtin_signals, rules.builtin_signals);
  EXPECT_EQ(read.options, rules.options);
  EXPECT_EQ(RuleSetText(read), RuleSetText(rules));

  RuleSet defaults = DefaultRuleSet();
  ASSERT_TRUE(ReadRuleSetText(RuleSetText(defaults), &read));
  EXPECT_EQ(RulesVersion(read), defaults.version);
  EXPECT_EQ(read.classes, defaults.classes);
}

TEST(RuleSetText, RefusesAnyTruncationOrDamage) {
  const std::string text = RuleSetText(EveryField());
  RuleSet read;
  for (size_t n = 0; n < text.size(); ++n) {
    EXPECT_FALSE(ReadRuleSetText(std::string_view(text).substr(0, n), &read)) << n;
  }
  EXPECT_FALSE(ReadRuleSetText(text + "1:x", &read));
  std::string huge_count = text;
  huge_count.replace(huge_count.find("7:classes1:2"), 12, "7:classes9:999999999");
  EXPECT_FALSE(ReadRuleSetText(huge_count, &read));
  std::string bad_number = text;
  bad_number.replace(bad_number.find("19:0.1"), 6, "19:x.1");
  EXPECT_FALSE(ReadRuleSetText(bad_number, &read));
  EXPECT_FALSE(ReadRuleSetText("5:rates1:0", &read));
}

// Different rule sets never write the same text (so never the same version):
// every field is framed by its length.
TEST(RuleSetText, FramesEveryField) {
  RuleSet a;
  a.builtin_signals = {"ab", "c"};
  RuleSet b;
  b.builtin_signals = {"a", "bc"};
  EXPECT_NE(RuleSetText(a), RuleSetText(b));
  RuleSet c;
  c.classes.push_back(KnownClass{"q", {"x"}, {}, {}, {}, {}});
  RuleSet d;
  d.classes.push_back(KnownClass{"q", {}, {"x"}, {}, {}, {}});
  EXPECT_NE(RuleSetText(c), RuleSetText(d));
}

}  // namespace
}  // namespace djcost
