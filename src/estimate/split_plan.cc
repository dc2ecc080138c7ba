#include "estimate/split_plan.h"

#include <algorithm>
#include <map>

#include "estimate/scope.h"
#include "util/strings.h"

namespace djcost {
namespace {

bool IsCrossApp(const Model& m, const Relation& r) {
  return r.cross_app || (!r.target_app.empty() && r.target_app != m.app);
}

std::string Counted(int n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string Reason(const SplitStep& s) {
  std::vector<std::string> ties;
  if (s.cross_app_relations > 0) {
    ties.push_back(Counted(s.cross_app_relations, "cross-app relation", "cross-app relations"));
  }
  if (s.cross_app_signals > 0) {
    ties.push_back(Counted(s.cross_app_signals, "cross-app signal", "cross-app signals"));
  }
  if (s.pages > 0) ties.push_back(Counted(s.pages, "page", "pages") + " left in Django");
  if (s.admin_registrations > 0) {
    ties.push_back(Counted(s.admin_registrations, "admin registration", "admin registrations"));
  }
  const std::string head = Counted(s.api_endpoints, "API endpoint", "API endpoints");
  if (ties.empty()) return head + "; coupling 0: self-contained";
  return head + "; coupling " + FormatFixed(s.coupling, 2) + " from " + Join(ties, ", ");
}

}  // namespace

std::vector<SplitStep> PlanSplit(const Inventory& inventory) {
  std::map<std::string, SplitStep> steps;
  for (const Endpoint& e : inventory.endpoints) {
    if (e.kind == EndpointKind::kApi && !e.in_tests && !e.app.empty()) {
      steps[e.app].app = e.app;
      ++steps[e.app].api_endpoints;
    }
  }
  auto step = [&](const std::string& app) -> SplitStep* {
    auto it = steps.find(app);
    return it == steps.end() ? nullptr : &it->second;
  };
  for (const Endpoint& e : inventory.endpoints) {
    if (e.kind != EndpointKind::kPage || e.in_tests) continue;
    if (SplitStep* s = step(e.app)) ++s->pages;
  }
  for (const Model& m : inventory.models) {
    if (m.in_tests) continue;
    if (SplitStep* s = step(m.app)) ++s->models;
    for (const Relation& r : m.relations) {
      if (!IsCrossApp(m, r)) continue;
      // Both ends are tied: the app holding the key and the app it points to.
      if (SplitStep* s = step(m.app)) ++s->cross_app_relations;
      if (r.target_app != m.app) {
        if (SplitStep* s = step(r.target_app)) ++s->cross_app_relations;
      }
    }
  }
  const Senders senders(inventory);
  for (const SignalReceiver& r : inventory.signal_receivers) {
    const std::string sender_app = senders.AppOf(r);
    if (sender_app.empty() || r.app.empty() || sender_app == r.app) continue;
    if (SplitStep* s = step(sender_app)) ++s->cross_app_signals;
    if (SplitStep* s = step(r.app)) ++s->cross_app_signals;
  }
  for (const AdminRegistration& a : inventory.admin_registrations) {
    if (SplitStep* s = step(a.app)) ++s->admin_registrations;
  }
  std::vector<SplitStep> plan;
  for (auto& [app, s] : steps) {
    s.coupling = kCouplingPerRelation * s.cross_app_relations +
                 kCouplingPerSignal * s.cross_app_signals + kCouplingPerPage * s.pages +
                 kCouplingPerAdminRegistration * s.admin_registrations;
    s.reason = Reason(s);
    plan.push_back(s);
  }
  std::sort(plan.begin(), plan.end(), [](const SplitStep& a, const SplitStep& b) {
    if (a.coupling != b.coupling) return a.coupling < b.coupling;
    if (a.api_endpoints != b.api_endpoints) return a.api_endpoints > b.api_endpoints;
    return a.app < b.app;
  });
  for (size_t i = 0; i < plan.size(); ++i) plan[i].rank = static_cast<int>(i) + 1;
  return plan;
}

}  // namespace djcost
