// Which Django release a project installs, as its requirement files pin it.
// The knowledge tables follow Django 3.2; a few entries change with later
// releases (docs/knowledge.md, "Version differences"), picked by this.
// Plain data; depends on the standard library only.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

namespace djcost {

struct DjangoRelease {
  std::string requirement;  // as pinned, e.g. "==5.0.4", ">=4.2,<5.0", "^5.0"; "" unknown
  std::string source;       // where: "poetry.lock", "requirements/base.txt:3"
  // The newest release the requirement allows, which pip installs: {5, 0, 4} for
  // "==5.0.4", {5, 0} exclusive for "<5.0". Empty when unbounded or unknown.
  std::vector<int> newest;
  bool inclusive = true;   // false: `newest` itself is excluded ("<5.0")
  bool unbounded = false;  // no upper bound: whatever release is newest

  bool known() const { return unbounded || !newest.empty(); }

  /// True when the project may install `release` or a later one. Unknown: false,
  /// so an unpinned project keeps the tables' Django 3.2 behaviour.
  bool AtLeast(const std::vector<int>& release) const {
    if (unbounded) return true;
    if (newest.empty()) return false;
    for (size_t i = 0; i < std::max(release.size(), newest.size()); ++i) {
      const int a = i < release.size() ? release[i] : 0;
      const int b = i < newest.size() ? newest[i] : 0;
      if (a != b) return a < b;
    }
    return inclusive;  // equal: allowed only when `newest` itself is
  }
  bool operator==(const DjangoRelease&) const = default;
};

}  // namespace djcost
