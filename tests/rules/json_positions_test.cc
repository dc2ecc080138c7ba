#include "rules/json_positions.h"

#include <gtest/gtest.h>

namespace djcost {
namespace {

TEST(PositionOfOffsetTest, CountsLinesAndColumnsFromOne) {
  const std::string text = "{\n  \"a\": 1,\n\"b\": 2}";
  EXPECT_EQ(PositionOfOffset(text, 0), (TextPosition{1, 1}));
  EXPECT_EQ(PositionOfOffset(text, 4), (TextPosition{2, 3}));
  EXPECT_EQ(PositionOfOffset(text, 12), (TextPosition{3, 1}));
  EXPECT_EQ(PositionOfOffset(text, 999), (TextPosition{3, 8}));
}

TEST(AppendPointerTest, EscapesAsRfc6901Asks) {
  EXPECT_EQ(AppendPointer("", "rates"), "/rates");
  EXPECT_EQ(AppendPointer("/rates", "0"), "/rates/0");
  EXPECT_EQ(AppendPointer("", "a/b~c"), "/a~1b~0c");
}

TEST(JsonValuePositionsTest, MapsKeysAndArrayElements) {
  const std::string text =
      "{\n"
      "  \"rates\": [\n"
      "    {\"id\": \"x\", \"low\": 1},\n"
      "    [true, null]\n"
      "  ],\n"
      "  \"a\\/b\": \"\\u00e9\"\n"
      "}\n";
  auto positions = JsonValuePositions(text);
  EXPECT_EQ(positions.at(""), (TextPosition{1, 1}));
  EXPECT_EQ(positions.at("/rates"), (TextPosition{2, 3}));
  EXPECT_EQ(positions.at("/rates/0"), (TextPosition{3, 5}));
  EXPECT_EQ(positions.at("/rates/0/id"), (TextPosition{3, 6}));
  EXPECT_EQ(positions.at("/rates/0/low"), (TextPosition{3, 17}));
  EXPECT_EQ(positions.at("/rates/1"), (TextPosition{4, 5}));
  EXPECT_EQ(positions.at("/rates/1/1"), (TextPosition{4, 12}));
  EXPECT_EQ(positions.at("/a~1b"), (TextPosition{6, 3}));
  EXPECT_EQ(positions.size(), 9u);
}

TEST(JsonValuePositionsTest, StopsQuietlyOnBrokenText) {
  auto positions = JsonValuePositions("{\"a\": [1, \"b\": }");
  EXPECT_EQ(positions.at("/a"), (TextPosition{1, 2}));
  EXPECT_EQ(positions.count("/a/0"), 1u);
}

}  // namespace
}  // namespace djcost
