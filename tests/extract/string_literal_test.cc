#include "extract/string_literal.h"

#include <gtest/gtest.h>

#include <string>

namespace djcost {
namespace {

struct LiteralCase {
  const char* name;
  std::string literal;
  std::string value;
  bool is_fstring;
};

class StringLiteralTest : public ::testing::TestWithParam<LiteralCase> {};

TEST_P(StringLiteralTest, Decodes) {
  const LiteralCase& c = GetParam();
  StringLiteral got = DecodeStringLiteral(c.literal);
  EXPECT_EQ(got.value, c.value);
  EXPECT_EQ(got.is_fstring, c.is_fstring);
}

INSTANTIATE_TEST_SUITE_P(
    Literals, StringLiteralTest,
    ::testing::Values(
        LiteralCase{"Single", "'users/'", "users/", false},
        LiteralCase{"Double", "\"a'b\"", "a'b", false},
        LiteralCase{"Empty", "''", "", false},
        LiteralCase{"EmptyTriple", "\"\"\"\"\"\"", "", false},
        LiteralCase{"Triple", "'''a\nb'''", "a\nb", false},
        LiteralCase{"CommonEscapes", R"('a\tb\n\\\'')", "a\tb\n\\'", false},
        LiteralCase{"UnknownEscapeKept", R"('^\d+$')", "^\\d+$", false},
        LiteralCase{"RawKeepsBackslashes", R"(r'^(?P<pk>\d+)/\n$')", "^(?P<pk>\\d+)/\\n$", false},
        LiteralCase{"RawUpperAndBytes", R"(Rb'\x41')", "\\x41", false},
        LiteralCase{"HexInText", R"('\x41\u00e9')", "A\xC3\xA9", false},
        LiteralCase{"LongUnicode", R"('\U0001F600')", "\xF0\x9F\x98\x80", false},
        LiteralCase{"BytesHexIsAByte", R"(b'\xff')", "\xff", false},
        LiteralCase{"BytesKeepUnicodeEscape", R"(b'\u00e9')", "\\u00e9", false},
        LiteralCase{"Octal", R"('\101\0')", std::string("A\0", 2), false},
        LiteralCase{"NamedEscapeKept", R"('\N{BULLET}')", "\\N{BULLET}", false},
        LiteralCase{"LineContinuation", "'a\\\nb'", "ab", false},
        LiteralCase{"UnicodePrefix", "u'x'", "x", false},
        LiteralCase{"FString", "f'{a}/{b!r}'", "{a}/{b!r}", true},
        LiteralCase{"RawFString", "rf'{a}\\d'", "{a}\\d", true},
        // Outside the fields a plain f-string's escapes are decoded; braces and
        // fields (with nested format specs) stay as written.
        LiteralCase{"FStringEscapes", "f'^{a}\\\\d\\n{{x}}{b:{w}}\\t'", "^{a}\\d\n{{x}}{b:{w}}\t", true},
        LiteralCase{"Unterminated", "'abc", "abc", false},
        LiteralCase{"NotALiteral", "abc", "abc", false}),
    [](const ::testing::TestParamInfo<LiteralCase>& info) { return info.param.name; });

TEST(AppendUtf8Test, ReplacesSurrogatesAndOutOfRange) {
  std::string out;
  AppendUtf8(0xD800, &out);
  AppendUtf8(0x110000, &out);
  EXPECT_EQ(out, "\xEF\xBF\xBD\xEF\xBF\xBD");
}

}  // namespace
}  // namespace djcost
