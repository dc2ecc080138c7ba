// What could break a move that the line items do not price: receivers on moved
// models, overridden save/delete, custom managers, a custom user model, and
// every Finding of the inventory. Input: the Inventory and the split and
// hybrid scopes; output: Risks with file:line, sorted.
#pragma once

#include <string>
#include <vector>

#include "data/estimate.h"
#include "data/inventory.h"
#include "estimate/scope.h"

namespace djcost {

/// "high", "medium" or "low" for a Finding kind; kinds not in the table are "low".
std::string FindingSeverity(const std::string& kind);

/// Sorted by severity (high first), kind, location, message, app.
std::vector<Risk> FindRisks(const Inventory& inventory, const MoveScope& split,
                            const MoveScope& hybrid);

}  // namespace djcost
