#include "util/content_hash.h"

#include <gtest/gtest.h>

namespace djcost {
namespace {

// Reference values of FNV-1a 64 (from the algorithm's published test vectors).
TEST(ContentHash, MatchesFnv1aReferenceValues) {
  EXPECT_EQ(ContentHash(""), "cbf29ce484222325");
  EXPECT_EQ(ContentHash("a"), "af63dc4c8601ec8c");
  EXPECT_EQ(ContentHash("foobar"), "85944171f73967e8");
}

TEST(ContentHash, DiffersForDifferentBytes) {
  EXPECT_NE(ContentHash("x = 1\n"), ContentHash("x = 2\n"));
  EXPECT_EQ(ContentHash(std::string("a\0b", 3)).size(), 16u);
  EXPECT_NE(ContentHash(std::string("a\0b", 3)), ContentHash("a"));
}

}  // namespace
}  // namespace djcost
