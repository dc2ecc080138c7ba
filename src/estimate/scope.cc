#include "estimate/scope.h"

#include "util/strings.h"

namespace djcost {
namespace {

std::string_view TrimSlashes(std::string_view s) {
  while (!s.empty() && s.front() == '/') s.remove_prefix(1);
  while (!s.empty() && s.back() == '/') s.remove_suffix(1);
  return s;
}

}  // namespace

bool MatchesHotPattern(const std::string& route, const std::vector<std::string>& patterns) {
  const std::string_view text = TrimSlashes(route);
  for (const auto& p : patterns) {
    const std::string_view pattern = TrimSlashes(p);
    if (GlobMatch(pattern, text)) return true;
    if (EndsWith(pattern, "/**") && text == pattern.substr(0, pattern.size() - 3)) return true;
  }
  return false;
}

Senders::Senders(const Inventory& inventory) {
  // The first model (or signal) of a name wins, as a scan in inventory order would.
  for (const Model& m : inventory.models) {
    if (m.in_tests) continue;
    models_.emplace(m.qualname, &m);
    if (!m.app.empty()) models_.emplace(m.app + "." + m.name, &m);
  }
  for (const CustomSignal& s : inventory.custom_signals) signals_.emplace(s.qualname, &s);
}

const Model* Senders::ModelOf(const std::string& sender) const {
  if (sender.empty()) return nullptr;
  auto it = models_.find(sender);
  return it == models_.end() ? nullptr : it->second;
}

std::string Senders::AppOf(const SignalReceiver& receiver) const {
  if (const Model* m = ModelOf(receiver.sender)) return m->app;
  auto it = signals_.find(receiver.signal);
  return it == signals_.end() ? "" : it->second->app;
}

MoveScope ScopeOf(const Inventory& inventory, const std::vector<std::string>& hot_patterns) {
  std::vector<const Endpoint*> endpoints;
  for (const Endpoint& e : inventory.endpoints) {
    if (e.kind != EndpointKind::kApi || e.in_tests) continue;
    if (!hot_patterns.empty() && !MatchesHotPattern(e.route, hot_patterns)) continue;
    endpoints.push_back(&e);
  }
  return ScopeOfEndpoints(inventory, endpoints);
}

MoveScope ScopeOfEndpoints(const Inventory& inventory,
                           const std::vector<const Endpoint*>& endpoints) {
  MoveScope scope;
  scope.endpoints = endpoints;
  for (const Endpoint* e : endpoints) {
    if (!e->app.empty()) scope.apps.insert(e->app);
  }
  for (const Model& m : inventory.models) {
    if (!m.in_tests && scope.apps.count(m.app)) scope.models.push_back(&m);
  }
  const Senders senders(inventory);
  for (const SignalReceiver& r : inventory.signal_receivers) {
    const Model* sender = senders.ModelOf(r.sender);
    if (sender != nullptr && scope.apps.count(sender->app)) scope.receivers.push_back(&r);
  }
  for (const CustomSignal& s : inventory.custom_signals) {
    if (scope.apps.count(s.app)) scope.custom_signals.push_back(&s);
  }
  for (const Finding& f : inventory.findings) {
    if (scope.apps.count(f.app)) scope.findings.push_back(&f);
  }
  return scope;
}

int CountFindings(const std::vector<const Finding*>& findings, const std::string& kind) {
  int n = 0;
  for (const Finding* f : findings) n += f->kind == kind ? 1 : 0;
  return n;
}

bool HasCustomAuth(const Inventory& inventory) {
  for (const Model& m : inventory.models) {
    if (m.is_user_model && !m.in_tests) return true;
  }
  for (const Finding& f : inventory.findings) {
    if (f.kind == "auth-backend" || f.kind == "third-party-auth-backend" ||
        f.kind == "custom-user-model") {
      return true;
    }
  }
  return false;
}

}  // namespace djcost
