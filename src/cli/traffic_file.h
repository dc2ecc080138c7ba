// Reads the traffic file (--traffic FILE, or traffic = "FILE" in [tool.djcost])
// and parses it with estimate/traffic.h into the EstimateOptions. Input: the
// scan root and the two settings; output: traffic entries and diagnostics, or
// a one-line error. The only file read for traffic happens here.
#pragma once

#include <string>
#include <vector>

#include "data/diagnostic.h"
#include "data/estimate.h"

namespace djcost {

struct TrafficInput {
  std::string name;                   // the file's name, for the report (no folders)
  std::vector<TrafficEntry> entries;  // empty when no file was given
  std::vector<Diagnostic> diagnostics;
};

/// `from_command_line` is taken relative to the working directory;
/// `from_pyproject` (used when the command line gives none) relative to `root`.
/// Fails when the file cannot be read or holds no request at all.
[[nodiscard]] bool LoadTraffic(const std::string& root, const std::string& from_command_line,
                               const std::string& from_pyproject, TrafficInput* input,
                               std::string* error);

}  // namespace djcost
