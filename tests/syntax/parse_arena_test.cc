#include "syntax/parse_arena.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <utility>

#include "syntax/python_parser.h"

namespace djcost {
namespace {

// Every node's type, field-free and in pre-order, with its byte range: a tree's
// shape, read without tree-sitter allocating anything that outlives the walk.
std::string Shape(const SyntaxTree& tree) {
  std::string out;
  TSTreeCursor cursor = ts_tree_cursor_new(tree.Root());
  for (;;) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    out += ts_node_type(node);
    out += '@' + std::to_string(ts_node_start_byte(node)) + '-' +
           std::to_string(ts_node_end_byte(node)) + ' ';
    if (ts_tree_cursor_goto_first_child(&cursor)) continue;
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        ts_tree_cursor_delete(&cursor);
        return out;
      }
    }
  }
}

// A module of `n` views, each with a call, a decorator and a string.
std::string Module(int n) {
  std::string source = "from django.http import JsonResponse\n\n";
  for (int i = 0; i < n; ++i) {
    source += "@login_required\ndef view_" + std::to_string(i) +
              "(request, pk=None):\n    return JsonResponse({'id': pk, 'n': " +
              std::to_string(i) + "})\n\n";
  }
  return source;
}

TEST(ParseArenaTest, ATreeLivesInItsArenaWhichEmptiesWhenItGoes) {
  PythonParser parser;
  ASSERT_TRUE(parser.ok()) << parser.Error();
  const std::string source = Module(50);
  EXPECT_EQ(ParseArenaBytesInUse(), 0u);
  std::string first;
  {
    SyntaxTree tree = parser.Parse(source);
    ASSERT_TRUE(tree.ok());
    EXPECT_GT(ParseArenaBytesInUse(), source.size());
    first = Shape(tree);
  }
  EXPECT_EQ(ParseArenaBytesInUse(), 0u);
  // The emptied arena's memory, reused, parses to the same tree.
  for (int i = 0; i < 3; ++i) {
    SyntaxTree tree = parser.Parse(source);
    EXPECT_EQ(Shape(tree), first);
  }
  EXPECT_EQ(ParseArenaBytesInUse(), 0u);
}

// Two trees at once share the arena: it empties when the last one goes,
// whichever was first, and a moved tree keeps its nodes.
TEST(ParseArenaTest, TreesAliveTogetherKeepTheArenaUntilTheLastGoes) {
  PythonParser parser;
  const std::string a = Module(5), b = Module(9);
  std::string shape_a, shape_b;
  {
    SyntaxTree alone = parser.Parse(a);
    shape_a = Shape(alone);
  }
  {
    SyntaxTree alone = parser.Parse(b);
    shape_b = Shape(alone);
  }
  SyntaxTree first = parser.Parse(a);
  const std::size_t after_first = ParseArenaBytesInUse();
  SyntaxTree second = parser.Parse(b);
  EXPECT_GT(ParseArenaBytesInUse(), after_first);
  first = SyntaxTree();  // freed first: the arena stays for `second`
  EXPECT_GT(ParseArenaBytesInUse(), after_first);
  SyntaxTree moved = std::move(second);
  EXPECT_FALSE(second.ok());
  EXPECT_EQ(Shape(moved), shape_b);
  moved = parser.Parse(a);  // the old tree goes before the new one is kept
  EXPECT_EQ(Shape(moved), shape_a);
  moved = SyntaxTree();
  EXPECT_EQ(ParseArenaBytesInUse(), 0u);
}

// An arena too small for a file: the parse goes on in malloc's memory, the
// tree is the same, and it is freed as usual (the sanitizer build checks).
TEST(ParseArenaTest, AnArenaThatRunsOutHandsOverToMalloc) {
  PythonParser parser;
  const std::string source = Module(400);
  std::string expected;
  {
    SyntaxTree tree = parser.Parse(source);
    expected = Shape(tree);
  }
  std::string small_shape;
  bool whole = true;
  SetParseArenaBytes(64 * 1024);
  std::thread small([&] {  // a new thread, so a new arena of the small size
    PythonParser own;
    ParseArenaScope probe = ParseArenaScope::Begin();
    SyntaxTree tree = own.Parse(source);
    small_shape = Shape(tree);
    whole = probe.whole();
  });
  small.join();
  SetParseArenaBytes(std::size_t(4) << 30);
  EXPECT_FALSE(whole);
  EXPECT_EQ(small_shape, expected);
}

}  // namespace
}  // namespace djcost
