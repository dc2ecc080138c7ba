// Runs the stages for one scan: discover, read and extract every file in
// parallel, link, estimate, and assemble the Report. Input: a validated
// ScanConfig; output: a Report or a one-line error. Touches no terminal.
#pragma once

#include <future>
#include <string>
#include <vector>

#include "cache/report_memo.h"
#include "cli/scan_config.h"
#include "data/file_facts.h"
#include "data/report.h"
#include "data/source_file.h"

namespace djcost {

/// Reads and extracts `discovery.files` on `jobs` workers, one parser each.
/// Results are stored by file index, so they never depend on the job count.
/// A file that cannot be read keeps its place, unparsed, with an "unreadable"
/// diagnostic. Without the fact cache: see cli/extract_cached.h for the loop.
std::vector<FileFacts> ExtractAll(const std::string& root, const std::vector<SourceFile>& files,
                                  int jobs);

/// True when the inventory holds anything Django: settings, a URLconf, a
/// model or an admin registration (see docs/cli.md).
bool LooksLikeDjango(const Inventory& inventory);

/// What a caller that renders the report may take instead of it: the
/// rendering the report memo (cache/report_memo.h) kept for a scan of the
/// same inputs.
struct ReportShortcut {
  std::string format;           // in: the renderer the caller uses
  std::string key;              // out: the report memo's key for this scan; "" for none
  bool taken = false;           // out: `remembered` answers; the Report was not made
  RememberedReport remembered;  // out, when taken
};

/// The whole scan. On failure returns false with `*error` (one line, without
/// the "djcost: error: " prefix). With `finishing`, writing the link memo from
/// `report->inventory` may still run when Scan returns, beside the rendering:
/// wait for it before `*report` changes or ends (and at all: on one job it
/// runs only then). Without, Scan waits. With `shortcut`, a scan of a tree
/// and options the report memo knows returns with `shortcut->taken` and
/// `*report` untouched.
[[nodiscard]] bool Scan(const ScanConfig& config, Report* report, std::string* error,
                        std::future<void>* finishing = nullptr,
                        ReportShortcut* shortcut = nullptr);

}  // namespace djcost
