#include <gtest/gtest.h>

#include <string>

#include "extract/expr_builder.h"
#include "facts_dump.h"

namespace djcost::testing {
namespace {

// The value of the single module assignment in `source`.
Expr ValueOf(const std::string& source) {
  FileFacts facts = ExtractSnippet(source);
  EXPECT_EQ(facts.assignments.size(), 1u) << source;
  if (facts.assignments.empty()) return {};
  return facts.assignments[0].value;
}

struct ExprCase {
  const char* name;
  std::string value_source;  // what follows `x = `
  std::string expected;      // DumpExpr output
};

class ExprTest : public ::testing::TestWithParam<ExprCase> {};

TEST_P(ExprTest, Copies) {
  EXPECT_EQ(DumpExpr(ValueOf("x = " + GetParam().value_source + "\n")), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Values, ExprTest,
    ::testing::Values(
        ExprCase{"Name", "views.OrderList", "views.OrderList"},
        ExprCase{"AttributeOfCallIsOther", "get().attr", "<get().attr>"},
        ExprCase{"Numbers", "[1, 2.5, -3, +4, 0x1F]", "[1, 2.5, -3, +4, 0x1F]"},
        ExprCase{"NegatedNameIsOther", "-limit", "<-limit>"},
        ExprCase{"Constants", "(True, False, None)", "[True, False, None]"},
        ExprCase{"SetAndParenthesised", "({'a'}, ('b'))", "[['a'], 'b']"},
        ExprCase{"ConcatenatedString", "'a' \"b\" r'\\d'", "'ab\\\\d'"},
        ExprCase{"ConcatenatedFString", "'a/' f'{b}'", "f'a/{b}'"},
        ExprCase{"DictKeepsStringKeysOnly", "{'a': 1, 2: 'b', **rest, 'c': [d]}",
                 "{'a': 1, 'c': [d]}"},
        ExprCase{"CallArguments", "f(a, *rest, k=1, **extra)", "f(a, <*rest>, k=1, **=extra)"},
        ExprCase{"CallWithGenerator", "sum(i for i in items)", "sum(<(i for i in items)>)"},
        ExprCase{"UndottedCallee", "factory()()", "?()"},
        ExprCase{"BinOp", "urlpatterns + static(URL)", "(urlpatterns + static(URL))"},
        ExprCase{"PathDivision", "BASE_DIR / 'static'", "(BASE_DIR / 'static')"},
        ExprCase{"OtherIsAnExcerpt", "[i  for  i in\n  range(3)]", "<[i for i in range(3)]>"},
        ExprCase{"LambdaIsOther", "lambda r: r", "<lambda r: r>"}),
    [](const ::testing::TestParamInfo<ExprCase>& info) { return info.param.name; });

TEST(ExprLinesTest, EveryNodeKeepsItsOwnLine) {
  Expr e = ValueOf("x = [\n    path('a',\n         view),\n]\n");
  EXPECT_EQ(e.line, 1);
  ASSERT_EQ(e.items.size(), 1u);
  EXPECT_EQ(e.items[0].line, 2);
  ASSERT_EQ(e.items[0].items.size(), 2u);
  EXPECT_EQ(e.items[0].items[1].line, 3);
  EXPECT_EQ(e.items[0].items[1].kind, ExprKind::kName);
}

TEST(ExprKeywordTest, KeywordLooksUpByName) {
  Expr e = ValueOf("x = path('a', v, name='home')\n");
  ASSERT_NE(e.Keyword("name"), nullptr);
  EXPECT_EQ(e.Keyword("name")->text, "home");
  EXPECT_EQ(e.Keyword("kwargs"), nullptr);
}

TEST(ExprBoundsTest, DeepNestingBecomesAnExcerptAtTheDepthLimit) {
  std::string deep = "x = " + std::string(40, '[') + "1" + std::string(40, ']') + "\n";
  Expr e = ValueOf(deep);
  int depth = 0;
  const Expr* node = &e;
  while (node->kind == ExprKind::kList && node->items.size() == 1) {
    node = &node->items[0];
    ++depth;
  }
  EXPECT_EQ(depth, kMaxExprDepth + 1);
  EXPECT_EQ(node->kind, ExprKind::kOther);
  EXPECT_EQ(node->text, std::string(7, '[') + "1" + std::string(7, ']'));
}

TEST(ExprBoundsTest, HugeLiteralIsTruncatedWithADiagnostic) {
  std::string big = "DATA = [\n";
  for (int i = 0; i < kMaxExprNodes; ++i) big += "    " + std::to_string(i) + ",\n";
  big += "]\n";
  FileFacts facts = ExtractSnippet(big);
  ASSERT_EQ(facts.assignments.size(), 1u);
  const Expr& list = facts.assignments[0].value;
  ASSERT_EQ(list.items.size(), static_cast<size_t>(kMaxExprNodes));
  // The list itself used one node of the budget, so the last element is an excerpt.
  EXPECT_EQ(list.items[kMaxExprNodes - 2].kind, ExprKind::kNumber);
  EXPECT_EQ(list.items[kMaxExprNodes - 1].kind, ExprKind::kOther);
  EXPECT_EQ(list.items[kMaxExprNodes - 1].text, std::to_string(kMaxExprNodes - 1));
  ASSERT_EQ(facts.diagnostics.size(), 1u);
  EXPECT_EQ(facts.diagnostics[0].code, "expression-truncated");
  EXPECT_EQ(facts.diagnostics[0].location.line, kMaxExprNodes + 1);
  EXPECT_EQ(facts.diagnostics[0].message,
            "an expression has more than 20000 parts; the rest was kept as source excerpts");
}

TEST(ShortExcerptTest, CutsOnACharacterBoundary) {
  EXPECT_EQ(ShortExcerpt("  a \n\t b  ", 80), "a b");
  EXPECT_EQ(ShortExcerpt("abcdef", 4), "abcd...");
  // "é" is two bytes; a cut after 4 bytes would split the second one.
  EXPECT_EQ(ShortExcerpt("ab\xC3\xA9\xC3\xA9", 5), "ab\xC3\xA9...");
}

}  // namespace
}  // namespace djcost::testing
