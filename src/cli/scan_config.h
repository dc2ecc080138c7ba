// The scan's configuration, validated before any stage runs: raw command-line
// values in, a ScanConfig or a one-line error out. Checks the file system only
// to confirm that the scan root is a folder.
#pragma once

#include <cstdint>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "data/estimate.h"
#include "discover/discover.h"

namespace djcost {

/// What the command line said, as typed.
struct ScanOptions {
  std::string path;
  std::string format = "md";
  std::string output;      // -o FILE, "" for the output stream
  std::string rules_file;  // --rules FILE
  std::string settings;    // --settings MODULE, "" to find it
  int jobs = 0;            // 0: one worker per hardware thread
  int team = 0;
  double weekly_cost = 0;
  std::string currency = "EUR";
  std::vector<std::string> hot;
  std::string traffic;  // --traffic FILE
  std::int64_t max_file_size = 10 * 1024 * 1024;
  std::vector<std::string> excludes;
  std::string fail_above;  // "STRATEGY=WEEKS", "" for none
  bool no_cache = false;   // --no-cache
  std::string cache_dir;   // --cache-dir DIR, "" for the user's cache directory
  bool progress = false;   // not an option: main says stderr is a terminal outside CI
};

/// What the stages need, checked.
struct ScanConfig {
  std::string root;            // as given, without trailing '/'
  std::string project;         // the root folder's name
  std::string format;          // a renderer's name
  std::string output;
  std::string rules_file;
  std::string pyproject;       // root/pyproject.toml when it exists, else ""
  std::string settings;        // the settings module chosen on the command line, or ""
  int jobs = 0;
  DiscoverOptions discover;
  EstimateOptions estimate;
  std::string fail_strategy;   // with fail_weeks: exit 1 when its P80 is above
  double fail_weeks = 0;
  std::string cache_file;          // the fact cache of this root; "" for no cache
  std::set<std::string> unchanged;  // changed-files mode: see cli/changed_files.h
  std::ostream* progress = nullptr;  // where progress goes, or nullptr for none
};

/// Fills `*config` from `options`, or returns false with a one-line `*error`
/// (without the "djcost: error: " prefix).
[[nodiscard]] bool ValidateScanOptions(const ScanOptions& options, ScanConfig* config,
                                       std::string* error);

}  // namespace djcost
