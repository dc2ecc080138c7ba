#include "util/string_arena.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace djcost {
namespace {

TEST(StringArena, CopiesStayPutAcrossManyBlocks) {
  StringArena arena;
  std::vector<std::string> originals;
  std::vector<std::string_view> copies;
  for (int i = 0; i < 20000; ++i) {
    originals.push_back("app_" + std::to_string(i % 97) + ".models.Model" + std::to_string(i));
    copies.push_back(arena.Copy(originals.back()));
  }
  originals.push_back(std::string(100000, 'x'));  // larger than a block
  copies.push_back(arena.Copy(originals.back()));
  originals.push_back("after the large one");
  copies.push_back(arena.Copy(originals.back()));
  for (std::size_t i = 0; i < originals.size(); ++i) {
    ASSERT_EQ(copies[i], originals[i]) << i;
    ASSERT_NE(copies[i].data(), originals[i].data());
  }
  EXPECT_TRUE(arena.Copy("").empty());
}

}  // namespace
}  // namespace djcost
