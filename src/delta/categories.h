// The inventory categories a delta compares, and what identifies an item of
// each across revisions: endpoint (route, method, view), model qualname, admin
// registration (site, model), receiver (signal, handler, sender)... One table,
// used by the report reader and every delta renderer.
#pragma once

#include <string>
#include <vector>

namespace djcost {

struct ItemCategory {
  std::string id;        // the key under "inventory" in the JSON report, or "risks"
  std::string singular;  // "endpoint"
  std::string plural;    // "endpoints"
  std::vector<std::string> key_fields;  // identity, in order
};

/// In the order a delta lists them. "risks" is last: a risk is not an inventory
/// item, but a new one is what a reviewer most wants to see.
const std::vector<ItemCategory>& ItemCategories();

/// A risk's message as its identity: runs of digits become '#', because an
/// aggregate risk's message holds counts ("the split moves 22 API endpoints")
/// that change without the risk being a new one.
std::string StableRiskMessage(const std::string& message);

/// The category `id`, or nullptr.
const ItemCategory* FindItemCategory(const std::string& id);

}  // namespace djcost
