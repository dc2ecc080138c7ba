// The djcost commands behind cli::Run: the scan (default), `rules` and `facts`.
// Each takes already-parsed values and the streams, and returns an exit code.
#pragma once

#include <ostream>
#include <string>

#include "cache/report_memo.h"
#include "cli/scan_config.h"
#include "data/report.h"

namespace djcost {

/// `djcost PATH ...`: scans and writes the report.
int RunScanCommand(const ScanOptions& options, std::ostream& out, std::ostream& err);

/// --fail-above: kExitThreshold (with a line on `err`) when the strategy's P50
/// is above the threshold, else kExitOk.
int CheckFailAbove(const ScanConfig& config, const Report& report, std::ostream& err);
/// The same from each strategy's id and P50 alone (a remembered rendering's).
int CheckFailAbove(const ScanConfig& config, const StrategyP50s& p50s, std::ostream& err);

/// `djcost rules [PATH] [--rules FILE]`: the rates in effect and where each came from.
int RunRulesCommand(const std::string& path, const std::string& rules_file, std::ostream& out,
                    std::ostream& err);

/// `djcost facts FILE.py`: one file's FileFacts as JSON.
int RunFactsCommand(const std::string& file, std::ostream& out, std::ostream& err);

/// Writes "djcost: error: <message>" as one line and returns kExitUsage.
int Fail(std::ostream& err, const std::string& message);

}  // namespace djcost
