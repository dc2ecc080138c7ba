// The CI side of the command line: `djcost diff`, `djcost aggregate`, and the
// scan options --baseline, --fail-on-growth, --fail-on-risk, --since and
// --facts-cache. Run() registers them with AddCiCommandLine and hands over to
// RunCiCommandLine, so run.cc stays a table of commands.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "cli/scan_config.h"

namespace CLI {
class App;
}

namespace djcost {

struct CiCommandLine {
  // Scan options.
  std::string baseline;                     // --baseline BASE.json
  std::vector<std::string> fail_on_growth;  // --fail-on-growth STRATEGY=WEEKS|PERCENT%
  std::vector<std::string> fail_on_risk;    // --fail-on-risk KIND
  std::string since;                        // --since REV (changed-files mode)
  std::string facts_cache;                  // --facts-cache FILE
  // djcost diff BASE.json HEAD.json
  CLI::App* diff = nullptr;
  std::string diff_base, diff_head, diff_format = "md", diff_output;
  std::vector<std::string> diff_growth, diff_risk;
  // djcost aggregate REPORT.json...
  CLI::App* aggregate = nullptr;
  std::vector<std::string> aggregate_reports;
  std::string aggregate_format = "md", aggregate_output;
};

/// Adds the scan options and the two subcommands to `app`; `ci` must outlive parsing.
void AddCiCommandLine(CLI::App& app, CiCommandLine* ci);

/// After parsing: runs `diff` or `aggregate`, or the scan when it uses a CI
/// option, and returns true with `*code` set; false when plain scan handles it.
bool RunCiCommandLine(const CiCommandLine& ci, const ScanOptions& scan, std::ostream& out,
                      std::ostream& err, int* code);

}  // namespace djcost
