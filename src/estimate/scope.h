// What a strategy moves: the endpoints, the apps they belong to and what those
// apps carry (models, receivers on their models, custom signals, findings).
// Input: the Inventory and the hot route globs; output: pointers into the
// Inventory, valid while it lives.
#pragma once

#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "data/inventory.h"

namespace djcost {

/// True when `route` matches one of `patterns`. Leading and trailing '/' are
/// ignored on both sides; `*` stays within a path segment, `**` crosses them,
/// and "prefix/**" also matches "prefix" itself.
bool MatchesHotPattern(const std::string& route, const std::vector<std::string>& patterns);

/// The models a receiver's sender can name ("shop.models.Order" or "shop.Order",
/// among models outside tests) and the repo signals by qualified name, indexed
/// once rather than scanned for every receiver.
class Senders {
 public:
  explicit Senders(const Inventory& inventory);
  /// The model `sender` names; nullptr when it names none.
  const Model* ModelOf(const std::string& sender) const;
  /// The app a receiver listens to: its sender model's app, or the app of the
  /// repo signal it is connected to; "" when unknown.
  std::string AppOf(const SignalReceiver& receiver) const;

 private:
  std::unordered_map<std::string, const Model*> models_;
  std::unordered_map<std::string, const CustomSignal*> signals_;
};

struct MoveScope {
  std::vector<const Endpoint*> endpoints;  // API endpoints outside tests
  std::set<std::string> apps;              // their apps ("" left out)
  std::vector<const Model*> models;        // models of those apps, outside tests
  std::vector<const SignalReceiver*> receivers;  // receivers whose sender is one of `models`
  std::vector<const CustomSignal*> custom_signals;  // defined in those apps
  std::vector<const Finding*> findings;             // in those apps
};

/// The API endpoints (outside tests) matching `hot_patterns`, or all of them
/// when there are no patterns, with what their apps carry.
MoveScope ScopeOf(const Inventory& inventory, const std::vector<std::string>& hot_patterns);

/// `endpoints` (pointers into `inventory`, in inventory order) with what their apps carry.
MoveScope ScopeOfEndpoints(const Inventory& inventory,
                           const std::vector<const Endpoint*>& endpoints);

/// Findings of `kind` in `findings`.
int CountFindings(const std::vector<const Finding*>& findings, const std::string& kind);

/// True when the project has a custom user model (a model, or a
/// "custom-user-model" finding) or an authentication backend finding
/// ("auth-backend", "third-party-auth-backend"): the moved API then has to
/// authenticate Django's users.
bool HasCustomAuth(const Inventory& inventory);

}  // namespace djcost
