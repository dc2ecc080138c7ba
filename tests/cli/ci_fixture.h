// Test support for the CI commands: runs djcost in process, and lays out the
// two fixture revisions (bookshop as the base, plus fixtures/ci/head/ over it
// as the head) in a temporary folder. Header-only.
#pragma once

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "cli/run.h"
#include "support/temp_dir.h"

namespace djcost::testing {

struct CiResult {
  int code = -1;
  std::string out;
  std::string err;
};

inline CiResult RunCi(std::vector<std::string> args) {
  args.insert(args.begin(), "djcost");
  std::ostringstream out, err;
  CiResult r;
  r.code = Run(args, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

inline std::string SourcePath(const std::string& relative) {
  return std::string(DJCOST_SOURCE_DIR) + "/" + relative;
}

/// Copies the bookshop fixture to `dir`/`name` ("repo", so reports name the
/// project as the checked-in goldens do) and returns that path.
inline std::string CopyBookshop(const TempDir& dir, const std::string& name) {
  std::filesystem::path to = dir.path() / name;
  std::filesystem::create_directories(to.parent_path());
  std::filesystem::copy(SourcePath("fixtures/projects/bookshop/repo"), to,
                        std::filesystem::copy_options::recursive);
  return to.string();
}

/// Lays fixtures/ci/head/ over a bookshop copy: the head revision.
inline void ApplyHeadRevision(const std::string& repo) {
  std::filesystem::copy(SourcePath("fixtures/ci/head"), repo,
                        std::filesystem::copy_options::recursive |
                            std::filesystem::copy_options::overwrite_existing);
}

}  // namespace djcost::testing
