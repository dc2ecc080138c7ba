// Runs the stages for one scan: discover, read and extract every file in
// parallel, link, estimate, and assemble the Report. Input: a validated
// ScanConfig; output: a Report or a one-line error. Touches no terminal.
#pragma once

#include <future>
#include <string>
#include <vector>

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

/// The whole scan. On failure returns false with `*error` (one line, without
/// the "djcost: error: " prefix). With `finishing`, writing the link memo from
/// `report->inventory` may still run when Scan returns, beside the rendering:
/// wait for it before `*report` changes or ends (and at all: on one job it
/// runs only then). Without, Scan waits.
[[nodiscard]] bool Scan(const ScanConfig& config, Report* report, std::string* error,
                        std::future<void>* finishing = nullptr);

}  // namespace djcost
