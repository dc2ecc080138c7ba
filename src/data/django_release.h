// Which Django release a project installs, as its requirement files pin it.
// The knowledge tables follow Django 3.2; a few entries change with later
// releases (docs/knowledge.md, "Version differences"), picked by this.
// Plain data; depends on the standard library only.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

namespace djcost {

/// Negative, zero or positive as release `a` is older than, the same as or newer
/// than `b`; missing components count as 0 ("5" is "5.0.0").
inline int CompareReleases(const std::vector<int>& a, const std::vector<int>& b) {
  for (size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
    const int x = i < a.size() ? a[i] : 0;
    const int y = i < b.size() ? b[i] : 0;
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

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
    const int order = CompareReleases(release, newest);
    return order < 0 || (order == 0 && inclusive);  // equal: only when `newest` itself is allowed
  }
  bool operator==(const DjangoRelease&) const = default;
};

}  // namespace djcost
