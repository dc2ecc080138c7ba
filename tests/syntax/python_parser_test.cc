#include "syntax/python_parser.h"

#include <gtest/gtest.h>

#include <string>

namespace djcost {
namespace {

TEST(PythonParserTest, ParsesAModule) {
  PythonParser parser;
  ASSERT_TRUE(parser.ok()) << parser.Error();
  std::string source = "class A(models.Model):\n    x = 1\n";
  SyntaxTree tree = parser.Parse(source);
  ASSERT_TRUE(tree.ok());
  TSNode root = tree.Root();
  EXPECT_STREQ(ts_node_type(root), "module");
  EXPECT_FALSE(ts_node_has_error(root));
  TSNode cls = ts_node_named_child(root, 0);
  EXPECT_STREQ(ts_node_type(cls), "class_definition");
  EXPECT_EQ(tree.Text(ts_node_child_by_field_name(cls, "name", 4)), "A");
}

TEST(PythonParserTest, GrammarAbiIsAcceptedByTheRuntime) {
  EXPECT_EQ(CheckLanguageAbi(PythonLanguage()), "");
}

TEST(PythonParserTest, ReportsSyntaxErrorsInTheTree) {
  PythonParser parser;
  std::string source = "def broken(:\n    pass\n";
  SyntaxTree tree = parser.Parse(source);
  ASSERT_TRUE(tree.ok());
  EXPECT_TRUE(ts_node_has_error(tree.Root()));
}

}  // namespace
}  // namespace djcost
