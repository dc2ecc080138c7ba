// The order in which apps could move to FastAPI: one step per app with at least
// one API endpoint, ranked by a coupling score, lowest first. Input: the
// Inventory; output: SplitSteps. The formula is documented in docs/estimate.md.
#pragma once

#include <vector>

#include "data/estimate.h"
#include "data/inventory.h"

namespace djcost {

/// Weights of the coupling score: what an app leaves tangled in Django.
inline constexpr double kCouplingPerRelation = 1.0;
inline constexpr double kCouplingPerSignal = 2.0;
inline constexpr double kCouplingPerPage = 0.5;
inline constexpr double kCouplingPerAdminRegistration = 0.25;

/// Ranked by coupling (ascending), then API endpoints (descending: the bigger
/// payoff first), then app label.
std::vector<SplitStep> PlanSplit(const Inventory& inventory);

}  // namespace djcost
