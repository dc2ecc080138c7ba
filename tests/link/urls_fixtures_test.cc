// WalkUrls end to end over fixture projects on disk with the real knowledge
// tables (DefaultRuleSet), the real settings finder and app attribution.
// Each case compares a dump with a golden under fixtures/patterns/urls/.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "rules/load_rules.h"
#include "support/golden_file.h"
#include "urls_test_support.h"

namespace djcost {
namespace {

namespace fs = std::filesystem;

std::map<std::string, std::string> ReadPython(const fs::path& root) {
  std::map<std::string, std::string> sources;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".py") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    sources[fs::relative(entry.path(), root).generic_string()] = text.str();
  }
  return sources;
}

std::string DumpWithApps(const UrlInventory& urls) {
  std::string out = urls.fallback ? "fallback: every urlpatterns walked\n" : "";
  for (const auto& e : urls.endpoints) {
    out += testing::Dump(e) + " name=" + e.name + " app=" + e.app + " view_at=" +
           e.view_location.path + ":" + std::to_string(e.view_location.line) + "\n";
  }
  UrlInventory rest = urls;
  rest.endpoints.clear();
  return out + testing::Dump(rest);
}

struct Case {
  const char* name;
  const char* repo;    // relative to the source tree
  const char* golden;  // relative to the source tree
};

class UrlsFixtureTest : public ::testing::TestWithParam<Case> {};

TEST_P(UrlsFixtureTest, MatchesGolden) {
  const Case& c = GetParam();
  testing::Project p(ReadPython(fs::path(DJCOST_SOURCE_DIR) / c.repo), DefaultRuleSet());
  Settings settings = FindSettings(*p.index);
  Apps apps(*p.index, settings);
  UrlInventory urls = WalkUrls(*p.index, settings, apps);
  EXPECT_TRUE(testing::MatchesGolden(DumpWithApps(urls), c.golden));
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, UrlsFixtureTest,
    ::testing::Values(
        Case{"bookshop", "fixtures/projects/bookshop/repo",
             "fixtures/patterns/urls/bookshop/expected.txt"},
        Case{"api_mix", "fixtures/patterns/urls/api_mix/repo",
             "fixtures/patterns/urls/api_mix/expected.txt"},
        Case{"no_settings", "fixtures/patterns/urls/no_settings/repo",
             "fixtures/patterns/urls/no_settings/expected.txt"},
        // Patterns found on real projects: routes from variables, f-strings and
        // settings, feed instances, third-party view bases (docs/accuracy.md).
        Case{"real_world", "fixtures/patterns/urls/real_world/repo",
             "fixtures/patterns/urls/real_world/expected.txt"},
        // Module-level helpers that return patterns (InvenTree's meta_path),
        // class attributes in routes, a catch-all under an unread prefix.
        Case{"helpers", "fixtures/patterns/urls/helpers/repo",
             "fixtures/patterns/urls/helpers/expected.txt"},
        // Settings split with django-split-settings: the root URLconf is in a fragment.
        Case{"split_settings", "fixtures/patterns/urls/split_settings/repo",
             "fixtures/patterns/urls/split_settings/expected.txt"}),
    [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace djcost
