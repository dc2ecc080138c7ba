// The only stage that sees the whole project: resolves modules and imports, walks
// class hierarchies, finds settings, walks the URLconf graph, expands routers,
// classifies views and attributes every item to its app.
// Input: every file's FileFacts and the RuleSet; output: Inventory.
#pragma once

#include <vector>

#include "data/file_facts.h"
#include "data/inventory.h"
#include "data/rule_set.h"

namespace djcost {

/// With `jobs` > 1 the URL walk runs on a second thread; the Inventory is the same.
Inventory Link(const std::vector<FileFacts>& files, const RuleSet& rules, int jobs = 1);

}  // namespace djcost
