// The scan when a CI option is given: --baseline turns the output into the
// delta against a JSON report; --fail-on-growth and --fail-on-risk add exit-1
// thresholds; --since and --facts-cache select changed-files mode.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "cli/scan_config.h"

namespace djcost {

struct CiScanOptions {
  std::string baseline;
  std::vector<std::string> fail_on_growth;
  std::vector<std::string> fail_on_risk;
  std::string since;
  std::string facts_cache;
};

int RunCiScanCommand(const ScanOptions& scan, const CiScanOptions& ci, std::ostream& out,
                     std::ostream& err);

}  // namespace djcost
