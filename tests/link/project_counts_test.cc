// Every fixture project end to end through Discover, ExtractFile and Link, its
// counts compared with the project's expected/counts.json: for the bookshop
// those are what Django reported at run time (scripts/django_truth.py), for
// noconf the hand count in docs/ground-truth.md. A mismatch names each count.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "discover/discover.h"
#include "extract/extract.h"
#include "link/link.h"
#include "rules/load_rules.h"

namespace djcost {
namespace {

namespace fs = std::filesystem;

std::map<std::string, int> Counts(const Inventory& inv) {
  std::map<std::string, int> c;
  std::set<std::string> routes;
  for (const auto& e : inv.endpoints) routes.insert(e.route);
  c["endpoints"] = static_cast<int>(inv.endpoints.size());
  c["routes"] = static_cast<int>(routes.size());
  c["models_concrete"] = c["models_abstract"] = c["models_proxy"] = 0;
  for (const auto& m : inv.models) {
    if (m.in_tests) continue;
    switch (m.kind) {
      case ModelKind::kConcrete: c["models_concrete"] += 1; break;
      case ModelKind::kAbstract: c["models_abstract"] += 1; break;
      case ModelKind::kProxy: c["models_proxy"] += 1; break;
    }
  }
  c["admin_registrations"] = static_cast<int>(inv.admin_registrations.size());
  c["signal_receivers"] = static_cast<int>(inv.signal_receivers.size());
  c["custom_signals"] = static_cast<int>(inv.custom_signals.size());
  return c;
}

Inventory Scan(const fs::path& root) {
  Discovery discovery = Discover(root.string(), DiscoverOptions{});
  PythonParser parser;
  std::vector<FileFacts> files;
  for (const SourceFile& file : discovery.files) {
    std::ifstream in(root / file.path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    files.push_back(ExtractFile(file, bytes.str(), parser));
  }
  return Link(files, DefaultRuleSet());
}

std::string Describe(const std::map<std::string, int>& expected,
                     const std::map<std::string, int>& got) {
  std::string out;
  for (const auto& [key, want] : expected) {
    auto it = got.find(key);
    int have = it == got.end() ? -1 : it->second;
    out += (want == have ? "  " : "! ") + key + ": expected " + std::to_string(want) +
           ", got " + std::to_string(have) + "\n";
  }
  return out;
}

class ProjectCountsTest : public ::testing::TestWithParam<const char*> {};

TEST_P(ProjectCountsTest, MatchesExpectedCounts) {
  fs::path project = fs::path(DJCOST_SOURCE_DIR) / "fixtures/projects" / GetParam();
  std::ifstream in(project / "expected/counts.json");
  ASSERT_TRUE(in) << project / "expected/counts.json" << " is missing";
  nlohmann::json json = nlohmann::json::parse(in);
  std::map<std::string, int> expected;
  for (const auto& [key, value] : json.items()) expected[key] = value.get<int>();

  std::map<std::string, int> got = Counts(Scan(project / "repo"));
  std::map<std::string, int> compared;
  for (const auto& [key, value] : expected) compared[key] = got.count(key) ? got[key] : -1;
  EXPECT_EQ(compared, expected) << Describe(expected, got);
}

const std::vector<const char*>& ProjectsWithCounts() {
  static std::vector<std::string> names;
  static std::vector<const char*> out;
  if (out.empty()) {
    for (const auto& entry : fs::directory_iterator(fs::path(DJCOST_SOURCE_DIR) / "fixtures/projects")) {
      if (fs::exists(entry.path() / "expected/counts.json")) {
        names.push_back(entry.path().filename().string());
      }
    }
    std::sort(names.begin(), names.end());
    for (const auto& n : names) out.push_back(n.c_str());
  }
  return out;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, ProjectCountsTest, ::testing::ValuesIn(ProjectsWithCounts()),
                         [](const ::testing::TestParamInfo<const char*>& info) {
                           return std::string(info.param);
                         });

// The test must not pass vacuously: both hand-checked projects are found.
TEST(ProjectCountsListTest, FindsTheFixtureProjects) {
  const auto& found = ProjectsWithCounts();
  std::vector<std::string> names(found.begin(), found.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "bookshop"), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "noconf"), names.end());
}

}  // namespace
}  // namespace djcost
