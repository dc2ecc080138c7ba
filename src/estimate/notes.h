// The notes a reader needs to read a strategy's total right: where the split's
// scope came from, what the rewrite's items add on top of the per-kLoC figure,
// and how each total compares with seeds/001's 2-4 weeks. Input: the priced
// strategies and the inventory; output: StrategyEstimate::notes. No I/O.
#pragma once

#include <string>
#include <vector>

#include "data/estimate.h"
#include "data/inventory.h"

namespace djcost {

/// seeds/001 (RunxBuild blog): most successful migrations of a service that
/// has tests take two to four weeks.
inline constexpr double kSeed001LowWeeks = 2;
inline constexpr double kSeed001HighWeeks = 4;

/// Rewrite items that seeds/000's per-kLoC range already covers (it names
/// auth, the admin, migrations and signals as rebuilt from parts).
const std::vector<std::string>& RewriteOverlapItems();

/// Appends the notes to each strategy of `strategies` (ids stay, split, hybrid,
/// rewrite). `split_scope` is Estimate::split_scope.
void AddNotes(const Inventory& inventory, const std::string& split_scope,
              std::vector<StrategyEstimate>* strategies);

}  // namespace djcost
