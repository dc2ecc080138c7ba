// The recommended strategy, by explicit rules taken from the seeds' decision
// matrix (an existing Django codebase stays; an API-first shape moves its API).
// Input: the Inventory; output: the strategy and a reason naming the rule and
// the counts that decided it. The rules are documented in docs/estimate.md.
#pragma once

#include "data/estimate.h"
#include "data/inventory.h"

namespace djcost {

/// At most this much application code (kLoC) counts as "small" for a rewrite.
inline constexpr double kSmallCodebaseKloc = 10.0;
/// API endpoints at least this many times (pages + admin registrations) is API-first.
inline constexpr int kApiFirstFactor = 2;
/// From this many API endpoints a public API is worth moving beside Django:
/// one engineer-week at the documented split rate.
inline constexpr int kWorthMovingApiEndpoints = 20;

Recommendation Recommend(const Inventory& inventory);

}  // namespace djcost
