// Prices an inventory: strategies made of line items (count x rate), PERT totals,
// risks, a split plan and a recommendation. No I/O.
#pragma once

#include "data/estimate.h"
#include "data/inventory.h"
#include "data/rule_set.h"

namespace djcost {

Estimate EstimateCosts(const Inventory& inventory, const RuleSet& rules,
                       const EstimateOptions& options);

}  // namespace djcost
