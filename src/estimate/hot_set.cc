#include "estimate/hot_set.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "estimate/route_match.h"
#include "estimate/scope.h"
#include "util/strings.h"

namespace djcost {
namespace {

// Requests that reached one endpoint, or a route as a whole.
struct Target {
  std::string route;
  std::string method;  // "" for the route as a whole
  std::vector<const Endpoint*> endpoints;
  long long requests = 0;
};

bool IsApi(const Target& t) {
  return std::any_of(t.endpoints.begin(), t.endpoints.end(),
                     [](const Endpoint* e) { return e->kind == EndpointKind::kApi; });
}

std::string Plural(size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// Mounted includes (admin, third-party URLconfs) serve everything below their
// prefix; a view defined outside the repository serves its route alone.
std::string ExternalPattern(const ExternalRoute& r) {
  if (r.reason == "view defined outside the repository") return r.route;
  return r.route + "<path:rest>";
}

}  // namespace

HotSet ChooseHotSet(const Inventory& inventory, const EstimateOptions& options) {
  HotSet hot;
  const bool traffic = !options.traffic_file.empty();
  // Requests are matched by route: only traffic needs the endpoints grouped so
  // (a map of every route, most of an estimate's time on a large inventory).
  std::map<std::string, std::vector<const Endpoint*>> by_route;
  std::vector<const Endpoint*> api;
  for (const Endpoint& e : inventory.endpoints) {
    if (e.in_tests) continue;
    if (traffic) by_route[e.route].push_back(&e);
    if (e.kind == EndpointKind::kApi) api.push_back(&e);
  }
  std::set<const Endpoint*> chosen;
  for (const Endpoint* e : api) {
    if (!options.hot_patterns.empty() && MatchesHotPattern(e->route, options.hot_patterns)) {
      chosen.insert(e);
    }
  }

  std::vector<Target> targets;
  size_t busiest = 0;  // API targets taken by the traffic rule
  if (traffic) {
    TrafficSummary& t = hot.traffic;
    t.given = true;
    t.file = options.traffic_file;
    t.hot_share = kHotTrafficShare;
    std::vector<std::string> routes;
    for (const auto& [route, _] : by_route) routes.push_back(route);
    const size_t endpoint_routes = routes.size();
    for (const ExternalRoute& r : inventory.external_routes) routes.push_back(ExternalPattern(r));
    std::vector<std::string> rejected;
    RouteMatcher matcher(routes, &rejected);
    for (const std::string& route : rejected) {
      hot.diagnostics.push_back(Diagnostic{
          Severity::kWarning, "traffic-route-not-understood", Location{},
          "route " + route + " is not a regular expression djcost can match: requests to it "
                             "are counted as unmatched"});
    }
    std::map<std::pair<std::string, std::string>, Target> by_target;
    std::map<std::pair<std::string, std::string>, long long> unmatched;  // (path, method)
    for (const TrafficEntry& entry : options.traffic) {
      t.requests += entry.count;
      const int index = matcher.Match(entry.path);
      if (index < 0) {
        t.unmatched_requests += entry.count;
        unmatched[{entry.path, entry.method}] += entry.count;
        continue;
      }
      if (static_cast<size_t>(index) >= endpoint_routes) {
        t.external_requests += entry.count;
        continue;
      }
      const std::string& route = routes[index];
      const std::vector<const Endpoint*>& served = by_route[route];
      // HEAD is answered by the GET handler; ANY takes every method.
      const std::string method = entry.method == "HEAD" ? "GET" : entry.method;
      const Endpoint* endpoint = nullptr;
      for (const Endpoint* e : served) {
        if (!method.empty() && e->method == method) endpoint = e;
      }
      for (const Endpoint* e : served) {
        if (endpoint == nullptr && !method.empty() && e->method == "ANY") endpoint = e;
      }
      Target& target = by_target[{route, endpoint ? endpoint->method : ""}];
      if (target.endpoints.empty()) {
        target.route = route;
        target.method = endpoint ? endpoint->method : "";
        target.endpoints = endpoint ? std::vector<const Endpoint*>{endpoint} : served;
      }
      target.requests += entry.count;
    }
    for (auto& [_, target] : by_target) targets.push_back(std::move(target));
    // Busiest first; ties in route and method order, so the cut is stable.
    std::sort(targets.begin(), targets.end(), [](const Target& a, const Target& b) {
      if (a.requests != b.requests) return a.requests > b.requests;
      if (a.route != b.route) return a.route < b.route;
      return a.method < b.method;
    });
    for (const Target& target : targets) (IsApi(target) ? t.api_requests : t.page_requests) +=
        target.requests;
    long long carried = 0;
    for (const Target& target : targets) {
      if (!IsApi(target)) continue;
      if (static_cast<double>(carried) >= kHotTrafficShare * static_cast<double>(t.api_requests)) {
        break;
      }
      carried += target.requests;
      ++busiest;
      for (const Endpoint* e : target.endpoints) {
        if (e->kind == EndpointKind::kApi) chosen.insert(e);
      }
    }
    std::vector<TrafficEntry> misses;
    for (const auto& [key, count] : unmatched) misses.push_back({key.second, key.first, count});
    t.unmatched_paths = static_cast<int>(misses.size());
    std::stable_sort(misses.begin(), misses.end(), [](const TrafficEntry& a, const TrafficEntry& b) {
      return a.count > b.count;
    });
    if (misses.size() > kTopUnmatchedPaths) misses.resize(kTopUnmatchedPaths);
    t.top_unmatched = std::move(misses);
  }

  const size_t patterns = options.hot_patterns.size();
  const std::string pattern_text = Plural(patterns, "pattern", "patterns");
  const std::string busiest_text =
      "the " + Plural(busiest, "busiest API endpoint", "busiest API endpoints") + " carrying " +
      FormatFixed(kHotTrafficShare * 100, 0) + "% of API requests in " + options.traffic_file;
  if (patterns == 0 && busiest == 0) {
    hot.endpoints = api;
    hot.scope = traffic ? "all API endpoints (no request in " + options.traffic_file +
                              " reached an API endpoint)"
                        : "all API endpoints";
  } else {
    for (const Endpoint* e : api) {
      if (chosen.count(e)) hot.endpoints.push_back(e);
    }
    if (patterns > 0 && busiest > 0) {
      hot.scope = "hot set: " + pattern_text + " and " + busiest_text;
    } else if (patterns > 0) {
      hot.scope = "hot set: " + pattern_text;
    } else {
      hot.scope = "hot set: " + busiest_text;
    }
  }

  if (traffic) {
    const std::set<const Endpoint*> moved(hot.endpoints.begin(), hot.endpoints.end());
    for (const Target& target : targets) {
      EndpointTraffic row;
      row.route = target.route;
      row.method = target.method;
      row.app = target.endpoints.empty() ? "" : target.endpoints.front()->app;
      row.api = IsApi(target);
      row.requests = target.requests;
      row.hot = std::any_of(target.endpoints.begin(), target.endpoints.end(),
                            [&](const Endpoint* e) { return moved.count(e) > 0; });
      if (row.hot) hot.traffic.split_requests += target.requests;
      hot.traffic.endpoints.push_back(std::move(row));
    }
  }
  return hot;
}

}  // namespace djcost
