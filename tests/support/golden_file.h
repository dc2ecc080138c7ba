// Compares output with a golden file checked in under the source tree. On a
// mismatch it reports the first differing line with context; with
// DJCOST_UPDATE_GOLDEN=1 in the environment it rewrites the golden instead.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace djcost::testing {

inline std::vector<std::string> GoldenLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

/// `relative` is relative to the source tree's root.
inline ::testing::AssertionResult MatchesGolden(const std::string& actual,
                                                const std::string& relative) {
  std::filesystem::path path = std::filesystem::path(DJCOST_SOURCE_DIR) / relative;
  const char* update = std::getenv("DJCOST_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << actual;
    return ::testing::AssertionSuccess();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return ::testing::AssertionFailure()
           << relative << " is missing; run with DJCOST_UPDATE_GOLDEN=1 to create it";
  }
  std::string expected((std::istreambuf_iterator<char>(in)), {});
  if (expected == actual) return ::testing::AssertionSuccess();
  std::vector<std::string> want = GoldenLines(expected), got = GoldenLines(actual);
  size_t i = 0;
  while (i < want.size() && i < got.size() && want[i] == got[i]) ++i;
  ::testing::AssertionResult result = ::testing::AssertionFailure();
  result << relative << " differs first at line " << (i + 1)
         << " (DJCOST_UPDATE_GOLDEN=1 rewrites it after review)\n";
  size_t from = i >= 2 ? i - 2 : 0;
  result << "---- expected\n";
  for (size_t k = from; k < want.size() && k < i + 3; ++k) result << (k == i ? "> " : "  ") << want[k] << "\n";
  result << "---- got\n";
  for (size_t k = from; k < got.size() && k < i + 3; ++k) result << (k == i ? "> " : "  ") << got[k] << "\n";
  return result;
}

}  // namespace djcost::testing
