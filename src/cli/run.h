// The command-line boundary: parses options into a validated configuration, runs
// the stages and writes the chosen report. Returns the exit code: 0 success,
// 1 a CI threshold was exceeded, 2 bad usage or unusable input.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace djcost {

inline constexpr int kExitOk = 0;
inline constexpr int kExitThreshold = 1;
inline constexpr int kExitUsage = 2;

/// `args[0]` is the program name. Writes reports to `out` (or -o FILE) and
/// messages to `err`. Never exits the process; tests call it in process.
/// `show_progress`: main found stderr to be a terminal outside CI, so a long
/// scan may draw its progress on `err`.
int Run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
        bool show_progress = false);

}  // namespace djcost
