// The inventory codec: what Link makes of every fixture project survives a
// round trip, and damaged encodings are refused without crashing.
#include "cache/inventory_codec.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "cli/scan.h"
#include "discover/discover.h"
#include "link/link.h"
#include "rules/load_rules.h"

namespace djcost {
namespace {

namespace fs = std::filesystem;

std::vector<Inventory> FixtureInventories() {
  std::vector<Inventory> out;
  RuleSet rules = DefaultRuleSet();
  for (const auto& project : fs::directory_iterator(fs::path(DJCOST_SOURCE_DIR) / "fixtures/projects")) {
    fs::path repo = project.path() / "repo";
    if (!fs::is_directory(repo)) continue;
    Discovery discovery = Discover(repo.string(), DiscoverOptions{});
    out.push_back(Link(ExtractAll(repo.string(), discovery.files, 2), rules));
  }
  return out;
}

TEST(InventoryCodec, EveryFixtureProjectRoundTrips) {
  std::vector<Inventory> all = FixtureInventories();
  ASSERT_GE(all.size(), 3u);
  std::size_t endpoints = 0;
  for (const Inventory& inventory : all) {
    std::string encoded;
    EncodeInventory(inventory, &encoded);
    Inventory decoded;
    ASSERT_TRUE(DecodeInventory(encoded, &decoded));
    EXPECT_EQ(decoded, inventory);
    endpoints += inventory.endpoints.size();
  }
  EXPECT_GT(endpoints, 0u);  // the round trips carried real content
}

TEST(InventoryCodec, RefusesTruncationsAndTrailingBytesAndSurvivesDamage) {
  Inventory inventory = FixtureInventories().front();
  std::string encoded;
  EncodeInventory(inventory, &encoded);
  for (std::size_t n = 0; n < encoded.size(); n += std::max<std::size_t>(1, encoded.size() / 500)) {
    Inventory decoded;
    EXPECT_FALSE(DecodeInventory(std::string_view(encoded).substr(0, n), &decoded)) << n;
  }
  Inventory decoded;
  EXPECT_FALSE(DecodeInventory(encoded + "x", &decoded));
  for (std::size_t i = 0; i < encoded.size(); i += 7) {
    std::string damaged = encoded;
    damaged[i] = static_cast<char>(damaged[i] ^ 0x5a);
    Inventory out;
    (void)DecodeInventory(damaged, &out);  // any answer, but no crash or runaway allocation
  }
}

}  // namespace
}  // namespace djcost
