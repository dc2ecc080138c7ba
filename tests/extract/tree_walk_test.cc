// Tests of the syntax/ walking helpers extraction is built on.
#include "syntax/tree_walk.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "syntax/python_kinds.h"
#include "syntax/python_parser.h"

namespace djcost {
namespace {

TEST(KindOfTest, MapsNamedNodesAndLeavesTokensAsOther) {
  PythonParser parser;
  std::string source = "class A(B):\n    x = f(1)\n";
  SyntaxTree tree = parser.Parse(source);
  TSNode cls = ts_node_named_child(tree.Root(), 0);
  EXPECT_EQ(KindOf(tree.Root()), PyKind::kModule);
  EXPECT_EQ(KindOf(cls), PyKind::kClassDefinition);
  EXPECT_EQ(KindOf(ts_node_child(cls, 0)), PyKind::kOther);  // the `class` keyword
  EXPECT_EQ(KindOf(ts_node_child_by_field_id(cls, Fields().name)), PyKind::kIdentifier);
  EXPECT_EQ(KindOf(ts_node_child_by_field_id(cls, Fields().superclasses)), PyKind::kArgumentList);
  EXPECT_EQ(KindOf(TSNode{}), PyKind::kOther);
}

TEST(ChildListerTest, ListsChildrenWithFields) {
  PythonParser parser;
  std::string source = "x = 1\n";
  SyntaxTree tree = parser.Parse(source);
  TSNode assignment = ts_node_named_child(ts_node_named_child(tree.Root(), 0), 0);
  ChildLister lister;
  std::vector<ChildNode> all;
  lister.List(assignment, &all);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].field, Fields().left);
  EXPECT_EQ(tree.Text(all[1].node), "=");
  EXPECT_EQ(all[2].field, Fields().right);
  std::vector<ChildNode> named;
  lister.ListNamed(assignment, &named);
  ASSERT_EQ(named.size(), 2u);
  EXPECT_EQ(tree.Text(named[1].node), "1");
  EXPECT_EQ(named[1].field, 0);  // not asked for
  lister.ListNamedWithFields(assignment, &named);
  ASSERT_EQ(named.size(), 2u);
  EXPECT_EQ(named[0].field, Fields().left);
  EXPECT_EQ(named[1].field, Fields().right);
  lister.ListNamed(named[1].node, &named);  // a leaf
  EXPECT_TRUE(named.empty());
}

TEST(SubtreeWalkerTest, VisitsInSourceOrderAndStaysInsideTheSubtree) {
  PythonParser parser;
  std::string source = "a(b(c), d)\ne()\n";
  SyntaxTree tree = parser.Parse(source);
  TSNode first = ts_node_named_child(tree.Root(), 0);
  std::vector<std::string> identifiers;
  SubtreeWalker walker;
  walker.Walk(first, [&](TSNode node) {
    if (KindOf(node) == PyKind::kIdentifier) identifiers.emplace_back(tree.Text(node));
    return true;
  });
  EXPECT_EQ(identifiers, (std::vector<std::string>{"a", "b", "c", "d"}));
}

TEST(SubtreeWalkerTest, DoesNotDescendWhenTold) {
  PythonParser parser;
  std::string source = "a(b(c), d)\n";
  SyntaxTree tree = parser.Parse(source);
  std::vector<std::string> identifiers;
  SubtreeWalker walker;
  walker.Walk(tree.Root(), [&](TSNode node) {
    if (KindOf(node) == PyKind::kIdentifier) identifiers.emplace_back(tree.Text(node));
    return KindOf(node) != PyKind::kArgumentList;
  });
  EXPECT_EQ(identifiers, (std::vector<std::string>{"a"}));
}

TEST(ScanErrorsTest, CleanTreeHasNone) {
  PythonParser parser;
  std::string source = "x = 1\n";
  SyntaxTree tree = parser.Parse(source);
  ErrorScan scan = ScanErrors(tree.Root());
  EXPECT_EQ(scan.count, 0);
  EXPECT_EQ(scan.first_line, 0);
}

TEST(ScanErrorsTest, CountsErrorNodesAndReportsTheFirstLine) {
  PythonParser parser;
  std::string source = "x = 1\ndef f(:\n    pass\ny = 2\nclass :\n    pass\n";
  SyntaxTree tree = parser.Parse(source);
  ErrorScan scan = ScanErrors(tree.Root());
  // (ERROR x = 1, def f( MISSING ")" ..., y = 2, (ERROR class :), pass): recovery
  // wraps the good first line too, yet the first problem is reported on line 2.
  EXPECT_EQ(scan.count, 3);
  EXPECT_EQ(scan.first_line, 2);
}

TEST(ScanErrorsTest, NamesTheLineOfAnUnexpectedToken) {
  PythonParser parser;
  std::string source = "x = 1\ny = = 2\nz = 3\n";
  SyntaxTree tree = parser.Parse(source);
  ErrorScan scan = ScanErrors(tree.Root());
  EXPECT_EQ(scan.count, 1);
  EXPECT_EQ(scan.first_line, 2);
}

TEST(ScanErrorsTest, SkipsGoodStatementsWrappedInAnError) {
  PythonParser parser;
  std::string source = "import os\nimport sys\nfoo bar baz\n";
  SyntaxTree tree = parser.Parse(source);
  ErrorScan scan = ScanErrors(tree.Root());
  EXPECT_EQ(scan.count, 1);
  EXPECT_EQ(scan.first_line, 3);
}

TEST(ScanErrorsTest, CountsMissingNodes) {
  PythonParser parser;
  std::string source = "print(f(1)\n";
  SyntaxTree tree = parser.Parse(source);
  ASSERT_TRUE(ts_node_has_error(tree.Root()));
  ErrorScan scan = ScanErrors(tree.Root());
  EXPECT_EQ(scan.count, 1);
  EXPECT_EQ(scan.first_line, 1);
}

}  // namespace
}  // namespace djcost
