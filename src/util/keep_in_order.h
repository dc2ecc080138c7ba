// KeepInOrder: rearranges a vector in place so that item k is the old item
// keep[k], and drops the items `keep` does not name. For large vectors of large
// records, where building the result in a second vector would hold both at once.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace djcost {

/// `keep` holds distinct indices into `items`.
template <typename T>
void KeepInOrder(std::vector<T>* items, std::vector<std::size_t> keep) {
  std::vector<T>& v = *items;
  const std::size_t kept = keep.size();
  // Complete `keep` to a permutation: the dropped items fill the tail.
  std::vector<bool> named(v.size());
  for (std::size_t i : keep) named[i] = true;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (!named[i]) keep.push_back(i);
  }
  // Follow each cycle of the permutation once, moving every item one step.
  std::vector<bool> placed(v.size());
  for (std::size_t start = 0; start < v.size(); ++start) {
    if (placed[start]) continue;
    T first = std::move(v[start]);
    std::size_t k = start;
    while (true) {
      placed[k] = true;
      std::size_t from = keep[k];
      if (from == start) break;
      v[k] = std::move(v[from]);
      k = from;
    }
    v[k] = std::move(first);
  }
  v.erase(v.begin() + static_cast<std::ptrdiff_t>(kept), v.end());
}

}  // namespace djcost
