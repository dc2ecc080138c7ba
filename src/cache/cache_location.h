// Where the fact cache lives and what it is keyed by. The default folder is the
// user's cache directory, never the scanned repository. Input: environment
// values and versions passed in (this module reads no environment itself);
// output: paths and the key string.
#pragma once

#include <string>

#include "data/rule_set.h"

namespace djcost {

/// $XDG_CACHE_HOME/djcost when that is an absolute path, else $HOME/.cache/djcost;
/// "" when neither is usable (then no cache is kept). Either argument may be null.
std::string DefaultCacheDir(const char* xdg_cache_home, const char* home);

/// The cache file for the scan root `absolute_root` inside `dir`: the root's
/// folder name (for people) and a hash of its whole path (so that two checkouts
/// never share a file).
std::string CacheFilePath(const std::string& dir, const std::string& absolute_root);

/// Everything that shapes FileFacts besides the file itself: djcost's version,
/// the tree-sitter library and grammar versions, a digest of the extraction
/// sources (so a development build never trusts facts an older build wrote),
/// and `rules_version`. Facts stored under another key are not used.
std::string FactCacheKey(const std::string& rules_version);

/// FactCacheKey plus a digest of the link sources and the project's pinned
/// Django release, which no file's facts hold: an Inventory in the link memo
/// (cache/link_memo.h) is used only by the build that made it, for that release.
std::string LinkMemoKey(const RuleSet& rules);

/// LinkMemoKey plus a digest of the estimate, the rendering and the scan's
/// assembly of the report: a rendering in the report memo (cache/report_memo.h)
/// is used only by the build that made it.
std::string ReportMemoKey(const RuleSet& rules);

/// The folder listing memo's key (cache/listing_memo.h): djcost's version, a
/// digest of the discovery sources, and `options`, whatever else shapes a walk
/// (the discovery options, the environment that locates git's config files).
std::string ListingMemoKey(const std::string& options);

/// The link memo kept beside the fact cache file `cache_file`.
inline std::string LinkMemoPath(const std::string& cache_file) { return cache_file + ".link"; }

}  // namespace djcost
