// Changed-files mode (--since REV --facts-cache FILE): libgit2 lists the files
// changed since REV (committed, staged, unstaged or untracked); only those are
// read and parsed, the others' facts come from FILE. Any scan naming FILE
// rewrites it with the facts of every file. Input: a ScanConfig; output: a Report.
#pragma once

#include <set>
#include <string>

#include "cli/scan_config.h"
#include "data/report.h"

namespace djcost {

/// Paths (relative to `root`, '/' separators) that differ between revision
/// `rev` and the work tree, on either side of a rename. False with `*error`
/// when `root` is not in a git work tree or `rev` does not resolve.
[[nodiscard]] bool ChangedSince(const std::string& root, const std::string& rev,
                                std::set<std::string>* paths, std::string* error);

/// Scan(), with changed-files mode when `facts_cache` is set (`since` may be
/// empty: then every file is parsed and FILE is written).
[[nodiscard]] bool ScanWithFactsCache(const ScanConfig& config, const std::string& since,
                                      const std::string& facts_cache, Report* report,
                                      std::string* error);

}  // namespace djcost
