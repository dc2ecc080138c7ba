// Changed-files mode (--since REV --facts-cache FILE): libgit2 compares REV with
// the work tree (committed, staged, unstaged and untracked changes); files it
// finds unchanged take their facts from FILE without being read, the rest are
// read and parsed. FILE must have been written by a scan of REV (any scan naming
// it rewrites it). Input: a ScanConfig; output: the Report a full scan gives.
#pragma once

#include <set>
#include <string>

#include "cli/scan_config.h"
#include "data/report.h"

namespace djcost {

/// The `.py` paths under `root` (relative to it, '/' separators) whose content at
/// revision `rev` is also the work tree's. False with `*error` when `root` is
/// not in a git work tree or `rev` does not name a commit.
[[nodiscard]] bool UnchangedSince(const std::string& root, const std::string& rev,
                                  std::set<std::string>* paths, std::string* error);

/// Scan() with the fact cache in `facts_cache` (when set) and, when `since` is
/// set too, changed-files mode.
[[nodiscard]] bool ScanWithFactsCache(const ScanConfig& config, const std::string& since,
                                      const std::string& facts_cache, Report* report,
                                      std::string* error);

}  // namespace djcost
