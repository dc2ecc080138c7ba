// The four strategies priced as line items: stay (nothing), split (the hot API
// paths), hybrid (every API endpoint) and rewrite (everything). Input: the
// Inventory, the RuleSet's rates and the options; output: StrategyEstimates
// with totals. Missing rates become diagnostics.
#pragma once

#include <vector>

#include "data/diagnostic.h"
#include "data/estimate.h"
#include "data/inventory.h"
#include "data/rule_set.h"
#include "estimate/scope.h"

namespace djcost {

StrategyEstimate PriceStay(const EstimateOptions& options);

/// Split and hybrid share their shape and differ by scope: the split moves the
/// hot set, the hybrid every API endpoint. `strategy` is "split" or "hybrid".
StrategyEstimate PriceMove(const std::string& strategy, const Inventory& inventory,
                           const MoveScope& scope, const RuleSet& rules,
                           const EstimateOptions& options, std::vector<Diagnostic>* diagnostics);

StrategyEstimate PriceRewrite(const Inventory& inventory, const RuleSet& rules,
                              const EstimateOptions& options,
                              std::vector<Diagnostic>* diagnostics);

}  // namespace djcost
