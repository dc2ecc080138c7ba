// The orders reports list items in, whatever order the stages produced them:
// endpoints by route then method, everything else by file and line. Renderers
// share these so Markdown and JSON agree and outputs are byte-stable.
#pragma once

#include <algorithm>
#include <vector>

#include "data/report.h"

namespace djcost {

/// A sorted copy of `items` ordered by `location` first, then by every field.
template <typename T>
std::vector<T> SortedByLocation(std::vector<T> items) {
  std::stable_sort(items.begin(), items.end(), [](const T& a, const T& b) {
    if (a.location != b.location) return a.location < b.location;
    return a < b;
  });
  return items;
}

/// Endpoints by route, then method, then every other field.
inline std::vector<Endpoint> SortedEndpoints(std::vector<Endpoint> items) {
  std::sort(items.begin(), items.end());
  return items;
}

}  // namespace djcost
