#include "estimate/estimate.h"

#include "estimate/hot_set.h"
#include "estimate/notes.h"
#include "estimate/recommend.h"
#include "estimate/risks.h"
#include "estimate/scope.h"
#include "estimate/split_plan.h"
#include "estimate/strategies.h"

namespace djcost {

Estimate EstimateCosts(const Inventory& inventory, const RuleSet& rules,
                       const EstimateOptions& options) {
  Estimate estimate;
  HotSet hot = ChooseHotSet(inventory, options);
  const MoveScope split = ScopeOfEndpoints(inventory, hot.endpoints);
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
  estimate.split_scope = hot.scope;
  AddNotes(inventory, estimate.split_scope, &estimate.strategies);
  estimate.split_endpoints = static_cast<int>(split.endpoints.size());
  // The share of every request read, not of API requests only: what the new
  // service would serve of the whole site's load.
  estimate.split_traffic_share = -1;
  if (hot.traffic.given) {
    estimate.split_traffic_share =
        hot.traffic.requests > 0 ? static_cast<double>(hot.traffic.split_requests) /
                                       static_cast<double>(hot.traffic.requests)
                                 : 0;
  }
  estimate.traffic = std::move(hot.traffic);
  estimate.diagnostics.insert(estimate.diagnostics.end(), hot.diagnostics.begin(),
                              hot.diagnostics.end());
  return estimate;
}

}  // namespace djcost
