// `djcost diff BASE.json HEAD.json`, and the pieces the scan with --baseline
// shares with it: threshold options,
// delta formats, writing the output then checking the thresholds.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "delta/delta.h"
#include "delta/thresholds.h"

namespace djcost {

struct DiffOptions {
  std::string base;
  std::string head;
  std::string format = "md";
  std::string output;
  std::vector<std::string> fail_on_growth;
  std::vector<std::string> fail_on_risk;
};

int RunDiffCommand(const DiffOptions& options, std::ostream& out, std::ostream& err);

/// Parses --fail-on-growth and --fail-on-risk values.
[[nodiscard]] bool ParseThresholds(const std::vector<std::string>& growth,
                                   const std::vector<std::string>& risk, Thresholds* thresholds,
                                   std::string* error);

/// Writes `text` to `output` atomically, or to `out` when `output` is "".
int Emit(const std::string& text, const std::string& output, std::ostream& out, std::ostream& err);

/// True when `format` names a delta format: md, json or sarif.
bool IsDeltaFormat(const std::string& format);

/// Renders `delta` as `format`, writes it to `output` (or `out`), then reports
/// each threshold exceeded on `err`. Returns the exit code.
int WriteDelta(const Delta& delta, const std::string& format, const std::string& output,
               const Thresholds& thresholds, std::ostream& out, std::ostream& err);

}  // namespace djcost
