#include "cli/scan_config.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <filesystem>

#include "cache/cache_location.h"
#include "render/render.h"

namespace djcost {

namespace fs = std::filesystem;

namespace {

std::string FormatNames() {
  std::string names;
  for (const auto& r : Renderers()) names += (names.empty() ? "" : ", ") + r.name;
  return names;
}

bool ParseFailAbove(const std::string& text, ScanConfig* config, std::string* error) {
  size_t eq = text.find('=');
  const char* strategies[] = {"stay", "split", "hybrid", "rewrite"};
  bool known = false;
  std::string strategy = text.substr(0, eq);
  for (const char* s : strategies) known |= strategy == s;
  char* end = nullptr;
  double weeks = eq == std::string::npos ? 0 : std::strtod(text.c_str() + eq + 1, &end);
  if (!known || eq == std::string::npos || end == text.c_str() + eq + 1 || *end != '\0' ||
      weeks < 0) {
    *error = "--fail-above " + text +
             ": expected STRATEGY=WEEKS with STRATEGY one of stay, split, hybrid, rewrite";
    return false;
  }
  config->fail_strategy = strategy;
  config->fail_weeks = weeks;
  return true;
}

}  // namespace

bool ValidateScanOptions(const ScanOptions& o, ScanConfig* config, std::string* error) {
  ScanConfig c;
  if (o.path.empty()) {
    *error = "no PATH given (run djcost --help)";
    return false;
  }
  c.root = o.path;
  while (c.root.size() > 1 && c.root.back() == '/') c.root.pop_back();
  std::error_code ec;
  fs::file_status status = fs::status(c.root, ec);
  if (ec || !fs::exists(status)) {
    *error = o.path + ": no such file or directory";
    return false;
  }
  if (!fs::is_directory(status)) {
    *error = o.path + ": not a folder (give the root folder of the Django repository)";
    return false;
  }
  fs::path canonical = fs::canonical(c.root, ec);
  c.project = ec ? fs::path(c.root).filename().string() : canonical.filename().string();
  if (c.project.empty()) c.project = "project";  // the file-system root has no name

  if (FindRenderer(o.format) == nullptr) {
    *error = "--format " + o.format + ": unknown format (expected one of " + FormatNames() + ")";
    return false;
  }
  c.format = o.format;
  if (o.jobs < 0) {
    *error = "--jobs " + std::to_string(o.jobs) + ": expected 0 (one per core) or more";
    return false;
  }
  if (o.team < 0) {
    *error = "--team " + std::to_string(o.team) + ": expected a team size of 1 or more";
    return false;
  }
  if (o.weekly_cost < 0) {
    *error = "--weekly-cost: expected an amount of 0 or more";
    return false;
  }
  if (o.max_file_size <= 0) {
    *error = "--max-file-size " + std::to_string(o.max_file_size) + ": expected bytes, 1 or more";
    return false;
  }
  if (!o.fail_above.empty() && !ParseFailAbove(o.fail_above, &c, error)) return false;
  c.output = o.output;
  c.rules_file = o.rules_file;
  c.settings = o.settings;
  c.jobs = o.jobs;
  fs::path pyproject = fs::path(c.root) / "pyproject.toml";
  if (fs::is_regular_file(pyproject, ec)) c.pyproject = pyproject.string();
  c.discover.max_file_size = static_cast<std::uint64_t>(o.max_file_size);
  c.discover.excludes = o.excludes;
  c.estimate.team_size = o.team;
  c.estimate.weekly_cost = o.weekly_cost;
  c.estimate.currency = o.weekly_cost > 0 ? o.currency : "";
  c.estimate.hot_patterns = o.hot;
  c.estimate.traffic_file = o.traffic;  // read by Scan, with traffic = "..." from pyproject.toml
  if (!o.no_cache) {
    std::string dir = o.cache_dir.empty()
                          ? DefaultCacheDir(std::getenv("XDG_CACHE_HOME"), std::getenv("HOME"))
                          : o.cache_dir;
    std::error_code cache_ec;
    fs::path absolute_root = canonical.empty() ? fs::absolute(c.root, cache_ec) : canonical;
    fs::path absolute_dir = fs::weakly_canonical(fs::absolute(dir, cache_ec), cache_ec);
    // Never inside the scanned repository unless --cache-dir asks for it.
    auto [root_end, dir_it] = std::mismatch(absolute_root.begin(), absolute_root.end(),
                                            absolute_dir.begin(), absolute_dir.end());
    bool inside = root_end == absolute_root.end();
    if (!dir.empty() && (!o.cache_dir.empty() || !inside)) {
      c.cache_file = CacheFilePath(dir, absolute_root.string());
    }
  }
  *config = std::move(c);
  return true;
}

}  // namespace djcost
