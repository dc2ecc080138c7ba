// The report memo: the rendered report of the last scan of a root, kept beside
// its fact cache with the key of everything that shaped it, so that a scan of
// an unchanged tree with the same options writes it again without decoding the
// Inventory, estimating or rendering. Input: the memo file and a key; output:
// the rendering and the strategies' P50s (for --fail-above). A missing, stale,
// damaged or unwritable memo only costs a rendering: it is never reported.
// Depends on data/ and util/ only.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/mapped_file.h"

namespace djcost {

/// The memo kept beside the fact cache file `cache_file`.
inline std::string ReportMemoPath(const std::string& cache_file) {
  return cache_file + ".report";
}

/// Each strategy's id and P50 in engineer-weeks, as --fail-above reads them.
using StrategyP50s = std::vector<std::pair<std::string, double>>;

struct RememberedReport {
  MappedFile file;            // the memo file
  std::string_view rendered;  // views into `file`
  StrategyP50s p50s;
};

/// True, with `*report` filled, when `path` holds an intact memo written under `key`.
bool LoadReportMemo(const std::string& path, const std::string& key, RememberedReport* report);

/// Writing, in three steps so that the report is rendered straight into the
/// memo's buffer: StartReportMemo gives the file up to the rendering, the
/// caller appends the rendering, SealReportMemo closes it; it is then written
/// whole (util/atomic_file.h).
std::string StartReportMemo(const std::string& key, const StrategyP50s& p50s);
void SealReportMemo(std::string* file);

}  // namespace djcost
