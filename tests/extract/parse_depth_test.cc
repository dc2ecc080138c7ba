#include "extract/parse_depth.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "extract/extract.h"

namespace djcost {
namespace {

size_t LinesOf(std::string_view bytes) {
  LineCounts counts = CountLines(bytes);
  return static_cast<size_t>(counts.code) + counts.comment + counts.blank;
}

// Extraction runs ParseDepthBound only when ParseDepthCeiling is above the limit,
// so the ceiling must never be below the estimate, whatever the bytes.
TEST(ParseDepthTest, TheCeilingIsNeverBelowTheEstimate) {
  std::string alphabet = "ab_1 \t\f\v\n\r\\#'\"()[]{},;+-*/%@&|^~<>=!.:$\x80";
  alphabet.push_back('\0');
  std::mt19937 rng(7);
  for (int round = 0; round < 20000; ++round) {
    std::string bytes(rng() % 80, ' ');
    for (char& c : bytes) c = alphabet[rng() % alphabet.size()];
    ASSERT_LE(ParseDepthBound(bytes), ParseDepthCeiling(bytes.size(), LinesOf(bytes)))
        << "bytes: " << bytes;
  }
}

// The inputs where the estimate comes closest to the ceiling: a byte per level.
TEST(ParseDepthTest, TheCeilingHoldsWhereEveryByteDeepens) {
  for (const std::string& bytes :
       {std::string(1000, '['), std::string(1000, '-'), "x = " + std::string(1000, '('),
        std::string("if a:\r\n b\r\n  c\r\n   d\r\n    e\r\n")}) {
    size_t estimate = ParseDepthBound(bytes);
    EXPECT_GE(estimate, 5u);
    EXPECT_LE(estimate, ParseDepthCeiling(bytes.size(), LinesOf(bytes))) << bytes;
  }
  EXPECT_EQ(ParseDepthBound(std::string(1000, '[')), 1000u);
  EXPECT_EQ(ParseDepthCeiling(1000, 1), 1012u);
}

}  // namespace
}  // namespace djcost
