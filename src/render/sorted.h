// The orders reports list items in, whatever order the stages produced them:
// endpoints by route then method, everything else by file and line. Renderers
// share these so Markdown and JSON agree and outputs are byte-stable.
#pragma once

#include <algorithm>
#include <functional>
#include <vector>

#include "data/report.h"

namespace djcost {

// References, not copies: a large project's endpoints are megabytes of strings,
// and sorting the records themselves moved every one of them many times.
template <typename T>
using SortedRefs = std::vector<std::reference_wrapper<const T>>;

template <typename T>
SortedRefs<T> RefsOf(const std::vector<T>& items) {
  return SortedRefs<T>(items.begin(), items.end());
}

/// `items` ordered by `location` first, then by every field.
template <typename T>
SortedRefs<T> SortedByLocation(const std::vector<T>& items) {
  SortedRefs<T> refs = RefsOf(items);
  std::stable_sort(refs.begin(), refs.end(), [](const T& a, const T& b) {
    if (a.location != b.location) return a.location < b.location;
    return a < b;
  });
  return refs;
}

/// Endpoints by route, then method, then every other field.
inline SortedRefs<Endpoint> SortedEndpoints(const std::vector<Endpoint>& items) {
  SortedRefs<Endpoint> refs = RefsOf(items);
  std::stable_sort(refs.begin(), refs.end(), std::less<Endpoint>());
  return refs;
}

}  // namespace djcost
