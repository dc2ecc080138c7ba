// Writes a whole file so that readers see either the old contents or the new,
// never a half-written file: write a temporary file beside the target, then
// rename it over the target. Input: path and bytes; output: success or an error.
#pragma once

#include <string>
#include <string_view>

namespace djcost {

/// Replaces `path` with `contents`. On failure returns false, sets `*error` to a
/// one-line reason naming the path, and leaves no temporary file behind. SIGINT,
/// SIGTERM, SIGHUP and SIGQUIT are held off while it runs, so an interrupted run
/// leaves no temporary file either (SIGKILL cannot be held off).
[[nodiscard]] bool WriteFileAtomically(const std::string& path, std::string_view contents,
                                       std::string* error);

/// Reads a whole file. On failure returns false and sets `*error`.
[[nodiscard]] bool ReadFile(const std::string& path, std::string* contents, std::string* error);

}  // namespace djcost
