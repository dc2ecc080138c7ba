#include <gtest/gtest.h>

#include <string>

#include "extract/extract.h"

namespace djcost {
namespace {

struct LinesCase {
  const char* name;
  std::string source;
  LineCounts expected;
};

class CountLinesTest : public ::testing::TestWithParam<LinesCase> {};

TEST_P(CountLinesTest, Counts) {
  const LinesCase& c = GetParam();
  LineCounts got = CountLines(c.source);
  EXPECT_EQ(got.code, c.expected.code);
  EXPECT_EQ(got.comment, c.expected.comment);
  EXPECT_EQ(got.blank, c.expected.blank);
}

INSTANTIATE_TEST_SUITE_P(
    Sources, CountLinesTest,
    ::testing::Values(
        LinesCase{"Empty", "", {0, 0, 0}},
        LinesCase{"OnlyNewlines", "\n\n", {0, 0, 2}},
        LinesCase{"NoFinalNewline", "x = 1\ny = 2", {2, 0, 0}},
        LinesCase{"CommentAndBlank", "# c\n\n  # indented\nx = 1  # trailing\n", {1, 2, 1}},
        LinesCase{"WhitespaceOnlyIsBlank", " \t\f\n", {0, 0, 1}},
        LinesCase{"HashInStringIsCode", "x = '# no'\ny = \"#\"\n", {2, 0, 0}},
        LinesCase{"DocstringLinesAreCode", "\"\"\"Doc.\n\n# not a comment\n\"\"\"\n", {4, 0, 0}},
        LinesCase{"EscapedQuoteInString", "x = 'a\\'# b'\n# c\n", {1, 1, 0}},
        LinesCase{"TripleWithInnerQuotes", "x = '''a ' '' b\n'''\n#c\n", {2, 1, 0}},
        LinesCase{"CrLf", "x = 1\r\n# c\r\n\r\n", {1, 1, 1}},
        LinesCase{"LoneCr", "x = 1\r# c\r", {1, 1, 0}},
        LinesCase{"UnterminatedStringStopsAtLineEnd", "x = 'abc\n# c\n", {1, 1, 0}},
        LinesCase{"ContinuationInsideString", "x = 'a\\\n# b'\n", {2, 0, 0}},
        LinesCase{"PrefixedStrings", "x = rb'#'\ny = f\"{a}#\"\n", {2, 0, 0}}),
    [](const ::testing::TestParamInfo<LinesCase>& info) { return info.param.name; });

}  // namespace
}  // namespace djcost
