// Which API endpoints the split moves: those matching the --hot route globs,
// plus, with traffic data, the busiest API endpoints carrying kHotTrafficShare
// of the API requests; every API endpoint when neither is given. Also maps the
// traffic onto the inventoried routes for the report. Input: the Inventory and
// the EstimateOptions (traffic already parsed); output: a HotSet. No I/O.
#pragma once

#include <string>
#include <vector>

#include "data/diagnostic.h"
#include "data/estimate.h"
#include "data/inventory.h"

namespace djcost {

/// The hot set from traffic is the smallest set of the busiest API endpoints
/// whose requests reach this share of all requests to API endpoints: the
/// Pareto cut, the usual reading of "hot paths".
inline constexpr double kHotTrafficShare = 0.8;

/// Unmatched paths the report names, busiest first.
inline constexpr size_t kTopUnmatchedPaths = 10;

struct HotSet {
  std::vector<const Endpoint*> endpoints;  // API endpoints outside tests, in inventory order
  std::string scope;                       // how they were chosen, for the report
  TrafficSummary traffic;                  // given = false without traffic data
  std::vector<Diagnostic> diagnostics;     // routes whose regex could not be used
};

/// Requests are matched to routes by RouteMatcher (estimate/route_match.h),
/// then to the endpoint with the request's method: HEAD is served by GET, a
/// method-less or unserved method stays with the route as a whole. Requests on
/// mounted external routes (admin, third-party includes) are counted apart.
HotSet ChooseHotSet(const Inventory& inventory, const EstimateOptions& options);

}  // namespace djcost
