#include "extract/utf8_check.h"

#include <gtest/gtest.h>

#include <string>

namespace djcost {
namespace {

TEST(Utf8CheckTest, AcceptsValidText) {
  EXPECT_EQ(FirstInvalidUtf8("plain"), std::string_view::npos);
  EXPECT_EQ(FirstInvalidUtf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"), std::string_view::npos);
  EXPECT_EQ(FirstInvalidUtf8(""), std::string_view::npos);
}

TEST(Utf8CheckTest, FindsTheFirstBadByte) {
  EXPECT_EQ(FirstInvalidUtf8("caf\xE9!"), 3u);            // Latin-1
  EXPECT_EQ(FirstInvalidUtf8("ab\xC0\x80"), 2u);          // overlong NUL
  EXPECT_EQ(FirstInvalidUtf8("a\xED\xA0\x80"), 1u);       // surrogate
  EXPECT_EQ(FirstInvalidUtf8("\xF4\x90\x80\x80"), 0u);    // above U+10FFFF
  EXPECT_EQ(FirstInvalidUtf8("ok\xE2\x82"), 2u);          // truncated at the end
  EXPECT_EQ(FirstInvalidUtf8("\x80"), 0u);                // stray continuation
}

// ASCII is checked eight bytes at a time: a bad byte is found wherever it sits
// in or after such a block, and a valid sequence across a block's edge passes.
TEST(Utf8CheckTest, FindsABadByteAtEveryOffsetOfTheAsciiBlocks) {
  for (size_t at = 0; at < 40; ++at) {
    std::string text(40, 'x');
    text[at] = '\xE9';
    EXPECT_EQ(FirstInvalidUtf8(text), at) << "at " << at;
    std::string valid = std::string(at, 'x') + "\xE2\x82\xAC" + std::string(at % 9, 'y');
    EXPECT_EQ(FirstInvalidUtf8(valid), std::string_view::npos) << "at " << at;
    EXPECT_EQ(FirstInvalidUtf8(std::string(at, 'x') + "\xE2\x82"), at) << "at " << at;
  }
}

TEST(Utf8CheckTest, LineAtCountsEveryLineEnding) {
  std::string text = "a\nb\r\nc\rd";
  EXPECT_EQ(LineAt(text, 0), 1);
  EXPECT_EQ(LineAt(text, 2), 2);
  EXPECT_EQ(LineAt(text, 5), 3);
  EXPECT_EQ(LineAt(text, 7), 4);
}

}  // namespace
}  // namespace djcost
