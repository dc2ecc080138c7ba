// Helpers for tests of discovery: a Discovery's paths and diagnostics as
// strings, and git repositories made with libgit2 (tests that include this
// link it). Header-only test support.
#pragma once

#include <git2.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "data/source_file.h"

namespace djcost::testing {

inline std::vector<std::string> Paths(const Discovery& d) {
  std::vector<std::string> out;
  for (const auto& f : d.files) out.push_back(f.path);
  return out;
}

// One line per diagnostic: "code path: message".
inline std::vector<std::string> Diags(const Discovery& d) {
  std::vector<std::string> out;
  for (const auto& x : d.diagnostics) out.push_back(x.code + " " + x.location.path + ": " + x.message);
  return out;
}

inline void InitGitRepo(const std::string& path) {
  git_libgit2_init();
  git_repository* repo = nullptr;
  ASSERT_EQ(git_repository_init(&repo, path.c_str(), 0), 0);
  git_repository_free(repo);
  git_libgit2_shutdown();
}

// Adds `paths` to the repository's index, as `git add -f` does (the index is
// written again even when it tracked them already).
inline void TrackInIndex(const std::string& repo_path, const std::vector<std::string>& paths) {
  git_libgit2_init();
  git_repository* repo = nullptr;
  ASSERT_EQ(git_repository_open(&repo, repo_path.c_str()), 0);
  git_index* index = nullptr;
  ASSERT_EQ(git_repository_index(&index, repo), 0);
  for (const auto& p : paths) ASSERT_EQ(git_index_add_bypath(index, p.c_str()), 0) << p;
  ASSERT_EQ(git_index_write(index), 0);
  git_index_free(index);
  git_repository_free(repo);
  git_libgit2_shutdown();
}

}  // namespace djcost::testing
