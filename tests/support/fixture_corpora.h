// The repositories whole-project tests run on: the fixture projects, the
// pattern fixtures, and synthetic corpora written by bench/gen_corpus.py.
// Header-only test support.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "support/temp_dir.h"

namespace djcost::testing {

/// fixtures/projects/*/repo.
inline std::vector<std::filesystem::path> FixtureProjectRoots() {
  std::vector<std::filesystem::path> roots;
  for (const auto& e : std::filesystem::directory_iterator(
           std::filesystem::path(DJCOST_SOURCE_DIR) / "fixtures/projects")) {
    roots.push_back(e.path() / "repo");
  }
  return roots;
}

/// fixtures/patterns/*/*/repo.
inline std::vector<std::filesystem::path> PatternFixtureRoots() {
  std::vector<std::filesystem::path> roots;
  for (const auto& kind : std::filesystem::directory_iterator(
           std::filesystem::path(DJCOST_SOURCE_DIR) / "fixtures/patterns")) {
    for (const auto& e : std::filesystem::directory_iterator(kind.path())) {
      if (std::filesystem::is_directory(e.path() / "repo")) roots.push_back(e.path() / "repo");
    }
  }
  return roots;
}

/// Writes a synthetic corpus of `scale` and `seed` into `dir` and returns the
/// path of its repository, or "" when the generator failed.
inline std::string GenerateSyntheticCorpus(const TempDir& dir, const std::string& scale,
                                           int seed) {
  std::string command = "python3 " + std::string(DJCOST_SOURCE_DIR) +
                        "/bench/gen_corpus.py --scale " + scale + " --seed " +
                        std::to_string(seed) + " --out " + dir.str() + " > /dev/null";
  if (std::system(command.c_str()) != 0) return "";
  return dir.str() + "/repo";
}

}  // namespace djcost::testing
