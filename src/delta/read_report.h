// Reads a djcost JSON report (docs/report-format.md) into a ReportSummary, for
// `djcost diff`, `--baseline` and `djcost aggregate`. Rejects other schema
// versions and malformed reports with a one-line error; never throws.
#pragma once

#include <string>
#include <string_view>

#include "delta/report_summary.h"

namespace djcost {

/// Parses `text`; `name` (a file name) prefixes every error message.
[[nodiscard]] bool ParseReportJson(std::string_view text, const std::string& name,
                                   ReportSummary* summary, std::string* error);

/// Reads and parses the file at `path`.
[[nodiscard]] bool ReadReportFile(const std::string& path, ReportSummary* summary,
                                  std::string* error);

}  // namespace djcost
