#include "estimate/estimate.h"

#include "estimate/recommend.h"
#include "estimate/risks.h"
#include "estimate/scope.h"
#include "estimate/split_plan.h"
#include "estimate/strategies.h"

namespace djcost {

Estimate EstimateCosts(const Inventory& inventory, const RuleSet& rules,
                       const EstimateOptions& options) {
  Estimate estimate;
  const MoveScope split = ScopeOf(inventory, options.hot_patterns);
  const MoveScope hybrid = ScopeOf(inventory, {});
  estimate.strategies.push_back(PriceStay(options));
  estimate.strategies.push_back(
      PriceMove("split", inventory, split, rules, options, &estimate.diagnostics));
  estimate.strategies.push_back(
      PriceMove("hybrid", inventory, hybrid, rules, options, &estimate.diagnostics));
  estimate.strategies.push_back(PriceRewrite(inventory, rules, options, &estimate.diagnostics));
  estimate.risks = FindRisks(inventory, split, hybrid);
  estimate.split_plan = PlanSplit(inventory);
  estimate.recommendation = Recommend(inventory);
  const size_t patterns = options.hot_patterns.size();
  estimate.split_scope = patterns == 0 ? "all API endpoints"
                                       : "hot set: " + std::to_string(patterns) +
                                             (patterns == 1 ? " pattern" : " patterns");
  estimate.split_endpoints = static_cast<int>(split.endpoints.size());
  estimate.split_traffic_share = -1;  // traffic shares arrive with a traffic file, not yet read
  return estimate;
}

}  // namespace djcost
