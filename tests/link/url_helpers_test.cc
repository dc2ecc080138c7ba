// Binding a URL helper's parameters to one call's arguments.
#include "link/url_helpers.h"

#include <gtest/gtest.h>

namespace djcost {
namespace {

Expr Name(const std::string& text) { return Expr{ExprKind::kName, 1, text, {}, {}}; }
Expr String(const std::string& text) { return Expr{ExprKind::kString, 1, text, {}, {}}; }

FunctionDef Helper(std::vector<std::string> parameters) {
  FunctionDef fn;
  fn.name = "helper";
  fn.parameters = std::move(parameters);
  return fn;
}

Expr Call(std::vector<Expr> items) {
  Expr call{ExprKind::kCall, 7, "helper", std::move(items), {}};
  return call;
}

TEST(UrlHelpers, PositionalAndKeywordArgumentsBindByName) {
  FunctionDef fn = Helper({"prefix", "view", "name"});
  Expr call = Call({String("books")});
  call.keywords.push_back({"view", Name("views.BookList")});
  HelperArguments bound = BindHelperArguments(fn, call);
  ASSERT_EQ(bound.size(), 2u);
  EXPECT_EQ(bound[0].first, "prefix");
  EXPECT_EQ(bound[1].first, "view");
  EXPECT_EQ(bound[1].second->text, "views.BookList");
}

// datatracker's `url(regex, view)` called from another URLconf: the view is a
// name of the caller's module, bound only where the helper names it whole, as
// the call wrote it (its own line), and found again by PassedNodes.
TEST(UrlHelpers, PassedArgumentsBindOnlyWhereTheParameterStandsWhole) {
  Expr view = Name("views.BookList");
  view.line = 12;
  HelperArguments passed = {{"view", &view}};
  // re_path(regex, view, name=view.name)
  Expr call{ExprKind::kCall, 3, "re_path", {Name("regex"), Name("view")}, {}};
  call.keywords.push_back({"name", Name("view.name")});

  Expr bound = BindParameters(call, {}, passed);
  EXPECT_EQ(bound.items[1].text, "views.BookList");
  EXPECT_EQ(bound.items[1].line, 12);
  EXPECT_EQ(bound.keywords.begin()->second.text, "view.name");  // read in the helper's module
  auto nodes = PassedNodes(call, bound, passed);
  ASSERT_EQ(nodes.size(), 1u);
  EXPECT_EQ(nodes[0].first, &bound.items[1]);
  EXPECT_EQ(nodes[0].second, &view);
}

TEST(UrlHelpers, PositionalBindingStopsAtStarParameters) {
  FunctionDef fn = Helper({"prefix", "*views"});
  Expr call = Call({String("a"), Name("v1"), Name("v2")});
  HelperArguments bound = BindHelperArguments(fn, call);
  ASSERT_EQ(bound.size(), 1u);
  EXPECT_EQ(bound[0].first, "prefix");
}

TEST(UrlHelpers, NamesCalleesAndFStringFieldsAreRewritten) {
  Expr prefix = String("a{b}");
  Expr view = Name("views.BookList");
  HelperArguments arguments = {{"prefix", &prefix}, {"view", &view}};
  // path(f"{prefix}/{{id}}/{other}", view.as_view(), name=view)
  Expr route{ExprKind::kFString, 3, "{prefix}/{{id}}/{other}", {}, {}};
  Expr as_view{ExprKind::kCall, 3, "view.as_view", {}, {}};
  Expr path{ExprKind::kCall, 3, "path", {route, as_view}, {}};
  Expr name_argument = Name("view");
  name_argument.line = 9;
  path.keywords.push_back({"name", name_argument});

  Expr bound = BindParameters(path, arguments);
  EXPECT_EQ(bound.text, "path");
  EXPECT_EQ(bound.items[0].text, "a{{b}}/{{id}}/{other}");  // braces of the literal escaped
  EXPECT_EQ(bound.items[1].text, "views.BookList.as_view");
  EXPECT_EQ(bound.keywords.begin()->second.text, "views.BookList");
  EXPECT_EQ(bound.keywords.begin()->second.line, 9);  // where the helper wrote it
  // `viewer` only starts like a parameter: left alone.
  EXPECT_EQ(BindParameters(Name("viewer.x"), arguments).text, "viewer.x");
}

}  // namespace
}  // namespace djcost
