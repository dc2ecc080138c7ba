// Where a fact came from, and what went wrong where: the two types every stage
// passes along. Plain data; depends on the standard library only.
#pragma once

#include <string>

namespace djcost {

/// A place in the scanned repository. `path` is relative to the scan root, with '/'.
struct Location {
  std::string path;
  int line = 0;  // 1-based; 0 when unknown
  int column = 0;

  auto operator<=>(const Location&) const = default;
};

enum class Severity { kWarning, kError };

/// A problem that did not stop the scan: it travels in the data to the report.
struct Diagnostic {
  Severity severity = Severity::kWarning;
  std::string code;  // kebab-case id, e.g. "parse-error", "file-too-large"
  Location location;
  std::string message;

  auto operator<=>(const Diagnostic&) const = default;
};

}  // namespace djcost
