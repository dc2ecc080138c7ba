// SparseList keeps Expr::keywords in one pointer; it must read, copy and compare
// as the vector it replaced did.
#include "data/sparse_list.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "data/expr.h"

namespace djcost {
namespace {

TEST(SparseList, AnEmptyListAndAnAbsentOneAreTheSame) {
  SparseList<int> absent;
  SparseList<int> emptied;
  emptied.reserve(4);
  EXPECT_TRUE(emptied.empty());
  EXPECT_EQ(absent, emptied);
  EXPECT_EQ(absent.begin(), absent.end());
  emptied.shrink_to_fit();
  EXPECT_EQ(emptied.begin(), nullptr);  // the vector itself was given back
  int seen = 0;
  for (int v : absent) seen += v + 1;
  EXPECT_EQ(seen, 0);
}

TEST(SparseList, CopiesAreDeepAndCompareByValue) {
  SparseList<std::string> a;
  a.emplace_back("x");
  a.push_back("y");
  SparseList<std::string> b = a;
  EXPECT_EQ(a, b);
  b[1] = "z";
  EXPECT_EQ(a[1], "y");
  EXPECT_FALSE(a == b);
  SparseList<std::string> c;
  c = b;
  EXPECT_EQ(c.size(), 2u);
  EXPECT_EQ(c[1], "z");
  SparseList<std::string> moved = std::move(c);
  EXPECT_EQ(moved, b);
  std::vector<std::string> read(a.begin(), a.end());
  EXPECT_EQ(read, (std::vector<std::string>{"x", "y"}));
}

TEST(SparseList, ExprKeywordsNestAndCompare) {
  Expr inner;
  inner.kind = ExprKind::kString;
  inner.text = "publish";
  Expr call;
  call.kind = ExprKind::kCall;
  call.keywords.emplace_back("name", inner);
  Expr outer;
  outer.kind = ExprKind::kDict;
  outer.keywords.emplace_back("post", call);
  Expr copy = outer;
  EXPECT_EQ(copy, outer);
  ASSERT_NE(copy.Keyword("post"), nullptr);
  EXPECT_EQ(copy.Keyword("post")->Keyword("name")->text, "publish");
  copy.keywords[0].second.keywords[0].second.text = "other";
  EXPECT_FALSE(copy == outer);
  EXPECT_EQ(outer.Keyword("post")->Keyword("name")->text, "publish");
  EXPECT_LE(sizeof(Expr), 72u);  // the point of it: a large project holds 10^6 of these
}

}  // namespace
}  // namespace djcost
